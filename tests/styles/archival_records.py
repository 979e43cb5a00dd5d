"""Archival records used by the golden tests, written by hand from the published examples they
cite. Where a record's archival details are not from a published example it says SYNTHETIC."""

from __future__ import annotations

from typing import Any


def record(fields: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A copy of ``fields`` with some fields changed (None removes one)."""
    copy = {**fields, **changes}
    return {k: v for k, v in copy.items() if v is not None}


# CMOS 18 ch. 14, manuscript collections, letters (the first golden case).
CREEL = {
    "id": "creel-house-1918",
    "type": "personal_communication",
    "author": [{"family": "Creel", "given": "George"}],
    "recipient": [{"family": "House", "given": "Colonel"}],
    "issued": {"date-parts": [[1918, 9, 25]]},
    "archive_collection": "Edward M. House Papers",
    "archive": "Yale University Library",
    "archive-place": "New Haven, CT",
}

# MLA Style Center, "How do I cite an unpublished letter?" (style.mla.org/citing-letters).
BENTON = {
    "id": "benton-fremont-1847",
    "type": "personal_communication",
    "genre": "Letter",
    "title": "Letter to Charles Fremont",
    "title-is-description": True,
    "author": [{"family": "Benton", "given": "Thomas Hart"}],
    "recipient": [{"family": "Fremont", "given": "Charles"}],
    "issued": {"date-parts": [[1847, 6, 22]]},
    "archive_collection": "John Charles Fremont Papers",
    "archive": "Southwest Museum Library",
    "archive-place": "Los Angeles",
    "medium": "Manuscript",
}

# MLA Style Center, "A Guide to Citing Materials from Physical Archives and Collections", Letters.
MOORE = {
    "id": "moore-bryher-1954",
    "type": "personal_communication",
    "author": [{"family": "Moore", "given": "Marianne"}],
    "recipient": [{"literal": "Bryher"}],
    "issued": {"date-parts": [[1954, 9, 28]]},
    "archive_collection": "Bryher Papers",
    "archive": "Beinecke Rare Book and Manuscript Library, Yale U",
    "archive_location": "GEN MSS 97, box 38, folder 1373",
}

# MLA Style Center, same guide, "Document in an Archival Collection" (a description, no date).
AUDEN_MANN = {
    "id": "auden-mann-prospectus",
    "type": "manuscript",
    "title": "Prospectus",
    "title-is-description": True,
    "author": [{"family": "Auden", "given": "W. H."}, {"family": "Mann", "given": "Klaus"}],
    "archive_collection": "Decision Magazine Papers",
    "archive": "Manuscripts and Archives, Yale U Library",
    "archive_location": "MS 176, box 1, folder 20",
}

# The Wilson Center page ../shared/pages/wilson-113390.txt as issue 4's importer maps it.
WILSON_113390 = {
    "id": "kimilsung1966letter",
    "type": "personal_communication",
    "genre": "Letter",
    "title": "Letter to Wladyslaw Gomulka from Kim Il Sung",
    "title-is-description": True,
    "author": [{"literal": "Kim Il Sung"}],
    "recipient": [{"family": "Gomulka", "given": "Wladyslaw"}],
    "translator": [{"family": "Mastny", "given": "Vojtech"}],
    "issued": {"date-parts": [[1966, 2, 3]]},
    "archive": "Modern Records Archives",
    "archive-place": "Warsaw",
    "archive_collection": "KC PZPR",
    "archive_location": "2263/175-233",
    "page": "209-233",
    "digital-archive": "History and Public Policy Program Digital Archive",
    "digital-archive-publisher": "Wilson Center",
    "digital-archive-id": "113390",
    "URL": "https://digitalarchive.wilsoncenter.org/document/113390",
    "archive-citation": (
        '"Letter to Wladyslaw Gomulka from Kim Il Sung," February 03, 1966, History and Public Policy '
        "Program Digital Archive, Modern Records Archives, Warsaw, KC PZPR 2263/175-233, pp. 209-233. "
        "Translated by Vojtech Mastny."
    ),
}

# ../shared/reference/corpus.json `kennan-long-telegram-1946` (the Long Telegram).
KENNAN_TELEGRAM = {
    "id": "kennan-long-telegram-1946",
    "type": "personal_communication",
    "genre": "Telegram",
    "author": [{"family": "Kennan", "given": "George F."}],
    "recipient": [{"family": "Byrnes", "given": "James F."}],
    "event-place": "Moscow",
    "issued": {"date-parts": [[1946, 2, 22]]},
    "archive": "National Archives and Records Administration",
    "archive-place": "College Park, MD",
    "archive_collection": "Record Group 59, General Records of the Department of State, Central Decimal File, 1945–49",
    "archive_location": "861.00/2-2246",
}

# corpus.json `schlesinger-memo-1961-04-10`: a memorandum with a title of its own.
SCHLESINGER_MEMO = {
    "id": "schlesinger-memo-1961-04-10",
    "type": "manuscript",
    "genre": "Memorandum",
    "title": "Cuba: Political, Diplomatic and Economic Problems",
    "author": [{"family": "Schlesinger", "given": "Arthur M.", "suffix": "Jr."}],
    "recipient": [{"family": "Kennedy", "given": "John F."}],
    "issued": {"date-parts": [[1961, 4, 10]]},
    "archive": "John F. Kennedy Presidential Library and Museum",
    "archive-place": "Boston",
    "archive_collection": "Arthur M. Schlesinger Jr. Personal Papers, White House Files",
    "archive_location": "box WH-31",
}

# SYNTHETIC archival details: a Wilson-style minutes of conversation (description, no author).
MINUTES_OF_CONVERSATION = {
    "id": "minutes-mao-kim-1958",
    "type": "document",
    "genre": "Minutes of Conversation",
    "title": "Minutes of Conversation between Mao Zedong and Kim Il Sung",
    "title-is-description": True,
    "issued": {"date-parts": [[1958, 11, 25]]},
    "archive": "Archive of the Ministry of Foreign Affairs of the People's Republic of China",
    "archive-place": "Beijing",
    "archive_location": "117-00806-01",
    "translator": [{"family": "Chen", "given": "Jian", "static-ordering": True}],
}

# SYNTHETIC archival details: a Wilson-style report "Report, Embassy of Hungary in North Korea to
# the Hungarian Foreign Ministry", sender and recipient institutions.
HUNGARIAN_REPORT = {
    "id": "hungarian-embassy-report-1967",
    "type": "document",
    "genre": "Report",
    "title": "Report, Embassy of Hungary in North Korea to the Hungarian Foreign Ministry",
    "title-is-description": True,
    "author": [{"literal": "Embassy of Hungary in North Korea"}],
    "recipient": [{"literal": "Hungarian Foreign Ministry"}],
    "issued": {"date-parts": [[1967, 3, 4]]},
    "archive": "Hungarian National Archives (MOL)",
    "archive-place": "Budapest",
    "archive_collection": "XIX-J-1-j Korea",
    "archive_location": "box 11, 2-007",
}

# SYNTHETIC shelfmark: a diary entry, no title, cited by its kind.
TRUMAN_DIARY = {
    "id": "truman-diary-1945-07-17",
    "type": "manuscript",
    "genre": "Diary",
    "author": [{"family": "Truman", "given": "Harry S."}],
    "issued": {"date-parts": [[1945, 7, 17]]},
    "archive": "Harry S. Truman Library",
    "archive-place": "Independence, MO",
    "archive_collection": "President’s Secretary’s Files",
    "archive_location": "box 333",
}

# corpus.json `truman-psf-1945-1953`: a whole collection.
TRUMAN_COLLECTION = {
    "id": "truman-psf-1945-1953",
    "type": "collection",
    "title": "Papers of Harry S. Truman: President's Secretary's Files",
    "author": [{"family": "Truman", "given": "Harry S."}],
    "issued": {"date-parts": [[1945], [1953]]},
    "archive": "Harry S. Truman Library",
    "archive-place": "Independence, MO",
}

# corpus.json `kim-pak-stalin-1950-09-29`: two literal names, a translation, Russian leaves.
KIM_PAK_STALIN = {
    "id": "kim-pak-stalin-1950-09-29",
    "type": "personal_communication",
    "genre": "Letter",
    "author": [{"literal": "Kim Il Sung"}, {"literal": "Pak Hon Yong"}],
    "recipient": [{"family": "Stalin", "given": "Joseph"}],
    "translator": [{"family": "Weathersby", "given": "Kathryn"}],
    "event-place": "Pyongyang",
    "issued": {"date-parts": [[1950, 9, 29]]},
    "archive": "Archive of the President of the Russian Federation",
    "archive-place": "Moscow",
    "archive_location": "f. 45, op. 1, d. 347, ll. 41–45",
}

# corpus.json `embassy-warsaw-undated`: undated, institution to institution.
EMBASSY_UNDATED = {
    "id": "embassy-warsaw-undated",
    "type": "personal_communication",
    "genre": "Telegram",
    "author": [{"literal": "Embassy of the United States, Warsaw"}],
    "recipient": [{"literal": "Department of State"}],
    "archive": "National Archives and Records Administration",
    "archive-place": "College Park, MD",
    "archive_collection": "Record Group 59, Central Decimal File, 1955–59",
    "archive_location": "748.00/10-??56",
}

# corpus.json `ki-memo-circa-1953`: circa date.
KI_MEMO_CIRCA = {
    "id": "ki-memo-circa-1953",
    "type": "manuscript",
    "genre": "Memorandum",
    "title": "Notes on Soviet Policy toward Germany",
    "author": [{"literal": "Committee of Information (KI)"}],
    "issued": {"date-parts": [[1953]], "circa": True},
    "archive": "Russian State Archive of Contemporary History (RGANI)",
    "archive-place": "Moscow",
    "archive_location": "f. 5, op. 30, d. 5",
}

# SYNTHETIC: a Russian file cited by folios (issue 4: "ll. 193-194" imported as page + folio).
SOVIET_EMBASSY_FOLIOS = {
    "id": "puzanov-diary-1960",
    "type": "manuscript",
    "genre": "Journal",
    "title": "Journal of Soviet Ambassador to the DPRK A. M. Puzanov",
    "title-is-description": True,
    "author": [{"family": "Puzanov", "given": "A. M."}],
    "issued": {"date-parts": [[1960, 4, 12]]},
    "archive": "Russian State Archive of Contemporary History (RGANI)",
    "archive-place": "Moscow",
    "archive_location": "f. 5, op. 49, d. 287",
    "page": "193-194",
    "page-label": "folio",
}

# corpus.json `gomulka-khrushchev-1956-11`: diacritics kept, a Polish call number, month date.
GOMULKA_LETTER = {
    "id": "gomulka-khrushchev-1956-11",
    "type": "personal_communication",
    "genre": "Letter",
    "title": "List Władysława Gomułki do Nikity Chruszczowa [Letter from Władysław Gomułka to Nikita Khrushchev]",
    "language": "pl",
    "author": [{"family": "Gomułka", "given": "Władysław"}],
    "recipient": [{"family": "Khrushchev", "given": "Nikita S."}],
    "translator": [{"family": "Gluchowski", "given": "L. W."}],
    "issued": {"date-parts": [[1956, 11]]},
    "archive": "Archiwum Akt Nowych",
    "archive-place": "Warsaw",
    "archive_collection": "KC PZPR",
    "archive_location": "sygn. 2661",
    "page": "121-125",
}

# SYNTHETIC: folios in an English archive.
FOLIO_LETTER = {
    "id": "bevin-attlee-1947",
    "type": "personal_communication",
    "author": [{"family": "Bevin", "given": "Ernest"}],
    "recipient": [{"family": "Attlee", "given": "Clement"}],
    "issued": {"date-parts": [[1947, 1, 9]]},
    "archive": "The National Archives",
    "archive-place": "Kew",
    "archive_location": "FO 800/502",
    "page": "3-4",
    "page-label": "folio",
}


# corpus.json `khrushchev-kennedy-1962-10-26`: a description kept as a quoted title (not marked).
KHRUSHCHEV_TITLED = {
    "id": "khrushchev-kennedy-1962-10-26",
    "type": "personal_communication",
    "genre": "Letter",
    "title": "Letter from Chairman Khrushchev to President Kennedy",
    "author": [{"family": "Khrushchev", "given": "Nikita S."}],
    "recipient": [{"family": "Kennedy", "given": "John F."}],
    "translator": [{"literal": "US Department of State, Division of Language Services"}],
    "issued": {"date-parts": [[1962, 10, 26]]},
    "archive": "John F. Kennedy Presidential Library and Museum",
    "archive-place": "Boston",
    "archive_collection": "Papers of John F. Kennedy, Presidential Papers, President's Office Files",
    "archive_location": "Countries, USSR: Khrushchev Correspondence, box 128A",
}

# GOMULKA_LETTER read in English, its author as an archive that strips diacritics prints him, and
# without the translator: two things `archcite check` reports.
GOMULKA_STRIPPED = record(
    GOMULKA_LETTER,
    id="gomulka-stripped",
    author=[{"family": "Gomulka", "given": "Wladyslaw"}],
    translator=None,
    language="en",
    **{"original-language": "Polish"},
)

# The Wilson page of ciphered telegram no. 25553 (tests/data/pages), as the importer maps it,
# with the telegram's number, which the page gives only in its title.
ROSHCHIN_CIPHERED_TELEGRAM = {
    "id": "roshchin1950ciphered",
    "type": "personal_communication",
    "genre": "Ciphered Telegram",
    "title": "Ciphered Telegram No. 25553, Roshchin to Filippov [Stalin]",
    "title-is-description": True,
    "number": "25553",
    "author": [{"literal": "Roshchin"}],
    "recipient": [{"literal": "Filippov [Stalin]"}],
    "translator": [{"family": "Goldberg", "given": "Gary"}],
    "issued": {"date-parts": [[1950, 10, 12]]},
    "archive": "AP RF",
    "archive_location": "f. 45, op. 1, d. 334",
    "page": "141",
    "page-label": "folio",
    "digital-archive": "History and Public Policy Program Digital Archive",
    "digital-archive-publisher": "Wilson Center",
    "URL": "https://digitalarchive.wilsoncenter.org/document/ciphered-telegram-no-25553-roshchin-filippov-stalin",
}


# Turabian, A Manual for Writers of Research Papers, Theses, and Dissertations, 7th ed. (2007),
# manuscript collections, notes 24, 31, 44 and 45 (reproduced at
# philology.science/academic_writing/manual/189.html): a telegram, minutes, an untitled
# memorandum and a titled manuscript.
BURTON_TELEGRAM = {
    "id": "burton-merriam-1923",
    "type": "personal_communication",
    "genre": "Telegram",
    "author": [{"family": "Burton"}],
    "recipient": [{"family": "Merriam"}],
    "issued": {"date-parts": [[1923, 1, 26]]},
    "archive_collection": "Charles E. Merriam Papers",
    "archive": "University of Chicago Library",
}
ABOLITION_MINUTES = {
    "id": "pas-minutes-1790",
    "type": "manuscript",
    "genre": "Minutes",
    "title": "Minutes of the Committee for Improving the Condition of Free Blacks, Pennsylvania Abolition Society",
    "title-is-description": True,
    "issued": {"date-parts": [[1790], [1803]]},
    "archive_collection": "Papers of the Pennsylvania Society for the Abolition of Slavery",
    "archive": "Historical Society of Pennsylvania",
    "archive-place": "Philadelphia",
}
JOHNSON_MEMORANDUM = {
    "id": "johnson-memo-1937",
    "type": "manuscript",
    "genre": "Memorandum",
    "author": [{"family": "Johnson", "given": "Alvin"}],
    "issued": {"date-parts": [[1937]]},
    "archive_location": "file 36",
    "archive_collection": "Horace Kallen Papers",
    "archive": "YIVO Institute",
    "archive-place": "New York",
}
PURCELL_MAP = {
    "id": "purcell-map-1772",
    "type": "manuscript",
    "title": "A Map of the Southern Indian District of North America",
    "author": [{"family": "Purcell", "given": "Joseph"}],
    "issued": {"date-parts": [[1772]], "circa": True},
    # The map bears no date: Turabian brackets the one the writer supplies.
    "date-supplied": True,
    "archive_location": "MS 228",
    "archive_collection": "Ayer Collection",
    "archive": "Newberry Library",
    "archive-place": "Chicago",
}

# The Chicago Manual of Style Online, Q&A "How would one document an interview?" (quoting CMOS
# 14.219): an unpublished interview with its number and medium, held in an oral history collection.
SPOCK_INTERVIEW = {
    "id": "spock-senn-1974",
    "type": "interview",
    "author": [{"family": "Spock", "given": "Benjamin"}],
    "interviewer": [{"family": "Senn", "given": "Milton J. E."}],
    "issued": {"date-parts": [[1974, 11, 20]]},
    "number": "67A",
    "medium": "Transcript",
    "archive_collection": "Senn Oral History Collection",
    "archive": "National Library of Medicine",
    "archive-place": "Bethesda, MD",
}

# The Chicago Manual of Style Online, Q&A on citing a memorandum from Foreign Relations of the
# United States (history.state.gov/historicaldocuments/frus1969-76v21/d190): a document in a
# documentary edition. ``original-date`` is the memorandum's date, ``issued`` the volume's.
KISSINGER_FRUS = {
    "id": "kissinger-nixon-1970-12-18",
    "type": "document",
    "genre": "Memorandum",
    "author": [{"family": "Kissinger", "given": "Henry"}],
    "recipient": [{"family": "Nixon", "given": "Richard"}],
    "event-place": "Washington",
    "original-date": {"date-parts": [[1970, 12, 18]]},
    "issued": {"date-parts": [[2014]]},
    "container-title": "Foreign Relations of the United States, 1969–1976",
    "collection-editor": [{"family": "Howard", "given": "Adam"}],
    "volume": "21",
    "volume-title": "Chile, 1969–1973",
    "editor": [{"family": "McElveen", "given": "James"}, {"family": "Siekmeier", "given": "James"}],
    "publisher-place": "Washington, DC",
    "publisher": "Government Printing Office",
    "number": "190",
    "URL": "https://history.state.gov/historicaldocuments/frus1969-76v21/d190",
}

# MLA Style Center, "A Guide to Citing Materials from Physical Archives and Collections",
# "Uncertain Date": a titled manuscript in a collection, its date uncertain (written as the
# literal the guide prints), its folios labelled in the record ("ff.").
BORGES_MANUSCRIPT = {
    "id": "borges-thorkelin",
    "type": "manuscript",
    "title": "Thorkelin y el Beowulf",
    "author": [{"family": "Borges", "given": "Jorge Luis"}],
    "issued": {"literal": "1955–60?"},
    "archive_collection": "Jorge Luis Borges Papers",
    "archive": "U of Texas, Austin, Harry Ransom Center",
    "archive_location": "section 2, container 1.14",
    "page": "ff. 1r–11v",
}

# Valley Forge Military College library, "Chicago/Turabian Format Style Guide: Papers, Lectures,
# and Manuscript Collections" (libguides.valleyforge.edu/c.php?g=1040662&p=7547505), after CMOS
# "Theses and dissertations": a dissertation read in ProQuest.
NAVARRO_GARCIA_DISSERTATION = {
    "id": "navarro-garcia-2016",
    "type": "thesis",
    "title": "Integrating Social Justice Values in Educational Leadership: A Study of African American and Black "
    "University Presidents",
    "author": [{"family": "Navarro-Garcia", "given": "Guadalupe"}],
    "genre": "PhD diss.",
    "publisher": "University of California, Los Angeles",
    "issued": {"date-parts": [[2016]]},
    "archive": "ProQuest Dissertations and Theses Global",
}

# University of Puerto Rico Mayagüez library, "MLA 9th Edition Style Guide: Dissertation/Thesis"
# (libguides.uprm.edu/MLA9/en), the MLA Handbook's example: a dissertation in ProQuest.
NJUS_DISSERTATION = {
    "id": "njus-2010",
    "type": "thesis",
    "title": "Performing the Passion: A Study on the Nature of Medieval Acting",
    "author": [{"family": "Njus", "given": "Jesse"}],
    "genre": "PhD dissertation",
    "publisher": "Northwestern University",
    "issued": {"date-parts": [[2010]]},
    "archive": "ProQuest",
    "URL": "search.proquest.com/docview/305212264?accountid=7432",
}

# Wake Forest University ZSR Library, "MLA 9th ed. Style Guide: Dissertations, Theses"
# (guides.zsr.wfu.edu/c.php?g=1166311&p=8515058): a dissertation in the university's repository.
MILLER_DISSERTATION = {
    "id": "miller-2016",
    "type": "thesis",
    "title": "Understanding the Process of Multisensory Integration",
    "author": [{"family": "Miller", "given": "Ryan"}],
    "genre": "PhD dissertation",
    "publisher": "Wake Forest University",
    "issued": {"date-parts": [[2016]]},
    "archive": "WakeSpace",
    "URL": "wakespace.lib.wfu.edu/handle/10339/59318",
}

# CMOS 17 14.224 as the University of Newcastle library's Chicago guide states it
# (libguides.newcastle.edu.au/chicago-a/theses): "the database name … and, in parentheses, any
# identification number supplied by the database, e.g. ProQuest (AAT 3300426)".
CHOI_DISSERTATION = {
    "id": "choi-2008",
    "type": "thesis",
    "title": "Contesting Imaginaires in Death Rituals during the Northern Song Dynasty",
    "author": [{"family": "Choi", "given": "Mihwa"}],
    "genre": "PhD diss.",
    "publisher": "University of Chicago",
    "issued": {"date-parts": [[2008]]},
    "archive": "ProQuest",
    "archive_location": "AAT 3300426",
}

# The Chicago Manual of Style Online, Q&A on citing an unpublished diary (after CMOS 18 14.122 and
# 14.127; chicagomanualofstyle.org/qanda/data/faq/topics/Documentation/faq0480.html): a letter
# with its box and folder, and a diary entry of the same day in the same papers.
CREEL_BOX_FOLDER = {
    "id": "creel-house-1918-box-31",
    "type": "personal_communication",
    "author": [{"family": "Creel", "given": "George"}],
    "recipient": [{"family": "House", "given": "Colonel"}],
    "issued": {"date-parts": [[1918, 9, 25]]},
    "archive_location": "box 31, folder 986",
    "archive_collection": "Edward Mandell House Papers",
    "archive": "Yale University Library",
}
HOUSE_DIARY = {
    "id": "house-diary-1918-09-25",
    "type": "manuscript",
    "genre": "Diary",
    # The Q&A names him "House": identified more fully in the text.
    "author": [{"family": "House"}],
    "issued": {"date-parts": [[1918, 9, 25]]},
    "archive_collection": "Edward Mandell House Papers",
    "archive": "Yale University Library",
}

# Collections cited as a whole, in a Chicago bibliography: Princeton University Library, "Footnotes
# made easy: Archives and manuscripts" (libguides.princeton.edu/c.php?g=84264&p=540976) and
# University College Dublin Library, "Chicago Style Guide 17th Edition: Archival or Manuscript
# Collections" (libguides.ucd.ie/c.php?g=694680&p=5018706).
STEVENSON_PAPERS = {
    "id": "stevenson-papers",
    "type": "collection",
    "title": "Papers",
    "author": [{"family": "Stevenson", "given": "Adlai E."}],
    "archive": "Seeley G. Mudd Library, Princeton University",
}
JEFFERSON_COLLECTION = {
    "id": "jefferson-collection",
    "type": "collection",
    "title": "Thomas Jefferson Collection",
    "archive": "Department of Special Collections, Princeton University Library",
}
RYAN_PAPERS = {
    "id": "ryan-papers",
    "type": "collection",
    "title": "Papers of Desmond Ryan",
    "archive": "UCD Archives, University College Dublin",
    "archive-place": "Ireland",
}

# Lectures heard where they were given (CMOS 17 14.217, "Lectures and papers presented at
# meetings"): the note's example as Valley Forge's Chicago guide reproduces it
# (libguides.valleyforge.edu/c.php?g=1040662&p=7547505), and the bibliography example of
# Morningside University's Chicago 17 guide (morningside.libguides.com/chicago17/lectures).
HONG_LECTURE = {
    "id": "hong-2015",
    "type": "speech",
    "title": "Censorship in Children's Literature during Argentina's Dirty War (1976–1983)",
    "author": [{"family": "Hong", "given": "Viviana"}],
    "genre": "lecture",
    "event-title": "University of Chicago",
    "event-place": "Chicago, IL",
    "issued": {"date-parts": [[2015, 4, 30]]},
}
BASS_LECTURE = {
    "id": "bass-2018",
    "type": "speech",
    "title": "The Paradoxes of Democratizing America: Reform, Gender, and Women's Rights",
    "author": [{"family": "Bass", "given": "Patrick"}],
    "genre": "Lecture",
    "event-title": "Morningside College",
    "event-place": "Sioux City, IA",
    "issued": {"date-parts": [[2018, 11, 5]]},
}

# MLA Style Center, "How do you cite a working paper in MLA style?" (style.mla.org/?p=21101; the
# post was written for MLA 8, whose template MLA 9 keeps for this entry): a working paper in its
# series, read online, undated; and one in a repository (CORE) with its date and DOI. The URLs are
# as the post prints them, without a scheme (and with its "conover.hml").
CONOVER_WORKING_PAPER = {
    "id": "conover-turnus",
    "type": "report",
    "genre": "Working paper",
    "title": "Rereading the Death of Turnus: Ritual, Time and Poetics in the Aeneid",
    "author": [{"family": "Conover", "given": "Kellam"}],
    "collection-title": "Princeton/Stanford Working Papers in Classics",
    "URL": "www.princeton.edu/~pswpc/papers/authorAL/conover/conover.hml",
}
GLASS_WORKING_PAPER = {
    "id": "glass-vandegrift-2018",
    "type": "report",
    "genre": "Working paper",
    "title": "Public Scholarship in Practice and Philosophy",
    "author": [{"family": "Glass", "given": "Erin Rose"}, {"family": "Vandegrift", "given": "Micah"}],
    "archive": "CORE",
    "issued": {"date-parts": [[2018]]},
    "URL": "dx.doi.org/10.17613/g64d-gd16",
}
