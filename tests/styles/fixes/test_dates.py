"""Date ranges in the shape CSL prescribes (fixes.dates)."""

from __future__ import annotations

import pytest

from archcite.styles.csl.fixes.dates import differing_parts


def _item(*parts: list[int]) -> dict:
    return {"id": "a", "type": "report", "issued": {"date-parts": list(parts)}}


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ([[1962, 10, 16], [1962, 10, 28]], "October 16–28, 1962"),
        ([[1962, 10, 16], [1962, 11, 20]], "October 16–November 20, 1962"),
        ([[1962, 12, 30], [1963, 1, 2]], "December 30, 1962–January 2, 1963"),
        ([[1945], [1949]], "1945–1949"),
        ([[1962, 10, 16]], "October 16, 1962"),
    ],
)
def test_localised_text_date_ranges(render_csl, parts, expected):
    [out] = render_csl([_item(*parts)], cite='<date variable="issued" form="text"/>')
    assert out.cite == expected


def test_day_month_year_range_keeps_shared_month_and_year_once(render_csl):
    cite = (
        '<date variable="issued"><date-part name="day" suffix=" "/><date-part name="month" form="short" suffix=" "/>'
        '<date-part name="year"/></date>'
    )
    assert [r.cite for r in render_csl([_item([1962, 10, 16], [1962, 11, 20])], cite=cite)] == ["16 Oct.–20 Nov. 1962"]
    assert [r.cite for r in render_csl([_item([1962, 10, 16], [1962, 10, 28])], cite=cite)] == ["16–28 Oct. 1962"]


def test_same_year_range_through_a_macro_does_not_crash(render_csl):
    macro = (
        '<macro name="date"><date variable="issued" delimiter=" ">'
        '<date-part name="month"/><date-part name="day"/></date></macro>'
    )
    [out] = render_csl([_item([1962, 10, 16], [1962, 10, 28])], macros=macro, cite='<text macro="date"/>')
    assert out.cite == "October 16–28"


def test_range_delimiter_of_the_largest_differing_part_is_used(render_csl):
    cite = (
        '<date variable="issued"><date-part name="month" suffix=" " range-delimiter=" to "/>'
        '<date-part name="day" range-delimiter="/"/></date>'
    )
    [out] = render_csl([_item([1962, 10, 16], [1962, 11, 20])], cite=cite)
    assert out.cite == "October 16 to November 20"


def test_differing_parts_start_at_the_largest_difference():
    begin, end = {"year": 1962, "month": 10, "day": 16}, {"year": 1962, "month": 11, "day": 20}
    assert differing_parts(begin, end, ["year", "month", "day"]) == ["month", "day"]
    assert differing_parts(begin, begin, ["year", "month", "day"]) == []


def test_raw_date_is_read_as_date_parts(render_csl):
    [out] = render_csl(
        [{"id": "a", "type": "report", "issued": {"raw": "1961-08-12"}}], cite='<date variable="issued" form="text"/>'
    )
    assert out.cite == "August 12, 1961"


def test_raw_edtf_season_prints_the_season(render_csl):
    [out] = render_csl(
        [{"id": "a", "type": "report", "issued": {"raw": "1993-23"}}],
        cite='<date variable="issued" form="text" date-parts="year-month"/>',
    )
    assert out.cite == "Autumn 1993"


def test_a_localized_date_format_joins_its_parts_with_its_own_delimiter():
    # Issue 15, cause 5: the Aging (NLM) style's locale date format has delimiter=" ";
    # citeproc-js 2.4.63 prints "... 2020 [cited 2024 Mar 15]. Available from: ...".
    from archcite.styles.csl.engine import render_items
    from archcite.styles.names import resolve_style

    item = {
        "id": "w1",
        "type": "webpage",
        "title": "Archive page",
        "author": [{"family": "Doe", "given": "John"}],
        "URL": "https://example.org/a",
        "accessed": {"date-parts": [[2024, 3, 15]]},
        "issued": {"date-parts": [[2020, 1, 2]]},
    }
    [out] = render_items([item], resolve_style("aging").path)
    assert (
        out.bib == "1.  Doe J. Archive page [Internet]. 2020 [cited 2024 Mar 15]. Available from: https://example.org/a"
    )


def test_empty_date_parts_are_missing_parts(render_csl):
    # The CSL test suite's date_EmptyStrings (citeproc-js): ["2000", "", ""] is the year 2000.
    item = {"id": "a", "type": "book", "issued": {"date-parts": [["2000", "", ""]]}}
    [out] = render_csl([item], cite='<date variable="issued" date-parts="year-month-day" form="numeric"/>')
    assert out.cite == "2000"


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        # citeproc-js 2.4.63's output for these items and this cs:citation (the era terms of
        # citeproc-py's en-US locale): the first year's era once, after the range.
        ([[-12], [-13]], "12–13 BC"),
        ([[-12], [13]], "12–13 BC"),
        ([[12], [-13]], "12–13 AD"),
        ([[100], [200]], "100–200 AD"),
        ([[400], [1500]], "400–1500 AD"),
        ([[-12, 5], [-13, 6]], "May 12–June 13 BC"),
        ([[-12, 5, 1], [-13, 6, 2]], "May 1, 12–June 2, 13 BC"),
        ([[-12, 5], [-12, 6]], "May–June 12 BC"),
        ([[-12, 5, 1], [-12, 5, 3]], "May 1–3, 12 BC"),
    ],
)
def test_the_era_of_a_range_prints_once_after_the_second_year(render_csl, parts, expected):
    [out] = render_csl([_item(*parts)], cite='<date variable="issued" form="text"/>')
    assert out.cite == expected


@pytest.mark.parametrize(
    ("parts", "expected"),
    [([[-12, 5], [-13, 6]], "12 BC-05–13 BC-06"), ([[12, 5], [-13, 6]], "12 AD-05–13 AD-06")],
)
def test_the_era_of_a_range_follows_both_years_when_a_differing_part_follows(render_csl, parts, expected):
    # citeproc-js 2.4.63: the first date's era after each year when the month closes the range.
    cite = (
        '<date variable="issued"><date-part name="year"/>'
        '<date-part name="month" form="numeric-leading-zeros" prefix="-"/></date>'
    )
    [out] = render_csl([_item(*parts)], cite=cite)
    assert out.cite == expected
