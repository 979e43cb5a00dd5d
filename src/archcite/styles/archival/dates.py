"""Dates of archival documents: full dates, months, years, ranges, circa and undated items.

Chicago writes month-day-year ("February 3, 1966"), "ca. 1953" for an approximate date and
"n.d." for an undated item; MLA writes day-month-year with abbreviated months ("3 Feb. 1966"),
"circa 1953", and leaves an undated item's date out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# MLA Handbook 9, "Abbreviations": May, June and July are not abbreviated; September is "Sept.".
MLA_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
SEASONS = ("Spring", "Summer", "Autumn", "Winter")
EN_DASH = "–"


@dataclass(frozen=True)
class Day:
    year: int
    month: int | None = None
    day: int | None = None


@dataclass(frozen=True)
class ArchivalDate:
    """A record's ``issued`` as the archival renderers need it."""

    start: Day | None = None
    end: Day | None = None
    circa: bool = False
    season: int | None = None
    literal: str | None = None
    # The document bears no date; the writer or the archive supplied it (``date-supplied``).
    supplied: bool = False

    @property
    def year(self) -> int | None:
        return self.start.year if self.start else None


def _day(parts: Any) -> Day | None:
    if not isinstance(parts, list | tuple) or not parts:
        return None
    try:
        numbers = [int(p) for p in parts]
    except (TypeError, ValueError):
        return None
    month = numbers[1] if len(numbers) > 1 and 1 <= numbers[1] <= 12 else None
    day = numbers[2] if len(numbers) > 2 and month else None
    return Day(numbers[0], month, day)


def read_date(value: Any) -> ArchivalDate:
    """An ``ArchivalDate`` from a CSL date object (``raw`` dates are parsed as on loading)."""
    if not isinstance(value, Mapping):
        return ArchivalDate()
    if "raw" in value and "date-parts" not in value:
        from archcite.records.validate import parse_raw_date

        value = {**value, **parse_raw_date(str(value["raw"]), "issued", None)}
    circa = bool(value.get("circa"))
    season = value.get("season")
    season_number = int(season) if isinstance(season, int | str) and str(season).isdecimal() else None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts:
        start = _day(parts[0])
        end = _day(parts[1]) if len(parts) > 1 else None
        if start is not None:
            if end == start:
                end = None
            return ArchivalDate(start, end, circa, season_number)
    if value.get("literal"):
        return ArchivalDate(literal=" ".join(str(value["literal"]).split()), circa=circa)
    return ArchivalDate()


def bracketed(date: ArchivalDate, text: str) -> str:
    """A date the document does not bear, in square brackets (Turabian 7, manuscript
    collections: "[ca. 1772]"; CMOS 18 and MLA 9 bracket what the writer supplies)."""
    return f"[{text}]" if date.supplied and text and text != "n.d." else text


def _chicago_day(day: Day, *, with_year: bool = True) -> str:
    if day.month is None:
        return str(day.year)
    text = MONTHS[day.month - 1]
    if day.day:
        text += f" {day.day}"
        if with_year:
            text += ","
    return f"{text} {day.year}" if with_year else text


def chicago(date: ArchivalDate) -> str:
    """ "February 3, 1966", "October 16–28, 1962", "ca. 1953", "n.d." (CMOS 18); "[ca. 1772]"
    when supplied."""
    return bracketed(date, _chicago(date))


def _chicago(date: ArchivalDate) -> str:
    if date.literal:
        return date.literal
    if date.start is None:
        return "n.d."
    start, end = date.start, date.end
    if date.season and start.month is None:
        text = f"{SEASONS[(date.season - 1) % 4]} {start.year}"
    elif end is None:
        text = _chicago_day(start)
    elif start.year == end.year and start.month and end.month:
        if start.month == end.month and start.day and end.day:
            text = f"{MONTHS[start.month - 1]} {start.day}{EN_DASH}{end.day}, {start.year}"
        else:
            first = _chicago_day(start, with_year=False)
            text = f"{first}{EN_DASH}{_chicago_day(end)}"
    else:
        text = f"{_chicago_day(start)}{EN_DASH}{_chicago_day(end)}"
    return f"ca. {text}" if date.circa else text


def chicago_year(date: ArchivalDate) -> str:
    """The author-date year: "1966", "1945–1953", "ca. 1953", "n.d.", "[ca. 1772]"."""
    if date.start is None:
        return bracketed(date, date.literal or "n.d.")
    text = str(date.start.year)
    if date.end is not None and date.end.year != date.start.year:
        text += f"{EN_DASH}{date.end.year}"
    return bracketed(date, f"ca. {text}" if date.circa else text)


def chicago_month_day(date: ArchivalDate) -> str:
    """What an author-date entry adds after the year: "February 3", "October 16–28", or ""."""
    return bracketed(date, _chicago_month_day(date))


def _chicago_month_day(date: ArchivalDate) -> str:
    start, end = date.start, date.end
    if start is None or start.month is None or date.circa:
        return ""
    if end is not None and end.year != start.year:
        return ""
    if end is None:
        return _chicago_day(start, with_year=False)
    if start.month == end.month and start.day and end.day:
        return f"{MONTHS[start.month - 1]} {start.day}{EN_DASH}{end.day}"
    if end.month is None:
        return ""
    return f"{_chicago_day(start, with_year=False)}{EN_DASH}{_chicago_day(end, with_year=False)}"


def _mla_day(day: Day, *, with_year: bool = True) -> str:
    parts = []
    if day.day and day.month:
        parts.append(str(day.day))
    if day.month:
        parts.append(MLA_MONTHS[day.month - 1])
    if with_year:
        parts.append(str(day.year))
    return " ".join(parts)


def _mla_years(first: int, last: int) -> str:
    # MLA Handbook 9, "Numbers in a range": beyond 99, give the last two digits of the second
    # number when they suffice ("1955–60").
    if first // 100 == last // 100 and first >= 100:
        return f"{first}{EN_DASH}{last % 100:02d}"
    return f"{first}{EN_DASH}{last}"


def mla(date: ArchivalDate) -> str:
    """ "3 Feb. 1966", "16–28 Oct. 1962", "circa 1953"; "" for an undated item (MLA 9); "[circa
    1772]" when supplied."""
    return bracketed(date, _mla(date))


def _mla(date: ArchivalDate) -> str:
    if date.literal:
        return date.literal
    if date.start is None:
        return ""
    start, end = date.start, date.end
    if date.season and start.month is None:
        text = f"{SEASONS[(date.season - 1) % 4]} {start.year}"
    elif end is None:
        text = _mla_day(start)
    elif start.month is None or end.month is None:
        text = _mla_years(start.year, end.year)
    elif start.year == end.year:
        if start.month == end.month and start.day and end.day:
            text = f"{start.day}{EN_DASH}{end.day} {MLA_MONTHS[start.month - 1]} {start.year}"
        else:
            text = f"{_mla_day(start, with_year=False)}{EN_DASH}{_mla_day(end)}"
    else:
        text = f"{_mla_day(start)}{EN_DASH}{_mla_day(end)}"
    return f"circa {text}" if date.circa else text
