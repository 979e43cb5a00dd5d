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


@pytest.mark.parametrize(
    ("mark", "expected"),
    [
        # citeproc-js 2.4.63 (its _nameSuffix normalises the suffix with initializeWith)
        (". ", ["J. Q. Doe R. J. Miller", "J. Q. Doe Ph. D.", "J. Q. Doe Jr.", "J. Q. Doe III"]),
        (".", ["J.Q. Doe R.J. Miller", "J.Q. Doe Ph.D.", "J.Q. Doe Jr.", "J.Q. Doe III"]),
        ("", ["JQ Doe RJ Miller", "JQ Doe PhD", "JQ Doe Jr", "JQ Doe III"]),
    ],
)
def test_the_initials_of_a_name_suffix_are_written_with_initialize_with(render_csl, mark, expected):
    items = [
        {"id": str(n), "type": "book", "author": [{"family": "Doe", "given": "John Q.", "suffix": suffix}]}
        for n, suffix in enumerate(["R.J. Miller", "Ph.D.", "Jr.", "III"])
    ]
    cite = f'<names variable="author"><name initialize-with="{mark}"/></names>'
    assert [r.cite for r in render_csl(items, cite=cite)] == expected


def test_a_name_suffix_is_left_as_written_without_initialize_with(render_csl):
    # citeproc-js 2.4.63: "John Q. Doe R.J. Miller"
    items = [{"id": "a", "type": "book", "author": [{"family": "Doe", "given": "John Q.", "suffix": "R.J. Miller"}]}]
    assert [r.cite for r in render_csl(items, cite='<names variable="author"/>')] == ["John Q. Doe R.J. Miller"]


# citeproc-js 2.4.63 (render_js.js, the same cs:name): each part of a hyphenated given name is read
# on its own, an abbreviation written with its period stays whole and what is no word (digits, a
# closing hyphen) stays as it is, without a mark after it (real records: bbt-plus-in-field-2660's
# "Alan-Louis.", bbt-bulk-performance's "Bernadette Bensaude-" and "Inge09-27").
@pytest.mark.parametrize(
    ("given", "mark", "expected"),
    [
        ("Alan-Louis.", ". ", "A.-Louis. Doe"),
        ("Alan-Louis.", ".", "A.-Louis. Doe"),
        ("Alan-Louis.", "", "A-Louis Doe"),
        ("Bernadette Bensaude-", ". ", "B. B.- Doe"),
        ("Bernadette Bensaude-", ".", "B.B.- Doe"),
        ("Bernadette Bensaude-", "", "BB- Doe"),
        ("Inge09-27", ". ", "I.-27 Doe"),
        ("Inge09-27", "", "I-27 Doe"),
        # not hyphenated: an initial that is no letter keeps its mark (socbib's "S.0.", Mendeley's "Mass. ).")
        ("S.0.", ". ", "S. 0. Doe"),
        ("Mass. ). Center", ". ", "Mass. ). C. Doe"),
    ],
)
def test_each_part_of_a_hyphenated_given_name_is_initialised_on_its_own(render_csl, given, mark, expected):
    item = {"id": "a", "type": "book", "title": "T", "author": [{"family": "Doe", "given": given}]}
    [out] = render_csl([item], cite=f'<names variable="author"><name initialize-with="{mark}"/></names>')
    assert out.cite == expected
