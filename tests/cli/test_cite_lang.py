"""`archcite cite --lang TAG`: the style's terms, dates and punctuation in the writer's language.

Expected strings: citeproc-js 2.4.63's output (tests/data/lang/README.md says how it was made)
for the bundled example and eleven records of the reference corpus, in Chicago notes and
bibliography, APA and MLA, in German, French and Polish: terms, months, quotation marks, the
title case of terms ("Trad.") and, in French, the no-break space after a particle ("de\u00a0Gaulle").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from archcite.cli.app import cli
from tests.conftest import DATA, EXAMPLE

LANG = DATA / "lang"
ITEMS = LANG / "items.json"
STYLES = {"chicago-notes-bibliography": True, "apa": False, "modern-language-association": False}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def expected_blocks(style: str, locale: str) -> list[list[str]]:
    """citeproc-js's notes (or in-text citations), short notes and bibliography, as `cite` prints them."""
    rows = [json.loads(line) for line in (LANG / f"{style}.{locale}.jsonl").read_text(encoding="utf-8").splitlines()]
    bibliography = [row["bib"] for row in sorted(rows, key=lambda row: row["bib_rank"])]
    if STYLES[style]:
        return [[row["cite"] for row in rows], [row["cite_sub"] for row in rows], bibliography]
    return [[row["cite"] for row in rows], bibliography]


@pytest.mark.parametrize("locale", ["de-DE", "fr-FR", "pl-PL"])
@pytest.mark.parametrize("style", list(STYLES))
def test_citations_in_the_writers_language_are_citeproc_js_s(style: str, locale: str) -> None:
    code, out, err = run("cite", str(EXAMPLE), str(ITEMS), "--style", style, "--lang", locale, "--format", "plain")
    assert code == 0, err
    assert [block.splitlines() for block in out.rstrip("\n").split("\n\n")] == expected_blocks(style, locale)


def test_the_example_in_german_chicago() -> None:
    # citeproc-js 2.4.63 (chicago-notes-bibliography.de-DE.jsonl): German terms, quotes and dates.
    code, out, _ = run("cite", str(EXAMPLE), "--lang", "de-DE", "--form", "note")
    assert code == 0
    assert out == (
        "Kim Il Sung, \u201eLetter to Wladyslaw Gomulka from Kim Il Sung\u201c, Letter an W\u0142adys\u0142aw "
        "Gomu\u0142ka, Pyongyang, \u00fcbers. von Vojtech Mastny (3. Februar 1966), 2263/175-233, S. 209\u201333, "
        "KC PZPR, Modern Records Archives, Warsaw, https://digitalarchive.wilsoncenter.org/document/113390.\n"
    )


def test_the_archival_rules_are_english_and_a_french_run_says_so() -> None:
    code, out, err = run("cite", str(EXAMPLE), "--lang", "fr", "--form", "short-note")
    assert code == 0
    # citeproc-js 2.4.63 (chicago-notes-bibliography.fr-FR.jsonl, cite_sub); "fr" is fr-FR.
    assert out == "Kim Il Sung, \u00ab\u00a0Letter to Wladyslaw Gomulka from Kim Il Sung\u00a0\u00bb.\n"
    assert err == (
        "archcite: info: archcite's archival rules are English: 1 archival record(s) are formatted by the CSL "
        "style chicago-notes-bibliography in fr-FR, as any record\n"
    )


def test_english_keeps_the_archival_rules() -> None:
    _, english, _ = run("cite", str(EXAMPLE), "--form", "note")
    code, british, err = run("cite", str(EXAMPLE), "--lang", "en-GB", "--form", "note")
    assert code == 0
    assert err == ""
    # The house rules' note (a letter cited as sender to recipient, CMOS 18 14.111), not the CSL
    # style's ("Kim Il Sung, “Letter to Wladyslaw Gomulka ...”" in citeproc-js).
    assert british == english
    assert british.startswith("Kim Il Sung to W\u0142adys\u0142aw Gomu\u0142ka, February 3, 1966")


@pytest.mark.parametrize("tag", ["Deutsch", "de_", "xx", "en-US-"])
def test_a_bad_tag_is_a_usage_error_listing_what_is_accepted(tag: str) -> None:
    code, out, err = run("cite", str(EXAMPLE), "--lang", tag)
    assert code == 2
    assert out == ""
    assert f"Invalid value for '--lang': {tag!r} is not a language tag (give a BCP 47 language tag such as " in err
    assert "CSL has locales for af-ZA, ar," in err
    assert "zh-TW)" in err


@pytest.mark.parametrize(
    ("tag", "warning", "used"),
    [
        # citeproc-js: CSL.localeResolve("de-LU") takes de-DE's terms; "tlh" is no language it knows: en-US.
        ("de-lu", "CSL has no locale for de-LU: de-DE is used", "de-DE"),
        ("tlh", "CSL has no locale for tlh: en-US is used", None),
    ],
)
def test_a_tag_without_a_csl_locale_falls_back_as_citeproc_js_with_a_warning(
    tag: str, warning: str, used: str | None
) -> None:
    code, out, err = run("cite", str(ITEMS), "--style", "apa", "--lang", tag, "--form", "bibliography")
    assert code == 0
    assert err == f"archcite: warning: {warning}\n"
    if used is not None:
        assert out.splitlines() == [line for line in expected_blocks("apa", used)[1] if "Kim Il Sung" not in line]
    code, strict_out, strict_err = run("cite", str(ITEMS), "--style", "apa", "--lang", tag, "--strict")
    assert code == 1
    assert strict_out == ""
    assert strict_err == f"archcite: warning: {warning}\narchcite: error: 1 warning(s) and --strict given\n"


def test_an_unknown_language_prints_citeproc_js_s_english() -> None:
    # citeproc-js 2.4.63, --locale tlh: the en-US locale file's terms, without the style's own
    # cs:locale for English ("ed. by Odd Arne Westad", where en-US prints "ed. Odd Arne Westad");
    # the archival rules, English only, give way to the CSL style.
    code, out, err = run("cite", str(EXAMPLE), str(ITEMS), "--lang", "tlh", "--format", "plain")
    assert code == 0
    assert "CSL has no locale for tlh: en-US is used" in err
    blocks = expected_blocks("chicago-notes-bibliography", "tlh")
    assert [block.splitlines() for block in out.rstrip("\n").split("\n\n")] == blocks
    assert "ed. by Odd Arne Westad" in out


def test_a_style_that_sets_its_own_locale_keeps_it_as_in_citeproc_js_and_zotero(tmp_path: Path) -> None:
    # din-1505-2 sets default-locale="de-DE". citeproc-js's CSL.Engine(sys, style, "fr-FR") keeps
    # it (only forceLang replaces it), as Zotero does for an independent style; so does `cite`.
    code, out, err = run("cite", str(EXAMPLE), "--style", "din-1505-2", "--lang", "fr-FR", "--form", "in-text")
    assert code == 0
    assert out == "(Kim Il Sung, 1966)\n"
    assert err == "archcite: warning: din-1505-2 sets its own locale, de-DE: the language fr-FR is not applied\n"
    _, german, _ = run("cite", str(ITEMS), "--style", "din-1505-2", "--form", "bibliography")
    _, french, _ = run("cite", str(ITEMS), "--style", "din-1505-2", "--lang", "fr-FR", "--form", "bibliography")
    assert french == german
    _, same, told = run("cite", str(EXAMPLE), "--style", "din-1505-2", "--lang", "de-DE", "--form", "in-text")
    assert same == out
    assert told == ""


def test_the_render_cache_keys_on_the_language() -> None:
    _, english, _ = run("cite", str(ITEMS), "--style", "apa", "--form", "bibliography")
    _, french, _ = run("cite", str(ITEMS), "--style", "apa", "--lang", "fr-FR", "--form", "bibliography")
    _, again, _ = run("cite", str(ITEMS), "--style", "apa", "--lang", "fr-FR", "--form", "bibliography")
    _, english_again, _ = run("cite", str(ITEMS), "--style", "apa", "--form", "bibliography")
    assert french != english
    assert again == french
    assert english_again == english
    assert french.splitlines() == [line for line in expected_blocks("apa", "fr-FR")[1] if "Kim Il Sung" not in line]


def test_a_locator_in_the_writers_language() -> None:
    # citeproc-js 2.4.63 with --locale de-DE --locator 23 (a page): "S. 23" is read as the German
    # locale's page label, as pandoc reads it.
    code, out, _ = run("cite", str(EXAMPLE), str(ITEMS), "--lang", "de-DE", "--locator", "S. 23", "--form", "note")
    assert code == 0
    rows = (LANG / "chicago-notes-bibliography.de-DE.locator-23.jsonl").read_text(encoding="utf-8").splitlines()
    assert out.splitlines() == [json.loads(row)["cite"] for row in rows]


def test_lang_says_it_does_not_apply_to_bibtex() -> None:
    code, out, err = run("cite", str(EXAMPLE), "--style", "bibtex", "--lang", "de")
    assert code == 0
    assert out.startswith("@")
    assert err.startswith(
        "archcite: info: --lang does not apply to bibtex: its entries hold fields, not a style's terms\n"
    )
