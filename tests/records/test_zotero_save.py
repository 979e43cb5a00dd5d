"""The model of Zotero's save step (``tests/records/zotero_save.py``) against Zotero's own tests.

Each expected value is from zotero/zotero ``test/tests/utilities_internalTest.js``
(``#extractExtraFields()``, ``#combineExtraFields``, ``#camelToTitleCase()``) or from
zotero/utilities ``utilities_item.js`` ``extraToCSL`` as written there, not from the model.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.records.zotero_save import camel_to_title, extra_variable, save


def _saved(item_type: str, extra: str, **fields: Any) -> dict[str, Any]:
    return save({"itemType": item_type, "fields": fields, "creators": [], "extra": extra})


@pytest.mark.parametrize("value", ["note", "attachment", "3"])
def test_a_type_line_naming_no_item_type_stays_in_extra(value: str) -> None:
    item = _saved("manuscript", f"Type: {value}")
    assert (item["itemType"], item["extra"]) == ("manuscript", [f"Type: {value}"])


def test_a_csl_type_line_gives_the_first_zotero_type_mapped_to_it() -> None:
    assert _saved("manuscript", "type: personal_communication")["itemType"] == "letter"


def test_field_lines_move_into_fields_and_the_rest_of_extra_stays() -> None:
    item = _saved("journalArticle", "Line 1\nDate: 2020-04-01\nFoo: Bar\nDOI: 10.1234/abcdef\n\nLine 2")
    assert (item["fields"]["date"], item["fields"]["DOI"]) == ("2020-04-01", "10.1234/abcdef")
    assert "\n".join(item["extra"]) == "Line 1\nFoo: Bar\n\nLine 2"


def test_only_the_first_line_of_a_field_moves() -> None:
    item = _saved("journalArticle", "Date: 2020-04-01\nDate: 2020-04-02")
    assert (item["fields"]["date"], item["extra"]) == ("2020-04-01", ["Date: 2020-04-02"])


def test_a_field_the_item_already_has_is_not_taken_from_extra() -> None:
    item = _saved("book", "number-of-pages: 11", numPages="10")
    assert (item["fields"]["numPages"], item["extra"]) == ("10", ["number-of-pages: 11"])


def test_fields_the_item_type_lacks_go_above_extra_sorted_and_titled() -> None:
    # combineExtraFields: "should add fields above existing Extra content".
    item = _saved("letter", "This is a note.", pages="12", publisher="Press")
    assert item["extra"] == ["Pages: 12", "Publisher: Press", "This is a note."]


@pytest.mark.parametrize(("name", "title"), [("fooBar", "Foo Bar"), ("DOI", "DOI"), ("fooBAR", "Foo BAR")])
def test_camel_to_title_case(name: str, title: str) -> None:
    assert camel_to_title(name) == title


@pytest.mark.parametrize(
    ("line", "variable"),
    [
        ("Place: Moscow", "publisher-place"),
        ("Archive Location: Box 5", "archive_location"),
        ("archive-location: Box 5", "archive_location"),
        ("Publication Title: Pravda", "container-title"),
        ("event-place: Moscow", "event-place"),
        ("archive_collection: Record Group 59", "archive_collection"),
        ("Published: Record Group 59", "Published"),
    ],
)
def test_extra_lines_reach_citeproc_js_as_extra_to_csl_names_them(line: str, variable: str) -> None:
    assert extra_variable(line) == variable
