"""Nothing that passes validation may crash a style or a writer: random valid records rendered in
every built-in alias and ten other styles, and written in every format."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings

from archcite.records.registry import all_formats
from archcite.records.validate import build_records
from archcite.styles import render
from archcite.styles.names import ALIASES
from tests.fuzz.strategies import valid_items

OTHER_STYLES = [
    "apa",
    "harvard-cite-them-right",
    "ieee",
    "elsevier-vancouver",
    "american-medical-association",
    "nature",
    "american-sociological-association",
    "oxford-guide-to-style-notes-initials",
    "elsevier-harvard",
    "springer-basic-author-date",
    # name-parts in upper case (and the particles they govern), a French locale
    "iso690-author-date-en",
    "iso690-numeric-fr",
]
STYLES = sorted(set(ALIASES)) + OTHER_STYLES
WRITERS = [fmt for fmt in all_formats() if fmt.dump is not None]


@pytest.mark.parametrize("style", STYLES)
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=valid_items())
def test_valid_records_render_in_every_style(style: str, items: list[dict[str, Any]]) -> None:
    records, _ = build_records((item, None) for item in items)
    rendered = render(records, style, cache=False)
    assert len(rendered) == len(records)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=valid_items())
# A note ending with a line break: its LaTeX line break before the field's closing brace read as
# an escaped brace, and bibtexparser skipped the entry.
@example(items=[{"type": "article", "note": "0\n", "id": "r0-"}])
def test_valid_records_are_written_in_every_format_and_read_back(items: list[dict[str, Any]]) -> None:
    records, _ = build_records((item, None) for item in items)
    for fmt in WRITERS:
        for dump in (fmt.dump, fmt.dump_ascii):
            if dump is None:
                continue
            text = dump(records).text
            reader = next((f for f in all_formats() if f.load is not None and f.name == fmt.name), None)
            if reader is not None and reader.load is not None:
                parsed = reader.load(text, "written")
                back, _ = build_records(parsed.items)
                assert [record.id for record in back] == [record.id for record in records], fmt.name
