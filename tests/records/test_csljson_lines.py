"""Every CSL-JSON item knows the line it starts on (warnings point there), in any file size."""

from __future__ import annotations

from archcite.records.formats.csljson import load


def test_each_item_of_a_csl_json_list_knows_its_first_line() -> None:
    text = '[\n  {"id": "a",\n   "type": "book"},\n\n  {"id": "b", "type": "book"}, {"id": "c", "type": "book"}\n]\n'
    lines = [origin.line for _, origin in load(text, "refs.json").items]
    assert lines == [2, 5, 5]
