"""Foreign Relations of the United States (FRUS) documents, Office of the Historian.

Volumes since the 1950s number their documents: "262. Telegram From the Department of State to
the Embassy in Iran1" (the footnote marker glued on), with a source footnote "Source: Department
of State, Central Files, POL IRAN–U.S. Secret; Priority; Nodis." Volumes of 1918-1948 head a
document with the State Department's file number ("852.75 National Telephone Co./318:
Telegram") and an addressee line ("The Secretary of State to the Ambassador in Spain
(Weddell)"). The title gives the genre, sender and recipient; the footnote gives the original's
repository, collection and file; the address (``frus1964-68v22/d262``) gives the volume.

A FRUS document is cited as a document in the published volume: ``container-title`` is the
series and subseries, ``volume`` the volume, ``number`` the document number.
"""

from __future__ import annotations

import re

from archcite.records.importers.common import DATE_TEXT, Importer, Page, cut_warning, issued, read_title

SERIES = "Foreign Relations of the United States"
PUBLISHER = "Office of the Historian"
HOSTS = frozenset({"history.state.gov"})

_NUMBERED = re.compile(r"(?P<number>\d{1,4})\.\s+(?P<title>[A-Z].*?)(?:(?<=[a-z)])\s?\d{1,3})?")
# "852.75 National Telephone Co./318: Telegram", "File No. 811.142/3200", "Defense Files: Telegram".
_FILE_NUMBER = re.compile(
    r"(?:File No\.\s*)?(?P<file>\d{3}\.[\w.]*(?:\s[\w. ]+?)?/[\w–-]+|[A-Z][\w.]*(?: [A-Z][\w.]*)* Files)"
    r"(?::\s*(?P<genre>[A-Z][a-z]+))?"
)
_ADDRESSEE = re.compile(r"(?P<title>The\s.+?\sto\s(?:the\s)?.+?)(?:(?<=[a-z)])\s?\d{1,3})?")
_BRACKETED_GENRE = re.compile(r"\[(?P<genre>Telegram|Letter|Memorandum|Note|Despatch|Instruction|Circular)\]")
_SOURCE = re.compile(r"\d{1,3}\.\s+Source:\s*(?P<source>.+)")
# The footnote's classification and handling start the part after the file.
_CLASSIFICATION = re.compile(
    r"\s(?=(?:Top Secret|Secret|Confidential|Unclassified|Limited Official Use|No classification marking)\b)"
)
_LOCATION_PART = re.compile(r"(?:Job|Box|Boxes|Folder|Folders|File|Files|Tab|Document|Doc\.)\s|[A-Z]{2,}\s+[A-Z]")
_DATE_LINE = re.compile(rf"(?P<place>[A-Z][\w .,']+?),\s+(?P<date>{DATE_TEXT})(?:,\s*(?P<time>[^,]*?))?\.?")
_VOLUME = re.compile(
    r"/historicaldocuments/frus(?P<years>\d{4}(?:-\d{2,4})?)(?P<subseries>[A-Za-z]*?)"
    r"v(?P<volume>\d+|[a-z]\d+)(?:p(?P<part>\d+))?(?:/d(?P<document>\d+))?"
)


def sniff(text: str) -> bool:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return False
    first = lines[0]
    numbered = _NUMBERED.fullmatch(first)
    heading = numbered is not None and "genre" in read_title(numbered["title"]).fields
    filed = _FILE_NUMBER.fullmatch(first)
    evidence = "history.state.gov" in text or re.search(r"\[Page \d+\]|^\s*\d{1,3}\.\s+Source:", text, re.M)
    addressee = len(lines) > 1 and _ADDRESSEE.fullmatch(lines[1]) is not None
    return bool((heading or filed) and (evidence or addressee))


def _volume(page: Page) -> None:
    """Series, subseries and volume from the address (``/historicaldocuments/frus1969-76v21/d190``)."""
    match = _VOLUME.search(page.path)
    if match is None:
        page.put("container-title", SERIES)
        return
    years = match["years"]
    if "-" in years:
        start, end = years.split("-")
        years = f"{start}–{start[: 4 - len(end)]}{end}"
    subseries = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", match["subseries"]).strip()
    page.put("container-title", ", ".join(filter(None, [SERIES, years, subseries])))
    volume = match["volume"]
    volume = f"{volume[0].upper()}-{int(volume[1:])}" if volume[0].isalpha() else str(int(volume))
    page.put("volume", f"{volume}, Part {match['part']}" if match["part"] else volume)
    page.put("digital-archive-id", match.group().removeprefix("/historicaldocuments/"))


def _source_footnote(page: Page) -> None:
    found = next((m for line in page.lines if (m := _SOURCE.fullmatch(line))), None)
    if found is None:
        return
    text = found["source"].strip()
    parts = _CLASSIFICATION.split(text, maxsplit=1)
    location, rest = parts[0].strip(), (parts[1].strip() if len(parts) > 1 else "")
    if not re.search(r"(?:^|[\s–-])(?:[A-Z]\.){2,}$", location):  # "POL IRAN–U.S." keeps its period
        location = location.rstrip(".")
    segments = [s.strip() for s in location.split(",") if s.strip()]
    if not segments:
        return
    page.put("archive", segments[0])
    tail: list[str] = []
    while len(segments) > 1 and _LOCATION_PART.match(segments[-1]):
        tail.insert(0, segments.pop())
    page.put("archive_collection", ", ".join(segments[1:]))
    page.put("archive_location", ", ".join(tail))
    page.put("note", rest)


def read(page: Page) -> None:
    lines = page.nonblank()
    first_number, first = lines[0]
    page.line = first_number + 1
    title_text = None
    if numbered := _NUMBERED.fullmatch(first):
        page.put("number", numbered["number"])
        title_text = numbered["title"]
        genre_facts = read_title(title_text)
    else:
        filed = _FILE_NUMBER.fullmatch(first)
        assert filed is not None  # sniff() saw the heading
        page.put("archive_collection" if filed["file"].endswith(" Files") else "archive_location", filed["file"])
        addressee = next((m for _, line in lines[1:3] if (m := _ADDRESSEE.fullmatch(line))), None)
        bracketed = next((m["genre"] for _, line in lines[1:4] if (m := _BRACKETED_GENRE.fullmatch(line))), None)
        genre = filed["genre"] or bracketed
        title_text = re.sub(r"\(\s+", "(", addressee["title"]) if addressee else None
        # The addressee line names sender and recipient even where the page names no genre.
        genre_facts = read_title(f"{genre or 'Message'} from {title_text[4:]}" if title_text else (genre or ""))
        if genre is None:
            genre_facts.fields.pop("genre", None)
            genre_facts.fields["type"] = "document"
    page.put("type", genre_facts.fields.get("type", "document"))
    page.put("genre", genre_facts.fields.get("genre"))
    page.put("title", title_text)
    page.put("title-is-description", bool(title_text) or None)
    page.put("author", genre_facts.fields.get("author"))
    page.put("recipient", genre_facts.fields.get("recipient"))
    for _, line in lines[1:5]:
        if date_line := _DATE_LINE.fullmatch(line):
            page.put("issued", issued(date_line["date"]))
            page.put("event-place", date_line["place"])
            break
    else:
        page.warnings.append("the page shows no date line; issued left out")
    _volume(page)
    _source_footnote(page)
    if warning := cut_warning(page.text):
        page.warnings.append(warning)


IMPORTER = Importer(
    name="frus",
    archive="Foreign Relations of the United States (FRUS)",
    hosts=HOSTS,
    expected="a https://history.state.gov/historicaldocuments/frus<volume>/d<n> document page with its heading",
    sniff=sniff,
    read=read,
)
