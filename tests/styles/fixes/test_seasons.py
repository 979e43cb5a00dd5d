"""A season where the style asks for a numeric month prints the season's term (fixes.seasons)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("form", ["numeric", "numeric-leading-zeros"])
def test_a_season_in_a_numeric_month_is_its_term(render_csl, form):
    # CSL 1.0.2 defines seasons only as the terms season-01 to season-04 (en-US: Spring, Summer,
    # Autumn, Winter); it gives them no number.
    cite = f'<date variable="issued"><date-part name="month" form="{form}" suffix=" "/><date-part name="year"/></date>'
    item = {"id": "a", "type": "report", "issued": {"date-parts": [[1993]], "season": 3}}
    assert [r.cite for r in render_csl([item], cite=cite)] == ["Autumn 1993"]


def test_a_month_in_a_numeric_month_is_still_its_number(render_csl):
    cite = '<date variable="issued"><date-part name="month" form="numeric" suffix="/"/><date-part name="year"/></date>'
    item = {"id": "a", "type": "report", "issued": {"date-parts": [[1993, 7]]}}
    assert [r.cite for r in render_csl([item], cite=cite)] == ["7/1993"]


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        # The CSL test suite's date_SeasonRange1-3 and date_VariousInvalidDates (citeproc-js):
        # months 13-24 are seasons, a month outside 1-24 prints nothing.
        ([[1999, 21], [2001, 22]], "Spring 1999–Summer 2001"),
        ([[1999, 22], [1999, 21]], "Summer–Spring 1999"),
        ([[1965, 17, 1]], "Spring 1965"),
        ([[1965, 24]], "Winter 1965"),
        ([[1965, 60, 1]], "1965"),
    ],
)
def test_months_13_to_24_are_seasons(render_csl, parts, expected):
    item = {"id": "a", "type": "report", "issued": {"date-parts": parts}}
    [out] = render_csl([item], cite='<date variable="issued" form="text" date-parts="year-month"/>')
    assert out.cite == expected
