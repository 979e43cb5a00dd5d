"""``strip-periods`` keeps a period inside a word ("information.dk", "www.nap.edu").

CSL 1.0.2 ("Formatting"): with ``strip-periods="true"`` "any periods in the rendered text are
removed"; the attribute is there for abbreviations ("J. Am. Chem. Soc." → "J Am Chem Soc", "ed."
→ "ed"). citeproc-js (the reference, what Zotero users see) removes a period unless a lower-case
letter follows it (``str.replace(/\\.([^a-z]|$)/g, "$1")`` in ``CSL.Output.Queue``) from a
variable's or value's text and a number, so a domain or a file name in a journal's short title
keeps its dots ("information.dk", "github.com") where citeproc-py 0.11.1
(``StrippedPeriods.strip_periods``) printed "informationdk". A term, a label and a date's month
lose every period in citeproc-js too (its "strip-periods-block", ``formatAndStrip``), so they keep
the stock method; so does a ``cs:text macro``, whose output mixes terms and variables
(citeproc-js strips the variables inside it as above: a difference left). citeproc-js strips after the element's
``text-case``, so the letter after a period is read as cased: "n.d." in capitals is "ND",
"PublishersWeekly.com" in title case "PublishersWeeklyCom" (the stock ``Text.markup`` strips
first; a number's letters are read as its upper- or lower-case would write them).
"""

from __future__ import annotations

import re
from typing import Any

from archcite.patterns import lazy
from archcite.styles.csl.fixes._patching import Overrides

FIX = "strip_periods"

# A period and the character after it (none at the end): citeproc-js's /\.([^a-z]|$)/
_PERIOD = lazy(r"\.(.?)", re.DOTALL)


def strip(text: str, case: str | None = None) -> str:
    """``text`` without the periods citeproc-js's ``strip-periods`` removes from it once cased by
    ``case`` (an element's ``text-case``): those no lower-case (ASCII) letter follows."""
    if "." not in text:
        return text

    def cased(char: str) -> str:
        return char.upper() if case == "uppercase" else char.lower() if case == "lowercase" else char

    return _PERIOD().sub(lambda match: match.group(0) if "a" <= cased(match.group(1)) <= "z" else match.group(1), text)


def _cased_first(_stock: Any) -> Any:
    def markup(self: Any, text: Any, language: Any) -> Any:
        # stock Text.markup, its text cased before its periods are stripped, as in citeproc-js
        if not text:
            return None
        return self.wrap(self.quote(self.format(self.strip_periods(self.case(text, language)))))

    return markup


def _strips(element: Any) -> bool:
    # a variable's or value's text and a number; a term, a label and a month lose every period
    # (citeproc-js's "strip-periods-block"), as with the stock method
    from citeproc.model import Number, Text

    if element.get("strip-periods", "false").lower() != "true":
        return False
    return isinstance(element, Number) or (
        isinstance(element, Text) and ("variable" in element.attrib or "value" in element.attrib)
    )


def _strip_periods(_stock: Any) -> Any:
    from citeproc.string import MixedString

    def strip_periods(self: Any, string: Any) -> Any:
        if isinstance(string, MixedString):
            return MixedString([strip_periods(self, part) for part in string])
        return type(string)(strip(string, self.get("text-case"))) if isinstance(string, str) else string

    return strip_periods


def apply(overrides: Overrides) -> None:
    """Strip only the periods no lower-case letter follows from variables, values and numbers."""
    from citeproc.model import StrippedPeriods, Text

    overrides.replace(StrippedPeriods, "strip_periods", FIX, _strip_periods, where=_strips)
    overrides.replace(Text, "markup", FIX, _cased_first, where=_strips)
