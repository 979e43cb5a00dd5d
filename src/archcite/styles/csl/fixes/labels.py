"""``cs:label``: printed only for a non-empty variable; plural from the item's own count.

CSL 1.0.2, "Label": the term is rendered only if the selected variable is non-empty; for
``number-of-pages`` and ``number-of-volumes`` the plural form is used when the number is greater
than one ("13 vols.").

citeproc-py 0.11.1 (``Label.process``) prints the term even when the variable is empty, and
``Label._is_plural`` reads ``number-of-*`` from the *citation item* instead of the reference,
which raises and drops the label. The fix wraps ``Label.process`` (empty variable: no label)
and ``Label._is_plural``. A variable a ``cs:substitute`` consumed is empty for the rest of the
entry, but citeproc-js still prints its label, in the substitute's child that renders it (APA's
title put for the author with its "(15th ed.)") and after it. A locator whose label is empty
(pandoc's braced locator without one, which CSL cannot say) prints no label.

A locator that names another locator inside it ("1, fol. 186, 8 April 1544" for a volume) counts
only the numbers before that label, as citeproc-js does: "vol. 1", not "vols.". citeproc-py
counts every number of the value.

A locator, and any other number variable, is plural as citeproc-js's ``processNumber`` reads it
(``_numbers``; CSL 1.0.2 leaves what makes a variable plural to the processor): "nos. 3-4", "vols.
2 & 4", "pages 213 et 235", "vols. 63–II", but "no. 3/4" (a double issue), "v. 3:16", "no. 1,2"
(no space: one value), "sec. 2.1-2.5" (decimals are no number to it). A value with a label of its
own inside ("14 pt. 2") counts as before: several numbers joined by CSL's separators. citeproc-py counts
any character between two digits (``RE_MULTIPLE_NUMBERS``), so "3/4" or "3.1a2" took the plural.

``citation-number`` is a number variable the processor gives every item (CSL 1.0.2, "Number
Variables"), never in the item's data: its label prints the locale's "citation-number" term
("citation1" with no delimiter, as citeproc-js prints it). The stock label looked for it in the
item and printed nothing.

A locator's label is the CSL term of that name: "sub-verbo" (CSL 1.0 wrote it "sub verbo", which a
cite may still give: bugreports_MovePunctuationInsideQuotesForLocator, "s.v."), and
``<if locator="sub-verbo">`` holds for it. citeproc-py (``If._locator``) compares the condition's
name with its hyphens made spaces, so the condition never held for the term's name.
"""

from __future__ import annotations

import re
from typing import Any

from archcite.styles.csl.fixes import _numbers, _tracking
from archcite.styles.csl.fixes._patching import Overrides

FIX = "labels"
# A locator's abbreviation inside a locator value (", fol. 186"): the numbers after it are its own.
_EMBEDDED_LABEL = re.compile(r"[\s,;][^\W\d]+\.\s")
# Two numbers as CSL separates them ("3-4", "1, 3", "2 & 4", "2 and 4", "A1-A3", "2, (1988)").
_SEVERAL_NUMBERS = re.compile(r"\d\D*?(?:[-\u2013,&]|\band\b)\D*\d")


def _has_value(item: Any, variable: str) -> bool:
    if variable == "locator":
        # A locator with the empty label (pandoc's braced "[@key, {ii, A}]") prints without one.
        return bool(item.has_locator) and str(item.locator.label) != ""
    if variable == "citation-number":
        # made by the processor, not read from the item: every cited or listed item has one
        return getattr(item, "number", None) is not None
    value = item.reference.get(variable.replace("-", "_"))
    return value is not None and str(value) != ""


def _process(original: Any) -> Any:
    def process(
        self: Any, item: Any, variable: Any = None, plural: Any = None, context: Any = None, **kwargs: Any
    ) -> Any:
        # Called by cs:names with the role it rendered; on its own it names its variable.
        if variable is None and not _has_value(item, self.get("variable", "")):
            return None
        return original(self, item, variable, plural, context, **kwargs)

    return process


def _and_word(label: Any) -> str:
    term = label.get_term("and")
    return str(term.single) if term is not None and term.single else ""


def _several_numbers(value: str, label: Any) -> bool:
    """True when ``value`` holds several numbers as CSL separates them, "and" in the locale's
    word too ("213 et 235")."""
    if _SEVERAL_NUMBERS.search(value):
        return True
    word = _and_word(label)
    return bool(word) and re.search(rf"\d\D*?\s{re.escape(word)}\s\D*\d", value) is not None


def _is_plural_value(value: str, label: Any) -> bool:
    plural = _numbers.plural(value, _and_word(label))
    return _several_numbers(value, label) if plural is None else plural


def _is_plural(original: Any) -> Any:
    def is_plural(self: Any, item: Any) -> bool:
        variable = self.get("variable", "")
        if variable.startswith("number-of-"):
            value = str(item.reference.get(variable.replace("-", "_"), "")).strip()
            return value.isdecimal() and int(value) > 1
        if variable == "locator" and item.has_locator:
            value = str(item.locator.identifier)
            embedded = _EMBEDDED_LABEL.search(value)
            value = value[: embedded.start()] if embedded else value
            return _several_numbers(value, self) if item.locator.label == "page" else _is_plural_value(value, self)
        if variable == "page" and "page" in item.reference:
            return _several_numbers(str(item.reference["page"]), self)  # fixes/pages.py decides
        if variable and variable != "locator" and variable.replace("-", "_") in item.reference:
            return _is_plural_value(str(item.reference[variable.replace("-", "_")]), self)
        return bool(original(self, item))

    return is_plural


def locator_term(label: str) -> str:
    """The CSL term a locator label names ("sub verbo", CSL 1.0's name, is "sub-verbo")."""
    return "-".join(label.split())


def _locator_test(_original: Any) -> Any:
    def _locator(self: Any, item: Any) -> list[bool]:
        label = locator_term(str(item.locator.label)) if item.has_locator else None
        return [label == name for name in self.get("locator").split()]

    return _locator


def apply(overrides: Overrides) -> None:
    """Print labels only for present variables; pluralise counts; test locators by term name."""
    from citeproc.model import If, Label

    _tracking.apply(overrides)
    overrides.replace(If, "_locator", FIX, _locator_test)
    overrides.replace(Label, "process", FIX, _process)
    overrides.replace(Label, "_is_plural", FIX, _is_plural)
