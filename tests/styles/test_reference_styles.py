"""archcite's engine against citeproc-js in 28 widely used CSL styles, item by item, field by field.

The expected files in tests/data/reference/styles/ are citeproc-js 2.4.63's output for the shared
corpus (how they were made: the README beside them). Every field archcite does not print as
citeproc-js does is listed by name, with its reason, in known_differences.toml there; a style
archcite cannot render at all is listed as an ``[[error]]``. Both lists can only shrink: an
unlisted difference fails, and so does a listed one that now matches (remove it). Each style is
rendered once per session (the ``render_corpus`` fixture); ``tools/reference_agreement.py``
prints the agreement per style and field.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from tools.reference import rows

from tests.styles._listed import assert_only_listed_differences

STYLES = Path(__file__).resolve().parents[1] / "data" / "reference" / "styles"
Key = tuple[str, str]  # (item id, field)


def _expected_files() -> list[Path]:
    return sorted(STYLES.glob("*.jsonl"))


def _split(path: Path) -> tuple[str, str]:
    """``oscola.locator-23.plain.jsonl`` -> ("oscola", "locator-23.plain")."""
    style, _, variant = path.name.removesuffix(".jsonl").partition(".")
    return style, variant


def _known() -> tuple[dict[tuple[str, str], dict[Key, str]], dict[str, str]]:
    """({(style, variant): {(item, field): reason}}, {style: reason it cannot be rendered})."""
    data = tomllib.loads((STYLES / "known_differences.toml").read_text(encoding="utf-8"))
    variants: dict[str, list[str]] = {}
    for path in _expected_files():
        style, variant = _split(path)
        variants.setdefault(style, []).append(variant)
    known: dict[tuple[str, str], dict[Key, str]] = {}
    for entry in data.get("difference", []):
        assert entry["style"] in variants, f"known_differences.toml names a style without expected file: {entry}"
        for variant in entry.get("variants", variants[entry["style"]]):
            for item in entry["items"]:
                for field in entry["fields"]:
                    known.setdefault((entry["style"], variant), {})[item, field] = entry["reason"]
    errors = {entry["style"]: entry["reason"] for entry in data.get("error", [])}
    return known, errors


KNOWN, ERRORS = _known()


def _variant_options(variant: str) -> tuple[str | None, str]:
    """``locator-23.plain`` -> ("23", "plain"); ``plain`` -> (None, "plain")."""
    head, _, output_format = variant.rpartition(".")
    return (head.removeprefix("locator-") if head else None), output_format


def test_expected_files_cover_every_family_and_locale() -> None:
    # at least 25 styles; every citation format and the four locales the issue names
    styles = {_split(path)[0] for path in _expected_files()}
    assert len(styles) >= 25
    readme = (STYLES / "README.md").read_text(encoding="utf-8")
    for style in styles:
        assert f"`{style}`" in readme, f"{style} is missing from {STYLES / 'README.md'}"
    for word in ("numeric", "author-date", "label", "note", "en-US", "de-DE", "fr-FR", "es-ES"):
        assert word in readme


@pytest.mark.parametrize("path", _expected_files(), ids=lambda path: path.name.removesuffix(".jsonl"))
def test_engine_matches_citeproc_js_except_listed_differences(render_corpus: Any, path: Path) -> None:
    style, variant = _split(path)
    locator, output_format = _variant_options(variant)
    if style in ERRORS:
        # whatever archcite raises today: the entry's reason names its class
        with pytest.raises(Exception) as raised:  # noqa: PT011
            render_corpus(style, locator)
        assert type(raised.value).__name__ in ERRORS[style]
        return
    rendered = render_corpus(style, locator)
    expected = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    actual = {row["id"]: row for row in rows([rendered[row["id"]] for row in expected], output_format, subsequent=True)}
    listed = KNOWN.get((style, variant), {})
    assert_only_listed_differences(expected, actual, listed)
