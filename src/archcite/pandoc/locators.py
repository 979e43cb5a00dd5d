"""A cite's locator out of its pandoc suffix, as pandoc's citeproc reads it.

``[@key, p. 12, emphasis added]`` reaches the filter with the suffix ``", p. 12, emphasis
added"``: an optional comma, then a locator label as the locale writes it (``p.``, ``pp.``,
``page``, ``chap.``, ``§``: an abbreviation with its period) or none (a number is a page), then
the value: numbers, ranges and lists of them, roman numerals; what follows stays the suffix. A
label followed by no such value is no locator (``[@key, note the date]`` is all suffix).

The whole locator may stand in braces, the pandoc manual's way to write any locator: ``{ii, A,
D-Z}`` (braces may nest), with a label inside or none. Without a label the value prints without
one (pandoc's citeproc), as a ``Locator`` with the empty label; ``{}`` is no locator and makes
what follows the suffix. A braced value after a label (``sec. {A.2}``) is read without its braces.
"""

from __future__ import annotations

import re

from archcite.pandoc.engine import Locator

_ITEM = r"(?:\{[^{}]*\}|[^\s,;{}]*\d[^\s,;{}]*|[ivxlcdmIVXLCDM]+(?![\w]))"
_VALUE = re.compile(rf"{_ITEM}(?:(?:\s*[,&]\s*|\s+and\s+|\s*[-–—]\s*){_ITEM})*")


def split_locator(suffix: str, terms: dict[str, str]) -> tuple[Locator | None, str]:
    """(locator or None, the suffix left); ``terms`` maps labels as written (lower case) to CSL
    locator names (``engine.locator_terms``)."""
    text = suffix.lstrip()
    body = text[1:].lstrip() if text.startswith(",") else text
    if body.startswith("{") and (end := _closing_brace(body)) is not None:
        return _braced(body[1:end].strip(), terms), body[end + 1 :]
    label, after = _label(body, terms)
    if label is None:
        match = _VALUE.match(body)
        if match is None or not body[:1].isdigit():
            return None, suffix
        return Locator("page", match.group()), body[match.end() :]
    match = _VALUE.match(after)
    if match is None:
        return None, suffix
    return Locator(label, _unbraced(match.group())), after[match.end() :]


def _braced(inner: str, terms: dict[str, str]) -> Locator | None:
    """The locator of a braced one: a label inside, or none (the empty label)."""
    if not inner:
        return None
    label, value = _label(inner, terms)
    return Locator(label, value) if label is not None and value else Locator("", inner)


def _closing_brace(text: str) -> int | None:
    """Where the brace that opens ``text`` closes, or None when it never does."""
    depth = 0
    for index, char in enumerate(text):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0:
            return index
    return None


def _unbraced(value: str) -> str:
    return value[1:-1] if value.startswith("{") and value.endswith("}") else value


def _label(text: str, terms: dict[str, str]) -> tuple[str | None, str]:
    lowered = text.lower()
    for term in sorted(terms, key=len, reverse=True):
        if not lowered.startswith(term):
            continue
        rest = text[len(term) :]
        if not term.endswith(".") and rest[:1].isalpha():
            continue  # a longer word that begins like the label
        if rest[:1] not in ("", " ", "\u00a0") and not rest[:1].isdigit() and rest[:1] != "{":
            continue
        return terms[term], rest.lstrip(" \u00a0")
    return None, text
