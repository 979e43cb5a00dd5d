"""Each archival record kind, exported as RIS, is imported by Zotero with each fact in its field.

Zotero's import is simulated from the tables of zotero/translators ``RIS.js`` (commit f50d446,
2023-07-28) as read there, not guessed: ``importTypeMap`` (with ``exportTypeMap`` merged in),
``fieldMap`` and ``degenerateImportFieldMap`` (its tags are processed last, filling only a field
no other tag filled: AV is read as the location in the archive only without AN; each M2 is
appended to Extra as a line of its own, ``applyValue``). The export is parsed with
rispy, an independent RIS reader. A fact is in its field when it lands in the Zotero field the
Zotero schema gives its CSL variable (``recipient`` a recipient, ``archive_location`` Loc. in
Archive, ``genre`` the item type's own type field, ...).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from archcite.records.io import dump_records
from archcite.records.model import Record
from tests.records import zotero_save

rispy = pytest.importorskip("rispy")

# RIS.js importTypeMap after ``importTypeMap[exportTypeMap[ty]] = ty``.
ZOTERO_TYPES = {
    "PCOMM": "letter",
    "MANSCPT": "manuscript",
    "SLIDE": "presentation",
    "GEN": "journalArticle",
    "BOOK": "book",
    "CHAP": "bookSection",
    "RPRT": "report",
    "JOUR": "journalArticle",
    "NEWS": "newspaperArticle",
    "MGZN": "magazineArticle",
    "ELEC": "webpage",
    "THES": "thesis",
}
# RIS.js fieldMap: tag -> Zotero field, per item type where it depends on it ("*": any type).
ZOTERO_FIELDS: dict[str, dict[str, str]] = {
    "TI": {"*": "title"},
    "AU": {"*": "creators/author", "interview": "creators/interviewee"},
    "A2": {
        "letter": "creators/recipient",
        "interview": "creators/interviewer",
        "presentation": "creators/presenter",
        "journalArticle": "creators/editor",
        "bookSection": "creators/editor",
        "document": "creators/editor",
        "book": "creators/seriesEditor",
        "report": "creators/seriesEditor",
    },
    "A3": {"book": "creators/editor", "bookSection": "creators/seriesEditor"},
    "A4": {"*": "creators/translator"},
    "T2": {
        "bookSection": "bookTitle",
        "presentation": "meetingName",
        "report": "seriesTitle",
        "book": "series",
        "journalArticle": "publicationTitle",
        "newspaperArticle": "publicationTitle",
        "webpage": "websiteTitle",
    },
    "M3": {
        "manuscript": "manuscriptType",
        "letter": "letterType",
        "presentation": "presentationType",
        "report": "reportType",
        "thesis": "thesisType",
        "interview": "interviewMedium",
        "webpage": "websiteType",
    },
    "DA": {"*": "date"},
    "CY": {"*": "place"},
    "PB": {"*": "publisher", "report": "institution", "thesis": "university"},
    "DB": {"*": "archive"},
    "AN": {"*": "archiveLocation"},
    "CN": {"*": "callNumber"},
    "UR": {"*": "url"},
    "N1": {"*": "notes"},
    "SP": {"*": "pages", "book": "numPages", "thesis": "numPages", "manuscript": "numPages"},
    "LA": {"*": "language"},
}
# RIS.js degenerateImportFieldMap, read only when no fieldMap tag fills the field.
ZOTERO_DEGENERATE = {"ED": "creators/editor", "AV": "archiveLocation", "M2": "extra"}

# The Zotero field each CSL variable belongs in, per Zotero item type (the Zotero schema's
# creator types and base fields: a letter's genre is its letterType, and so on).
TYPE_FIELD = {"letter": "letterType", "manuscript": "manuscriptType", "presentation": "presentationType"}


def zotero_import(ris_text: str) -> dict[str, Any]:
    """The one entry's Zotero item as RIS.js would make it: item type and field -> values."""
    tags = set(re.findall(r"(?m)^([A-Z][A-Z0-9])  - ", ris_text))
    (entry,) = rispy.loads(ris_text, mapping={tag: tag for tag in tags}, list_tags=sorted(tags - {"TY", "ER"}))
    raw: dict[str, list[str]] = {tag: value if isinstance(value, list) else [value] for tag, value in entry.items()}
    item_type = ZOTERO_TYPES.get(raw.pop("TY")[0], "journalArticle")
    item: dict[str, Any] = {"itemType": item_type}
    for tag, values in raw.items():
        per_type = ZOTERO_FIELDS.get(tag, {})
        field = per_type.get(item_type) or per_type.get("*")
        if field:
            item.setdefault(field, []).extend(values)
    if "EP" in raw:
        # processTag's EP: appended to pages with "-", else kept as the pages (completeItem).
        pages = item.get("pages", [])
        item["pages"] = [f"{pages[0]}-{raw['EP'][0]}"] if pages else raw["EP"]
    for tag, field in ZOTERO_DEGENERATE.items():
        if tag in raw and field == "extra":
            item.setdefault(field, []).extend(raw[tag])  # applyValue joins Extra's lines with "\n"
        elif tag in raw and field not in item:
            item[field] = raw[tag]
    return item


def _export(fields: dict[str, Any]) -> dict[str, Any]:
    return zotero_import(dump_records([Record({"id": "x", **fields})], "ris").text)


KENNEDY = {"family": "Kennedy", "given": "John F."}
ARCHIVE = {
    "archive": "National Archives",
    "archive_location": "861.00/2-2246",
    "archive_collection": "Record Group 59, Central Decimal File",
}


@pytest.mark.parametrize(
    ("kind", "fields", "item_type"),
    [
        ("letter", {"type": "personal_communication", "genre": "Letter"}, "letter"),
        ("memorandum", {"type": "personal_communication", "genre": "Memorandum"}, "letter"),
        ("telegram", {"type": "personal_communication", "genre": "Telegram"}, "letter"),
        ("manuscript", {"type": "manuscript", "genre": "Diary"}, "manuscript"),
        # RIS.js imports no TY as a document (GEN is a journal article): a manuscript, which the
        # client's save step makes a document (test_an_archival_document_is_zoteros_document...).
        ("archival document", {"type": "document", "genre": "Memorandum"}, "manuscript"),
    ],
)
def test_archival_kinds_land_in_zoteros_fields(kind: str, fields: dict[str, Any], item_type: str) -> None:
    item = _export(
        {**fields, "title": "Telegram 511", "author": [{"family": "Kennan", "given": "George F."}], **ARCHIVE}
    )
    assert item["itemType"] == item_type, kind
    assert item["title"] == ["Telegram 511"]
    assert item["creators/author"] == ["Kennan, George F."]
    assert item[TYPE_FIELD[item_type]] == [fields["genre"]]
    assert (item["archive"], item["archiveLocation"]) == (["National Archives"], ["861.00/2-2246"])


def test_a_letters_recipient_is_zoteros_recipient() -> None:
    item = _export({"type": "personal_communication", "title": "Letter", "recipient": [KENNEDY]})
    assert item["creators/recipient"] == ["Kennedy, John F."]


def test_a_books_editor_is_zoteros_editor_not_its_series_editor() -> None:
    item = _export({"type": "book", "title": "FRUS", "editor": [KENNEDY]})
    assert (item["itemType"], item["creators/editor"], item.get("creators/seriesEditor")) == (
        "book",
        ["Kennedy, John F."],
        None,
    )


def test_a_speech_is_a_presentation_with_its_meeting_and_place() -> None:
    item = _export(
        {
            "type": "speech",
            "title": "Secret Speech",
            "event-title": "Twentieth Party Congress",
            "event-place": "Moscow",
            "genre": "Speech",
        }
    )
    assert (item["itemType"], item["meetingName"], item["place"], item["presentationType"]) == (
        "presentation",
        ["Twentieth Party Congress"],
        ["Moscow"],
        ["Speech"],
    )


def test_an_institution_author_is_one_name() -> None:
    item = _export({"type": "document", "title": "Report", "author": [{"literal": "Chinese Foreign Ministry"}]})
    # The trailing comma is EndNote's corporate-author form; Zotero keeps the name whole.
    assert item["creators/author"] == ["Chinese Foreign Ministry,"]


def test_the_collection_beside_the_location_is_a_line_of_extra() -> None:
    item = _export({"type": "personal_communication", "title": "Telegram 511", **ARCHIVE})
    assert item["archiveLocation"] == ["861.00/2-2246"]
    assert item["extra"] == ["archive_collection: Record Group 59, Central Decimal File"]


def test_the_collection_without_a_location_is_not_taken_for_the_location() -> None:
    item = _export({"type": "manuscript", "title": "Diary", "archive_collection": "Papers of George F. Kennan"})
    assert (item.get("archiveLocation"), item["extra"]) == (None, ["archive_collection: Papers of George F. Kennan"])


def test_what_zotero_has_no_field_for_is_extra_and_the_own_note_a_note() -> None:
    item = _export(
        {
            "type": "personal_communication",
            "title": "Letter",
            "archive-place": "Warsaw",
            "digital-archive": "Wilson Center Digital Archive",
            "note": "Handwritten.",
        }
    )
    assert item["extra"] == ["archive-place: Warsaw", "digital-archive: Wilson Center Digital Archive"]
    assert item["notes"] == ["Handwritten."]


def test_an_interviews_interviewer_is_an_extra_line_not_an_editor() -> None:
    item = _export({"type": "interview", "title": "Oral history", "interviewer": [KENNEDY]})
    # Zotero's own form of a creator in Extra (family || given), which citeproc-js reads.
    assert (item["itemType"], item["extra"]) == ("manuscript", ["type: interview", "interviewer: Kennedy || John F."])
    assert "creators/editor" not in item


def _saved(fields: dict[str, Any]) -> dict[str, Any]:
    """The item Zotero saves: RIS.js's item through the client's save step (``zotero_save``)."""
    item = _export(fields)
    return zotero_save.save(
        {
            "itemType": item.pop("itemType"),
            "creators": [
                (k.split("/", 1)[1], n) for k, names in item.items() if k.startswith("creators/") for n in names
            ],
            "extra": "\n".join(item.pop("extra", [])),
            "fields": {k: v[0] for k, v in item.items() if not k.startswith("creators/") and k != "notes"},
        }
    )


@pytest.mark.parametrize(
    ("kind", "fields", "saved_type"),
    [
        ("letter", {"type": "personal_communication", "genre": "Letter"}, "letter"),
        ("memorandum", {"type": "personal_communication", "genre": "Memorandum"}, "letter"),
        ("manuscript", {"type": "manuscript", "genre": "Diary"}, "manuscript"),
        ("archival document", {"type": "document", "genre": "Memorandum"}, "document"),
        ("interview", {"type": "interview", "genre": "Oral history"}, "interview"),
        ("speech", {"type": "speech", "genre": "Address"}, "presentation"),
    ],
)
def test_each_kind_is_saved_as_the_zotero_type_of_its_csl_type_with_its_genre(
    kind: str, fields: dict[str, Any], saved_type: str
) -> None:
    """The schema's item type for the record's CSL type; the genre in the type field of that
    item type or, where it has none (a document, an interview), in an Extra line."""
    item = _saved({**fields, "title": "Telegram 511", "author": [{"family": "Kennan", "given": "George F."}]})
    assert item["itemType"] == saved_type, kind
    assert item["creators"] == [("author", "Kennan, George F.")]
    if saved_type in ("document", "interview"):
        assert f"genre: {fields['genre']}" in item["extra"]
    else:
        assert item["fields"]["type"] == fields["genre"]


def test_an_interview_is_zoteros_interview_once_saved() -> None:
    """RIS.js's importTypeMap has no TY for an interview: MANSCPT, a manuscript, whose
    ``type: interview`` line of Extra the client's save step makes the item type."""
    item = _saved({"type": "interview", "title": "Oral history", "interviewer": [KENNEDY]})
    assert (item["itemType"], item["extra"]) == ("interview", ["interviewer: Kennedy || John F."])


def test_an_archival_document_is_zoteros_document_with_its_genre_in_extra() -> None:
    item = _saved({"type": "document", "title": "Memorandum", "genre": "Memorandum", "editor": [KENNEDY], **ARCHIVE})
    assert item["itemType"] == "document"
    # A document has no type field (manuscriptType is dropped): the M2 copy keeps the genre.
    assert "genre: Memorandum" in item["extra"]
    assert item["creators"] == [("editor", "Kennedy, John F.")]
    assert (item["fields"]["archive"], item["fields"]["archiveLocation"]) == ("National Archives", "861.00/2-2246")


def test_a_letters_pages_are_sp_ep_for_pandoc_and_endnote_and_an_extra_line_for_zotero() -> None:
    text = dump_records([Record({"id": "x", "type": "personal_communication", "page": "209-233"})], "ris").text
    assert ("SP  - 209\nEP  - 233\n" in text, "M2  - page: 209-233\n" in text) == (True, True)
    # A letter has no pages in Zotero's schema: RIS.js's pages are dropped, the Extra line stays.
    assert zotero_import(text)["extra"] == ["page: 209-233"]


def test_a_manuscripts_folios_are_not_zoteros_number_of_pages() -> None:
    item = _export({"type": "manuscript", "title": "Diary", "page": "12-14"})
    assert (item.get("numPages"), item["extra"]) == (None, ["page: 12-14"])


def test_a_speechs_archive_is_extra_as_zoteros_presentation_has_no_archive() -> None:
    item = _export({"type": "speech", "title": "Secret Speech", "archive": "RGANI"})
    assert "archive: RGANI" in item["extra"]


def test_a_date_that_is_text_is_da_as_zotero_reads_it() -> None:
    item = _export({"type": "manuscript", "title": "Notes", "issued": {"literal": "n.d."}})
    assert item["date"] == ["n.d."]


def test_the_m2_copy_reads_back_as_the_one_field() -> None:
    from archcite.records.registry import get_format

    fields = {"id": "x", "type": "personal_communication", "title": "Letter", "page": "209-233", "publisher": "A\nB"}
    text = dump_records([Record(fields)], "ris").text
    reader = get_format("ris", purpose="load")
    assert reader.load is not None
    ((item, _),) = reader.load(text, "x.ris").items
    assert (item["page"], item["publisher"], item.get("note")) == ("209-233", "A\nB", None)
