"""``strip-periods`` keeps a period inside a word ("information.dk", "www.nap.edu").

CSL 1.0.2 ("Formatting"): with ``strip-periods="true"`` "any periods in the rendered text are
removed"; the attribute is there for abbreviations ("J. Am. Chem. Soc." → "J Am Chem Soc", "ed."
→ "ed"). citeproc-js (the reference, what Zotero users see) removes a period unless a lower-case
letter follows it (``str.replace(/\\.([^a-z]|$)/g, "$1")`` in ``CSL.Output.Queue``), so a domain
or a file name in a journal's short title keeps its dots ("information.dk", "github.com") where
citeproc-py 0.11.1 (``StrippedPeriods.strip_periods``) printed "informationdk". A date's month
loses every period, as in citeproc-js (``formatAndStrip``), so ``cs:date-part`` keeps the stock
method.
"""

from __future__ import annotations

from typing import Any

from archcite.patterns import lazy
from archcite.styles.csl.fixes._patching import Overrides

FIX = "strip_periods"

# A period that no lower-case (ASCII) letter follows: citeproc-js's /\.([^a-z]|$)/
_ABBREVIATION_PERIOD = lazy(r"\.(?![a-z])")


def strip(text: str) -> str:
    """``text`` without the periods citeproc-js's ``strip-periods`` removes."""
    return _ABBREVIATION_PERIOD().sub("", text) if "." in text else text


def _strips(element: Any) -> bool:
    from citeproc.model import Date_Part

    return element.get("strip-periods", "false").lower() == "true" and not isinstance(element, Date_Part)


def _strip_periods(_stock: Any) -> Any:
    from citeproc.string import MixedString

    def strip_periods(self: Any, string: Any) -> Any:
        if isinstance(string, MixedString):
            return MixedString([strip_periods(self, part) for part in string])
        return type(string)(strip(string)) if isinstance(string, str) else string

    return strip_periods


def apply(overrides: Overrides) -> None:
    """Strip only the periods no lower-case letter follows, outside dates."""
    from citeproc.model import StrippedPeriods

    overrides.replace(StrippedPeriods, "strip_periods", FIX, _strip_periods, where=_strips)
