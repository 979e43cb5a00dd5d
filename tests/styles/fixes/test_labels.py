"""Labels print only for present variables and pluralise counts (fixes.labels)."""

from __future__ import annotations

import pytest

from archcite.styles.types import Locator

VOLUMES = (
    '<group delimiter=" "><number variable="number-of-volumes"/>'
    '<label variable="number-of-volumes" form="short"/></group>'
)


@pytest.mark.parametrize(("count", "expected"), [("13", "13 vols."), ("1", "1 vol.")])
def test_number_of_volumes_label_is_plural_above_one(render_csl, count, expected):
    [out] = render_csl([{"id": "a", "type": "book", "number-of-volumes": count}], cite=VOLUMES)
    assert out.cite == expected


def test_label_of_an_absent_variable_prints_nothing(render_csl):
    cite = '<group delimiter=" "><text variable="title"/><label variable="page" form="short"/></group>'
    [out] = render_csl([{"id": "a", "type": "book", "title": "T"}], cite=cite)
    assert out.cite == "T"


def test_page_label_is_plural_for_a_range(render_csl):
    cite = '<group delimiter=" "><label variable="page" form="short"/><text variable="page"/></group>'
    [out] = render_csl([{"id": "a", "type": "book", "page": "121-125"}], cite=cite)
    assert out.cite == "pp. 121–125"


@pytest.mark.parametrize(
    ("locator", "expected"),
    [
        # citeproc-js 2.4.63 (and the CSL suite's locator_TrickyEntryForPlurals): the abbreviation a
        # page locator opens with names its locator, and only the numbers before the next label count
        (Locator("page", "vol. 1, fol. 186"), "vol. 1, fol. 186"),
        (Locator("page", "vol. 3, p. 5"), "vol. 3, p. 5"),
        (Locator("page", "vol. 1-2"), "vols. 1–2"),
        (Locator("page", "ch. 2, 4"), "chaps. 2, 4"),
        (Locator("page", "fol. 12"), "fol. 12"),
        (Locator("page", "12"), "p. 12"),
    ],
)
def test_a_locator_opening_with_a_label_names_its_locator(render_csl, locator, expected):
    item = {"id": "a", "type": "book", "title": "T"}
    cite = '<group delimiter=" "><label variable="locator" form="short"/><text variable="locator"/></group>'
    [out] = render_csl([item], cite=cite, locator=locator)
    assert out.cite == expected


def test_a_substituted_variable_keeps_its_label(render_csl):
    # citeproc-js 2.4.63: the title put for the author prints its edition with the label, and a
    # later label of the substituted edition still prints ("The Chicago manual (15th ed.). ed.").
    macro = (
        '<macro name="t"><text variable="title"/><group delimiter=" " prefix=" (" suffix=")">'
        '<number variable="edition" form="ordinal"/><label variable="edition" form="short"/></group></macro>'
    )
    bib = (
        '<group delimiter=". "><names variable="author"><substitute><text macro="t"/></substitute></names>'
        '<text macro="t"/><label variable="edition" form="short"/></group>'
    )
    item = {"id": "cms", "type": "book", "title": "The Chicago manual", "edition": "15"}
    [out] = render_csl([item], macros=macro, bib=bib)
    assert out.bib == "The Chicago manual (15th ed.). ed."


@pytest.mark.parametrize(
    ("volume", "expected"),
    [
        # citeproc-js 2.4.63: plural when the value splits where CSL separates numbers and its first
        # part is a number (a letter prefix or suffix allowed) or a lower-case roman numeral
        ("1-2", "vols."),
        ("5, 7", "vols."),
        ("2 & 3", "vols."),
        ("63-II", "vols."),
        ("xii-xv", "vols."),
        ("10, Issue 260", "vols."),
        ("2/3", "vol."),
        ("1,2", "vol."),
        ("2.1-2.5", "vol."),
        ("3:16-18", "vol."),
        ("12a-c", "vol."),
        ("IV-V", "vol."),
        ("C-25", "vol."),
    ],
)
def test_a_number_variable_is_plural_as_citeproc_js_reads_it(render_csl, volume, expected):
    item = {"id": "a", "type": "article-journal", "title": "T", "volume": volume}
    [out] = render_csl([item], cite='<label variable="volume" form="short"/>')
    assert out.cite == expected


@pytest.mark.parametrize(("value", "expected"), [("2.1-2.5", "sec."), ("2-5", "secs."), ("1,2", "sec.")])
def test_a_locator_of_decimals_takes_the_singular(render_csl, value, expected):
    # citeproc-js 2.4.63: "2.1" is no number to its processNumber, so the value is one
    item = {"id": "a", "type": "book", "title": "T"}
    [out] = render_csl([item], cite='<label variable="locator" form="short"/>', locator=Locator("section", value))
    assert out.cite == expected


@pytest.mark.parametrize(("number", "expected"), [("2/3", "no. 2/3"), ("3/4/5", "no. 3/4/5"), ("2-3", "nos. 2–3")])
def test_numbers_joined_by_a_slash_are_one_numeric_number(render_csl, number, expected):
    # citeproc-js 2.4.63: is-numeric holds for "2/3", whose label is singular (Chicago's "No. 2/3")
    cite = (
        '<group delimiter=" "><choose><if is-numeric="number"><label variable="number" form="short"/></if></choose>'
        '<text variable="number"/></group>'
    )
    [out] = render_csl([{"id": "a", "type": "book", "title": "T", "number": number}], cite=cite)
    assert out.cite == expected


SUB_VERBO = (
    '<group delimiter=", "><text variable="title"/><choose><if locator="sub-verbo">'
    '<group delimiter=" "><label variable="locator" form="short"/><text variable="locator"/></group></if>'
    '<else><text variable="locator" prefix="at "/></else></choose></group>'
)


@pytest.mark.parametrize(
    ("locator", "expected"),
    [
        # citeproc-js 2.4.63 with this cite layout (layout suffix "."): the condition holds for the
        # term's name, the label is the term's, and the locator's quotation marks are the locale's,
        # with the period moved inside (punctuation-in-quote)
        (Locator("sub-verbo", '"gargoyle"'), "Oxford English Dictionary, s.v. “gargoyle.”"),
        (Locator("sub verbo", '"gargoyle"'), "Oxford English Dictionary, s.v. “gargoyle.”"),
        (Locator("page", "12"), "Oxford English Dictionary, at 12."),
    ],
)
def test_a_sub_verbo_locator_meets_its_condition_and_term(render_csl, locator, expected):
    item = {"id": "a", "type": "entry-dictionary", "title": "Oxford English Dictionary"}
    [out] = render_csl([item], cite=SUB_VERBO, locator=locator, layout_attrs='suffix="."')
    assert out.cite == expected


def test_the_label_of_the_citation_number_is_its_term(render_csl):
    # citeproc-js 2.4.63 with the same layout: "1 citation1 (cit.)" (journal-of-emerging-investigators'
    # "(citation1)")
    [out] = render_csl(
        [{"id": "a", "type": "book", "title": "T"}],
        bib=(
            '<group delimiter=" "><text variable="citation-number"/><group><label variable="citation-number"/>'
            '<text variable="citation-number"/></group>'
            '<label variable="citation-number" form="short" prefix="(" suffix=")"/></group>'
        ),
    )
    assert out.bib == "1 citation1 (cit.)"
