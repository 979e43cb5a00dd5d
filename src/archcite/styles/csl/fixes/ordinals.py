"""Ordinal suffixes from the style's locale, matched and gendered as CSL 1.0.2 prescribes.

CSL 1.0.2, "Ordinal Suffixes": a locale's ordinal terms form one set: when a locale (or the
style's ``cs:locale``) defines any ordinal term, those replace the whole set of the locale it
falls back to. Within the set, ``ordinal-00``..``ordinal-09`` match the last digit,
``ordinal-10``..``ordinal-99`` the last two digits, a ``match="whole-number"`` term only that
number, and ``ordinal`` is the default; a term with the ``gender-form`` of the noun the number
goes with ("édition" is feminine in fr-FR) is preferred over a neuter one.

citeproc-py 0.11.1 (``to_ordinal``) looks each term up through every locale, the en-US fallback
included, so a French style printed "2nd éd." for "2ᵉ éd." (issue 15, cause F), and it ignores
gender ("1ᵉʳ éd." for "1ʳᵉ éd."). The fix wraps ``Number.format_number`` for the ordinal form and
``Date_Part.process`` for an ordinal day.
"""

from __future__ import annotations

import re
from typing import Any

from archcite.styles.csl.fixes._patching import Overrides

FIX = "ordinals"

_TERM = "{http://purl.org/net/xbiblio/csl}term"
_TERMS = "{http://purl.org/net/xbiblio/csl}terms"
_ORDINAL = re.compile(r"ordinal(?:-(\d\d))?")


def _ordinal_terms(element: Any) -> list[Any]:
    """The ordinal terms of the first locale, in the style's order of precedence, that has any."""
    for locale in element.get_root().locales:
        terms = locale.find(_TERMS)
        if terms is None:
            continue
        found = [term for term in terms.iterchildren(_TERM) if _ORDINAL.fullmatch(term.get("name", ""))]
        if found:
            return found
    return []


def _matches(term: Any, number: int) -> str | None:
    """How ``term`` matches ``number``: "whole", "two", "one", "default" or None."""
    found = _ORDINAL.fullmatch(term.get("name", ""))
    if found is None:
        return None
    if found.group(1) is None:
        return "default"
    term_number = int(found.group(1))
    match = term.get("match") or ("last-digit" if term_number < 10 else "last-two-digits")
    if match == "whole-number":
        return "whole" if number == term_number else None
    if match == "last-two-digits":
        return "two" if number % 100 == term_number else None
    return "one" if number % 10 == term_number else None


def ordinal_suffix(terms: list[Any], number: int, gender: str | None) -> str | None:
    """The suffix for ``number`` among ``terms``, for a noun of ``gender`` (None: neuter)."""
    for kind in ("whole", "two", "one", "default"):
        candidates = [term for term in terms if _matches(term, number) == kind]
        for wanted in (gender, None):
            for term in candidates:
                if term.get("gender-form") == wanted:
                    return str(term.text or "")
    return None


def _gender(element: Any, term_name: str) -> str | None:
    term = element.get_term(term_name)
    return None if term is None else term.get("gender")


def to_ordinal(element: Any, number: int, term_name: str) -> str | None:
    """``2`` -> ``"2ᵉ"`` in fr-FR; None when the locales have no ordinal terms at all."""
    suffix = ordinal_suffix(_ordinal_terms(element), number, _gender(element, term_name))
    return None if suffix is None else f"{number}{suffix}"


def _format_number(original: Any) -> Any:
    def format_number(self: Any, number: Any) -> Any:
        form = self.get("form", "numeric")
        try:
            value = int(number)
        except (TypeError, ValueError):
            return original(self, number)
        if form == "ordinal" or (form == "long-ordinal" and value > 10):
            variable = str(self.get("variable", ""))
            ordinal = to_ordinal(self, value, variable)
            if ordinal is not None:
                return ordinal
        return original(self, number)

    return format_number


def _date_part_process(original: Any) -> Any:
    def process(self: Any, date: Any, context: Any = None) -> Any:
        text = original(self, date, context)
        if self.get("name") != "day" or "day" not in date:
            return text
        # citeproc-py has merged the style's cs:date-part attributes into this one's by now.
        if self.get("form", "numeric") != "ordinal" or str(text) == str(date.day):
            return text  # numeric, or an ordinal the locale limits to day 1
        month = date.get("month")
        term = f"month-{int(month):02}" if isinstance(month, int) and 1 <= month <= 12 else "day"
        return to_ordinal(context if context is not None else self, int(date.day), term) or text

    return process


def apply(overrides: Overrides) -> None:
    """Find ordinal suffixes in the style's locale set, with the noun's gender."""
    from citeproc.model import Date_Part, Number

    overrides.replace(Number, "format_number", FIX, _format_number)
    overrides.replace(Date_Part, "process", FIX, _date_part_process)
