"""Golden archival citations: exact strings for Chicago notes, short notes and bibliography,
Chicago author-date and MLA, each from a published example or written by hand from the record
by the rule cited beside it (the README's "Archival house rules" states each rule once).

Sources: CMOS 18 = The Chicago Manual of Style, 18th ed., ch. 14 "Manuscript collections"
(letters: "Sender to Recipient, date"; generic descriptions unquoted; order specific to general)
and ch. 13 author-date; MLA 9 = MLA Handbook, 9th ed., template of core elements, plus the MLA
Style Center posts "How do I cite an unpublished letter?" and "A Guide to Citing Materials from
Physical Archives and Collections" (and its "Uncertain Date" example). MANUAL_EXAMPLES adds one
case per kind of document from Turabian, A Manual for Writers, 7th ed., manuscript collections,
and from the Chicago Manual of Style Online Q&A (interviews, CMOS 14.219; a memorandum in Foreign
Relations of the United States); docs/house-rules.md lists them by kind.
"""

from __future__ import annotations

from typing import Any

import pytest

from archcite.records.io import load_sources
from archcite.records.validate import check_item
from archcite.styles.archival import render_one
from archcite.styles.markup import to_light, to_plain
from archcite.styles.types import Locator
from tests.conftest import DATA
from tests.styles.archival_records import (
    ABOLITION_MINUTES,
    AUDEN_MANN,
    BASS_LECTURE,
    BENTON,
    BORGES_MANUSCRIPT,
    BURTON_TELEGRAM,
    CHOI_DISSERTATION,
    CONOVER_WORKING_PAPER,
    CREEL,
    CREEL_BOX_FOLDER,
    EMBASSY_UNDATED,
    FOLIO_LETTER,
    GLASS_WORKING_PAPER,
    GOMULKA_LETTER,
    HONG_LECTURE,
    HOUSE_DIARY,
    HUNGARIAN_REPORT,
    JEFFERSON_COLLECTION,
    JOHNSON_MEMORANDUM,
    KENNAN_TELEGRAM,
    KI_MEMO_CIRCA,
    KIM_PAK_STALIN,
    KISSINGER_FRUS,
    MILLER_DISSERTATION,
    MINUTES_OF_CONVERSATION,
    MOORE,
    NAVARRO_GARCIA_DISSERTATION,
    NJUS_DISSERTATION,
    PURCELL_MAP,
    ROSHCHIN_CIPHERED_TELEGRAM,
    RYAN_PAPERS,
    SCHLESINGER_MEMO,
    SOVIET_EMBASSY_FOLIOS,
    SPOCK_INTERVIEW,
    STEVENSON_PAPERS,
    TRUMAN_COLLECTION,
    TRUMAN_DIARY,
    WILSON_113390,
    record,
)

NOTES = "chicago-notes-bibliography"


def _imported_page(name: str) -> dict[str, Any]:
    [imported] = load_sources([str(DATA / "pages" / name)]).records
    return dict(imported.fields)


# Working notes compiled by V. N. Malin, as the Wilson Center page of document 111944 imports
# (the archive's line credits them "compiled by V. N. Malin").
MALIN_WORKING_NOTES = _imported_page("wilson-111944.txt")
AUTHOR_DATE = "chicago-author-date"
MLA = "modern-language-association"

ZHOU_LETTER = record(
    CREEL,
    id="zhou-kim-1958",
    author=[{"family": "Zhou", "given": "Enlai", "static-ordering": True}],
    recipient=[{"literal": "Kim Il Sung"}],
    issued={"date-parts": [[1958, 2, 14]]},
    archive_collection=None,
    archive="Archive of the Ministry of Foreign Affairs of the People's Republic of China",
    **{"archive-place": "Beijing"},
)

WILSON_NOTE = (
    "Kim Il Sung to Wladyslaw Gomulka, February 3, 1966, trans. Vojtech Mastny, KC PZPR 2263/175-233, "
    "pp. 209–33, Modern Records Archives, Warsaw, History and Public Policy Program Digital Archive, "
    "Wilson Center, https://digitalarchive.wilsoncenter.org/document/113390."
)
WILSON_BIBLIOGRAPHY = (
    "Kim Il Sung. Letter to Wladyslaw Gomulka, February 3, 1966. Translated by Vojtech Mastny. "
    "KC PZPR 2263/175-233, pp. 209–33. Modern Records Archives, Warsaw. History and Public Policy "
    "Program Digital Archive, Wilson Center. https://digitalarchive.wilsoncenter.org/document/113390."
)
WILSON_AUTHOR_DATE = (
    "Kim Il Sung. 1966. Letter to Wladyslaw Gomulka, February 3. Translated by Vojtech Mastny. "
    "KC PZPR 2263/175-233, pp. 209–33. Modern Records Archives, Warsaw. History and Public Policy "
    "Program Digital Archive, Wilson Center. https://digitalarchive.wilsoncenter.org/document/113390."
)
WILSON_MLA = (
    "Kim Il Sung. Letter to Wladyslaw Gomulka. Translated by Vojtech Mastny, 3 Feb. 1966. Modern Records "
    "Archives, Warsaw, KC PZPR 2263/175-233, pp. 209–33. History and Public Policy Program Digital "
    "Archive, Wilson Center, https://digitalarchive.wilsoncenter.org/document/113390."
)

# (case id, record, style, form, expected plain text). Form: note, short, bib (Chicago notes);
# cite, bib (author-date, MLA). The comment before each case names its source.
GOLDEN: list[tuple[str, dict[str, Any], str, str, str]] = [
    # CMOS 18 ch. 14, letters in manuscript collections: the issue's example, verbatim.
    (
        "creel-note",
        CREEL,
        NOTES,
        "note",
        "George Creel to Colonel House, September 25, 1918, Edward M. House Papers, Yale University Library, "
        "New Haven, CT.",
    ),
    # CMOS 18 ch. 14, shortened notes for letters: the issue's example, verbatim.
    ("creel-short", CREEL, NOTES, "short", "Creel to House, September 25, 1918."),
    # CMOS 18 ch. 14, bibliography entry for a single letter: sender inverted, "Letter to", then
    # collection, then repository and place, as sentences.
    (
        "creel-bib",
        CREEL,
        NOTES,
        "bib",
        "Creel, George. Letter to Colonel House, September 25, 1918. Edward M. House Papers. Yale University "
        "Library, New Haven, CT.",
    ),
    # CMOS 18 ch. 13, author-date reference list: the year after the author, month and day with the item.
    (
        "creel-author-date-entry",
        CREEL,
        AUTHOR_DATE,
        "bib",
        "Creel, George. 1918. Letter to Colonel House, September 25. Edward M. House Papers. Yale University "
        "Library, New Haven, CT.",
    ),
    # CMOS 18 ch. 13, author-date citation: family name and year.
    ("creel-author-date-cite", CREEL, AUTHOR_DATE, "cite", "(Creel 1918)"),
    # CMOS 18 ch. 14: a descriptive title is not repeated after "Sender to Recipient" (the official
    # CSL style prints “Letter to Charles Fremont,” to Charles Fremont).
    (
        "benton-note",
        BENTON,
        NOTES,
        "note",
        "Thomas Hart Benton to Charles Fremont, June 22, 1847, John Charles Fremont Papers, Southwest Museum "
        "Library, Los Angeles.",
    ),
    # MLA Style Center, "How do I cite an unpublished letter?": the issue's example, verbatim.
    (
        "benton-mla",
        BENTON,
        MLA,
        "bib",
        "Benton, Thomas Hart. Letter to Charles Fremont. 22 June 1847. John Charles Fremont Papers, Southwest "
        "Museum Library, Los Angeles. Manuscript.",
    ),
    # MLA 9, in-text citations: the author's family name.
    ("benton-mla-cite", BENTON, MLA, "cite", "(Benton)"),
    # MLA Style Center, "A Guide to Citing Materials from Physical Archives and Collections", Letters
    # (Moore to Bryher), verbatim; a single-name recipient given as a literal.
    (
        "moore-mla",
        MOORE,
        MLA,
        "bib",
        "Moore, Marianne. Letter to Bryher. 28 Sept. 1954. Bryher Papers, Beinecke Rare Book and Manuscript "
        "Library, Yale U, GEN MSS 97, box 38, folder 1373.",
    ),
    # Same guide, "Document in an Archival Collection" (Auden and Mann, Prospectus), verbatim: a
    # description without date, two authors.
    (
        "auden-mann-mla",
        AUDEN_MANN,
        MLA,
        "bib",
        "Auden, W. H., and Klaus Mann. Prospectus. Decision Magazine Papers, Manuscripts and Archives, Yale U "
        "Library, MS 176, box 1, folder 20.",
    ),
    # Issue 5 / house rule (README): the Wilson letter, Chicago full note.
    ("wilson-note", WILSON_113390, NOTES, "note", WILSON_NOTE),
    # Issue 5 / CMOS 18 shortened notes for letters: "Kim Il Sung" is a literal name, kept whole.
    ("wilson-short", WILSON_113390, NOTES, "short", "Kim Il Sung to Gomulka, February 3, 1966."),
    # House rule (README): the Wilson letter, Chicago bibliography.
    ("wilson-bib", WILSON_113390, NOTES, "bib", WILSON_BIBLIOGRAPHY),
    # House rule (README): the Wilson letter, Chicago author-date reference list.
    ("wilson-author-date-entry", WILSON_113390, AUTHOR_DATE, "bib", WILSON_AUTHOR_DATE),
    # CMOS 18 ch. 13: a literal name is cited whole with the year.
    ("wilson-author-date-cite", WILSON_113390, AUTHOR_DATE, "cite", "(Kim Il Sung 1966)"),
    # Issue 5 / house rule (README): the Wilson letter, MLA works-cited entry.
    ("wilson-mla", WILSON_113390, MLA, "bib", WILSON_MLA),
    # MLA 9, in-text citations: a literal name whole.
    ("wilson-mla-cite", WILSON_113390, MLA, "cite", "(Kim Il Sung)"),
    # CMOS 18 ch. 14: other forms of communication than letters are named ("telegram"); the
    # call number 861.00/2-2246 keeps its hyphen (house rule: shelfmarks never altered).
    (
        "kennan-telegram-note",
        KENNAN_TELEGRAM,
        NOTES,
        "note",
        "George F. Kennan to James F. Byrnes, telegram, February 22, 1946, 861.00/2-2246, Record Group 59, "
        "General Records of the Department of State, Central Decimal File, 1945–49, National Archives and "
        "Records Administration, College Park, MD.",
    ),
    # CMOS 18 ch. 14, shortened notes for correspondence.
    ("kennan-telegram-short", KENNAN_TELEGRAM, NOTES, "short", "Kennan to Byrnes, February 22, 1946."),
    # MLA 9: description, date as its own element, collection as container, repository and
    # shelfmark as location.
    (
        "kennan-telegram-mla",
        KENNAN_TELEGRAM,
        MLA,
        "bib",
        "Kennan, George F. Telegram to James F. Byrnes. 22 Feb. 1946. Record Group 59, General Records of the "
        "Department of State, Central Decimal File, 1945–49, National Archives and Records Administration, "
        "College Park, MD, 861.00/2-2246.",
    ),
    # CMOS 18 ch. 14: a specific title is quoted; the generic kind is lowercased as a descriptor.
    (
        "schlesinger-memo-note",
        SCHLESINGER_MEMO,
        NOTES,
        "note",
        "Arthur M. Schlesinger Jr., “Cuba: Political, Diplomatic and Economic Problems,” memorandum to John F. "
        "Kennedy, April 10, 1961, box WH-31, Arthur M. Schlesinger Jr. Personal Papers, White House Files, John "
        "F. Kennedy Presidential Library and Museum, Boston.",
    ),
    # CMOS 18 shortened notes: author's family name and short title (the main title before the colon).
    ("schlesinger-memo-short", SCHLESINGER_MEMO, NOTES, "short", "Schlesinger, “Cuba.”"),
    # CMOS 18 ch. 14 bibliography: the same parts as sentences; "Box" capitalised at a sentence start.
    (
        "schlesinger-memo-bib",
        SCHLESINGER_MEMO,
        NOTES,
        "bib",
        "Schlesinger, Arthur M., Jr. “Cuba: Political, Diplomatic and Economic Problems.” Memorandum to John F. "
        "Kennedy, April 10, 1961. Box WH-31. Arthur M. Schlesinger Jr. Personal Papers, White House Files. John "
        "F. Kennedy Presidential Library and Museum, Boston.",
    ),
    # MLA 9: a quoted title, then the description of the memorandum, then the date.
    (
        "schlesinger-memo-mla",
        SCHLESINGER_MEMO,
        MLA,
        "bib",
        "Schlesinger, Arthur M., Jr. “Cuba: Political, Diplomatic and Economic Problems.” Memorandum to John F. "
        "Kennedy. 10 Apr. 1961. Arthur M. Schlesinger Jr. Personal Papers, White House Files, John F. Kennedy "
        "Presidential Library and Museum, Boston, box WH-31.",
    ),
    # CMOS 18 ch. 14: an archive's description, unquoted, sentence-style ("conversation" lowercased,
    # names kept); a translation credited with "trans."; a static-ordering name family first.
    (
        "minutes-note",
        MINUTES_OF_CONVERSATION,
        NOTES,
        "note",
        "Minutes of conversation between Mao Zedong and Kim Il Sung, November 25, 1958, trans. Chen Jian, "
        "117-00806-01, Archive of the Ministry of Foreign Affairs of the People’s Republic of China, Beijing.",
    ),
    # CMOS 18 shortened notes: a short descriptive title (the words before the parties) and the date.
    ("minutes-short", MINUTES_OF_CONVERSATION, NOTES, "short", "Minutes of conversation, November 25, 1958."),
    # CMOS 18 ch. 14 bibliography; "Translated by" spelled out in the bibliography.
    (
        "minutes-bib",
        MINUTES_OF_CONVERSATION,
        NOTES,
        "bib",
        "Minutes of conversation between Mao Zedong and Kim Il Sung, November 25, 1958. Translated by Chen Jian. "
        "117-00806-01. Archive of the Ministry of Foreign Affairs of the People’s Republic of China, Beijing.",
    ),
    # MLA 9: a description is plain text capitalised like a sentence; the template's other
    # contributors ("Translated by") come before the date, in one element (issue 15).
    (
        "minutes-mla",
        MINUTES_OF_CONVERSATION,
        MLA,
        "bib",
        "Minutes of conversation between Mao Zedong and Kim Il Sung. Translated by Chen Jian, 25 Nov. 1958. "
        "Archive of the Ministry of Foreign Affairs of the People’s Republic of China, Beijing, 117-00806-01.",
    ),
    # CMOS 18 ch. 13: without an author, the (short) title takes its place in the citation.
    ("minutes-author-date-cite", MINUTES_OF_CONVERSATION, AUTHOR_DATE, "cite", "(Minutes of conversation 1958)"),
    # CMOS 18 ch. 14: a report from one institution to another, cited like correspondence; the
    # institutions are never inverted; "2-007" keeps its hyphen.
    (
        "hungarian-report-note",
        HUNGARIAN_REPORT,
        NOTES,
        "note",
        "Embassy of Hungary in North Korea to Hungarian Foreign Ministry, report, March 4, 1967, box 11, 2-007, "
        "XIX-J-1-j Korea, Hungarian National Archives (MOL), Budapest.",
    ),
    (
        "hungarian-report-bib",
        HUNGARIAN_REPORT,
        NOTES,
        "bib",
        "Embassy of Hungary in North Korea. Report to Hungarian Foreign Ministry, March 4, 1967. Box 11, 2-007. "
        "XIX-J-1-j Korea. Hungarian National Archives (MOL), Budapest.",
    ),
    # CMOS 18 ch. 14: an untitled diary cited by its kind, lowercased as a descriptor.
    (
        "truman-diary-note",
        TRUMAN_DIARY,
        NOTES,
        "note",
        "Harry S. Truman, diary, July 17, 1945, box 333, President’s Secretary’s Files, Harry S. Truman Library, "
        "Independence, MO.",
    ),
    ("truman-diary-short", TRUMAN_DIARY, NOTES, "short", "Truman, diary, July 17, 1945."),
    (
        "truman-diary-bib",
        TRUMAN_DIARY,
        NOTES,
        "bib",
        "Truman, Harry S. Diary, July 17, 1945. Box 333. President’s Secretary’s Files. Harry S. Truman Library, "
        "Independence, MO.",
    ),
    # CMOS 18 ch. 14: a whole collection; collection names are neither quoted nor italicised.
    (
        "truman-collection-note",
        TRUMAN_COLLECTION,
        NOTES,
        "note",
        "Harry S. Truman, Papers of Harry S. Truman: President’s Secretary’s Files, 1945–1953, Harry S. Truman "
        "Library, Independence, MO.",
    ),
    (
        "truman-collection-bib",
        TRUMAN_COLLECTION,
        NOTES,
        "bib",
        "Truman, Harry S. Papers of Harry S. Truman: President’s Secretary’s Files, 1945–1953. Harry S. Truman "
        "Library, Independence, MO.",
    ),
    # CMOS 18 ch. 14 + house rule: literal (East Asian) names family first, no comma, never inverted;
    # the Russian leaves "ll. 41–45" kept exactly as the shelfmark gives them.
    (
        "kim-pak-note",
        KIM_PAK_STALIN,
        NOTES,
        "note",
        "Kim Il Sung and Pak Hon Yong to Joseph Stalin, September 29, 1950, trans. Kathryn Weathersby, f. 45, "
        "op. 1, d. 347, ll. 41–45, Archive of the President of the Russian Federation, Moscow.",
    ),
    (
        "kim-pak-bib",
        KIM_PAK_STALIN,
        NOTES,
        "bib",
        "Kim Il Sung and Pak Hon Yong. Letter to Joseph Stalin, September 29, 1950. Translated by Kathryn "
        "Weathersby. f. 45, op. 1, d. 347, ll. 41–45. Archive of the President of the Russian Federation, Moscow.",
    ),
    ("kim-pak-author-date-cite", KIM_PAK_STALIN, AUTHOR_DATE, "cite", "(Kim Il Sung and Pak Hon Yong 1950)"),
    (
        "kim-pak-mla",
        KIM_PAK_STALIN,
        MLA,
        "bib",
        "Kim Il Sung and Pak Hon Yong. Letter to Joseph Stalin. Translated by Kathryn Weathersby, 29 Sept. 1950. "
        "Archive of the President of the Russian Federation, Moscow, f. 45, op. 1, d. 347, ll. 41–45.",
    ),
    # CMOS 18 ch. 14: "n.d." for an undated document.
    (
        "embassy-undated-note",
        EMBASSY_UNDATED,
        NOTES,
        "note",
        "Embassy of the United States, Warsaw to Department of State, telegram, n.d., 748.00/10-??56, Record "
        "Group 59, Central Decimal File, 1955–59, National Archives and Records Administration, College Park, MD.",
    ),
    # CMOS 18 ch. 13: "n.d." after a comma in an author-date citation.
    (
        "embassy-undated-author-date-cite",
        EMBASSY_UNDATED,
        AUTHOR_DATE,
        "cite",
        "(Embassy of the United States, Warsaw, n.d.)",
    ),
    # MLA 9: an undated document has no date element.
    (
        "embassy-undated-mla",
        EMBASSY_UNDATED,
        MLA,
        "bib",
        "Embassy of the United States, Warsaw. Telegram to Department of State. Record Group 59, Central Decimal "
        "File, 1955–59, National Archives and Records Administration, College Park, MD, 748.00/10-??56.",
    ),
    # CMOS 18: "ca." for an approximate date.
    (
        "ki-circa-note",
        KI_MEMO_CIRCA,
        NOTES,
        "note",
        "Committee of Information (KI), “Notes on Soviet Policy toward Germany,” memorandum, ca. 1953, f. 5, "
        "op. 30, d. 5, Russian State Archive of Contemporary History (RGANI), Moscow.",
    ),
    ("ki-circa-author-date-cite", KI_MEMO_CIRCA, AUTHOR_DATE, "cite", "(Committee of Information (KI), ca. 1953)"),
    # MLA 9 (and the MLA Style Center's "Circa 1400-10" example): "Circa" spelled out.
    (
        "ki-circa-mla",
        KI_MEMO_CIRCA,
        MLA,
        "bib",
        "Committee of Information (KI). “Notes on Soviet Policy toward Germany.” Memorandum. Circa 1953. Russian "
        "State Archive of Contemporary History (RGANI), Moscow, f. 5, op. 30, d. 5.",
    ),
    # House rule: folios of a Russian file are leaves, "ll."; the range abbreviated as the Chicago
    # style's page-range-format (chicago-16) says.
    (
        "russian-folios-note",
        SOVIET_EMBASSY_FOLIOS,
        NOTES,
        "note",
        "A. M. Puzanov, journal of Soviet Ambassador to the DPRK A. M. Puzanov, April 12, 1960, f. 5, op. 49, "
        "d. 287, ll. 193–94, Russian State Archive of Contemporary History (RGANI), Moscow.",
    ),
    # CMOS 18 "fol., fols." for folios of an English file.
    (
        "english-folios-note",
        FOLIO_LETTER,
        NOTES,
        "note",
        "Ernest Bevin to Clement Attlee, January 9, 1947, FO 800/502, fols. 3–4, The National Archives, Kew.",
    ),
    # Diacritics kept exactly (Gomułka); a Polish call number "sygn. 2661" is not capitalised;
    # pages 121-125 abbreviated per chicago-16.
    (
        "gomulka-bib",
        GOMULKA_LETTER,
        NOTES,
        "bib",
        "Gomułka, Władysław. “List Władysława Gomułki do Nikity Chruszczowa [Letter from Władysław Gomułka to "
        "Nikita Khrushchev].” Letter to Nikita S. Khrushchev, November 1956. Translated by L. W. Gluchowski. "
        "sygn. 2661, pp. 121–25. KC PZPR. Archiwum Akt Nowych, Warsaw.",
    ),
    # MLA 9: month-year dates abbreviated; pages minimal-two.
    (
        "gomulka-mla",
        GOMULKA_LETTER,
        MLA,
        "bib",
        "Gomułka, Władysław. “List Władysława Gomułki do Nikity Chruszczowa [Letter from Władysław Gomułka to "
        "Nikita Khrushchev].” Letter to Nikita S. Khrushchev. Translated by L. W. Gluchowski, Nov. 1956. KC "
        "PZPR, Archiwum Akt Nowych, Warsaw, sygn. 2661, pp. 121–25.",
    ),
    # CMOS 18 ch. 13: without an author the description leads, the year follows it, then the
    # month and day.
    (
        "minutes-author-date-entry",
        MINUTES_OF_CONVERSATION,
        AUTHOR_DATE,
        "bib",
        "Minutes of conversation between Mao Zedong and Kim Il Sung. 1958. November 25. Translated by Chen Jian. "
        "117-00806-01. Archive of the Ministry of Foreign Affairs of the People’s Republic of China, Beijing.",
    ),
    # MLA 9 in-text citations: without an author, the title shortened to its first noun phrase.
    ("minutes-mla-cite", MINUTES_OF_CONVERSATION, MLA, "cite", "(Minutes of conversation)"),
    # CMOS 18 ch. 14: a kind other than a letter is named, lowercased, with its number; one
    # folio of a Russian file is "l.".
    (
        "ciphered-telegram-note",
        ROSHCHIN_CIPHERED_TELEGRAM,
        NOTES,
        "note",
        "Roshchin to Filippov [Stalin], ciphered telegram no. 25553, October 12, 1950, trans. Gary Goldberg, f. 45, "
        "op. 1, d. 334, l. 141, AP RF, History and Public Policy Program Digital Archive, Wilson Center, "
        "https://digitalarchive.wilsoncenter.org/document/ciphered-telegram-no-25553-roshchin-filippov-stalin.",
    ),
    # MLA 9: the generated description capitalised like a sentence ("Ciphered telegram").
    (
        "ciphered-telegram-mla",
        ROSHCHIN_CIPHERED_TELEGRAM,
        MLA,
        "bib",
        "Roshchin. Ciphered telegram to Filippov [Stalin]. Translated by Gary Goldberg, 12 Oct. 1950. AP RF, f. 45, "
        "op. 1, d. 334, l. 141. History and Public Policy Program Digital Archive, Wilson Center, "
        "https://digitalarchive.wilsoncenter.org/document/ciphered-telegram-no-25553-roshchin-filippov-stalin.",
    ),
    # House rule: a static-ordering (Chinese) name is family first without a comma in the
    # bibliography and shortened to the family name (CMOS 18 on Chinese names).
    (
        "zhou-bib",
        ZHOU_LETTER,
        NOTES,
        "bib",
        "Zhou Enlai. Letter to Kim Il Sung, February 14, 1958. Archive of the Ministry of Foreign Affairs of the "
        "People’s Republic of China, Beijing.",
    ),
    ("zhou-short", ZHOU_LETTER, NOTES, "short", "Zhou to Kim Il Sung, February 14, 1958."),
    (
        "zhou-mla",
        ZHOU_LETTER,
        MLA,
        "bib",
        "Zhou Enlai. Letter to Kim Il Sung. 14 Feb. 1958. Archive of the Ministry of Foreign Affairs of the "
        "People’s Republic of China, Beijing.",
    ),
]


# One per kind of archival document the manuals show, each the manual's published example
# verbatim (issue 15); the records are in archival_records.py with their sources.
MANUAL_EXAMPLES: list[Any] = [
    # Turabian 7, manuscript collections, note 24: a telegram, "Sender to Recipient, telegram".
    (
        "turabian-telegram-note",
        BURTON_TELEGRAM,
        NOTES,
        "note",
        "Burton to Merriam, telegram, January 26, 1923, Charles E. Merriam Papers, University of Chicago Library.",
    ),
    # Turabian 7, note 31: minutes cited by their description, a range of years. The manual's note
    # goes on "(hereafter cited as Minutes, Pennsylvania Society)", a writer's choice archcite
    # does not make; the reproduction prints the range with an em dash where Turabian sets an
    # en dash (CMOS 6.78).
    (
        "turabian-minutes-note",
        ABOLITION_MINUTES,
        NOTES,
        "note",
        "Minutes of the Committee for Improving the Condition of Free Blacks, Pennsylvania Abolition Society, "
        "1790–1803, Papers of the Pennsylvania Society for the Abolition of Slavery, Historical Society of "
        "Pennsylvania, Philadelphia.",
    ),
    # Turabian 7, note 44: an untitled memorandum without a recipient is named before its author.
    (
        "turabian-memorandum-note",
        JOHNSON_MEMORANDUM,
        NOTES,
        "note",
        "Memorandum by Alvin Johnson, 1937, file 36, Horace Kallen Papers, YIVO Institute, New York.",
    ),
    # CMOS Online Q&A (CMOS 14.219): an unpublished interview, its number and medium after the date.
    (
        "cmos-interview-note",
        SPOCK_INTERVIEW,
        NOTES,
        "note",
        "Benjamin Spock, interview by Milton J. E. Senn, November 20, 1974, interview 67A, transcript, Senn Oral "
        "History Collection, National Library of Medicine, Bethesda, MD.",
    ),
    # CMOS Online Q&A on FRUS (after CMOS 14.111 and 14.120): a memorandum in a documentary edition.
    (
        "cmos-documentary-edition-note",
        KISSINGER_FRUS,
        NOTES,
        "note",
        "Henry Kissinger to Richard Nixon, memorandum, Washington, December 18, 1970, in Foreign Relations of the "
        "United States, 1969–1976, ed. Adam Howard, vol. 21, Chile, 1969–1973, ed. James McElveen and James "
        "Siekmeier (Washington, DC: Government Printing Office, 2014), doc. 190, "
        "https://history.state.gov/historicaldocuments/frus1969-76v21/d190.",
    ),
    # MLA Style Center, archives guide, "Uncertain Date": a titled manuscript in a collection.
    (
        "mla-titled-manuscript",
        BORGES_MANUSCRIPT,
        MLA,
        "bib",
        "Borges, Jorge Luis. “Thorkelin y el Beowulf.” 1955–60? Jorge Luis Borges Papers, U of Texas, Austin, "
        "Harry Ransom Center, section 2, container 1.14, ff. 1r–11v.",
    ),
    # CMOS Online Q&A on unpublished diaries (see the records): a letter with its box and folder,
    # verbatim.
    (
        "cmos-qa-letter-box-folder-note",
        CREEL_BOX_FOLDER,
        NOTES,
        "note",
        "George Creel to Colonel House, September 25, 1918, box 31, folder 986, Edward Mandell House Papers, Yale "
        "University Library.",
    ),
    # The same Q&A's diary entry, "House, diary, September 25, 1918, Edward Mandell House Papers, Yale
    # University Library, original transcript, ser. 2, vol. 6, https://…": the record leaves out
    # the digitized transcript's series, volume and address, and the note ends at the repository.
    (
        "cmos-qa-diary-note",
        HOUSE_DIARY,
        NOTES,
        "note",
        "House, diary, September 25, 1918, Edward Mandell House Papers, Yale University Library.",
    ),
    # Princeton's and UCD's Chicago guides: collections cited as a whole in a bibliography, verbatim
    # (Princeton's double spaces after periods closed up); no "n.d." for a collection without dates.
    (
        "collection-bib-personal-papers",
        STEVENSON_PAPERS,
        NOTES,
        "bib",
        "Stevenson, Adlai E. Papers. Seeley G. Mudd Library, Princeton University.",
    ),
    (
        "collection-bib-named-collection",
        JEFFERSON_COLLECTION,
        NOTES,
        "bib",
        "Thomas Jefferson Collection. Department of Special Collections, Princeton University Library.",
    ),
    (
        "collection-bib-papers-of",
        RYAN_PAPERS,
        NOTES,
        "bib",
        "Papers of Desmond Ryan. UCD Archives, University College Dublin, Ireland.",
    ),
    # CMOS 17 14.217 as Valley Forge's Chicago guide gives it (see the record): a lecture, its kind,
    # sponsor, place and date in parentheses; the guide types the title's en dash as a hyphen and
    # the curly quotation marks as straight ones.
    (
        "chicago-lecture-note",
        HONG_LECTURE,
        NOTES,
        "note",
        "Viviana Hong, “Censorship in Children’s Literature during Argentina’s Dirty War (1976–1983)” (lecture, "
        "University of Chicago, Chicago, IL, April 30, 2015).",
    ),
    # Morningside's Chicago 17 guide (see the record): the lecture's bibliography entry, verbatim
    # but for its straight quotation marks.
    (
        "chicago-lecture-bib",
        BASS_LECTURE,
        NOTES,
        "bib",
        "Bass, Patrick. “The Paradoxes of Democratizing America: Reform, Gender, and Women’s Rights.” Lecture, "
        "Morningside College, Sioux City, IA, November 5, 2018.",
    ),
    # Valley Forge library's Chicago guide, "Theses and Dissertations" (see the record): the
    # bibliography entry of a dissertation read in ProQuest, verbatim (the guide types the manual's
    # curly quotation marks as straight ones).
    (
        "chicago-dissertation-in-database-bib",
        NAVARRO_GARCIA_DISSERTATION,
        NOTES,
        "bib",
        "Navarro-Garcia, Guadalupe. “Integrating Social Justice Values in Educational Leadership: A Study of "
        "African American and Black University Presidents.” PhD diss., University of California, Los Angeles, "
        "2016. ProQuest Dissertations and Theses Global.",
    ),
    # MLA Handbook's example as the UPRM MLA 9 guide gives it: a dissertation in ProQuest.
    (
        "mla-dissertation-in-database",
        NJUS_DISSERTATION,
        MLA,
        "bib",
        "Njus, Jesse. Performing the Passion: A Study on the Nature of Medieval Acting. 2010. Northwestern U, PhD "
        "dissertation. ProQuest, search.proquest.com/docview/305212264?accountid=7432.",
    ),
    # Wake Forest's MLA 9 guide: a dissertation in an institutional repository.
    (
        "mla-dissertation-in-repository",
        MILLER_DISSERTATION,
        MLA,
        "bib",
        "Miller, Ryan. Understanding the Process of Multisensory Integration. 2016. Wake Forest U, PhD "
        "dissertation. WakeSpace, wakespace.lib.wfu.edu/handle/10339/59318.",
    ),
    # MLA Style Center, "How do you cite a working paper in MLA style?" (see the record): a working
    # paper in its series, the series as the container (italic, as every container title), the
    # kind as the optional element at the end; verbatim.
    (
        "mla-working-paper-in-series",
        CONOVER_WORKING_PAPER,
        MLA,
        "bib",
        "Conover, Kellam. “Rereading the Death of Turnus: Ritual, Time and Poetics in the Aeneid.” Princeton/Stanford "
        "Working Papers in Classics, www.princeton.edu/~pswpc/papers/authorAL/conover/conover.hml. Working paper.",
    ),
    # Turabian 7, note 45: a titled manuscript whose date the writer supplies (`date-supplied`),
    # in brackets and without a comma after the title
    # (philology.science/academic_writing/manual/189.html reproduces the manual's section).
    (
        "turabian-titled-manuscript-note",
        PURCELL_MAP,
        NOTES,
        "note",
        "Joseph Purcell, “A Map of the Southern Indian District of North America” [ca. 1772], MS 228, Ayer "
        "Collection, Newberry Library, Chicago.",
    ),
]


@pytest.mark.parametrize(
    ("case", "fields", "style", "form", "expected"),
    [case if hasattr(case, "marks") else pytest.param(*case, id=case[0]) for case in MANUAL_EXAMPLES],
)
def test_archival_kind_matches_the_manuals_example(
    case: str, fields: dict[str, Any], style: str, form: str, expected: str
) -> None:
    assert _render(fields, style, form) == expected, case


def test_documentary_edition_titles_are_italic() -> None:
    # CMOS 8.171 / 14.111: the edition's and the volume's titles are book titles, in italics.
    checked, _ = check_item(KISSINGER_FRUS, None)
    light = to_light(render_one(checked, NOTES).cite)
    assert " in <i>Foreign Relations of the United States, 1969–1976</i>, ed. Adam Howard, vol. 21, <i>Chile, " in light


def test_documents_in_an_edition_and_interviews_shorten_like_their_kind() -> None:
    # CMOS 18 short notes: correspondence by the parties and date (as the Creel letter); an
    # interview by the person interviewed and the word "interview" (as a diary by its kind).
    assert _render(KISSINGER_FRUS, NOTES, "short") == "Kissinger to Nixon, December 18, 1970."
    assert _render(SPOCK_INTERVIEW, NOTES, "short") == "Spock, interview, November 20, 1974."


def _render(fields: dict[str, Any], style: str, form: str, locator: Locator | None = None) -> str:
    checked, _ = check_item(fields, None)
    citation = render_one(checked, style, locator)
    text = {"note": citation.cite, "cite": citation.cite, "short": citation.cite_sub, "bib": citation.bib}[form]
    return to_plain(text)


@pytest.mark.parametrize(
    ("fields", "style", "form", "expected"),
    [case[1:] for case in GOLDEN],
    ids=[case[0] for case in GOLDEN],
)
def test_archival_citation_matches_manual(fields: dict[str, Any], style: str, form: str, expected: str) -> None:
    assert _render(fields, style, form) == expected


def test_golden_cases_cover_every_style_and_form() -> None:
    covered = {(case[2], case[3]) for case in GOLDEN}
    assert covered >= {
        (NOTES, "note"),
        (NOTES, "short"),
        (NOTES, "bib"),
        (AUTHOR_DATE, "cite"),
        (AUTHOR_DATE, "bib"),
        (MLA, "bib"),
        (MLA, "cite"),
    }
    assert len(GOLDEN) >= 30


def test_wilson_letter_meets_the_issue_requirements() -> None:
    note = _render(WILSON_113390, NOTES, "note")
    assert note.startswith("Kim Il Sung to Wladyslaw Gomulka, February 3, 1966,")
    for part in (
        "KC PZPR 2263/175-233",
        "Modern Records Archives, Warsaw",
        "trans. Vojtech Mastny",
        "https://digitalarchive.wilsoncenter.org/document/113390",
    ):
        assert part in note
    mla = _render(WILSON_113390, MLA, "bib")
    assert mla.startswith("Kim Il Sung. Letter to Wladyslaw Gomulka. Translated by Vojtech Mastny, 3 Feb. 1966.")
    for text in (note, mla, _render(WILSON_113390, NOTES, "bib")):
        assert "“" not in text
        assert '"' not in text


def test_mla_digital_archive_is_an_italic_second_container() -> None:
    # MLA 9: the title of a container (a website or database) is italicised.
    checked, _ = check_item(WILSON_113390, None)
    light = to_light(render_one(checked, MLA).bib)
    assert "<i>History and Public Policy Program Digital Archive</i>, Wilson Center, https://" in light


def test_a_page_locator_replaces_the_record_pages_in_a_note() -> None:
    # CMOS 18: a note cites the specific page; archival pages are labelled ("p.").
    locator = Locator("page", "212")
    assert _render(WILSON_113390, NOTES, "short", locator) == "Kim Il Sung to Gomulka, February 3, 1966, p. 212."
    assert ", KC PZPR 2263/175-233, p. 212, Modern Records Archives," in _render(WILSON_113390, NOTES, "note", locator)


def test_locators_in_parenthetical_citations() -> None:
    # MLA 9: (Author page); CMOS 18 author-date: (Author year, page).
    assert _render(WILSON_113390, MLA, "cite", Locator("page", "212")) == "(Kim Il Sung 212)"
    assert _render(WILSON_113390, AUTHOR_DATE, "cite", Locator("page", "212-218")) == "(Kim Il Sung 1966, 212–18)"
    assert _render(KIM_PAK_STALIN, AUTHOR_DATE, "cite", Locator("folio", "42")) == (
        "(Kim Il Sung and Pak Hon Yong 1950, l. 42)"
    )


def test_a_page_locator_in_a_record_of_folios_counts_folios() -> None:
    # `page-label: folio`: the record's pages are folios, so a page locator is one too (CMOS 18
    # "fol."; leaves of a Russian file "l."), in every citation form.
    page = Locator("page", "7")
    assert _render(FOLIO_LETTER, NOTES, "short", page) == "Bevin to Attlee, January 9, 1947, fol. 7."
    assert ", FO 800/502, fol. 7, The National Archives," in _render(FOLIO_LETTER, NOTES, "note", page)
    assert _render(FOLIO_LETTER, AUTHOR_DATE, "cite", page) == "(Bevin 1947, fol. 7)"
    assert _render(FOLIO_LETTER, MLA, "cite", page) == "(Bevin, fol. 7)"
    assert _render(ROSHCHIN_CIPHERED_TELEGRAM, NOTES, "short", Locator("page", "141-142")) == (
        "Roshchin to Filippov [Stalin], October 12, 1950, ll. 141–42."
    )


def test_a_compiler_is_credited_in_every_style() -> None:
    # CMOS 18 abbreviates "comp." in notes and spells "Compiled by" in the bibliography, as it does
    # "trans."/"Translated by"; MLA 9 puts the other contributors before the date.
    assert ", July 9, 1956, comp. V. N. Malin, F. 3, Op. 12," in _render(MALIN_WORKING_NOTES, NOTES, "note")
    assert " July 9, 1956. Compiled by V. N. Malin. F. 3," in _render(MALIN_WORKING_NOTES, NOTES, "bib")
    assert "July 1956. Compiled by V. N. Malin, 9 July 1956. TsKhSD," in _render(MALIN_WORKING_NOTES, MLA, "bib")
    both = record(MALIN_WORKING_NOTES, translator=[{"family": "Zubok", "given": "Vladislav M."}])
    assert "Compiled by V. N. Malin, translated by Vladislav M. Zubok, 9 July 1956." in _render(both, MLA, "bib")


def test_check_reports_the_compiler_as_the_note_prints_it() -> None:
    # `archcite check` compares the archive's line with the note: the compiler it says archcite
    # prints is the one the note does print.
    from archcite.styles.archival.check import citation_diff

    [row] = [row for row in citation_diff(MALIN_WORKING_NOTES) if row.field == "compiler"]
    assert (row.archive, row.archcite) == ("compiled by V. N. Malin", "comp. V. N. Malin")
    assert row.archcite in _render(MALIN_WORKING_NOTES, NOTES, "note")


def test_record_without_description_flag_quotes_its_title() -> None:
    # CMOS 18 ch. 14: a title the document bears is quoted; only a description is not.
    fields = record(BENTON, **{"title-is-description": None})
    assert _render(fields, NOTES, "note").startswith(
        "Thomas Hart Benton, “Letter to Charles Fremont,” letter to Charles Fremont, June 22, 1847,"
    )


def test_other_locator_labels_are_abbreviated() -> None:
    # CMOS 18 ch. 10 (abbreviations in citations): vol., sec., fol.; a locator replaces the record's pages.
    assert _render(CREEL, NOTES, "short", Locator("section", "4")) == "Creel to House, September 25, 1918, sec. 4."
    assert _render(FOLIO_LETTER, NOTES, "short", Locator("folio", "7")) == "Bevin to Attlee, January 9, 1947, fol. 7."


def test_box_and_folder_labels_are_words_not_call_numbers() -> None:
    # CMOS 18 ch. 14 ("box 81") and MLA ("box 38, folder 1373"): labels lowercased in a note and
    # an MLA entry, capitalised only at the start of a bibliography sentence; numbers untouched.
    letter = record(CREEL, archive_location="Box 12, Folder 3-A")
    assert ", 1918, box 12, folder 3-A, Edward M. House Papers," in _render(letter, NOTES, "note")
    assert " 1918. Box 12, folder 3-A. Edward M. House Papers. " in _render(letter, NOTES, "bib")
    assert _render(letter, MLA, "bib").endswith("New Haven, CT, box 12, folder 3-A.")


def test_readme_house_rules_state_the_wilson_citations_exactly() -> None:
    # The "Archival house rules" table of docs/styles.md is the written form of these golden cases.
    from archcite.styles.markup import to_markdown
    from tests.conftest import REPO

    readme = (REPO / "docs" / "styles.md").read_text(encoding="utf-8").split("## Archival house rules", 1)[1]
    rows = dict(line[2:-2].split(" | ", 1) for line in readme.splitlines() if line.startswith("| ") and " | " in line)
    checked, _ = check_item(WILSON_113390, None)
    notes, author_date, mla = (render_one(checked, style) for style in (NOTES, AUTHOR_DATE, MLA))
    expected = {
        "Chicago note": notes.cite,
        "Chicago short note": notes.cite_sub,
        "Chicago bibliography": notes.bib,
        "Chicago author-date citation": author_date.cite,
        "Chicago author-date reference": author_date.bib,
        "MLA works cited": mla.bib,
        "MLA in-text": mla.cite,
    }
    for form, markup in expected.items():
        assert rows[form].strip() == to_markdown(markup), form
    assert rows["Chicago note"].strip() == WILSON_NOTE
    assert rows["MLA works cited"].strip().replace("*", "") == WILSON_MLA


@pytest.mark.parametrize(
    ("genre", "descriptor"),
    [
        ("Minutes of Conversation", "minutes of conversation"),
        ("Handwritten notes", "handwritten notes"),
        ("NSC Memorandum", "NSC memorandum"),
        ("National Intelligence Estimate", "National Intelligence Estimate"),
    ],
)
def test_kind_is_lowercased_as_a_descriptor_but_proper_names_are_kept(genre: str, descriptor: str) -> None:
    # CMOS 18 ch. 14: generic terms used as descriptors are lowercased; a proper name is not.
    from archcite.styles.archival.parts import read_parts

    assert read_parts({"id": "x", "type": "manuscript", "genre": genre}).descriptor == descriptor


def test_check_asks_no_archive_of_a_document_in_a_documentary_edition() -> None:
    # The edition is where a reader finds it (CMOS 14.111); an unpublished memorandum still needs one.
    from archcite.styles.archival.check import lint

    assert [finding.code for finding in lint(KISSINGER_FRUS)] == []
    unpublished = record(KISSINGER_FRUS, type="manuscript", **{"container-title": None})
    assert "missing-repository" in [finding.code for finding in lint(unpublished)]


def test_a_titled_interview_keeps_its_interviewer() -> None:
    # CMOS 14.219: "Citations should include the names of both the person interviewed and the
    # interviewer"; a titled oral history keeps its title and names the interviewer after it.
    oral_history = record(SPOCK_INTERVIEW, title="Oral History Interview with Benjamin Spock", number=None, medium=None)
    assert _render(oral_history, NOTES, "note").startswith(
        "Benjamin Spock, “Oral History Interview with Benjamin Spock,” interview by Milton J. E. Senn, "
        "November 20, 1974,"
    )
    assert _render(oral_history, MLA, "bib").startswith(
        "Spock, Benjamin. “Oral History Interview with Benjamin Spock.” Interview by Milton J. E. Senn. 20 Nov. 1974."
    )


def test_only_documents_of_an_edition_take_the_edition_pattern() -> None:
    # Reference managers export blog posts and articles as "document" with a container (the
    # Mendeley export in ../shared/realworld): neither a recipient nor the document's own date,
    # so the CSL engine cites them; a letter or a dated document in an edition is archival.
    from archcite.styles.archival.kind import is_archival

    blog_post = {
        "id": "batuman2014",
        "type": "document",
        "title": "Adventures of a Man of Science",
        "author": [{"family": "Batuman", "given": "Elif"}],
        "container-title": "n+1",
        "issued": {"date-parts": [[2014]]},
    }
    assert not is_archival(blog_post)
    assert is_archival(KISSINGER_FRUS)
    assert is_archival(record(KISSINGER_FRUS, **{"original-date": None}))  # a recipient suffices
    assert not is_archival(record(KISSINGER_FRUS, recipient=None, **{"original-date": None}))


def test_a_supplied_date_is_bracketed_in_every_form() -> None:
    # Turabian 7 (note 45) brackets a date the writer supplies and sets no comma before it; the
    # same date in the other forms keeps its brackets where each form prints a date (docs/house-rules.md).
    assert " North America” [ca. 1772]. MS 228. Ayer Collection." in _render(PURCELL_MAP, NOTES, "bib")
    assert _render(PURCELL_MAP, AUTHOR_DATE, "cite") == "(Purcell, [ca. 1772])"  # "ca." after a comma, as unbracketed
    assert _render(PURCELL_MAP, AUTHOR_DATE, "bib").startswith("Purcell, Joseph. [ca. 1772]. “A Map of ")
    assert " North America.” [Circa 1772]. Ayer Collection, " in _render(PURCELL_MAP, MLA, "bib")
    # Without the flag the same date is the document's own: no brackets, a comma before it.
    printed = record(PURCELL_MAP, **{"date-supplied": None})
    assert " North America,” ca. 1772, MS 228," in _render(printed, NOTES, "note")
    # "n.d." is no date anyone supplied: it stays bare.
    undated = record(PURCELL_MAP, issued=None)
    assert " North America,” n.d., MS 228," in _render(undated, NOTES, "note")


def test_a_dissertation_note_cites_the_page_then_the_database() -> None:
    # Valley Forge library's Chicago guide (see the record), verbatim: the kind, institution and
    # date in parentheses, then the page cited (bare, as a book's), then the database.
    assert _render(NAVARRO_GARCIA_DISSERTATION, NOTES, "note", Locator("page", "44")) == (
        "Guadalupe Navarro-Garcia, “Integrating Social Justice Values in Educational Leadership: A Study of "
        "African American and Black University Presidents” (PhD diss., University of California, Los Angeles, "
        "2016), 44, ProQuest Dissertations and Theses Global."
    )
    # CMOS 14.224 (the Newcastle guide's statement): the database's number in parentheses after it.
    assert _render(CHOI_DISSERTATION, NOTES, "note", Locator("page", "22-23")).endswith(
        " (PhD diss., University of Chicago, 2008), 22–23, ProQuest (AAT 3300426)."
    )
    assert _render(CHOI_DISSERTATION, NOTES, "bib").endswith(
        " PhD diss., University of Chicago, 2008. ProQuest (AAT 3300426)."
    )
    # CMOS short notes: author and short title, the page bare; author-date: the year after the author.
    assert _render(NJUS_DISSERTATION, NOTES, "short", Locator("page", "12")) == "Njus, “Performing the Passion,” 12."
    assert _render(CHOI_DISSERTATION, AUTHOR_DATE, "bib").startswith(
        "Choi, Mihwa. 2008. “Contesting Imaginaires in Death Rituals during the Northern Song Dynasty.” PhD diss., "
        "University of Chicago. ProQuest (AAT 3300426)."
    )
    assert _render(CHOI_DISSERTATION, AUTHOR_DATE, "cite", Locator("page", "22")) == "(Choi 2008, 22)"
    # MLA 9 spells out what Chicago abbreviates ("PhD dissertation"), and the reverse.
    assert " U of Chicago, PhD dissertation. " in _render(CHOI_DISSERTATION, MLA, "bib")
    assert " (PhD diss., Northwestern University, 2010), " in _render(NJUS_DISSERTATION, NOTES, "note")
    assert _render(NJUS_DISSERTATION, MLA, "cite", Locator("page", "12")) == "(Njus 12)"


def test_a_dissertation_without_a_database_stays_with_the_csl_style() -> None:
    # An unpublished thesis has no archival part: the official styles cite it (CMOS 14.224).
    from archcite.styles.archival.kind import is_archival

    assert is_archival(NJUS_DISSERTATION)
    assert not is_archival(record(NJUS_DISSERTATION, archive=None, URL=None))


def test_an_unsigned_letter_is_cited_by_its_description() -> None:
    # CMOS 18 ch. 14 (and its rule for anonymous works): without an author the note begins with the
    # title or, for an untitled document, its description; a letter's description names its kind
    # and its recipient ("Letter to …"). Gilder Lehrman heads its unsigned letter "to Hill",
    # leaving the writer out: the kind is supplied, not the bare "To Hill".
    from tests.conftest import SHARED

    [unsigned] = load_sources([str(SHARED / "archive-pages" / "gilder-lehrman" / "005.txt")]).records
    fields = dict(unsigned.fields)
    assert _render(fields, NOTES, "note") == (
        "Letter to Hill, July 8, 1879, GLC09400.048, Gilder Lehrman Collection, Gilder Lehrman Institute of "
        "American History."
    )
    assert _render(fields, NOTES, "short") == "Letter to Hill, July 8, 1879."
    # MLA 9: the description takes the title's place in the entry and in the in-text citation.
    assert _render(fields, MLA, "bib").startswith("Letter to Hill. 8 July 1879. Gilder Lehrman Collection, ")
    assert _render(fields, MLA, "cite") == "(Letter to Hill)"
    # Untitled, the record's recipient makes the same description; the short note shortens the name.
    untitled = record(CREEL, author=None)
    assert _render(untitled, NOTES, "note").startswith("Letter to Colonel House, September 25, 1918, Edward M. ")
    assert _render(untitled, NOTES, "short") == "Letter to House, September 25, 1918."
    assert _render(untitled, MLA, "cite") == "(Letter to Colonel House)"


def test_a_lecture_is_cited_by_its_meeting_place_and_date() -> None:
    # CMOS short notes: author and short title (the Morningside guide: "Bass, “The Paradoxes of
    # Democratizing America.”"); author-date: the year after the author.
    assert _render(BASS_LECTURE, NOTES, "short") == "Bass, “The Paradoxes of Democratizing America.”"
    assert _render(HONG_LECTURE, AUTHOR_DATE, "cite") == "(Hong 2015)"
    # MLA 9 template: the meeting or sponsor as container, the date, the place as location, the
    # kind of talk as a supplemental element ("Lecture.").
    assert _render(HONG_LECTURE, MLA, "bib") == (
        "Hong, Viviana. “Censorship in Children’s Literature during Argentina’s Dirty War (1976–1983).” "
        "University of Chicago, 30 Apr. 2015, Chicago, IL. Lecture."
    )
    # A speech read online or in proceedings is cited as that recording or publication: the CSL style's.
    from archcite.styles.archival.kind import is_archival

    assert is_archival(HONG_LECTURE)
    assert not is_archival(record(HONG_LECTURE, URL="https://example.org/lecture"))
    assert not is_archival(record(HONG_LECTURE, **{"container-title": "Proceedings"}))


def test_a_numbered_report_keeps_its_number_in_mla() -> None:
    # MLA 9 template: a Number element comes before the date ("NSC 68, 14 Apr. 1950"), as the
    # Chicago note prints it after the title; the MLA entry used to drop it. A number the title
    # already gives (“Ciphered Telegram No. 25553”) is not repeated.
    import json

    from tests.conftest import SHARED

    corpus = json.loads((SHARED / "reference" / "corpus.json").read_text(encoding="utf-8"))
    [nsc68] = [item for item in corpus if item["id"] == "nsc-68-1950"]
    assert " Security,” NSC 68, April 14, 1950, box 180, " in _render(nsc68, NOTES, "note")
    assert " Programs for National Security.” NSC 68, 14 Apr. 1950. President’s " in _render(nsc68, MLA, "bib")
    assert "25553" not in _render(ROSHCHIN_CIPHERED_TELEGRAM, MLA, "bib").split("https://")[0]
    assert "Translated by Vojtech Mastny, no. 7, 3 Feb. 1966." in _render(record(WILSON_113390, number="7"), MLA, "bib")


def test_an_mla_citation_sets_a_dissertation_title_in_italics() -> None:
    # MLA 9: the in-text citation shortens the title as the entry prints it; a dissertation's is
    # italic there, so it is italic here ("(Njus, *Performing the Passion*)"), not quoted.
    checked, _ = check_item(NJUS_DISSERTATION, None)
    cite = render_one(checked, MLA, ambiguity=1).cite
    assert to_light(cite) == "(Njus, <i>Performing the Passion</i>)"


def test_a_working_paper_is_cited_in_its_series_or_repository() -> None:
    # MLA Style Center (see the records): a repository is a container of its own, with the date
    # and the DOI ("CORE, 2018, dx.doi.org/…"); the series is italic, as a container's title.
    assert " Philosophy.” CORE, 2018, dx.doi.org/10.17613/g64d-gd16. " in _render(GLASS_WORKING_PAPER, MLA, "bib")
    checked, _ = check_item(CONOVER_WORKING_PAPER, None)
    assert "<i>Princeton/Stanford Working Papers in Classics</i>, www." in to_light(render_one(checked, MLA).bib)
    # CMOS (Online Q&A: a working paper is cited "as a manuscript or working paper", with "author,
    # title, date"; "titles of unpublished papers are quoted") in the pattern CMOS gives other
    # unpublished papers, theses and lectures: the kind, series and date in parentheses in a
    # note, as sentences in the bibliography; a repository after them, as a thesis's database.
    assert _render(CONOVER_WORKING_PAPER, NOTES, "note") == (
        "Kellam Conover, “Rereading the Death of Turnus: Ritual, Time and Poetics in the Aeneid” (working paper, "
        "Princeton/Stanford Working Papers in Classics, n.d.), "
        "www.princeton.edu/~pswpc/papers/authorAL/conover/conover.hml."
    )
    numbered = record(GLASS_WORKING_PAPER, number="3", **{"collection-title": "Humanities Commons Papers"})
    assert _render(numbered, NOTES, "note", Locator("page", "4")) == (
        "Erin Rose Glass and Micah Vandegrift, “Public Scholarship in Practice and Philosophy” (working paper no. 3, "
        "Humanities Commons Papers, 2018), 4, CORE, dx.doi.org/10.17613/g64d-gd16."
    )
    assert _render(CONOVER_WORKING_PAPER, NOTES, "short") == "Conover, “Rereading the Death of Turnus.”"
    assert _render(GLASS_WORKING_PAPER, NOTES, "bib") == (
        "Glass, Erin Rose, and Micah Vandegrift. “Public Scholarship in Practice and Philosophy.” Working paper, "
        "2018. CORE. dx.doi.org/10.17613/g64d-gd16."
    )
    assert _render(GLASS_WORKING_PAPER, AUTHOR_DATE, "cite") == "(Glass and Vandegrift 2018)"
    assert _render(CONOVER_WORKING_PAPER, MLA, "cite", Locator("page", "7")) == "(Conover 7)"


def test_a_working_paper_a_publisher_issued_stays_with_the_csl_style() -> None:
    # A numbered paper of an institute's series with its publisher (the Cold War International
    # History Project's, in the shared corpus) is a published report; so is one in a journal.
    from archcite.styles.archival.kind import is_archival

    assert is_archival(CONOVER_WORKING_PAPER)
    assert not is_archival(record(CONOVER_WORKING_PAPER, publisher="Woodrow Wilson International Center for Scholars"))
    assert not is_archival(record(CONOVER_WORKING_PAPER, **{"container-title": "Arethusa"}))
    assert not is_archival(record(CONOVER_WORKING_PAPER, genre="Technical report"))
    assert not is_archival(record(CONOVER_WORKING_PAPER, **{"collection-title": None}))


def test_an_untitled_speech_is_cited_by_its_kind_in_the_titles_place() -> None:
    # A speech known by its occasion has no title to quote: its kind, place and date stand where
    # the title and the parenthesis would (the bibliography's sentence, in the note), never an
    # empty “”; MLA 9 describes an untitled source in the title's place, so the kind is not
    # repeated at the end. (House rule from the lecture pattern: no published example found.)
    inaugural = {
        "id": "kennedy-1961",
        "type": "speech",
        "author": [{"family": "Kennedy", "given": "John F."}],
        "genre": "Inaugural address",
        "event-place": "Washington, DC",
        "issued": {"date-parts": [[1961, 1, 20]]},
    }
    assert _render(inaugural, NOTES, "note") == "John F. Kennedy, inaugural address, Washington, DC, January 20, 1961."
    assert _render(inaugural, NOTES, "short") == "Kennedy, inaugural address, January 20, 1961."
    assert _render(inaugural, NOTES, "bib") == "Kennedy, John F. Inaugural address, Washington, DC, January 20, 1961."
    assert _render(inaugural, MLA, "bib") == "Kennedy, John F. Inaugural address. 20 Jan. 1961, Washington, DC."
    titled = record(inaugural, title="Inaugural Address")
    assert _render(titled, MLA, "bib").endswith(" 20 Jan. 1961, Washington, DC. Inaugural address.")
    assert _render(titled, NOTES, "note") == (
        "John F. Kennedy, “Inaugural Address” (inaugural address, Washington, DC, January 20, 1961)."
    )
