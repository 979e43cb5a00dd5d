"""``--to zotero``: every fact of the reference corpus lands in its Zotero field or in Extra.

Zotero's CSL JSON import is simulated from the Zotero schema's CSL mappings (zotero/zotero-schema
``schema.json``, section ``csl``: ``types``, ``fields.text``, ``fields.date``, ``names``) and its
item types' creator types (section ``itemTypes``), as read there: a variable with no mapping is
dropped, ``note`` becomes Extra, and a creator whose type the item type lacks becomes an author
(how Schlesinger's memorandum gained Kennedy as co-author). A fact is kept when its value is in
the Zotero field its variable maps to, or in a ``name: value`` line of Extra.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from archcite.records.io import dump_records
from archcite.records.model import Record
from archcite.records.registry import get_format
from archcite.records.validate import build_records
from tests.records.exports_helpers import comparable, corpus_records

# schema.json csl.types (CSL type -> first Zotero type) for the corpus's types.
ZOTERO_TYPES = {
    "personal_communication": "letter",
    "manuscript": "manuscript",
    "document": "document",
    "report": "report",
    "book": "book",
    "chapter": "bookSection",
    "article-journal": "journalArticle",
    "article-newspaper": "newspaperArticle",
    "article-magazine": "magazineArticle",
    "webpage": "webpage",
    "interview": "interview",
    "speech": "presentation",
    "thesis": "thesis",
    "collection": "book",
}
# schema.json csl.fields.text and csl.fields.date: CSL variable -> Zotero base field.
ZOTERO_FIELDS = {
    "abstract": "abstractNote",
    "archive": "archive",
    "archive_location": "archiveLocation",
    "call-number": "callNumber",
    "collection-number": "seriesNumber",
    "collection-title": "series",
    "container-title": "publicationTitle",
    "DOI": "DOI",
    "edition": "edition",
    "event-place": "place",
    "event-title": "meetingName",
    "genre": "type",
    "ISBN": "ISBN",
    "ISSN": "ISSN",
    "issue": "issue",
    "language": "language",
    "medium": "medium",
    "note": "extra",
    "number": "number",
    "number-of-volumes": "numberOfVolumes",
    "page": "pages",
    "publisher": "publisher",
    "publisher-place": "place",
    "title": "title",
    "title-short": "shortTitle",
    "URL": "url",
    "volume": "volume",
    "accessed": "accessDate",
    "issued": "date",
    "original-date": "originalDate",
}
# schema.json csl.names (Zotero creator type -> CSL variable), inverted, for the corpus's roles.
ZOTERO_CREATORS = {
    "author": "author",
    "contributor": "contributor",
    "editor": "editor",
    "translator": "translator",
    "recipient": "recipient",
    "interviewer": "interviewer",
    "collection-editor": "seriesEditor",
    "container-author": "bookAuthor",
}
# schema.json itemTypes[].creatorTypes (the primary type first) for the corpus's item types.
CREATOR_TYPES = {
    "letter": {"author", "contributor", "recipient"},
    "manuscript": {"author", "contributor", "translator"},
    "document": {"author", "contributor", "editor", "translator", "reviewedAuthor"},
    "interview": {"interviewee", "contributor", "interviewer", "translator"},
    "presentation": {"presenter", "contributor"},
    "book": {"author", "contributor", "editor", "translator", "seriesEditor"},
    "bookSection": {"author", "contributor", "editor", "bookAuthor", "translator", "seriesEditor"},
}


def zotero_import(item: dict[str, Any]) -> dict[str, Any]:
    """The Zotero item the CSL JSON translator makes of a CSL item (fields and creators)."""
    zotero_type = ZOTERO_TYPES[item["type"]]
    result: dict[str, Any] = {"itemType": zotero_type, "creators": []}
    for variable, value in item.items():
        if variable in ZOTERO_CREATORS:
            creator_type = ZOTERO_CREATORS[variable]
            if creator_type not in CREATOR_TYPES.get(zotero_type, {creator_type}):
                creator_type = "author"  # the item type's primary creator
            # A literal name is Zotero's one-field name (its lastName).
            result["creators"] += [
                (creator_type, name.get("family", name.get("literal")), name.get("given")) for name in value
            ]
        elif variable in ZOTERO_FIELDS:
            result[ZOTERO_FIELDS[variable]] = value
    return result


def _kept(record: Record, variable: str, imported: dict[str, Any]) -> bool:
    value = record.fields[variable]
    extra_lines = str(imported.get("extra", "")).split("\n")
    if any(line.startswith(f"{variable}: ") for line in extra_lines):
        return True
    if variable in ZOTERO_CREATORS:
        people = [(ZOTERO_CREATORS[variable], n.get("family"), n.get("given")) for n in value]
        if any(n.get("literal") for n in value):
            return True  # a literal name is one field in Zotero; its text is the family here
        return all(
            any(kind == creator[0] and family and creator[1].endswith(family) for creator in imported["creators"])
            for kind, family, _ in people
        )
    if variable in ZOTERO_FIELDS:
        return imported.get(ZOTERO_FIELDS[variable]) == value
    return False


def test_every_fact_of_the_corpus_lands_in_its_zotero_field_or_in_extra() -> None:
    records = corpus_records()
    items = {item["id"]: item for item in json.loads(dump_records(records, "zotero").text)}
    lost = [
        (record.id, variable)
        for record in records
        for variable in record.fields
        if variable not in ("id", "type", "note") and not _kept(record, variable, zotero_import(items[record.id]))
    ]
    assert lost == []


def test_a_memorandums_recipient_is_no_author_in_zotero() -> None:
    record = next(r for r in corpus_records() if r.id == "schlesinger-memo-1961-04-10")
    (item,) = json.loads(dump_records([record], "zotero").text)
    imported = zotero_import(item)
    assert imported["creators"] == [("author", "Schlesinger", "Arthur M., Jr.")]
    assert "recipient: Kennedy || John F." in imported["extra"].split("\n")


def test_particles_are_in_the_family_name_zotero_keeps() -> None:
    record = next(r for r in corpus_records() if r.id == "degaulle-eisenhower-1958-09-17")
    (item,) = json.loads(dump_records([record], "zotero").text)
    assert zotero_import(item)["creators"][0] == ("author", "de Gaulle", "Charles")


def test_the_csljson_export_drops_what_zotero_has_no_field_for() -> None:
    """Why ``--to zotero`` exists: the standard CSL-JSON export serves pandoc and citeproc-js."""
    record = next(r for r in corpus_records() if r.id == "schlesinger-memo-1961-04-10")
    (item,) = json.loads(dump_records([record], "csljson").text)
    assert ("author", "Kennedy", "John F.") in zotero_import(item)["creators"]


def test_zotero_export_reads_back_in_archcite_with_names_as_zotero_keeps_them() -> None:
    from archcite.records.formats.zotero import zotero_name

    records = corpus_records()
    text = dump_records(records, "zotero").text
    reader = get_format("zotero", purpose="load")
    assert reader.load is not None
    back, _ = build_records(reader.load(text, "export.json").items)
    # Names written as Zotero creators read back as Zotero keeps them; Extra lines exactly.
    expected = [
        {
            k: [zotero_name(n) for n in v] if k in ZOTERO_CREATORS and k in item else v
            for k, v in comparable(r.fields).items()
        }
        for r, item in zip(records, json.loads(text), strict=True)
    ]
    assert [comparable(r.fields) for r in back] == expected


@pytest.mark.parametrize(
    ("csl_type", "variable", "value"),
    [
        ("personal_communication", "page", "209-233"),  # a Zotero letter has no pages
        ("document", "genre", "Memorandum"),  # nor a document a type
        ("speech", "archive", "RGANI"),  # nor a presentation an archive
        ("manuscript", "publisher", "Private press"),  # nor a manuscript a publisher
    ],
)
def test_a_field_the_zotero_item_type_lacks_is_a_line_of_extra(csl_type: str, variable: str, value: str) -> None:
    (item,) = json.loads(dump_records([Record({"id": "x", "type": csl_type, variable: value})], "zotero").text)
    assert variable not in item
    assert f"{variable}: {value}" in item["note"].split("\n")


@pytest.mark.parametrize(
    ("csl_type", "variable", "value"),
    [
        ("personal_communication", "page", "209-233"),  # a Zotero letter has no pages
        ("document", "genre", "Memorandum"),  # nor a document a type
        ("manuscript", "publisher", "Private press"),  # nor a manuscript a publisher
        ("personal_communication", "archive-place", "Warsaw"),  # nor any item an archive's place
    ],
)
def test_the_csljson_export_restates_what_zotero_drops_in_notes_leading_lines(
    csl_type: str, variable: str, value: str
) -> None:
    record = Record({"id": "x", "type": csl_type, "title": "T", variable: value, "note": "Own text."})
    (item,) = json.loads(dump_records([record], "csljson").text)
    # Standard CSL: the variable stays itself; the line comes before the note's own text.
    assert (item[variable], item["note"]) == (value, f"{variable}: {value}\nOwn text.")
    # Zotero's import drops the variable and keeps the note as Extra, where the line stays.
    assert f"{variable}: {value}" in zotero_import(item)["extra"].split("\n")


def test_the_csljson_restatements_read_back_as_the_record_in_archcite_and_pandoc() -> None:
    from tests.records.pandoc_readback import pandoc_items

    fields = {"id": "x", "type": "document", "title": "T", "genre": "Memorandum", "page": "3-4", "note": "Own."}
    text = dump_records([Record(fields)], "csljson").text
    reader = get_format("csljson", purpose="load")
    assert reader.load is not None
    back, _ = build_records(reader.load(text, "x.json").items)
    assert back[0].fields == fields
    pandoc_item = pandoc_items(text, "csljson")["x"]
    # pandoc's citeproc takes the leading lines as the variables they restate: none is printed.
    assert (pandoc_item["genre"], pandoc_item["page"], pandoc_item["note"]) == ("Memorandum", "3-4", "Own.")
