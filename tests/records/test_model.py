"""The record model's value semantics (plain classes: they are on every command's start-up path)."""

from __future__ import annotations

import pytest

from archcite.records.model import LoadResult, Origin, Record, RecordWarning
from archcite.records.registry import Dumped, Parsed


def test_an_origin_is_a_value_shown_as_file_and_line_or_record_number() -> None:
    assert Origin("a.json", line=3) == Origin("a.json", 3)
    assert Origin("a.json", line=3) != Origin("a.json", line=4)
    assert len({Origin("a.json", 3), Origin("a.json", 3)}) == 1
    assert str(Origin("a.json", line=3, index=0)) == "a.json:3"
    assert str(Origin("a.bib", index=1)) == "a.bib, record 2"
    assert str(Origin("<stdin>")) == "<stdin>"
    assert repr(Origin("a.json", 3)) == "Origin('a.json', line=3, index=None)"


def test_records_are_equal_by_their_fields_not_by_where_they_came_from() -> None:
    fields = {"id": "a", "type": "book", "title": "Alpha"}
    assert Record(dict(fields), Origin("one.json", 1)) == Record(dict(fields), Origin("two.yaml", 9))
    assert Record(dict(fields)) != Record({**fields, "title": "Beta"})
    assert Record(fields) != fields
    with pytest.raises(TypeError):
        hash(Record(fields))  # mutable, so unhashable
    record = Record(fields, Origin("one.json", 1))
    assert (record.id, record.type, record.get("title"), record.get("note", "-")) == ("a", "book", "Alpha", "-")
    assert repr(record) == f"Record({fields!r}, origin=Origin('one.json', line=1, index=None))"


def test_results_start_empty_and_never_share_their_lists() -> None:
    first, second = LoadResult(), LoadResult()
    first.records.append(Record({"id": "a", "type": "book"}))
    assert second.records == []
    assert second.warnings == []
    first.extend(LoadResult([Record({"id": "b", "type": "book"})], [RecordWarning("odd", "b")]))
    assert [r.id for r in first.records] == ["a", "b"]
    assert first.warnings == [RecordWarning("odd", "b")]
    parsed = Parsed()
    parsed.items.append(({"id": "a"}, Origin("x")))
    assert Parsed().items == []
    assert Dumped("text").warnings == []
