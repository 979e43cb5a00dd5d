"""Bibliographies sort in the collation of their language, as citeproc-js sorts them (styles.collation).

The expected orders are citeproc-js 2.4.63's (tests/data/collation, with the recipe in its
README): real names and titles in nine languages, in three styles.
"""

from __future__ import annotations

import functools
import json
import threading
from pathlib import Path

import pytest
from tools.collation_agreement import expected_ranks
from tools.collation_languages import tailored_languages

from archcite.styles import collation
from archcite.styles.csl import cache
from archcite.styles.csl.engine import render_items
from archcite.styles.locales import localise
from archcite.styles.names import resolve_style

DATA = Path(__file__).resolve().parents[1] / "data" / "collation"
ITEMS = json.loads((DATA / "items.json").read_text(encoding="utf-8"))
LOCALES = ("en-US", "de-DE", "pl-PL", "cs-CZ", "da-DK", "sv-SE", "hu-HU", "ru-RU", "fr-FR")
# Every language in one style; the two others in Polish.
CASES = [("chicago-author-date", locale) for locale in LOCALES] + [
    (style, "pl-PL") for style in ("apa", "modern-language-association")
]


@functools.cache
def rendered_ranks(style: str, locale: str) -> dict[str, int | None]:
    """archcite's ranks with ICU, rendered once per test run."""
    return ranks(style, locale)


def ranks(style: str, locale: str) -> dict[str, int | None]:
    path = resolve_style(style).path
    assert path is not None
    return {row.id: row.bib_rank for row in render_items(ITEMS, path, locale=locale)}


def order(ranked: dict[str, int | None], keep: set[str] | None = None) -> list[str]:
    """The item ids in bibliography order (only those of ``keep``)."""
    return [key for key, rank in sorted(ranked.items(), key=lambda pair: pair[1] or 0) if keep is None or key in keep]


@pytest.mark.parametrize(("style", "locale"), CASES)
def test_bibliography_order_is_citeproc_js_order(style, locale):
    expected = expected_ranks(DATA / f"{style}.{locale}.jsonl")
    assert order(rendered_ranks(style, locale)) == order(expected)


def test_polish_czech_danish_swedish_letters_follow_their_alphabets():
    # The brief's examples, in citeproc-js's order (the jsonl files): Łukasiewicz after
    # Lutosławski, Chňoupek after Hrabal, Ødegaard after Zahle, Åström after Zorn.
    def position(ranked: dict[str, int | None], family: str) -> int:
        key = next(item["id"] for item in ITEMS if item.get("author", [{}])[0].get("family") == family)
        rank = ranked[key]
        assert rank is not None
        return rank

    for locale, before, after in [
        ("pl-PL", "Lutosławski", "Łukasiewicz"),
        ("cs-CZ", "Hrabal", "Chňoupek"),
        ("da-DK", "Zahle", "Ødegaard"),
        ("sv-SE", "Zorn", "Åström"),
        ("hu-HU", "Cukor", "Csoma"),
        ("ru-RU", "Зубок", "Aalto"),
    ]:
        ranked = rendered_ranks("chicago-author-date", locale)
        assert position(ranked, before) < position(ranked, after), locale


def test_without_icu_every_language_sorts_as_english():
    # The fallback approximates ICU's root collation (numbers by value too): a Polish
    # bibliography in citeproc-js's English order.
    with collation.without_icu():
        assert order(ranks("apa", "pl-PL")) == order(expected_ranks(DATA / "apa.en-US.jsonl"))


def test_without_icu_a_tailored_language_is_warned_of_once_with_the_extra():
    style = resolve_style("apa")
    with collation.without_icu():
        told = localise(style, "pl-PL", override=False).warnings
        english = localise(style, "en-GB", override=False).warnings
        german = localise(style, "de", override=False).warnings
    assert len(told) == 1
    assert "pl-PL" in told[0]
    assert "pip install 'archcite[icu]'" in told[0]
    assert english == german == []
    assert localise(style, "pl-PL", override=False).warnings == []


def test_without_icu_a_style_whose_own_locale_is_tailored_is_warned_of():
    style = resolve_style("iso690-author-date-cs")
    with collation.without_icu():
        told = localise(style, None, override=False).warnings
    assert [warning for warning in told if "cs-CZ" in warning and "archcite[icu]" in warning]


def test_cite_without_icu_warns_on_stderr(tmp_path):
    from click.testing import CliRunner

    from archcite.cli.app import cli

    records = tmp_path / "records.json"
    records.write_text(json.dumps(ITEMS[:5]), encoding="utf-8")
    with collation.without_icu():
        result = CliRunner().invoke(
            cli, ["cite", str(records), "--style", "apa", "--lang", "pl-PL", "--format", "plain"]
        )
    assert result.exit_code == 0, result.output
    assert result.stderr.count("archcite[icu]") == 1
    assert "archcite[icu]" not in result.stdout


def test_tailored_languages_are_those_icu_tailors():
    assert tailored_languages() == collation.TAILORED_LANGUAGES


def test_render_cache_keys_change_with_the_collation():
    with collation.without_icu():
        without = cache.code_stamp()
    assert cache.code_stamp() != without


def test_threads_sort_each_in_their_own_language_and_collation():
    expected = {locale: order(expected_ranks(DATA / f"apa.{locale}.jsonl")) for locale in ("pl-PL", "da-DK")}
    approximate = order(expected_ranks(DATA / "apa.en-US.jsonl"), {item["id"] for item in ITEMS if "author" in item})
    found: dict[str, list[str]] = {}

    def sort(locale: str, icu: bool) -> None:
        if icu:
            found[locale] = order(ranks("apa", locale))
            return
        with collation.without_icu():
            found["fallback"] = order(ranks("apa", "da-DK"), {item["id"] for item in ITEMS if "author" in item})

    threads = [threading.Thread(target=sort, args=args) for args in [("pl-PL", True), ("da-DK", True), ("x", False)]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert found == {**expected, "fallback": approximate}


def test_a_malformed_locale_collates_as_root():
    key = collation.sort_key("not a locale!")
    assert key is not None
    assert key("Łukasiewicz") < key("Lutosławski")
