"""Numbers: ranges and lists are numeric; hyphenated number variables render.

CSL 1.0.2, "Choose" / ``is-numeric``: content is numeric when it consists of numbers, optionally
with alphabetic prefixes or suffixes ("D2", "2b", "L2d"), and numbers separated by a hyphen, en
dash, comma or ampersand, with or without spaces ("2, 3", "1-4", "2 & 3").

citeproc-py 0.11.1 (``If.re_numeric``) accepts only a single number, so a page range such as
"121-125" was not numeric and the archival page label was lost ("sygn. 2661, 121–25" instead of
"pp. 121–25"). ``Number.process`` looks variables up with their CSL spelling, so
``cs:number`` never found ``number-of-volumes``, ``number-of-pages``, ``chapter-number`` or
``collection-number`` (stored as ``number_of_volumes``...). ``If._is_numeric`` looked
``is-numeric="locator"`` up among the item's variables, where there is no locator, so the test
always failed: APA and Chicago author-date (and 140 other styles) printed "(Smith 1998, 2)" for a
chapter locator instead of "Chapter 2" / "chap. 2". The fix replaces ``If.re_numeric``,
``If._is_numeric`` and ``Number.process``.

Numbers joined by slashes ("2/3", a double issue) are one number to citeproc-js (its
``processNumber`` makes them numeric and singular), so ``is-numeric`` holds for them too and a
style's label prints before them ("No. 2/3"); the specification names no slash.

A number of 6000 or more has no roman form: ``form="roman"`` prints nothing for it, as citeproc-js's
``Romanizer`` (CSL 1.0.2 is silent). citeproc-py wrote one "m" per thousand, so an ISBN given as a
volume ("9780823254") printed 9.8 million letters (real records: bbt-mendeley-export, MHRA).
"""

from __future__ import annotations

import re
from typing import Any

from archcite.styles.csl.fixes import _numbers
from archcite.styles.csl.fixes._patching import Overrides

FIX = "numeric"

_NUMBER = r"[A-Za-z]*\d+[A-Za-z]*"
NUMERIC = re.compile(rf"^\s*({_NUMBER}(?:\s*(?:[-–,&]|and)\s*{_NUMBER})*)\s*$")
_SLASHED = re.compile(r"[0-9]+(?:/[0-9]+)+")


def is_numeric(text: str) -> bool:
    return NUMERIC.match(text) is not None


def _tests_numeric(text: str) -> bool:
    """``is-numeric`` of a value: numeric content, or numbers joined by slashes (citeproc-js)."""
    return is_numeric(text) or _SLASHED.fullmatch(text.strip()) is not None


# citeproc-js's Romanizer writes numbers below this bound only.
ROMAN_LIMIT = 6000


def _format_number(original: Any) -> Any:
    def format_number(self: Any, number: Any) -> Any:
        if self.get("form") == "roman":
            try:
                if int(number) >= ROMAN_LIMIT:
                    return ""
            except ValueError:
                pass
        return original(self, number)

    return format_number


def _number_process(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
    variable = self.get("variable")
    if variable == "locator":
        if not item.has_locator:
            return None
        return self._process(item.locator.identifier, item.locator.label)
    value = item.reference[("page" if variable == "page-first" else variable).replace("-", "_")]
    return self._process(value, variable)


def _is_numeric(self: Any, item: Any) -> list[bool]:
    """``is-numeric`` of each variable named; ``locator`` is the cite's, not the item's."""
    results = []
    for variable in self.get("is-numeric").split():
        if variable == "locator":
            results.append(item.has_locator and _tests_numeric(str(item.locator.identifier)))
            continue
        name = variable.replace("-", "_")
        # "no. 99" in number: its label is the term's, the value "99" (citeproc-js's processNumber).
        value = _numbers.without_own_label(str(item.reference[name]), variable) if name in item.reference else ""
        results.append(name in item.reference and _tests_numeric(value))
    return results


def apply(overrides: Overrides) -> None:
    """Make ``is-numeric`` accept ranges and lists; find hyphenated number variables."""
    from citeproc.model import If, Number

    overrides.replace(If, "re_numeric", FIX, lambda _original: NUMERIC)
    overrides.replace(If, "_is_numeric", FIX, lambda _original: _is_numeric)
    overrides.replace(Number, "process", FIX, lambda _original: _number_process)
    overrides.replace(Number, "format_number", FIX, _format_number)
