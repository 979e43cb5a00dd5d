"""Dates as bibliographies write them in words: ``March 2010``, ``2 sep 2019``, ``July 30th, 2002``,
``Autumn 2001``, ``1918–1922``, ``between 1827 and 1832``, ``19xx``; and, for a date of issue, a
reprint's two years (``[1907] 1978``) and a publication state (``Forthcoming``).

One reading for every reader of another format's raw date (BibTeX and BibLaTeX date fields and
``year``, RIS date tags): :func:`archcite.records.mapping.text_to_date` falls back on
:func:`words_date` where ISO 8601 and EDTF fail, and :func:`issued_fields` reads what only a date
of issue can say. English month names and their abbreviations (biblatex's ``jan``...``dec``, ``Sept.``)
only: the words are matched whole, never searched for, so free text is never taken for a date.

Every pattern here is linear: a fixed number of tokens, no nested repetition.
"""

from __future__ import annotations

import re
from typing import Any

MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
# CSL's seasons: 1 spring, 2 summer, 3 autumn, 4 winter (EDTF's 21-24).
SEASONS = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}
# A date of issue that is a publication state, not a date: biblatex's pubstate keys and the
# English strings it prints for them (english.lbx), as CSL's ``status``.
STATUSES = {
    "forthcoming": "forthcoming",
    "in press": "in press",
    "inpress": "in press",
    "in preparation": "in preparation",
    "inpreparation": "in preparation",
    "submitted": "submitted",
    "prepublished": "pre-published",
    "pre-published": "pre-published",
}
# What bibliographies write for "no date" (and WUR's exports for a month: "unknown"). Read as no
# date: every CSL style prints its own term for an undated item (chicago-author-date "(Doe, n.d.)",
# harvard-cite-them-right "no date", MLA nothing), where a literal "n.d." prints as written (and
# without chicago-author-date's comma: "(Doe n.d.)").
_NO_DATE = frozenset({"n.d.", "nd", "n. d.", "no date", "undated", "unknown", "s.d.", "s. d."})
# Longer texts are no date written in words (and are not worth reading token by token).
_MAX_LENGTH = 80

_TOKEN = re.compile(r"[^\W\d_]+\.?|\d+(?:st|nd|rd|th)?|[–—/-]+|,|\S")
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)?")
_BETWEEN = re.compile(r"between\s+(.+?)\s+and\s+(.+)")
_UNSPECIFIED = re.compile(r"(\d\d)[xXuU]{2}|(\d{3})[xXuU]")
_YEARS = r"\d{4}(?:\s*[–—-]+\s*\d{2,4})?"
_REPRINT = re.compile(rf"\[({_YEARS})\]\s*({_YEARS})|({_YEARS})\s*\[({_YEARS})\]")
_RANGE_MARKS = frozenset({"-", "--", "–", "—", "/", "to"})


def is_no_date(text: str) -> bool:
    """True for empty text and for what bibliographies write for "no date" (``n.d.``, ``nd``)."""
    return " ".join(text.split()).lower() in _NO_DATE or not text.strip()


def month_number(word: str) -> int | None:
    """The month an English name or abbreviation of three letters or more names (``Sept.``)."""
    word = word.lower().rstrip(".")
    if len(word) < 3:
        return None
    return next((index + 1 for index, name in enumerate(MONTH_NAMES) if name.startswith(word)), None)


_Side = dict[str, int]  # "year", "month", "day", "season": the parts one side of a date states


def _side(tokens: list[str]) -> _Side | None:
    """One date's parts from its tokens (``30th July``, ``July 30``, ``March``, ``2010``), or None
    when a token is neither a month, a season, a day nor a year, or a part is stated twice."""
    side: _Side = {}
    for token in tokens:
        number = _ORDINAL.fullmatch(token)
        if number and len(number[1]) == 4:
            key, value = "year", int(number[1])
        elif number and len(number[1]) <= 2 and 1 <= int(number[1]) <= 31:
            key, value = "day", int(number[1])
        elif (month := month_number(token)) is not None:
            key, value = "month", month
        elif token.lower().rstrip(".") in SEASONS:
            key, value = "season", SEASONS[token.lower().rstrip(".")]
        else:
            return None
        if key in side:
            return None
        side[key] = value
    if not side or ("season" in side and ("month" in side or "day" in side)):
        return None
    return side


def _parts(side: _Side) -> list[int] | None:
    if "year" not in side or ("day" in side and "month" not in side):
        return None
    return [side[key] for key in ("year", "month", "day") if key in side]


def _tokens(text: str) -> list[str]:
    return [token for token in _TOKEN.findall(text) if token != ","]


def _split_range(text: str) -> tuple[list[str], list[str]] | None:
    between = _BETWEEN.fullmatch(text)
    if between:
        return _tokens(between[1]), _tokens(between[2])
    tokens = _tokens(text)
    marks = [index for index, token in enumerate(tokens) if token.lower() in _RANGE_MARKS]
    if len(marks) != 1:
        return None if marks else (tokens, [])
    return tokens[: marks[0]], tokens[marks[0] + 1 :]


def words_date(text: str) -> dict[str, Any] | None:
    """A CSL date from a date written in words, or None when ``text`` is no such date.

    ``March 2010``, ``2 sep 2019``, ``July 30th, 2002``, ``Autumn 2001`` (a ``season``),
    ``jul-aug 2003`` and ``September 22 - 26, 2003`` and ``1918–1922`` and ``between 1827 and
    1832`` (ranges), ``19xx`` (EDTF's unspecified digits: 1900 to 1999, as EDTF reads ``19XX``).
    """
    text = " ".join(text.split()).rstrip(".")  # "March 2010." ends a sentence, not the date
    if not text or len(text) > _MAX_LENGTH:
        return None
    unspecified = _UNSPECIFIED.fullmatch(text)
    if unspecified:
        digits = unspecified[1] or unspecified[2]
        width = 4 - len(digits)
        return {"date-parts": [[int(digits) * 10**width], [int(digits) * 10**width + 10**width - 1]]}
    split = _split_range(text.lower())
    sides = [_side(tokens) if tokens else {} for tokens in split] if split else [None]
    first, last = sides[0], sides[-1]
    if first is None or last is None:
        return None
    return _range(first, last) if last else _single(first)


def _single(side: _Side) -> dict[str, Any] | None:
    parts = _parts(side)
    if parts is None or set(side) == {"year"}:
        return None  # a year alone is ISO 8601's, read before words are
    return {"date-parts": [parts], **({"season": side["season"]} if "season" in side else {})}


def _range(first: _Side, last: _Side) -> dict[str, Any] | None:
    if "season" in first or "season" in last:
        return None  # CSL has no season range
    # Each side takes the year (and a day the month) it leaves out from the other: jul-aug 2003.
    first = {**{k: v for k, v in last.items() if k == "year" or (k == "month" and "day" in first)}, **first}
    last = {**{k: v for k, v in first.items() if k == "year" or (k == "month" and "day" in last)}, **last}
    start, end = _parts(first), _parts(last)
    if start is None or end is None:
        return None
    return {"date-parts": [start] if start == end else [start, end]}


def _years(text: str) -> list[list[int]]:
    years = [int(year) for year in re.findall(r"\d+", text)]
    if len(years) == 2 and years[1] < 100:
        years[1] += years[0] - years[0] % 100  # 1890-95
    return [[year] for year in years]


def issued_fields(text: str) -> dict[str, Any] | None:
    """What a date of issue written as words says beyond a date, or None when it is no such text:
    a publication state (``Forthcoming``, ``in press``) as ``status``, with no date; a reprint's
    two years (``[1907] 1978``, ``1989 [1987]``) as ``issued`` and ``original-date``.

    Chicago (CMOS 15.40: "Du Bois [1903] 2016") writes the original year in brackets before the
    reprint's (APA writes "1903/2016", the original first); some files put a bracketed year after
    (``1989 [1987]``) and one bracketed the reprint's (``1875 [2004]``): the earlier year is the
    original, whichever is bracketed."""
    text = " ".join(text.split())
    if len(text) > _MAX_LENGTH:
        return None
    status = STATUSES.get(text.lower().rstrip("."))
    if status is not None:
        return {"status": status}
    reprint = _REPRINT.fullmatch(text)
    if reprint is None:
        return None
    dates = sorted((_years(side) for side in reprint.groups() if side), key=lambda parts: parts[0])
    if dates[0] == dates[1]:
        return {"issued": {"date-parts": dates[0]}}
    return {"issued": {"date-parts": dates[1]}, "original-date": {"date-parts": dates[0]}}
