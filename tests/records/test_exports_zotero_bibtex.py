"""Each archival record kind, exported as BibTeX or BibLaTeX, as Zotero's BibTeX import keeps it.

Zotero's import is simulated from zotero/translators ``BibTeX.js`` (commit d2d7747, 2019-09-17,
the newest the search index holds) as read there, not guessed: ``bibtex2zoteroTypeMap`` (an
entry type it lacks is discarded, the whole entry), ``fieldMap`` and ``inputFieldMap``, and
``processField``'s branches: ``author``, ``editor`` and ``translator`` are the only creators;
``location`` is the place when there is no ``address``; ``pages`` of a book, thesis or
manuscript is its number of pages; ``number`` a report's number, a book's number in its series,
else an issue; ``howpublished`` a URL, or else an Extra line ``Published: ...``; ``note``,
``annote`` and ``comment`` child notes (which nothing parses); any other field (``library``,
``venue``, ``archive``...) is dropped. The item is then saved by the client (``zotero_save``).
The export is parsed with bibtexparser and pylatexenc, readers independent of archcite's.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from archcite.records.io import dump_records
from archcite.records.model import Record
from tests.records import zotero_save

bibtexparser = pytest.importorskip("bibtexparser")

# BibTeX.js bibtex2zoteroTypeMap.
ZOTERO_TYPES = {
    "book": "book", "inbook": "bookSection", "incollection": "bookSection", "article": "journalArticle",
    "patent": "patent", "phdthesis": "thesis", "unpublished": "manuscript", "inproceedings": "conferencePaper",
    "conference": "conferencePaper", "techreport": "report", "booklet": "book", "manual": "book",
    "mastersthesis": "thesis", "misc": "book", "proceedings": "book", "online": "webpage", "thesis": "thesis",
    "letter": "letter", "movie": "film", "artwork": "artwork", "report": "report", "legislation": "bill",
    "jurisdiction": "case", "audio": "audioRecording", "video": "videoRecording", "software": "computerProgram",
    "inreference": "encyclopediaArticle", "collection": "book", "mvbook": "book",
}  # fmt: skip
# BibTeX.js fieldMap and inputFieldMap: BibTeX field -> Zotero field.
ZOTERO_FIELDS = {
    "address": "place", "chapter": "section", "edition": "edition", "type": "type", "series": "series",
    "title": "title", "volume": "volume", "copyright": "rights", "isbn": "ISBN", "issn": "ISSN",
    "shorttitle": "shortTitle", "url": "url", "doi": "DOI", "abstract": "abstractNote", "language": "language",
    "booktitle": "publicationTitle", "school": "publisher", "publisher": "publisher", "issue": "issue",
    "journaltitle": "publicationTitle", "journal": "publicationTitle", "eventtitle": "conferenceName",
    "pagetotal": "numPages", "urldate": "accessDate",
}  # fmt: skip
CREATOR_FIELDS = ("author", "editor", "translator")
NOTE_FIELDS = ("note", "annote", "comment", "review", "notes")
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def _text(raw: str) -> str:
    """unescapeBibTeX: TeX read as text, braces gone, white space collapsed."""
    from pylatexenc.latex2text import LatexNodes2Text

    text = LatexNodes2Text(math_mode="verbatim").latex_to_text(raw)
    return re.sub(r"\s+", " ", text.replace("{", "").replace("}", "")).strip()


def _split_top(text: str, separator: str) -> list[str]:
    """splitUnprotected: split outside braces."""
    parts, depth, start = [], 0, 0
    for match in re.finditer(r"[{}]|" + separator, text):
        token = match.group(0)
        depth += {"{": 1, "}": -1}.get(token, 0)
        if token not in "{}" and depth == 0:
            parts.append(text[start : match.start()])
            start = match.end()
    return [*parts, text[start:]]


def _creator(raw: str) -> str:
    """A BibTeX name as Zotero's creator: "lastName, firstName", or one field."""
    pieces = [p.strip() for p in _split_top(raw.strip(), r"\s*,\s*")]
    if len(pieces) > 1:
        first = pieces[-1] + "".join(f", {p}" for p in pieces[1:-1])
        return f"{_text(pieces[0])}, {_text(first)}".rstrip(", ")
    words = _split_top(raw.strip(), r" +")
    if len(words) > 1:  # cleanAuthor: the last word is the family name
        return f"{_text(words[-1])}, {_text(' '.join(words[:-1]))}"
    return _text(raw)


def zotero_import(bib_text: str) -> dict[str, Any] | None:
    """The one entry as BibTeX.js makes it (None when it discards the entry type)."""
    library = bibtexparser.parse_string(bib_text)
    (entry,) = library.entries
    item_type = ZOTERO_TYPES.get(entry.entry_type.lower())
    if item_type is None:
        return None
    raw = {field.key.lower(): str(field.value) for field in entry.fields}
    fields: dict[str, str] = {}
    creators: list[tuple[str, str]] = []
    extra: list[str] = []
    notes: list[str] = []
    for name, value in raw.items():
        text = _text(value)
        if name in CREATOR_FIELDS:
            creators += [(name, _creator(n)) for n in _split_top(value.strip(), r"\s+and\s+") if n.strip()]
        elif name == "pages":
            pages_field = "numPages" if item_type in ("book", "thesis", "manuscript") else "pages"
            fields[pages_field] = value.replace("--", "-")
        elif name == "url":
            fields["url"] = value
        elif name in ZOTERO_FIELDS:
            fields[ZOTERO_FIELDS[name]] = text
        elif name in ("institution", "organization"):
            fields.setdefault("publisher", text)
        elif name == "number":
            fields[
                {"report": "reportNumber", "book": "seriesNumber", "bookSection": "seriesNumber"}.get(
                    item_type, "issue"
                )
            ] = text
        elif name == "howpublished" and len(text) >= 7:
            if text.startswith(("http://", "https:/", "mailto:")):
                fields["url"] = text
            else:
                extra.append(f"Published: {text}")
        elif name in NOTE_FIELDS:
            notes.append(text)
    if "location" in raw:
        if item_type == "conferencePaper":
            extra.append(f"event-place: {_text(raw['location'])}")
        else:
            fields.setdefault("place", _text(raw["location"]))
    if "date" in raw:
        fields["date"] = raw["date"]
    elif "year" in raw:
        # year, then month as its name ("April 1961"), which the client's strToDate reads.
        month = MONTHS.index(raw["month"].lower()[:3]) + 1 if raw.get("month", "").lower()[:3] in MONTHS else None
        fields["date"] = raw["year"] + (f"-{month:02d}" if month else "")
    return {"itemType": item_type, "fields": fields, "creators": creators, "extra": "\n".join(extra), "notes": notes}


def imported(fields: dict[str, Any], dialect: str) -> dict[str, Any]:
    """The saved Zotero item of one record exported in the dialect."""
    translated = zotero_import(dump_records([Record({"id": "x", **fields})], dialect).text)
    assert translated is not None
    return {**zotero_save.save(translated), "notes": translated["notes"]}


KENNAN = {"family": "Kennan", "given": "George F."}
KENNEDY = {"family": "Kennedy", "given": "John F."}


@pytest.mark.parametrize(
    ("dialect", "kind", "fields", "item_type"),
    [
        (dialect, kind, fields, item_type)
        for dialect in ("bibtex", "biblatex")
        for kind, fields, item_type in [
            ("letter", {"type": "personal_communication", "genre": "Letter"}, "letter"),
            ("memorandum", {"type": "personal_communication", "genre": "Memorandum"}, "letter"),
            ("telegram", {"type": "personal_communication", "genre": "Telegram"}, "letter"),
            ("manuscript", {"type": "manuscript", "genre": "Diary"}, "manuscript"),
            ("speech", {"type": "speech", "genre": "Address"}, "manuscript"),
        ]
    ]
    + [
        # BibTeX.js maps no entry type to a document or an interview. BibTeX's @unpublished is
        # a manuscript, which keeps the genre; biblatex's @misc (where biblatex prints the genre,
        # `type`) is a book, which has no field for it.
        ("bibtex", "archival document", {"type": "document", "genre": "Memorandum"}, "manuscript"),
        ("bibtex", "interview", {"type": "interview", "genre": "Oral history"}, "manuscript"),
        ("biblatex", "archival document", {"type": "document", "genre": "Memorandum"}, "book"),
        ("biblatex", "interview", {"type": "interview", "genre": "Oral history"}, "book"),
    ],
)
def test_archival_kinds_keep_title_author_date_and_genre_where_the_item_type_has_one(
    dialect: str, kind: str, fields: dict[str, Any], item_type: str
) -> None:
    item = imported(
        {**fields, "title": "Telegram 511", "author": [KENNAN], "issued": {"date-parts": [[1946, 2, 22]]}}, dialect
    )
    assert item["itemType"] == item_type, kind
    assert item["fields"]["title"] == "Telegram 511"
    assert item["creators"] == [("author", "Kennan, George F.")]
    assert item["fields"]["date"] == "1946-02-22"
    assert item["fields"].get("type") == (None if item_type == "book" else fields["genre"])


@pytest.mark.parametrize("dialect", ["bibtex", "biblatex"])
def test_what_bibtex_js_has_no_input_for_is_a_note_zotero_does_not_parse(dialect: str) -> None:
    """Archive, location in the archive, collection and recipient: BibTeX.js reads no field for
    them (not ``library``, not ``archive``): they reach Zotero only as the child note."""
    item = imported(
        {
            "type": "personal_communication",
            "title": "Telegram 511",
            "recipient": [KENNEDY],
            "archive": "National Archives",
            "archive_location": "861.00/2-2246",
            "archive_collection": "Record Group 59",
        },
        dialect,
    )
    assert item["creators"] == []
    assert "archive" not in item["fields"]
    assert "archiveLocation" not in item["fields"]
    assert item["extra"] == []
    (note,) = item["notes"]
    assert "archive: National Archives" in note
    assert "recipient: Kennedy || John F." in note


def test_a_letters_place_of_writing_is_its_place_in_extra() -> None:
    # A Zotero letter has no place: the client keeps the translator's place as an Extra line,
    # which citeproc-js reads as publisher-place.
    item = imported({"type": "personal_communication", "title": "Letter", "publisher-place": "Moscow"}, "bibtex")
    assert item["extra"] == ["Place: Moscow"]
    assert zotero_save.extra_variable(item["extra"][0]) == "publisher-place"


def test_a_manuscripts_folios_become_its_number_of_pages() -> None:
    """BibTeX.js reads ``pages`` of a manuscript as numPages; pandoc and biblatex need ``pages``."""
    item = imported({"type": "manuscript", "title": "Diary", "page": "12-14"}, "biblatex")
    assert (item["fields"].get("pages"), item["fields"].get("numPages")) == (None, "12-14")


def test_a_web_pages_site_and_url_survive() -> None:
    item = imported({"type": "webpage", "title": "Finding aid", "URL": "https://example.org/fa"}, "biblatex")
    assert (item["itemType"], item["fields"]["url"]) == ("webpage", "https://example.org/fa")


@pytest.mark.parametrize("dialect", ["bibtex", "biblatex"])
def test_a_translator_and_a_short_title_are_zoteros_in_both_dialects(dialect: str) -> None:
    item = imported(
        {"type": "manuscript", "title": "Diary of a Year", "title-short": "Diary", "translator": [KENNEDY]}, dialect
    )
    assert (item["creators"], item["fields"]["shortTitle"]) == ([("translator", "Kennedy, John F.")], "Diary")
