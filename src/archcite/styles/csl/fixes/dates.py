"""Date ranges: differing parts joined by the range delimiter, shared parts printed once.

CSL 1.0.2, "Date-part" / ``range-delimiter``: in a date range the date parts that differ are
rendered for both dates and joined by the ``range-delimiter`` (default: en dash) of the largest
differing part, while the parts both dates share are printed once, in their place in the date
format ("October 16–28, 1962", "October 16–November 20, 1962", "16 Oct.–20 Nov. 1962"). Between
the two halves, the affixes facing the delimiter are dropped.

citeproc-py 0.11.1 (``Date.render_date_range``) renders the differing parts with all their
affixes and appends the shared parts after them ("16,–28, October 1962"), and crashes for a
non-localised date reached through a macro (``context.join`` on a ``cs:text``). It also joins the
parts of a localized date with the delimiter of the style's ``cs:date`` instead of the locale's
date format's own (issue 15, cause 5: NLM's ``[cited 2024 Mar 15]`` came out ``2024Mar15``). The
fix replaces ``Date.render_date_range`` and wraps ``Date.render_single_date``.

The era ("BC", "AD") of a range's years: CSL 1.0.2 is silent; citeproc-js prints the first date's
era once, after the second year, when the year closes the first date's differing parts ("12–13
BC", "May 12–June 13 BC", "12–13 BC" for 12 BC to AD 13 as well), and after both years when a
differing part follows the year; the second date's own era is never printed. A year suffix goes
with the era, after the range ("1984–1986a").

A localized date's parts: CSL 1.0.2 lets a ``cs:date`` with ``form`` override the attributes of
the locale's date-parts with its own ``cs:date-part`` children, for that date. citeproc-py
(``Date_Part.process``) merges them into the locale's element itself, so they stay for every
later date of the form: one ``day form="ordinal"`` in an accessed date made every later numeric
date's day an ordinal ("10/29th/1962"), and the output depended on the order of the items.
citeproc-js applies them to the one date ("10/29/1962", "[1/10th/2024]"). The fix puts the
locale's date-part attributes back once the style's date has rendered.
"""

from __future__ import annotations

from typing import Any

from archcite.styles.csl.fixes._patching import Overrides

FIX = "dates"

_ORDER = ("year", "month", "day")


def differing_parts(begin: Any, end: Any, shown: list[str]) -> list[str]:
    """The parts of a range that differ: from the largest differing part down to the smallest shown."""
    for index, name in enumerate(_ORDER):
        if begin.get(name) != end.get(name) or (name == "month" and begin.get("season") != end.get("season")):
            # Only parts the dates have: a missing day must not keep the month's suffix.
            return [
                part
                for part in _ORDER[index:]
                if part in shown and (begin.get(part) is not None or end.get(part) is not None)
            ]
    return []


def _process(part: Any, date: Any, context: Any) -> Any:
    from citeproc.source import VariableError

    try:
        text = part.process(date, context)
    except (VariableError, KeyError):
        return None
    return None if text is None or text == "" else text


def _affixed(part: Any, text: Any, *, prefix: bool = True, suffix: bool = True) -> Any:
    if text is None:
        return None
    text = part.format(part.case(part.strip_periods(text)))
    return (part.get("prefix", "") if prefix else "") + text + (part.get("suffix", "") if suffix else "")


def _render_part(part: Any, date: Any, context: Any, *, prefix: bool = True, suffix: bool = True) -> Any:
    return _affixed(part, _process(part, date, context), prefix=prefix, suffix=suffix)


def _digits(text: Any, date: Any) -> str | None:
    """The year's digits a rendered year opens with, None when it does not (short form, literal)."""
    year = date.get("year")
    digits = str(abs(year)) if isinstance(year, int) else None
    return digits if text is not None and digits is not None and str(text).startswith(digits) else None


def _era_term(part: Any, date: Any) -> str:
    """The era citeproc-py's ``Date_Part`` appends to a long year: "bc" below 1, "ad" below 1000."""
    year = date.get("year")
    if not isinstance(year, int) or part.get("form", "long") != "long" or year >= 1000:
        return ""
    return str(part.get_single_term(name="bc" if year < 0 else "ad"))


def _range_year(part: Any, date: Any, context: Any, carried: list[str], *, begin_side: bool, closes: bool) -> Any:
    """A year of a range whose years differ, as citeproc-js prints it: the first year's era (and
    year suffix) once, after the second year, when the year closes the differing parts ("12–13
    BC"); else each year with the first year's era. The second year's own era is never printed."""
    text = _process(part, date, context)
    digits = _digits(text, date)
    if digits is None:
        return text
    if begin_side:
        carried[:] = [str(text)[len(digits) :], _era_term(part, date)]
        return digits if closes else text
    if not carried:  # the first year printed nothing: the second keeps its own
        return text
    return digits + (carried[0] if closes else carried[1])


def _render_range(self: Any, date_range: Any, show_parts: list[str] | None = None, context: Any = None) -> Any:
    present = {part.get("name") for part in self.iterchildren()}
    shown = [name for name in (show_parts or _ORDER) if name in present]
    end = date_range.get("end")
    if end is None or end.is_nil():  # open range: "1962–"
        begin = self.render_single_date(date_range.begin, shown, context)
        return None if begin is None else begin.rstrip() + self.unicode_character("EN DASH")
    differing = differing_parts(date_range.begin, end, shown)
    if not differing:
        return self.render_single_date(date_range.begin, shown, context)
    part_context = context if context is not None and context is not self else None
    parts = [part for part in self.iterchildren() if part.get("name") in shown]
    positions = [i for i, part in enumerate(parts) if part.get("name") in differing]
    first, last = min(positions), max(positions)

    carried: list[str] = []  # what follows the first year's digits: its era, a year suffix

    def block(date: Any, begin_side: bool) -> list[Any]:
        rendered = []
        for i in range(first, last + 1):
            part = parts[i]
            if part.get("name") == "year":
                text = _range_year(part, date, part_context, carried, begin_side=begin_side, closes=i == last)
            else:
                text = _process(part, date, part_context)
            text = _affixed(part, text, suffix=not (begin_side and i == last), prefix=begin_side or i != first)
            if text is not None:
                rendered.append(text)
        return rendered

    begin_block, end_block = block(date_range.begin, True), block(end, False)
    if not begin_block and not end_block:  # the differing parts are not in this date's format
        return None
    largest = next(part for part in parts if part.get("name") == differing[0])
    delimiter = largest.get("range-delimiter") or self.unicode_character("EN DASH")
    from citeproc.string import String, join

    joiner = _delimiter(self, context)
    middle = join(begin_block, joiner) + String(delimiter) + join(end_block, joiner)
    before = [t for t in (_render_part(p, date_range.begin, part_context) for p in parts[:first]) if t is not None]
    after = [t for t in (_render_part(p, end, part_context) for p in parts[last + 1 :]) if t is not None]
    return join([*before, middle, *after], joiner)


def _delimiter(date: Any, context: Any) -> str:
    """The delimiter between date parts: a localized date format's own (NLM's "2024 Mar 15")."""
    if date.is_locale_date():
        return str(date.get("delimiter", "")) or str(context.get("delimiter", "") if context is not None else "")
    return str(date.get("delimiter", ""))


def _render_single(original: Any) -> Any:
    def render_single_date(self: Any, date: Any, show_parts: Any = None, context: Any = None) -> Any:
        if not self.is_locale_date() or "delimiter" not in self.attrib:
            return original(self, date, show_parts, context)
        from citeproc.string import join

        parts = self.parts(date, show_parts, context) if context != self else self.parts(date, show_parts)
        return join(parts, _delimiter(self, context)) if parts else None

    return render_single_date


def _localized(element: Any) -> bool:
    """Whether the element is a style's ``cs:date`` that renders a localized date format with
    ``cs:date-part`` children of its own (without them citeproc-py merges nothing)."""
    return element.get("form") is not None and len(element) > 0 and not element.is_locale_date()


def _restoring(original: Any) -> Any:
    def process(self: Any, *args: Any, **kwargs: Any) -> Any:
        # citeproc-py merges this date's cs:date-part attributes into the locale's parts
        saved = [(part, dict(part.attrib)) for part in self.get_date(self.get("form")).iterchildren()]
        try:
            return original(self, *args, **kwargs)
        finally:
            for part, attrib in saved:
                if len(part.attrib) != len(attrib) or dict(part.attrib) != attrib:
                    part.attrib.clear()
                    part.attrib.update(attrib)

    return process


def apply(overrides: Overrides) -> None:
    """Render date ranges in the shape CSL prescribes; join localized dates with their delimiter;
    keep a localized date's overrides to that date."""
    from citeproc.model import Date

    overrides.replace(Date, "render_date_range", FIX, lambda _original: _render_range)
    overrides.replace(Date, "render_single_date", FIX, _render_single)
    overrides.replace(Date, "process", FIX, _restoring, where=_localized)
