"""archcite's engine against citeproc-js on a sample of real users' records, field by field.

The sample (tests/data/reference/realworld/sample.json: 151 records of 12 files of
../shared/realworld/files) is read in place with archcite, as the real-world measurement reads
the whole corpus (``tools/realworld_corpus.py``); the expected files beside it are citeproc-js
2.4.63's output for those records (how they were made: the README there). Every field archcite
does not print as citeproc-js does is listed with its reason in known_differences.toml there: an
unlisted difference fails, and so does a listed one that now matches (remove it), so the list
stays true. Skipped when the shared folder is absent, as tests/realworld is.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from tools.reference import rows

from tests.realworld.runner import FILES
from tests.styles._listed import assert_only_listed_differences

HERE = Path(__file__).resolve().parents[1] / "data" / "reference" / "realworld"
Key = tuple[str, str]  # (item id, field)

pytestmark = pytest.mark.skipif(not FILES.is_dir(), reason=f"the real-world files are not at {FILES}")


def _expected_files() -> list[Path]:
    return sorted(HERE.glob("*.plain.jsonl"))


def _style(path: Path) -> str:
    return path.name.removesuffix(".plain.jsonl")


def _known() -> dict[str, dict[Key, str]]:
    """{style: {(item, field): reason}}."""
    data = tomllib.loads((HERE / "known_differences.toml").read_text(encoding="utf-8"))
    styles = {_style(path) for path in _expected_files()}
    known: dict[str, dict[Key, str]] = {}
    for entry in data.get("difference", []):
        assert entry["style"] in styles, f"known_differences.toml names a style without expected file: {entry}"
        for item in entry["items"]:
            for field in entry["fields"]:
                known.setdefault(entry["style"], {})[item, field] = entry["reason"]
    return known


@pytest.fixture(scope="module")
def sample() -> list[dict[str, Any]]:
    from tools.realworld_corpus import sample_items

    return sample_items(HERE / "sample.json")


def test_the_sample_is_real_and_small(sample: list[dict[str, Any]]) -> None:
    expected = [json.loads(line) for line in _expected_files()[0].read_text(encoding="utf-8").splitlines()]
    assert [str(item["id"]) for item in sample] == [row["id"] for row in expected]
    assert len(sample) <= 300
    assert len({item["type"] for item in sample}) >= 8  # the common types, not one kind of record
    assert len(_expected_files()) >= 12


@pytest.mark.parametrize("path", _expected_files(), ids=_style)
def test_engine_matches_citeproc_js_on_real_records_except_listed(sample: list[dict[str, Any]], path: Path) -> None:
    from archcite.styles.csl.engine import render_items
    from archcite.styles.names import resolve_style

    style = _style(path)
    rendered = render_items(sample, resolve_style(style).path or "")
    actual = {row["id"]: row for row in rows(rendered, "plain", subsequent=True)}
    expected = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    listed = _known().get(style, {})
    assert_only_listed_differences(expected, actual, listed)
