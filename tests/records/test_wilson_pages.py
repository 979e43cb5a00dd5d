"""Every saved Wilson Center page imports to the record a reader writes down from the page.

The expected records below were written by reading each page in tests/data/pages/ (copies of
shared/pages/), field by field: the citation line gives title, date, archive, call number,
pages and credits; the title gives genre, author and recipient; the page gives the
description, the language tab and the funding line.
"""

from __future__ import annotations

from typing import Any

import pytest

from archcite.records.formats.wilson import DIACRITICS_WARNING
from archcite.records.io import load_sources
from tests.conftest import DATA

PAGES = DATA / "pages"
WILSON = {
    "digital-archive": "History and Public Policy Program Digital Archive",
    "digital-archive-publisher": "Wilson Center",
}

EXPECTED: dict[str, dict[str, Any]] = {
    # Older site, seed-like: navigation, date, citation block, language tab.
    "wilson-113390.txt": {
        "id": "kimilsung1966letter",
        "type": "personal_communication",
        "genre": "Letter",
        "title": "Letter to Wladyslaw Gomulka from Kim Il Sung",
        "title-is-description": True,
        "author": [{"literal": "Kim Il Sung"}],
        "recipient": [{"family": "Gomulka", "given": "Wladyslaw"}],
        "translator": [{"family": "Mastny", "given": "Vojtech"}],
        "issued": {"date-parts": [[1966, 2, 3]]},
        "abstract": (
            "A letter to Wladislaw Gomulka from Kim Il Sung containing his suggestions on providing assistance "
            "to the Vietnamese people and strengthening relations within the socialist bloc."
        ),
        "language": "en",
        "archive": "Modern Records Archives",
        "archive-place": "Warsaw",
        "archive_collection": "KC PZPR",
        "archive_location": "2263/175-233",
        "page": "209-233",
        **WILSON,
        "digital-archive-id": "113390",
        "URL": "https://digitalarchive.wilsoncenter.org/document/113390",
        "archive-citation": (
            '"Letter to Wladyslaw Gomulka from Kim Il Sung," February 03, 1966, History and Public Policy '
            "Program Digital Archive, Modern Records Archives, Warsaw, KC PZPR 2263/175-233, pp. 209-233. "
            "Translated by Vojtech Mastny."
        ),
    },
    # Older site with the upper-case title line, funding line and the URL appended to the citation.
    "wilson-110861.txt": {
        "id": "chineseforeignministry1955cable",
        "type": "personal_communication",
        "genre": "Cable",
        "title": (
            "Cable from the Chinese Foreign Ministry to Wang Bingnan, "
            "'Possible Attitudes of the Other Party at the Sixth Meeting'"
        ),
        "title-is-description": True,
        "author": [{"literal": "Chinese Foreign Ministry"}],
        "recipient": [{"literal": "Wang Bingnan"}],
        "translator": [{"family": "Xia", "given": "Yafeng"}],
        "issued": {"date-parts": [[1955, 8, 13]]},
        "abstract": (
            "The Chinese Foreign Ministry instructed the Chinese delegation how to respond to different "
            "attitudes the US delegation might have in the next meeting."
        ),
        "language": "en",
        "archive": "PRC FMA",
        "archive_location": "111-00016-16",
        "page": "66-67",
        "funding": "This document was made possible with support from the MacArthur Foundation",
        **WILSON,
        "digital-archive-id": "110861",
        "URL": "https://digitalarchive.wilsoncenter.org/document/110861",
        "archive-citation": (
            "\"Cable from the Chinese Foreign Ministry to Wang Bingnan, 'Possible Attitudes of the Other Party "
            "at the Sixth Meeting',\" August 13, 1955, History and Public Policy Program Digital Archive, "
            "PRC FMA 111-00016-16, 66-67. Translated by Yafeng Xia. "
            "https://digitalarchive.wilsoncenter.org/document/110861"
        ),
    },
    # PDF export: labels, curly quotes, everything on one line.
    "wilson-111944.txt": {
        "id": "malin1956working",
        "type": "document",
        "genre": "Working Notes",
        "title": "Working Notes from the Session of the CPSU CC Presidium on 9 and 12 July 1956",
        "title-is-description": True,
        "compiler": [{"family": "Malin", "given": "V. N."}],
        "issued": {"date-parts": [[1956, 7, 9]]},
        "abstract": (
            "In their meeting on July 9 and 12, 1956, the CPSU Presidium calls for an article to be prepared on "
            "the subversive activities of “imperialists” in Poznan and Hungary. Italian communist, Palmiro "
            "Togliatti, is to assist in writing an article in the Italian press. The working notes also refer to "
            "the situation developing over the rehabilitation of Hungarian communist, Laszlo Rajk, with a "
            "reference to HWP leader Rakosi."
        ),
        "language": "en",
        "original-language": "Russian",
        "archive": "TsKhSD",
        "archive_location": "F. 3, Op. 12, D. 1005",
        "page": "2-2ob",
        "page-label": "folio",
        "note": "Published in CWIHP Bulletin 8-9, p. 388.",
        **WILSON,
        "digital-archive-id": "111944",
        "URL": "https://digitalarchive.wilsoncenter.org/document/111944",
        "archive-citation": (
            "“Working Notes from the Session of the CPSU CC Presidium on 9 and 12 July 1956,” July 09, 1956, "
            "History and Public Policy Program Digital Archive, TsKhSD, F. 3, Op. 12, D. 1005, Ll. 2-2ob, "
            "compiled by V. N. Malin. Published in CWIHP Bulletin 8-9, p. 388. "
            "http://digitalarchive.wilsoncenter.org/document/111944"
        ),
    },
    # Older site, stripped: starts at the date; two archives; no language tab.
    "wilson-112088.txt": {
        "id": "zubok1959discussion",
        "type": "document",
        "title": "Discussion between N.S. Khrushchev and Mao Zedong",
        "title-is-description": True,
        "translator": [{"family": "Zubok", "given": "Vladislav M."}],
        "issued": {"date-parts": [[1959, 10, 2]]},
        "abstract": "Khrushchev and Mao discuss current political situations in Tibet, India, Indochina and Taiwan.",
        "archive": "Archive of the President of the Russian Federation (APRF)",
        "archive_location": "f. 52, op. 1, d. 499",
        "page": "1-33",
        "page-label": "folio",
        "note": "copy in Volkogonov Collection, Manuscript Division, Library of Congress, Washington, D.C.",
        **WILSON,
        "digital-archive-id": "112088",
        "URL": "https://digitalarchive.wilsoncenter.org/document/112088",
        "archive-citation": (
            '"Discussion between N.S. Khrushchev and Mao Zedong," October 02, 1959, History and Public Policy '
            "Program Digital Archive, Archive of the President of the Russian Federation (APRF), f. 52, op. 1, "
            "d. 499, ll. 1-33, copy in Volkogonov Collection, Manuscript Division, Library of Congress, "
            "Washington, D.C. Translated by Vladislav M. Zubok."
        ),
    },
    # Collection before archive; "Obtained and translated for NKIDP by".
    "wilson-113946.txt": {
        "id": "pyongyang1968telegram",
        "type": "personal_communication",
        "genre": "Telegram",
        "title": "Telegram from Pyongyang to Bucharest, TOP SECRET, No. 76.020, Flash",
        "title-is-description": True,
        "author": [{"literal": "Pyongyang"}],
        "recipient": [{"literal": "Bucharest"}],
        "translator": [{"family": "Gheorghe", "given": "Eliza"}],
        "issued": {"date-parts": [[1968, 1, 26]]},
        "abstract": (
            "Following a meeting with staff from the East German Embassy, the Embassy of Romania in the DPRK "
            "summarizes the views of Pak Seong-cheol, member of the Politburo of the Central Committee of the "
            "Korean Workers’ Party and Vice President of the Cabinet and Foreign Minister of the DPRK, on the "
            "seizure of the USS Pueblo."
        ),
        "language": "en",
        "archive": "Archive of the Romanian Ministry of Foreign Affairs",
        "archive_collection": "Political Affairs Fond",
        "archive_location": "Telegrams from Pyongyang, TOP SECRET, 1968",
        "obtained-by": "Eliza Gheorghe",
        "translated-for": "NKIDP",
        "funding": "This document was made possible with support from the Leon Levy Foundation",
        **WILSON,
        "digital-archive-id": "113946",
        "URL": "https://digitalarchive.wilsoncenter.org/document/113946",
        "archive-citation": (
            '"Telegram from Pyongyang to Bucharest, TOP SECRET, No. 76.020, Flash," January 26, 1968, History and '
            "Public Policy Program Digital Archive, Political Affairs Fond, Telegrams from Pyongyang, TOP SECRET, "
            "1968, Archive of the Romanian Ministry of Foreign Affairs. Obtained and translated for NKIDP by "
            "Eliza Gheorghe."
        ),
    },
    # Archive name with its place-like part and abbreviation; no call number, no credit, no final period.
    "wilson-114504.txt": {
        "id": "khrushchev1962letter",
        "type": "personal_communication",
        "genre": "Letter",
        "title": "Letter from Khrushchev to Fidel Castro",
        "title-is-description": True,
        "author": [{"literal": "Khrushchev"}],
        "recipient": [{"family": "Castro", "given": "Fidel"}],
        "issued": {"date-parts": [[1962, 10, 28]]},
        "abstract": (
            "Khrushchev informed Castro of his deal with J.F.Kennedy. The Soviet leader warned Castro of attempts "
            "to sabotage the agreement by men in the Pentagon and urged him to restrain from being provoked, "
            "e.g. firing at American planes."
        ),
        "language": "en",
        "archive": "Archive of Foreign Policy, Russian Federation (AVP RF)",
        "funding": "This document was made possible with support from the Leon Levy Foundation",
        **WILSON,
        "digital-archive-id": "114504",
        "URL": "https://digitalarchive.wilsoncenter.org/document/114504",
        "archive-citation": (
            '"Letter from Khrushchev to Fidel Castro," October 28, 1962, History and Public Policy Program '
            "Digital Archive, Archive of Foreign Policy, Russian Federation (AVP RF)"
        ),
    },
    # Abbreviated archive with the call number in the same segment; "Listy" folios; NKIDP credit.
    "wilson-115647.txt": {
        "id": "puzanov1957journal",
        "type": "document",
        "genre": "Journal",
        "title": "Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 14 August 1957",
        "title-is-description": True,
        "author": [{"family": "Puzanov", "given": "A.M."}],
        "translator": [{"family": "Goldberg", "given": "Gary"}],
        "issued": {"date-parts": [[1957, 8, 14]]},
        "abstract": (
            "Puzanov participates in the meeting to welcome the unofficial North Korean economic delegation's "
            "return from the USSR. In his conversation with Pak Jeong-ae and Kim Chang-man, Puzanov suggests "
            "that Soviet journalists visit many different sectors of DPRK society to provide a more thorough "
            "understanding of North Korea."
        ),
        "language": "en",
        "archive": "AVPRF",
        "archive_location": "F. 0102, Op. 13, P. 72, Delo 5",
        "page": "165-192",
        "page-label": "folio",
        "translated-for": "NKIDP",
        "funding": (
            "This document was made possible with support from the ROK Ministry of Unification, Leon Levy Foundation"
        ),
        **WILSON,
        "digital-archive-id": "115647",
        "URL": "https://digitalarchive.wilsoncenter.org/document/115647",
        "archive-citation": (
            '"Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 14 August 1957," August 14, 1957, '
            "History and Public Policy Program Digital Archive, AVPRF F. 0102, Op. 13, P. 72, Delo 5, "
            "Listy 165-192. Translated for NKIDP by Gary Goldberg. "
            "https://digitalarchive.wilsoncenter.org/document/115647"
        ),
    },
    # 2023+ site: no citation line; the source under "Document Information"; two archives.
    "wilson-ciphered-telegram-no-25553-roshchin-filippov-stalin.txt": {
        "id": "roshchin1950ciphered",
        "type": "personal_communication",
        "genre": "Ciphered Telegram",
        "title": "Ciphered Telegram No. 25553, Roshchin to Filippov [Stalin]",
        "title-is-description": True,
        "author": [{"literal": "Roshchin"}],
        "recipient": [{"literal": "Filippov [Stalin]"}],
        "number": "25553",
        "translator": [{"family": "Goldberg", "given": "Gary"}],
        "issued": {"date-parts": [[1950, 10, 12]]},
        "abstract": "Mao Zedong has already given orders to halt Chinese troops preparing to cross the Korean border.",
        "archive": "AP RF",
        "archive_location": "f. 45, op. 1, d. 334",
        "page": "141",
        "page-label": "folio",
        "note": "RGASPI, f. 558, op. 11, d. 334, ll. 0141",
        **WILSON,
        "URL": "https://digitalarchive.wilsoncenter.org/document/ciphered-telegram-no-25553-roshchin-filippov-stalin",
    },
}

# Warnings beyond the diacritics warning every page gets.
EXPECTED_WARNINGS: dict[str, list[str]] = {
    "wilson-113390.txt": ["the page text has no address; URL built from the file name 'wilson-113390.txt'"],
    "wilson-110861.txt": [],
    "wilson-111944.txt": [],
    "wilson-112088.txt": [
        "the title names no document type this reader knows; genre left out",
        "the source names a second archive or copy; kept verbatim in note (the record cites the first)",
        "the page text has no address; URL built from the file name 'wilson-112088.txt'",
    ],
    "wilson-113946.txt": ["the page text has no address; URL built from the file name 'wilson-113946.txt'"],
    "wilson-114504.txt": [
        "the source gives no call number for the document",
        "the page text has no address; URL built from the file name 'wilson-114504.txt'",
    ],
    "wilson-115647.txt": [],
    "wilson-ciphered-telegram-no-25553-roshchin-filippov-stalin.txt": [
        "the source names a second archive or copy; kept verbatim in note (the record cites the first)",
        "took the paragraph just before 'Document Information' as the document's summary (abstract); check it",
        "the page text has no address; URL built from the file name "
        "'wilson-ciphered-telegram-no-25553-roshchin-filippov-stalin.txt'",
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_imports_to_its_expected_record(name: str) -> None:
    result = load_sources([str(PAGES / name)])
    assert len(result.records) == 1
    assert result.records[0].fields == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_import_warns_about_lost_diacritics_and_what_it_left_out(name: str) -> None:
    result = load_sources([str(PAGES / name)])
    assert [w.message for w in result.warnings] == [DIACRITICS_WARNING, *EXPECTED_WARNINGS[name]]


def test_all_pages_load_together_with_distinct_ids() -> None:
    result = load_sources([str(PAGES / name) for name in sorted(EXPECTED)])
    assert [r.id for r in result.records] == [EXPECTED[name]["id"] for name in sorted(EXPECTED)]
