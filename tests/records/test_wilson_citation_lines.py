"""The archive's citation line in each variation shared/pages/README.md lists, one case each.

Each case is a small synthetic page (the older site's layout around one citation line); the
expected fields were written by reading the line. Constant fields (digital archive, publisher,
the verbatim citation, the description, the language) are checked once, not per case.
"""

from __future__ import annotations

import string
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archcite.errors import InputError
from archcite.records.formats.wilson import (
    DIACRITICS_WARNING,
    name_object,
    parse_date,
    read_page,
    read_title,
    sniff_html,
    sniff_text,
)
from tests.conftest import DATA

PAGES = DATA / "pages"
CONSTANT = ("digital-archive", "digital-archive-publisher", "archive-citation", "abstract", "title-is-description")


def older_page(citation: str, *, date_line: str = "") -> str:
    return (
        "Search in\n\nDigital Archive International History Declassified\n\n"
        f"{date_line}\n\n\n  • Citation\n\n    get citation\n\n"
        "    A description of the document.\n"
        f"    {citation}\n"
        "  • share document\n\n\nEnglish HTML\n\nThe text of the document.\n"
    )


def fields_of(citation: str) -> dict[str, Any]:
    parsed = read_page(older_page(citation), "page.txt")
    fields = dict(parsed.items[0][0])
    return {k: v for k, v in fields.items() if k not in CONSTANT and k != "language"}


def warnings_of(citation: str) -> list[str]:
    return [w.message for w in read_page(older_page(citation), "page.txt").warnings]


def test_constant_fields_and_the_verbatim_citation() -> None:
    citation = '"Memorandum," 1955, History and Public Policy Program Digital Archive, AVPRF, f. 1, op. 2, d. 3.'
    fields = read_page(older_page(citation), "page.txt").items[0][0]
    assert {k: fields[k] for k in (*CONSTANT, "language")} == {
        "digital-archive": "History and Public Policy Program Digital Archive",
        "digital-archive-publisher": "Wilson Center",
        "archive-citation": citation,
        "abstract": "A description of the document.",
        "title-is-description": True,
        "language": "en",
    }


CASES: list[tuple[str, str, dict[str, Any]]] = [
    (
        "month and year with a comma; abbreviation only; two translators joined by 'and'",
        '"Memorandum of Conversation," August, 1962, History and Public Policy Program Digital Archive, '
        "SAPMO-BA, DY 30, IV 2/2.035/137. Translated by Christian F. Ostermann and Paul Smith.",
        {
            "type": "document",
            "genre": "Memorandum of Conversation",
            "title": "Memorandum of Conversation",
            "translator": [{"family": "Ostermann", "given": "Christian F."}, {"family": "Smith", "given": "Paul"}],
            "issued": {"date-parts": [[1962, 8]]},
            "archive": "SAPMO-BA",
            "archive_location": "DY 30, IV 2/2.035/137",
        },
    ),
    (
        "month and year without a comma; curly quotes; stray space before a comma; contributed and translated; "
        "no final period",
        "“Minutes of Conversation between Mao Zedong and Kim Il Sung,” August 1962 , History and Public Policy "
        "Program Digital Archive, PRC FMA 106-00580-01 , 1-5. Contributed by Sergey Radchenko and translated by "
        "Gary Goldberg",
        {
            "type": "document",
            "genre": "Minutes of Conversation",
            "title": "Minutes of Conversation between Mao Zedong and Kim Il Sung",
            "translator": [{"family": "Goldberg", "given": "Gary"}],
            "issued": {"date-parts": [[1962, 8]]},
            "archive": "PRC FMA",
            "archive_location": "106-00580-01",
            "page": "1-5",
            "contributed-by": "Sergey Radchenko",
        },
    ),
    (
        "year only; Hungarian call number kept as printed; institutional sender and recipient",
        '"Report, Embassy of Hungary in North Korea to the Hungarian Foreign Ministry," 1955, History and Public '
        "Policy Program Digital Archive, MOL, XIX-J-1-j Korea, 4. doboz, 5/a, 004076/ 1955. Translated for NKIDP "
        "by Balazs Szalontai.",
        {
            "type": "report",
            "genre": "Report",
            "title": "Report, Embassy of Hungary in North Korea to the Hungarian Foreign Ministry",
            "author": [{"literal": "Embassy of Hungary in North Korea"}],
            "recipient": [{"literal": "Hungarian Foreign Ministry"}],
            "translator": [{"family": "Szalontai", "given": "Balazs"}],
            "issued": {"date-parts": [[1955]]},
            "archive": "MOL",
            "archive_location": "XIX-J-1-j Korea, 4. doboz, 5/a, 004076/ 1955",
            "translated-for": "NKIDP",
        },
    ),
    (
        "Russian call number with ll. folios",
        '"Letter to the Deputy Chairman of the Soviet Committee of the MGG, Prof. Pushkov," 1958, History and '
        "Public Policy Program Digital Archive, RGANI, f. 5, op. 49, d. 131, ll. 193-194. Translated by Gary "
        "Goldberg.",
        {
            "type": "personal_communication",
            "genre": "Letter",
            "title": "Letter to the Deputy Chairman of the Soviet Committee of the MGG, Prof. Pushkov",
            "recipient": [{"literal": "Deputy Chairman of the Soviet Committee of the MGG, Prof. Pushkov"}],
            "translator": [{"family": "Goldberg", "given": "Gary"}],
            "issued": {"date-parts": [[1958]]},
            "archive": "RGANI",
            "archive_location": "f. 5, op. 49, d. 131",
            "page": "193-194",
            "page-label": "folio",
        },
    ),
    (
        "original-language archive name with an English gloss; missing space after a period; obtained by, "
        "translated and edited by three",
        '"Report of the Hungarian Ministry of Foreign Affairs for the Council of Ministers," December 06, 1989, '
        "History and Public Policy Program Digital Archive, Magyar Országos Levéltár (Hungarian National "
        "Archives), XIX-J-1-j, 1989, 45. doboz.Obtained by Béla Révész; translated and edited by Barnabás Vajd, "
        "Laura Deal, and Karl P. Benziger.",
        {
            "type": "report",
            "genre": "Report",
            "title": "Report of the Hungarian Ministry of Foreign Affairs for the Council of Ministers",
            "translator": [
                {"family": "Vajd", "given": "Barnabás"},
                {"family": "Deal", "given": "Laura"},
                {"family": "Benziger", "given": "Karl P."},
            ],
            "editor": [
                {"family": "Vajd", "given": "Barnabás"},
                {"family": "Deal", "given": "Laura"},
                {"family": "Benziger", "given": "Karl P."},
            ],
            "issued": {"date-parts": [[1989, 12, 6]]},
            "archive": "Magyar Országos Levéltár (Hungarian National Archives)",
            "archive_location": "XIX-J-1-j, 1989, 45. doboz",
            "obtained-by": "Béla Révész",
        },
    ),
    (
        "copy courtesy of; translation by; the document URL appended",
        '"Transcript of Conversation," 1961, History and Public Policy Program Digital Archive, National '
        "Security Archive, copy courtesy of NSA; translation by Svetlana Savranskaya. "
        "https://digitalarchive.wilsoncenter.org/document/12345",
        {
            "type": "document",
            "genre": "Transcript",
            "title": "Transcript of Conversation",
            "translator": [{"family": "Savranskaya", "given": "Svetlana"}],
            "issued": {"date-parts": [[1961]]},
            "archive": "National Security Archive",
            "courtesy-of": "NSA",
            "digital-archive-id": "12345",
            "URL": "https://digitalarchive.wilsoncenter.org/document/12345",
        },
    ),
    (
        "a published book as the source: kept verbatim in note",
        '"Djilas\'s First Conversation with Stalin," May 19, 1944, History and Public Policy Program Digital '
        "Archive, Milovan Djilas. Wartime. Translated by Michael B. Petrovich. (New York: Harcourt Brace "
        "Jovanovich, 1977), 385-387.",
        {
            "type": "document",
            "title": "Djilas's First Conversation with Stalin",
            "issued": {"date-parts": [[1944, 5, 19]]},
            "note": (
                "Milovan Djilas. Wartime. Translated by Michael B. Petrovich. (New York: Harcourt Brace "
                "Jovanovich, 1977), 385-387."
            ),
        },
    ),
    (
        "no archive at all; two East Asian senders",
        '"Letter from Kim Il Sung and Pak Hon Yong to Stalin," September 29, 1950, History and Public Policy '
        "Program Digital Archive. Translated by Kathryn Weathersby.",
        {
            "type": "personal_communication",
            "genre": "Letter",
            "title": "Letter from Kim Il Sung and Pak Hon Yong to Stalin",
            "author": [{"literal": "Kim Il Sung"}, {"literal": "Pak Hon Yong"}],
            "recipient": [{"literal": "Stalin"}],
            "translator": [{"family": "Weathersby", "given": "Kathryn"}],
            "issued": {"date-parts": [[1950, 9, 29]]},
        },
    ),
    (
        "original-language name and place; collection as its own segment",
        '"Telegram to Moscow," 1953, History and Public Policy Program Digital Archive, Archiwum Akt Nowych '
        "(Modern Records Archive), Warsaw, KC PZPR, sygn. 2661, pp. 121-125.",
        {
            "type": "personal_communication",
            "genre": "Telegram",
            "title": "Telegram to Moscow",
            "recipient": [{"literal": "Moscow"}],
            "issued": {"date-parts": [[1953]]},
            "archive": "Archiwum Akt Nowych (Modern Records Archive)",
            "archive-place": "Warsaw",
            "archive_collection": "KC PZPR",
            "archive_location": "sygn. 2661",
            "page": "121-125",
        },
    ),
    (
        "two archives joined by '; and'",
        '"Notes," 1953, History and Public Policy Program Digital Archive, Political Archive of the Foreign '
        "Office, Berlin, MfAA A 1234; and Federal Archives (SAPMO-BArch), DY 30/3386. Translated by Bernd "
        "Schaefer and Gary Goldberg.",
        {
            "type": "document",
            "genre": "Notes",
            "title": "Notes",
            "translator": [{"family": "Schaefer", "given": "Bernd"}, {"family": "Goldberg", "given": "Gary"}],
            "issued": {"date-parts": [[1953]]},
            "archive": "Political Archive of the Foreign Office",
            "archive-place": "Berlin",
            "archive_location": "MfAA A 1234",
            "note": "Federal Archives (SAPMO-BArch), DY 30/3386",
        },
    ),
    (
        "the seed's full name with place, with a missing space before the credit",
        '"Letter to Wladyslaw Gomulka from Kim Il Sung," February 03, 1966, History and Public Policy Program '
        "Digital Archive, Modern Records Archives, Warsaw, KC PZPR 2263/175-233, pp. 209-233.Translated by "
        "Vojtech Mastny.https://digitalarchive.wilsoncenter.org/document/113390",
        {
            "type": "personal_communication",
            "genre": "Letter",
            "title": "Letter to Wladyslaw Gomulka from Kim Il Sung",
            "author": [{"literal": "Kim Il Sung"}],
            "recipient": [{"family": "Gomulka", "given": "Wladyslaw"}],
            "translator": [{"family": "Mastny", "given": "Vojtech"}],
            "issued": {"date-parts": [[1966, 2, 3]]},
            "archive": "Modern Records Archives",
            "archive-place": "Warsaw",
            "archive_collection": "KC PZPR",
            "archive_location": "2263/175-233",
            "page": "209-233",
            "digital-archive-id": "113390",
            "URL": "https://digitalarchive.wilsoncenter.org/document/113390",
        },
    ),
]


@pytest.mark.parametrize(("citation", "expected"), [(c, e) for _, c, e in CASES], ids=[n for n, _, _ in CASES])
def test_citation_line_variation_is_split_into_fields(citation: str, expected: dict[str, Any]) -> None:
    assert fields_of(citation) == expected


def test_unsure_parts_are_reported() -> None:
    book = next(c for n, c, _ in CASES if n.startswith("a published book"))
    assert "the document's source is a published book; kept verbatim in note, not split into fields" in warnings_of(
        book
    )
    no_archive = next(c for n, c, _ in CASES if n.startswith("no archive"))
    assert "the citation names no original archive; archive fields left out" in warnings_of(no_archive)
    abbreviation_only = '"Letter," 1962, History and Public Policy Program Digital Archive, AVPRF.'
    assert fields_of(abbreviation_only)["archive"] == "AVPRF"
    assert "the source gives no call number for the document" in warnings_of(abbreviation_only)


def test_a_place_archcite_does_not_list_is_taken_with_a_warning() -> None:
    citation = (
        '"Letter," 1957, History and Public Policy Program Digital Archive, State Archive, Gdansk, KC 12/3, p. 4.'
    )
    assert fields_of(citation) == {
        "type": "personal_communication",
        "genre": "Letter",
        "title": "Letter",
        "issued": {"date-parts": [[1957]]},
        "archive": "State Archive",
        "archive-place": "Gdansk",
        "archive_location": "KC 12/3",
        "page": "4",
    }
    assert "took 'Gdansk' for the archive's place; check it" in warnings_of(citation)


def test_a_collection_after_the_archive_name_is_the_collection() -> None:
    citation = (
        '"Memorandum," 1961, History and Public Policy Program Digital Archive, Library of Congress, '
        "Averell Harriman Papers, box 5."
    )
    fields = fields_of(citation)
    assert (fields["archive"], fields["archive_collection"], fields["archive_location"]) == (
        "Library of Congress",
        "Averell Harriman Papers",
        "box 5",
    )


def test_an_unknown_credit_is_kept_verbatim_in_note_with_a_warning() -> None:
    citation = (
        '"Letter," 1962, History and Public Policy Program Digital Archive, AVPRF, f. 1. Translated by Gary '
        "Goldberg. Scanned by the archive."
    )
    assert fields_of(citation)["note"] == "Scanned by the archive"
    assert "credit 'Scanned by the archive' not understood; kept verbatim in note" in warnings_of(citation)


def test_a_credit_name_with_lower_case_words_is_reported() -> None:
    citation = (
        '"Letter," 1962, History and Public Policy Program Digital Archive, AVPRF, f. 1. Translated by A. B. '
        "Scanned by the archive."
    )
    assert fields_of(citation)["translator"] == [{"literal": "A. B. Scanned by the archive"}]
    assert "credit name 'A. B. Scanned by the archive' does not look like a name; check it" in warnings_of(citation)


def test_every_page_warns_that_names_may_have_lost_their_diacritics() -> None:
    citation = '"Letter," 1962, History and Public Policy Program Digital Archive, AVPRF, f. 1, op. 2, d. 3.'
    assert warnings_of(citation)[0] == DIACRITICS_WARNING


def test_a_date_line_that_disagrees_with_the_citation_is_reported() -> None:
    citation = '"Letter," 1962, History and Public Policy Program Digital Archive, AVPRF, f. 1, op. 2, d. 3.'
    messages = [w.message for w in read_page(older_page(citation, date_line="1963"), "page.txt").warnings]
    assert "the page's date line '1963' differs from the citation's '1962'" in messages


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("February 03, 1966", [1966, 2, 3]),
        ("August, 1962", [1962, 8]),
        ("August 1962", [1962, 8]),
        ("1955", [1955]),
        ("Smarch 1962", None),
        ("February 31, 1966", None),
    ],
)
def test_dates_keep_only_the_parts_given(text: str, parts: list[int] | None) -> None:
    assert parse_date(text) == parts


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Vojtech Mastny", {"family": "Mastny", "given": "Vojtech"}),
        ("Vladislav M. Zubok", {"family": "Zubok", "given": "Vladislav M."}),
        ("V. N. Malin", {"family": "Malin", "given": "V. N."}),
        ("Yafeng Xia", {"family": "Xia", "given": "Yafeng"}),
        ("Arthur M. Schlesinger Jr.", {"family": "Schlesinger", "given": "Arthur M.", "suffix": "Jr."}),
        ("Kim Il Sung", {"literal": "Kim Il Sung"}),
        ("Zhou Enlai", {"literal": "Zhou Enlai"}),
        ("Pak Seong-cheol", {"literal": "Pak Seong-cheol"}),
        ("Khrushchev", {"literal": "Khrushchev"}),
        ("the Chinese Foreign Ministry", {"literal": "Chinese Foreign Ministry"}),
        ("Embassy of Hungary in North Korea", {"literal": "Embassy of Hungary in North Korea"}),
        ("Filippov [Stalin]", {"literal": "Filippov [Stalin]"}),
    ],
)
def test_names_are_people_only_when_plainly_given_and_family(text: str, name: dict[str, str]) -> None:
    assert name_object(text) == name


SEARCH_RESULTS = (
    "Search in\nADD SEARCH FILTER CANCEL SEARCH FILTER\n\nDigital Archive International History Declassified\n\n"
    "Search Results\n1-2 of 245 results\n\n"
    "Letter to Wladyslaw Gomulka from Kim Il Sung\nFebruary 03, 1966\nA letter to Wladislaw Gomulka.\n\n"
    "Telegram from Pyongyang to Bucharest, TOP SECRET, No. 76.020, Flash\nJanuary 26, 1968\nFollowing a meeting.\n"
)


def test_a_search_results_page_is_refused_naming_what_was_expected() -> None:
    assert sniff_text(SEARCH_RESULTS)
    with pytest.raises(InputError) as raised:
        read_page(SEARCH_RESULTS, "results.txt")
    assert str(raised.value) == (
        "results.txt: not a document page: found no citation line and no dated title (expected a Wilson Center "
        "Digital Archive document page (saved text or HTML of https://digitalarchive.wilsoncenter.org/document/<id>),"
        " with its date and title)"
    )


def test_a_page_listing_several_citations_is_refused() -> None:
    one = '"Letter," 1962, History and Public Policy Program Digital Archive, AVPRF, f. 1.'
    two = '"Telegram," 1963, History and Public Policy Program Digital Archive, AVPRF, f. 2.'
    with pytest.raises(InputError, match="the page lists 2 documents, not one"):
        read_page(older_page(one + "\n" + two), "two.txt")


def test_sniffing_tells_pages_from_other_text() -> None:
    assert sniff_text(older_page('"Letter," 1962, History and Public Policy Program Digital Archive.'))
    assert not sniff_text("id: x\ntype: book\n")
    assert not sniff_text("<!DOCTYPE html><html><body>History and Public Policy Program Digital Archive</body></html>")
    assert sniff_html("<!DOCTYPE html><html><body>History and Public Policy Program Digital Archive</body></html>")
    assert not sniff_html("<!DOCTYPE html><html><body>A recipe for bread</body></html>")


def test_a_title_may_hold_quotes_of_the_other_kind() -> None:
    straight = '"Telegram on the “Pueblo” Incident," 1968, History and Public Policy Program Digital Archive.'
    curly = '“Telegram on the "Pueblo" Incident,” 1968, History and Public Policy Program Digital Archive.'
    assert fields_of(straight)["title"] == "Telegram on the “Pueblo” Incident"
    assert fields_of(curly)["title"] == 'Telegram on the "Pueblo" Incident'


def test_a_citation_without_a_date_takes_the_pages_date_line() -> None:
    citation = '"Letter," History and Public Policy Program Digital Archive, AVPRF, f. 1, op. 2, d. 3.'
    fields = read_page(older_page(citation, date_line="March 05, 1953"), "page.txt").items[0][0]
    assert fields["issued"] == {"date-parts": [[1953, 3, 5]]}


def test_an_upper_case_title_line_is_not_taken_for_the_description() -> None:
    citation = '"Letter to Moscow," 1953, History and Public Policy Program Digital Archive, AVPRF, f. 1, op. 2, d. 3.'
    page = f"March 05, 1953\n\nLETTER TO MOSCOW\n{citation}\n"
    parsed = read_page(page, "page.txt")
    assert "abstract" not in parsed.items[0][0]
    assert "found no description of the document before the citation line; abstract left out" in [
        w.message for w in parsed.warnings
    ]


@settings(max_examples=150, deadline=None)
@given(archive_part=st.text(alphabet=string.printable + "“”‘’№łéá", max_size=120))
def test_any_archive_part_is_read_or_refused_never_crashes(archive_part: str) -> None:
    citation = f'"Letter from A to B," 1962, History and Public Policy Program Digital Archive, {archive_part}'
    try:
        parsed = read_page(older_page(citation.replace("\n", " ")), "page.txt")
    except InputError:
        return
    assert parsed.items[0][0]["title"] == "Letter from A to B"


@pytest.mark.parametrize(
    ("title", "facts"),
    [
        # The telegram's number leaves the title for `number`, which a Chicago note gives.
        ("Ciphered Telegram No. 25553, Roshchin to Filippov [Stalin]", {"number": "25553"}),
        ("Telegram No. 1071 from Ambassador Chervonenko", {"number": "1071"}),
        # The first "to" names where an ambassador is accredited, the last one the recipient.
        (
            "Telegram from the Soviet Ambassador to China Pavel Yudin to the CC CPSU",
            {"author": [{"literal": "Soviet Ambassador to China Pavel Yudin"}], "recipient": [{"literal": "CC CPSU"}]},
        ),
        (
            "Cable from the Hungarian Minister to North Korea to the Hungarian Foreign Ministry",
            {
                "author": [{"literal": "Hungarian Minister to North Korea"}],
                "recipient": [{"literal": "Hungarian Foreign Ministry"}],
            },
        ),
        # No accredited office before it: "to" splits once.
        ("Letter from Kim Il Sung to Wladyslaw Gomulka", {"recipient": [{"family": "Gomulka", "given": "Wladyslaw"}]}),
    ],
)
def test_title_numbers_and_accredited_senders(title: str, facts: dict[str, Any]) -> None:
    found = read_title(title).fields
    assert {name: found.get(name) for name in facts} == facts


def test_a_recipient_named_only_in_the_salutation_is_taken_with_a_warning() -> None:
    text = (PAGES / "wilson-110861.txt").read_text(encoding="utf-8")
    text = text.replace(
        "Cable from the Chinese Foreign Ministry to Wang Bingnan", "Cable from the Chinese Foreign Ministry"
    )
    parsed = read_page(text, "page.txt")
    assert parsed.items[0][0]["recipient"] == [{"literal": "Ambassador Wang Bingnan"}]
    assert "took the recipient 'Ambassador Wang Bingnan' from the salutation '[To] ...'; check it" in [
        w.message for w in parsed.warnings
    ]
