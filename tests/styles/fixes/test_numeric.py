"""``is-numeric`` accepts ranges and lists of numbers (fixes.numeric)."""

from __future__ import annotations

import pytest

from archcite.styles.csl.fixes.numeric import is_numeric
from archcite.styles.types import Locator


@pytest.mark.parametrize("text", ["2661", "121-125", "121–25", "1, 14-18", "2 & 3", "D2", "2b", "L2d", "1 and 2"])
def test_numeric_contents(text):
    assert is_numeric(text)


@pytest.mark.parametrize("text", ["", "sygn. 2661", "Late City", "2nd ed.", "1-", "box 5"])
def test_non_numeric_contents(text):
    assert not is_numeric(text)


def test_page_range_takes_the_numeric_branch(render_csl):
    cite = (
        '<choose><if is-numeric="page"><group delimiter=" "><label variable="page" form="short"/>'
        '<text variable="page"/></group></if><else><text variable="page"/></else></choose>'
    )
    [out] = render_csl([{"id": "a", "type": "manuscript", "page": "121-125"}], cite=cite)
    assert out.cite == "pp. 121–125"


_LOCATOR_CITE = (
    '<choose><if is-numeric="locator"><group delimiter=" "><label variable="locator" form="short"/>'
    '<text variable="locator"/></group></if><else><text variable="locator"/></else></choose>'
)


@pytest.mark.parametrize(
    ("locator", "expected"), [(Locator("chapter", "3"), "chap. 3"), (Locator("chapter", "ii"), "ii")]
)
def test_is_numeric_locator_tests_the_cites_locator(render_csl, locator, expected):
    # CSL 1.0.2, "Choose": is-numeric tests the variable's content; the locator is the cite's.
    [out] = render_csl([{"id": "a", "type": "book", "title": "T"}], cite=_LOCATOR_CITE, locator=locator)
    assert out.cite == expected
