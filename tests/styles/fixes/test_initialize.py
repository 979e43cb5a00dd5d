"""``initialize="false"`` keeps given names whole (fixes.initialize)."""

from __future__ import annotations

import pytest

from archcite.styles.csl.fixes.initialize import initials, keep_given

ITEM = {
    "id": "a",
    "type": "book",
    "author": [{"family": "Genscher", "given": "Hans-Dietrich"}, {"family": "Kennan", "given": "George F"}],
}


def test_initialize_false_keeps_given_names_and_completes_initials(render_csl):
    [out] = render_csl(
        [ITEM],
        style_attrs='initialize-with=". "',
        cite='<names variable="author"><name and="text" initialize="false"/></names>',
    )
    assert out.cite == "Hans-Dietrich Genscher and George F. Kennan"


def test_without_initialize_false_given_names_are_initialised(render_csl):
    [out] = render_csl([ITEM], cite='<names variable="author"><name and="text" initialize-with=". "/></names>')
    assert out.cite == "H.-D. Genscher and G. F. Kennan"


def test_initialize_false_is_inherited_from_the_citation_element(render_csl):
    [out] = render_csl(
        [ITEM],
        citation_attrs='initialize="false" initialize-with="."',
        cite='<names variable="author"><name form="long" delimiter=", "/></names>',
    )
    assert out.cite == "Hans-Dietrich Genscher, George F. Kennan"


@pytest.mark.parametrize(
    ("given", "mark", "expected"),
    [
        ("James T", ". ", "James T."),  # CSL 1.0.2's own example
        ("George F.", ". ", "George F."),
        # between two initials the mark alone (CSL test suite, name_InitialsInitializeFalsePeriod)
        ("J R R", ".", "J.R.R."),
        ("Hans-Dietrich", ". ", "Hans-Dietrich"),
    ],
)
def test_keep_given_completes_bare_initials(given, mark, expected):
    assert keep_given(given, mark) == expected


# citeproc-js 2.4.63 over the corpus (tests/data/reference/styles) and the CSL test suite
@pytest.mark.parametrize(
    ("given", "mark", "initialize", "expected"),
    [
        ("A. A.", ". ", True, "A. A."),  # APA: "A. A. Fursenko"
        ("L. W.", "", False, "LW"),  # OSCOLA: initialize-with="" and initialize="false"
        ("A. A.", "", False, "AA"),  # OSCOLA: "AA Fursenko"
        ("Ph. M.E.", ". ", True, "Ph. M. E."),  # name_InitialsInitializeTruePeriodSpace
        ("ME", ".", True, "M."),  # name_InitialsInitializeTruePeriod
    ],
)
def test_initials_in_the_data_take_the_styles_mark(given, mark, initialize, expected):
    assert initials(given, mark, initialize=initialize) == expected
