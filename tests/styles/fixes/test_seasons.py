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
