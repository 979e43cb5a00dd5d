"""archcite's engine prints what citeproc-js prints for the shared corpus, field by field.

The expected files are citeproc-js 2.4.63's output (copied from the shared reference folder into
tests/data/reference/). One test per (style, variant, item, field); the fields archcite does not
match yet are strict xfails listed with their reasons in known_differences.toml.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from tools.reference import rows

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference"
REFERENCE_STYLES = ("chicago-notes-bibliography", "chicago-author-date", "modern-language-association")
# variant (the expected files' middle name) → (locator value or None, output format)
REFERENCE_VARIANTS: dict[str, tuple[str | None, str]] = {
    "plain": (None, "plain"),
    "light": (None, "light"),
    "locator-23.plain": ("23", "plain"),
}

FIELDS = ("bib", "cite", "cite_sub", "bib_rank")


def _known_differences() -> dict[tuple[str, str, str, str], str]:
    data = tomllib.loads((REFERENCE / "known_differences.toml").read_text(encoding="utf-8"))
    known = {}
    for entry in data.get("difference", []):
        for variant in entry.get("variants", list(REFERENCE_VARIANTS)):
            for field in entry["fields"]:
                known[entry["style"], variant, entry["item"], field] = entry["reason"]
    return known


def _cases() -> list[Any]:
    known = _known_differences()
    cases = []
    for style in REFERENCE_STYLES:
        for variant in REFERENCE_VARIANTS:
            lines = (REFERENCE / "expected" / f"{style}.{variant}.jsonl").read_text(encoding="utf-8").splitlines()
            for row in map(json.loads, filter(str.strip, lines)):
                for field in FIELDS:
                    reason = known.pop((style, variant, row["id"], field), None)
                    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                    cases.append(
                        pytest.param(
                            style,
                            variant,
                            row["id"],
                            field,
                            row[field],
                            marks=marks,
                            id=f"{style}-{variant}-{row['id']}-{field}",
                        )
                    )
    assert not known, f"known_differences.toml lists items or fields the corpus lacks: {sorted(known)}"
    return cases


@pytest.mark.parametrize(("style", "variant", "item", "field", "expected"), _cases())
def test_engine_matches_citeproc_js(render_corpus, style, variant, item, field, expected):
    locator, output_format = REFERENCE_VARIANTS[variant]
    rendered = render_corpus(style, locator)
    [row] = rows([rendered[item]], output_format, subsequent=True)
    assert row[field] == expected
