"""Where pandoc 3 puts each fact of an archcite export, and whether that is the place it belongs.

A fact is one field of one record. The writer puts it in a target field (the mapping tables of
``records.formats.bibtex`` and ``records.formats.ris``) or in a ``name: value`` line of the free
text (``note``/``N1``). A fact is *in place* when pandoc reads it back into the CSL variable that
pandoc's own reader gives that target field (BibTeX/BibLaTeX, RIS), into the same CSL variable
(CSL-JSON/YAML), or, for a note line, as that line of pandoc's ``note``. Anything else is lost.

pandoc's readers, as read in jgm/pandoc (not guessed):
- ``src/Text/Pandoc/Citeproc/BibTeX.hs``, ``itemToReference`` and ``getTypeAndGenre``;
- ``src/Text/Pandoc/Readers/RIS.hs``, ``risRecordToReference``;
- CSL-JSON through jgm/citeproc, which also takes ``name: value`` lines at the start of ``note``.
Used by the tests and by ``benchmarks/archival_survival.py``.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from archcite.records.formats import bibtex, ris
from archcite.records.mapping import date_to_text
from archcite.records.model import ARCHIVAL_FIELDS, DATE_VARIABLES, NAME_VARIABLES, Record

PANDOC_READERS = {"bibtex": "bibtex", "biblatex": "biblatex", "ris": "ris", "csljson": "csljson", "cslyaml": "markdown"}

# BibTeX.hs itemToReference: field -> the CSL variable pandoc makes of it. ``number`` depends on
# the entry type (see _pandoc_number); ``titleaddon`` is appended to the title; ``language`` is
# not read (pandoc reads ``langid``); the type is read from the entry type (getTypeAndGenre).
PANDOC_BIB_FIELDS: Mapping[str, str] = {
    "title": "title",
    "shorttitle": "title-short",
    "author": "author",
    "editor": "editor",
    "translator": "translator",
    "bookauthor": "container-author",
    "date": "issued",
    "year": "issued",
    "urldate": "accessed",
    "origdate": "original-date",
    "eventdate": "event-date",
    "booktitle": "container-title",
    "journal": "container-title",
    "journaltitle": "container-title",
    "titleaddon": "title",
    "series": "collection-title",
    "volume": "volume",
    "volumes": "number-of-volumes",
    "pages": "page",
    "edition": "edition",
    "publisher": "publisher",
    "institution": "publisher",
    "school": "publisher",
    "organization": "publisher",
    "howpublished": "publisher",
    "address": "publisher-place",
    "location": "publisher-place",
    "venue": "event-place",
    "eventtitle": "event",  # CSL 1.0.1's name of event-title, which pandoc still writes
    "type": "genre",
    "url": "URL",
    "doi": "DOI",
    "isbn": "ISBN",
    "issn": "ISSN",
    "abstract": "abstract",
    "keywords": "keyword",
    "library": "call-number",
    "note": "note",
}
# RIS.hs risRecordToReference: tag -> CSL variable (the table is ``ris.PANDOC_TAGS``, which
# the export mapping tables print); "TY" gives the type.
PANDOC_RIS_TAGS: Mapping[str, str] = {"TY": "type", **ris.PANDOC_TAGS}
_BOOKISH = {"book", "collection", "proceedings", "incollection", "inbook", "inproceedings", "bookinbook"}
_ARTICLES = {"article", "periodical"}


def pandoc_items(text: str, fmt: str) -> dict[str, dict[str, Any]]:
    """pandoc's CSL-JSON reading of an export, by id (one pandoc run)."""
    import pypandoc

    reader = PANDOC_READERS[fmt]
    if fmt == "cslyaml":
        # pandoc reads a CSL-YAML bibliography as the ``references`` of a YAML metadata block.
        text = "---\nreferences:\n" + re.sub(r"(?m)^(?=.)", "  ", text) + "...\n"
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "export"
        source.write_text(text, encoding="utf-8")
        done = subprocess.run(
            [pypandoc.get_pandoc_path(), "-f", reader, "-t", "csljson", str(source)],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
    if done.returncode != 0:
        raise AssertionError(f"pandoc -f {reader} failed: {done.stderr}")
    return {str(item["id"]): item for item in json.loads(done.stdout)}


def plain(value: Any) -> str:
    """Text as compared: no markup, straight quotes, hyphens for dashes, single spaces."""
    text = re.sub(r"<[^>]+>", "", str(value))
    text = re.sub("[\u2018\u2019\u201c\u201d']", '"', text)  # pandoc makes quotes curly and flips inner ones
    text = re.sub("[\u2013\u2014]", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def display_name(name: Mapping[str, Any]) -> str:
    """A name as it prints in display order: inverted or split differently, it reads differently."""
    if name.get("literal"):
        return plain(name["literal"])
    parts = ("given", "dropping-particle", "non-dropping-particle", "family", "suffix")
    return plain(" ".join(str(name[p]) for p in parts if name.get(p)))


def _same(variable: str, value: Any, read: Any) -> bool:
    if read is None:
        return False
    if variable in NAME_VARIABLES:
        return isinstance(read, list) and [display_name(n) for n in value] == [display_name(n) for n in read]
    if variable in DATE_VARIABLES:
        if "date-parts" in value:
            return isinstance(read, Mapping) and read.get("date-parts") == value["date-parts"]
        return isinstance(read, Mapping) and plain(read.get("literal", "")) == plain(value.get("literal"))
    if isinstance(value, bool):
        return plain(read).lower() == str(value).lower()
    return plain(read) == plain(value)


def _in_note(variable: str, value: Any, note: Any) -> bool:
    """True when pandoc's note holds the writer's ``variable: value`` line."""
    if not isinstance(note, str):
        return False
    lines = [plain(line) for line in note.split("\n") if line.startswith(f"{variable}: ")]
    if variable in DATE_VARIABLES and isinstance(value, Mapping):
        text = date_to_text(value)
        return any(text is not None and text in line for line in lines)
    if variable in NAME_VARIABLES:
        return bool(lines)  # a name line's form is the writer's (checked by archcite's read-back)
    expected = plain(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
    return any(expected.lower() in line.lower() for line in lines)


def _pandoc_number(entry_type: str) -> str:
    if entry_type in _ARTICLES:
        return "issue"
    return "collection-number" if entry_type in _BOOKISH else "number"


def bib_place(record: Record, variable: str, dialect: str) -> str | None:
    """The CSL variable pandoc gives the field the writer uses; "note" for a note line; None: lost."""
    field = bibtex.field_for(record.type, variable, dialect)
    value = record.fields[variable]
    if variable in DATE_VARIABLES and (not isinstance(value, Mapping) or date_to_text(value) is None):
        field = None
    if field is None:
        return "note"
    if field == "number":
        return _pandoc_number(bibtex.entry_type_for(record.type, dialect)[0])
    return PANDOC_BIB_FIELDS.get(field)


def ris_place(record: Record, variable: str) -> str | None:
    tag = ris.written_tag(record.type, variable)
    if variable == "page":
        tag = "SP"
    return PANDOC_RIS_TAGS.get(tag) if tag else None


def fact_place(record: Record, variable: str, fmt: str) -> str | None:
    if fmt in ("bibtex", "biblatex"):
        return bib_place(record, variable, fmt)
    if fmt == "ris":
        return ris_place(record, variable)
    return "note" if variable in ARCHIVAL_FIELDS else variable


def facts(records: Sequence[Record]) -> list[tuple[Record, str]]:
    """Every field of every record except its id and the free text of its note."""
    return [(record, name) for record in records for name in record.fields if name not in ("id", "note")]


def fact_in_place(record: Record, variable: str, fmt: str, item: Mapping[str, Any]) -> bool:
    value = record.fields[variable]
    if variable == "type":
        if item.get("type") == value:
            return True
        return _in_note("type", value, item.get("note"))
    place = fact_place(record, variable, fmt)
    if place is None:
        return False
    if place == "note":
        if _in_note(variable, value, item.get("note")):
            return True
        # jgm/citeproc takes the note lines of CSL-JSON as variables of their own name.
        return fmt == "csljson" and _same(variable, value, item.get(variable))
    read = item.get(place)
    if place == "title" and variable != "title" and read is not None:
        return plain(read).endswith(plain(value))  # pandoc appends titleaddon to the title
    return _same(variable, value, read)


def survey(records: Sequence[Record], fmt: str, text: str) -> tuple[int, list[tuple[str, str]]]:
    """How many facts pandoc reads in place, and the (record id, field) of each one it does not."""
    items = pandoc_items(text, fmt)
    missed = []
    kept = 0
    for record, variable in facts(records):
        item = items.get(record.id, {})
        if fact_in_place(record, variable, fmt, item):
            kept += 1
        else:
            missed.append((record.id, variable))
    return kept, missed
