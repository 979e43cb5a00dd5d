"""Table-driven: each format's export of tests/data/exports/records.yaml is the hand-written file.

The expected files were written by hand from the README's "Export mappings" tables, not copied
from archcite's output; each also reads back as the input records.
"""

from __future__ import annotations

import pytest

from archcite.records.io import dump_records, load_sources
from tests.records.exports_helpers import DATA, comparable

CASES = [
    ("bibtex", "records.bibtex.bib"),
    ("biblatex", "records.biblatex.bib"),
    ("ris", "records.ris"),
    ("csljson", "records.csljson.json"),
]


@pytest.mark.parametrize(("fmt", "expected_file"), CASES)
def test_export_is_the_hand_written_file(fmt: str, expected_file: str) -> None:
    records = load_sources([str(DATA / "records.yaml")]).records
    assert dump_records(records, fmt).text == (DATA / expected_file).read_text(encoding="utf-8")


@pytest.mark.parametrize(("fmt", "expected_file"), CASES)
def test_hand_written_file_reads_back_as_the_records(fmt: str, expected_file: str) -> None:
    records = load_sources([str(DATA / "records.yaml")]).records
    loaded = load_sources([str(DATA / expected_file)], fmt=fmt)
    assert loaded.warnings == []
    assert [comparable(r.fields) for r in loaded.records] == [comparable(r.fields) for r in records]
