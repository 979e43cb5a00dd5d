"""A cite's locator out of its pandoc suffix, as pandoc's citeproc reads it.

``[@key, p. 12, emphasis added]`` reaches the filter with the suffix ``", p. 12, emphasis
added"``: an optional comma, then a locator label the locale knows in any form (``p.``, ``pp.``,
``page``, ``chap.``, ``§``, ...) or none (a number is a page), then the value: numbers, ranges
and lists of them, roman numerals, or anything in braces; what follows stays the suffix.
"""

from __future__ import annotations

import re

from archcite.pandoc.engine import Locator

_ITEM = r"(?:\{[^{}]*\}|[^\s,;{}]*\d[^\s,;{}]*|[ivxlcdmIVXLCDM]+(?![\w]))"
_VALUE = re.compile(rf"{_ITEM}(?:(?:\s*[,&]\s*|\s+and\s+|\s*[-–—]\s*){_ITEM})*")
_WORD = re.compile(r"[^\s,;]+")


def split_locator(suffix: str, terms: dict[str, str]) -> tuple[Locator | None, str]:
    """(locator or None, the suffix left); ``terms`` maps labels (lower case, no final period)
    to CSL locator names (``engine.locator_terms``)."""
    text = suffix.lstrip()
    lead = text.startswith(",")
    body = text[1:].lstrip() if lead else text
    label, after = _label(body, terms)
    if label is None:
        match = _VALUE.match(body)
        if match is None or not body[:1].isdigit():
            return None, suffix
        return Locator("page", match.group()), body[match.end() :]
    match = _VALUE.match(after) or _WORD.match(after)
    if match is None:
        return None, suffix
    value = match.group()
    if value.startswith("{") and value.endswith("}"):
        value = value[1:-1]
    return Locator(label, value), after[match.end() :]


def _label(text: str, terms: dict[str, str]) -> tuple[str | None, str]:
    lowered = text.lower()
    for term in sorted(terms, key=len, reverse=True):
        if not lowered.startswith(term):
            continue
        rest = text[len(term) :]
        if rest.startswith("."):
            rest = rest[1:]
        elif rest[:1].isalpha():
            continue  # a longer word that begins like the label
        if rest[:1] not in ("", " ", "\u00a0") and not rest[:1].isdigit() and rest[:1] != "{":
            continue
        return terms[term], rest.lstrip(" \u00a0")
    return None, text
