"""Export then import returns the same records, for every field each format can hold."""

from __future__ import annotations

import pytest

from archcite.records.io import dump_records
from archcite.records.mapping import ARCHIVAL_VARIABLES
from archcite.records.registry import get_format
from archcite.records.validate import build_records
from tests.records.exports_helpers import comparable, corpus_records

FORMATS = ["bibtex", "biblatex", "ris", "csljson", "cslyaml", "yaml"]


def round_trip(records, fmt: str, *, ascii_only: bool = False):  # type: ignore[no-untyped-def]
    dumped = dump_records(records, fmt, ascii_only=ascii_only)
    chosen = get_format(fmt, purpose="load")
    assert chosen.load is not None
    parsed = chosen.load(dumped.text, f"export.{fmt}")
    assert [str(w) for w in parsed.warnings] == []
    return build_records(parsed.items)[0], dumped


@pytest.mark.parametrize(("fmt", "ascii_only"), [(f, False) for f in FORMATS] + [("bibtex", True), ("biblatex", True)])
def test_corpus_round_trips_exactly(fmt: str, ascii_only: bool) -> None:
    records = corpus_records()
    back, _ = round_trip(records, fmt, ascii_only=ascii_only)
    assert [comparable(r.fields) for r in back] == [comparable(r.fields) for r in records]


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex", "ris"])
def test_every_field_kept_only_in_the_free_field_is_a_warning(fmt: str) -> None:
    records = corpus_records()
    _, dumped = round_trip(records, fmt)
    warned = {(w.record_id, w.field) for w in dumped.warnings}
    kennan = next(r for r in records if r.id == "kennan-long-telegram-1946")
    assert ("kennan-long-telegram-1946", "archive-place") in warned
    assert all((kennan.id, name) not in warned for name in ("author", "issued"))


def test_all_archival_fields_of_the_corpus_survive_every_format() -> None:
    records = corpus_records()
    total = sum(1 for r in records for name in ARCHIVAL_VARIABLES if name in r.fields)
    assert total == 72  # the 56 valid records; the 'letter' item's 4 are not loaded
    for fmt in FORMATS:
        back, _ = round_trip(records, fmt)
        kept = sum(
            1
            for before, after in zip(records, back, strict=True)
            for name in ARCHIVAL_VARIABLES
            if name in before.fields and after.fields.get(name) == before.fields[name]
        )
        assert (fmt, kept) == (fmt, total)


def test_keys_are_ids_where_valid_else_derived_and_unique_and_ids_read_back() -> None:
    items = [
        {"id": "Kim Il Sung, 1966", "type": "personal_communication", "title": "Letter to Gomułka",
         "author": [{"literal": "Kim Il Sung"}], "issued": {"date-parts": [[1966, 2, 3]]}},
        {"id": "kimilsung1966letter", "type": "book", "title": "Another"},
        {"id": "gaddis-2005", "type": "book", "title": "The Cold War"},
    ]  # fmt: skip
    records = build_records([(item, None) for item in items])[0]
    dumped = dump_records(records, "bibtex")
    keys = [line.split("{", 1)[1].rstrip(",") for line in dumped.text.splitlines() if line.startswith("@")]
    assert keys == ["kimilsung1966letter", "kimilsung1966letterb", "gaddis-2005"]
    back, _ = round_trip(records, "bibtex")
    assert [r.id for r in back] == ["Kim Il Sung, 1966", "kimilsung1966letter", "gaddis-2005"]
