"""A season where the style asks for a numeric month.

CSL dates may hold a season instead of a month (``season``, or months 13-16/21-24 in
``date-parts``); CSL 1.0.2 gives seasons terms ("season-01" ... "season-04") and no numbers.
citeproc-py 0.11.1 (``Date_Part.process``) asserts that a numeric month form renders a month,
so a season date in a style with numeric months (APA's dates for events, for example) was an
internal error. The fix prints the season's term instead, the only rendering CSL defines for it.
"""

from __future__ import annotations

from typing import Any

from archcite.styles.csl.fixes._patching import Overrides

FIX = "seasons"


def _process(original: Any) -> Any:
    def process(self: Any, date: Any, context: Any = None) -> Any:
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
