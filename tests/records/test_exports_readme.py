"""The README's "Export mappings" tables are the formats' own mapping tables."""

from __future__ import annotations

from pathlib import Path

from archcite.records.exports_doc import render_mapping_tables

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_export_mappings_match_the_mapping_tables() -> None:
    section = README.read_text(encoding="utf-8").split("## Export mappings", 1)[1]
    assert render_mapping_tables() in section, "run `python -m archcite.records.exports_doc` and update the README"
