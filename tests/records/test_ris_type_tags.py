"""RIS tags read per reference type, as EndNote labels them and Zotero's RIS.js reads them.

Zotero's RIS test cases 3 and 5 (in ../shared/realworld) give every tag of every TY a value that
names what the tag holds in that type: EndNote's own labels ("Editor, Series", "Series Title",
"Proceedings Title"). So a tag read into the right field holds its own label there: the
expected values below are the file's, never archcite's output. Where Zotero's expected CSL-JSON
for the case has the field, that is the expected value instead.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from archcite.records.formats import ris
from archcite.records.io import dump_records
from archcite.records.validate import build_records
from tests.realworld.runner import FILES, normal_value

pytestmark = pytest.mark.skipif(
    not FILES.is_dir(), reason=f"the real-world files are not beside the repository ({FILES})"
)

CASE3 = "ris/zotero-ris/case03.ris"
CASE5 = "ris/zotero-ris/case05.ris"


def _read(path: str) -> list[dict[str, Any]]:
    return [item for item, _ in ris.load((FILES / path).read_text(encoding="utf-8"), path).items]


def _entry_of_type(path: str, ty: str) -> dict[str, Any]:
    types = re.findall(r"(?m)^TY  - (\S+)", (FILES / path).read_text(encoding="utf-8"))
    return _read(path)[types.index(ty)]


# (TY, field, the value of the tag EndNote labels as that field, as the file writes it)
ENDNOTE_LABELS: list[tuple[str, str, Any]] = [
    ("BOOK", "collection-title", "Series Title"),
    ("BOOK", "collection-editor", [{"family": "Editor", "given": "Series"}]),
    ("BOOK", "editor", [{"literal": "Editor"}]),
    ("BOOK", "collection-number", "Series Volume"),
    ("BOOK", "number-of-pages", "Number of Pages"),
    ("EDBOOK", "editor", [{"literal": "Editor"}]),
    ("EDBOOK", "collection-editor", [{"family": "Editor", "given": "Series"}]),
    ("EDBOOK", "collection-title", "Series Title"),
    ("CLSWK", "collection-title", "Series Title"),
    ("RPRT", "collection-title", "Series Title"),
    ("RPRT", "collection-editor", [{"family": "Editor", "given": "Series"}]),
    ("RPRT", "number", "Report Number"),
    ("COMP", "collection-title", "Series Title"),
    ("COMP", "version", "Version"),
    ("DATA", "version", "Version"),
    ("MAP", "collection-title", "Series Title"),
    ("MPCT", "collection-title", "Series Title"),
    ("CHAP", "container-title", "Book Title"),
    ("CHAP", "number-of-volumes", "Number of Volumes"),
    ("CHAP", "collection-number", "Series Volume"),
    ("CONF", "container-title", "Proceedings Title"),
    ("CONF", "event-title", "Conference Name"),
    ("CONF", "issue", "Issue"),
    ("EJOUR", "issue", "Issue"),
    ("MGZN", "issue", "Issue Number"),
    ("THES", "number-of-pages", "Number of Pages"),
    ("BILL", "author", [{"literal": "Sponsor"}]),
    ("CASE", "container-title", "Reporter"),
    ("CASE", "number", "Docket Number"),
    ("PAT", "number", "Patent Number"),
    ("PCOMM", "recipient", [{"literal": "Recipient"}]),
    ("MPCT", "producer", [{"literal": "Producer"}]),
    ("MPCT", "performer", [{"literal": "Performers"}]),
    ("MPCT", "dimensions", "Running Time"),
    ("ADVS", "performer", [{"literal": "Performers"}]),
    ("THES", "contributor", [{"literal": "Advisor"}]),
    ("CONF", "contributor", [{"literal": "Sponsor"}]),
    ("DATA", "contributor", [{"family": "Agency", "given": "Funding"}]),
    ("DATA", "number", "Study Number"),
    ("HEAR", "section", "Committee"),
    ("HEAR", "authority", "Legislative Body"),
    ("BILL", "authority", "Legislative Body"),
    ("MAP", "scale", "Scale"),
    ("ART", "dimensions", "Size/Length"),
    ("BLOG", "illustrator", [{"literal": "Illustrator"}]),
    ("WEB", "accessed", {"literal": "Access Date"}),
    ("EJOUR", "number", "Document Number"),
    ("EBOOK", "version", "Version"),
    ("CTLG", "number", "Catalog Number"),
]

# (TY, field, tag): a tag EndNote labels as something CSL has no field for ("Access Year",
# "Frequency", "Counsel", "Court, Higher", "Reporter Abbreviation"), kept in custom under its
# tag, not read as the field the tag means in other types.
ENDNOTE_UNMAPPED: list[tuple[str, str, str]] = [
    ("BLOG", "volume", "VL"),
    ("WEB", "volume", "VL"),
    ("NEWS", "number-of-volumes", "NV"),
    ("MGZN", "number-of-volumes", "NV"),
    ("CASE", "translator", "A4"),
    ("CASE", "collection-editor", "A3"),
    ("CASE", "number-of-volumes", "NV"),
]


@pytest.mark.parametrize(("ty", "field", "tag"), ENDNOTE_UNMAPPED, ids=[f"{t}-{g}" for t, _, g in ENDNOTE_UNMAPPED])
def test_a_tag_with_no_csl_field_in_its_type_is_kept_under_its_tag(ty: str, field: str, tag: str) -> None:
    item = _entry_of_type(CASE3, ty)
    assert field not in item
    assert tag in item["custom"]


@pytest.mark.parametrize(("ty", "field", "expected"), ENDNOTE_LABELS, ids=[f"{t}-{f}" for t, f, _ in ENDNOTE_LABELS])
def test_each_tag_is_read_as_the_field_endnote_labels_it(ty: str, field: str, expected: Any) -> None:
    assert _entry_of_type(CASE3, ty).get(field) == expected


# (file, entry, field): fields Zotero's expected CSL-JSON states, read from the tag Zotero reads.
ZOTERO_EXPECTED = [
    (CASE3, 4, "author"),  # a bill's A2, its sponsor
    (CASE3, 6, "editor"),  # a book's A3
    (CASE3, 8, "container-title"),  # a case's A2, its reporter
    (CASE3, 14, "container-title"),  # a conference paper's C3, its proceedings
    (CASE3, 17, "editor"),  # an edited book's AU
    (CASE5, 7, "editor"),  # a book's A3 (ProCite writes its series editor there)
]


@pytest.mark.parametrize(("path", "index", "field"), ZOTERO_EXPECTED)
def test_zotero_expected_field_is_read_from_zoteros_tag(path: str, index: int, field: str) -> None:
    expected = json.loads((FILES / path.replace(".ris", ".expected.json")).read_text(encoding="utf-8"))[index]
    got = _read(path)[index]
    assert normal_value(field, got.get(field)) == normal_value(field, expected[field])


def test_a_whole_issue_has_an_issn() -> None:
    # ProCite's "JFULL" (a journal's whole issue) labels its SN "ISSN" (Zotero's case 5).
    assert _entry_of_type(CASE5, "JFULL")["ISSN"] == "ISSN"


def test_a_conference_paper_without_proceedings_keeps_t2_as_its_container() -> None:
    text = "TY  - CONF\nID  - a\nTI  - T\nT2  - Proc. of the 5th Workshop\nER  - \n"
    (item, _), *_ = ris.load(text, "x.ris").items
    assert item["container-title"] == "Proc. of the 5th Workshop"
    assert "event-title" not in item


def test_a_book_without_a_series_has_its_a2_as_editor() -> None:
    # JabRef's RisImporterTest7: A2 of a book that names no series, which pandoc and JabRef read
    # as its editors (a series editor edits a series).
    item = _read("ris/jabref/RisImporterTest7.ris")[0]
    assert item["editor"] == [{"family": "Martin", "given": "Steve"}, {"family": "Clark", "given": "Joe"}]
    assert "collection-editor" not in item


def test_a_book_with_series_fields_reads_back() -> None:
    fields = {
        "id": "b",
        "type": "book",
        "title": "Eigentumsverfassung und Finanzkrise",
        "author": [{"family": "Depenheuer", "given": "Otto"}],
        "editor": [{"family": "Lepsius", "given": "Oliver"}],
        "collection-editor": [{"family": "Kloepfer", "given": "Michael"}],
        "collection-title": "Bibliothek des Eigentums",
        "collection-number": "7",
        "number": "B-12",
        "number-of-pages": "312",
        "container-title": "Gesammelte Schriften",
        "ISBN": "9783642002304",
    }
    records, _ = build_records([(fields, None)])
    text = dump_records(records, "ris").text
    parsed = ris.load(text, "b.ris")
    assert [str(w) for w in parsed.warnings] == []
    back, _ = build_records(parsed.items)
    assert dict(back[0].fields) == fields
