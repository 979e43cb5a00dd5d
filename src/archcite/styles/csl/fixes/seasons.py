"""A season where the style asks for a numeric month.

CSL dates may hold a season instead of a month (``season``, or months 13-16/21-24 in
``date-parts``); CSL 1.0.2 gives seasons terms ("season-01" ... "season-04") and no numbers.
citeproc-py 0.11.1 (``Date_Part.process``) asserts that a numeric month form renders a month,
so a season date in a style with numeric months (APA's dates for events, for example) was an
internal error. The fix prints the season's term instead, the only rendering CSL defines for it.
A month 13-24 in ``date-parts`` is a season too, as citeproc-js reads it (13 and 21 spring, ...
16 and 24 winter: "Spring 1999–Summer 2001"); a month outside 1-24 prints nothing. citeproc-py
looked up a term "month-13", found none, and lost the whole date.
"""

from __future__ import annotations

from typing import Any

from archcite.styles.csl.fixes._patching import Overrides

FIX = "seasons"


def _season_of_month(month: Any) -> int | None:
    """CSL-JSON's months 13-24 are seasons (13 and 21 spring ... 16 and 24 winter); 0 if the
    month is no month at all (below 1, above 24); None for a calendar month."""
    try:
        number = int(month)
    except (TypeError, ValueError):
        return None
    if 1 <= number <= 12:
        return None
    return (number - 13) % 4 + 1 if 13 <= number <= 24 else 0


def _process(original: Any) -> Any:
    def process(self: Any, date: Any, context: Any = None) -> Any:
        if self.get("name") == "month" and "month" in date:
            season = _season_of_month(date["month"])
            if season == 0:
                return None
            if season is not None:
                return (self if context is None else context).get_single_term(name=f"season-{season:02}")
        try:
            return original(self, date, context)
        except AssertionError:
            if self.get("name") != "month":
                raise
            season = int(date.season)
            return (self if context is None else context).get_single_term(name=f"season-{(season - 1) % 4 + 1:02}")

    return process


def apply(overrides: Overrides) -> None:
    """Render a season's term where a numeric month form meets a season."""
    from citeproc.model import Date_Part

    overrides.replace(Date_Part, "process", FIX, _process)
