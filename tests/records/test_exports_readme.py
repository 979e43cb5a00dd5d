"""docs/reference-managers.md's "Export mappings" tables are the formats' own mapping tables."""

from __future__ import annotations

from pathlib import Path

from archcite.records.exports_doc import render_mapping_tables

DOC = Path(__file__).resolve().parents[2] / "docs" / "reference-managers.md"


def test_docs_export_mappings_match_the_mapping_tables() -> None:
    section = DOC.read_text(encoding="utf-8").split("## Export mappings", 1)[1]
    assert render_mapping_tables() in section, "run `python -m archcite.records.exports_doc` and update the document"
