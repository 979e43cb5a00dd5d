"""An ampersand between the numbers of a number variable prints as the locale's "and" symbol.

CSL 1.0.2 leaves the joining of numbers in number variables (``locator``, ``page``, ``volume``,
...) to the processor. citeproc-js splits such a value at its joiners and writes an "&" between
two numbers as the "and" term in its symbol form, spaced ("213 & 235" -> "213 AMPERSAND 235"
where the style defines that term, label_PluralWithLocalizedAmpersand), unless the locale's
symbol form is the same as the long form (then "&"); between two letters without spaces.
citeproc-py 0.11.1 prints the value as it is. The fix wraps ``Text._variable``.
"""

from __future__ import annotations

import re
from typing import Any

from archcite.records.model import NUMBER_VARIABLES
from archcite.styles.csl.fixes._patching import Overrides

FIX = "number_ampersand"
# CSL 1.0.2 number variables (with the locator), and page-first, printed as a number.
_NUMBERS = NUMBER_VARIABLES | {"page-first"}
_AMPERSAND = re.compile(r"\s*&\s*")


def _symbol(element: Any) -> str:
    long_form = element.get_term("and")
    symbol = element.get_term("and", "symbol")
    if symbol is None or long_form is None or str(symbol.single) == str(long_form.single):
        return "&"
    return str(symbol.single)


def localised_ampersands(text: str, symbol: str) -> str:
    """``text`` with each "&" written as ``symbol``: spaced, except between two letters."""

    def joined(match: re.Match[str]) -> str:
        before, after = text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]
        return symbol if before.isalpha() and after.isalpha() else f" {symbol} "

    return _AMPERSAND.sub(joined, text)


def _text_variable(original: Any) -> Any:
    from citeproc.string import String

    def _variable(self: Any, item: Any, context: Any) -> Any:
        text = original(self, item, context)
        # A plain value: str, or citeproc-py's String (a locator, as the harness passes it).
        if type(text) in (str, String) and "&" in text and self.get("variable") in _NUMBERS:
            symbol = _symbol(self)
            if symbol != "&":
                return type(text)(localised_ampersands(text, symbol))
        return text

    return _variable


def apply(overrides: Overrides) -> None:
    """Write the ampersands of number variables with the locale's symbol."""
    from citeproc.model import Text

    overrides.replace(Text, "_variable", FIX, _text_variable, where=_prints_number)


def _prints_number(text: Any) -> bool:
    return text.get("variable") in _NUMBERS
