"""What the archive-page importers share: page text, dates, names, repositories, cut pages.

Each importer reads one archive's saved (or fetched) page into one raw record. The facts they
have in common are read here the same way for every archive: dates as the archives print them
("18 May 1778", "June 21, 1824", "1778 May 18", "2013 - 2019"), catalogue names ("Washington,
George, 1732-1799"), repositories named by MARC organization code ("DLC"), and pages that a
crawler cut short.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from archcite.errors import InputError
from archcite.records.formats.wilson import html_page, name_object, read_title, split_address
from archcite.records.model import Origin, RecordWarning
from archcite.records.registry import Format, Parsed

__all__ = ["Importer", "Page", "name_object", "read_title"]

# --- dates -------------------------------------------------------------------------------------

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)  # fmt: skip
# Full names and the abbreviations archives print ("Sep", "Sept.", "Novr.", "Decr.").
MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_ORDINAL = r"(?:st|nd|rd|th|d)?"
_DAY_MONTH_YEAR = re.compile(rf"(?P<day>\d{{1,2}}){_ORDINAL}\.?\s+(?P<month>{MONTH_WORD})\s+(?P<year>\d{{4}})")
_MONTH_DAY_YEAR = re.compile(
    rf"(?P<month>{MONTH_WORD})(?:\s+(?P<day>\d{{1,2}}){_ORDINAL}\.?)?\s*,?\s+(?P<year>\d{{4}})"
)
_YEAR_MONTH_DAY = re.compile(rf"(?P<year>\d{{4}})\s+(?P<month>{MONTH_WORD})(?:\s+(?P<day>\d{{1,2}}))?")
_YEAR = re.compile(r"(?P<year>\d{4})")
DATE_TEXT = (
    rf"(?:\d{{1,2}}{_ORDINAL}\.?\s+{MONTH_WORD}\s+\d{{4}}|{MONTH_WORD}(?:\s+\d{{1,2}}{_ORDINAL}\.?)?\s*,?\s+\d{{4}}"
    rf"|\d{{4}}\s+{MONTH_WORD}(?:\s+\d{{1,2}})?|\d{{4}})"
)
_RANGE = re.compile(rf"(?P<start>{DATE_TEXT})\s*[-–—]\s*(?P<end>{DATE_TEXT})")
_CIRCA = re.compile(r"(?:circa|ca\.|c\.|approximately)\s*(?P<date>.+)", re.IGNORECASE)
# Days of one month: "23–26 February 1778", "February 23–26, 1778".
_DAY_RANGE = re.compile(
    rf"(?P<first>\d{{1,2}})\s*[-–—]\s*(?P<last>\d{{1,2}})\s+(?P<month>{MONTH_WORD})\s+(?P<year>\d{{4}})"
    rf"|(?P<month2>{MONTH_WORD})\s+(?P<first2>\d{{1,2}})\s*[-–—]\s*(?P<last2>\d{{1,2}}),?\s+(?P<year2>\d{{4}})"
)


def _month(word: str) -> int | None:
    prefix = word.rstrip(".")[:3].capitalize()
    return next((number for number, name in enumerate(_MONTH_NAMES, 1) if name.startswith(prefix)), None)


def date_parts(text: str) -> list[int] | None:
    """One date as printed ("18 May 1778", "May 18, 1778", "1778 May 18", "Sep 1951", "1778")."""
    text = text.strip().rstrip(".")
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _YEAR_MONTH_DAY, _YEAR):
        match = pattern.fullmatch(text)
        if match is None:
            continue
        parts = [int(match["year"])]
        groups = match.groupdict()
        if groups.get("month"):
            month = _month(match["month"])
            if month is None:
                return None
            parts.append(month)
            if groups.get("day"):
                parts.append(int(match["day"]))
                try:
                    datetime.date(*parts)
                except ValueError:
                    return None
        return parts
    return None


def issued(text: str) -> dict[str, Any] | None:
    """A CSL date from one date or a range ("2013 - 2019", "29 Sep 1951 - 19 Oct 1957")."""
    text = " ".join(text.split())
    if circa := _CIRCA.fullmatch(text):
        date = issued(circa["date"])
        return {**date, "circa": True} if date else None
    if days := _DAY_RANGE.fullmatch(text):
        month, year = days["month"] or days["month2"], days["year"] or days["year2"]
        first = date_parts(f"{days['first'] or days['first2']} {month} {year}")
        last = date_parts(f"{days['last'] or days['last2']} {month} {year}")
        return {"date-parts": [first, last]} if first and last else None
    if match := _RANGE.fullmatch(text):
        start, end = date_parts(match["start"]), date_parts(match["end"])
        if start and end:
            return {"date-parts": [start, end] if start != end else [start]}
        return None
    parts = date_parts(text)
    return {"date-parts": [parts]} if parts else None


def split_appended_date(title: str) -> tuple[str, dict[str, Any] | None]:
    """A display title with its date appended ("Outgoing, 1957 - 1968") as (title, date)."""
    match = re.fullmatch(rf"(?P<title>.+?),\s*(?P<date>{DATE_TEXT}(?:\s*[-–—]\s*{DATE_TEXT})?)", title.strip())
    if match and (date := issued(match["date"])):
        return match["title"].strip(), date
    return title.strip(), None


# --- names -------------------------------------------------------------------------------------

# A catalogue heading: "Washington, George, 1732-1799", "Nicolay, John G. (1832-1901)",
# "Barrett, F.N., fl. 1892", "Jefferson, Thomas".
_HEADING = re.compile(
    r"(?P<family>[A-Z][^\s,()]*(?:\s[A-Z][^\s,()]*)?),\s*(?P<given>[A-Z][^,()]*?)"
    r"(?:,?\s*(?:\(?(?:b\.\s*|d\.\s*|fl\.\s*|ca\.\s*)?\d{4}(?:\s*-\s*\d{4})?-?\)?))?\.?"
)


def heading_name(text: str) -> dict[str, str] | None:
    """A catalogue heading ("Washington, George, 1732-1799") as a CSL name, or None."""
    match = _HEADING.fullmatch(text.strip())
    if match is None:
        return None
    return {"family": match["family"], "given": match["given"].strip()}


def same_person(name: Mapping[str, str], printed: str) -> bool:
    """Whether ``printed`` ("Anthony Walton White") names the person ``name`` is."""
    words = printed.replace(".", ". ").split()
    given = name.get("given", "").replace(".", ". ").split()
    return bool(words) and words[-1] == name.get("family") and words[:-1] == given


# --- repositories ------------------------------------------------------------------------------


@cache
def marc_organizations() -> Mapping[str, tuple[str, str]]:
    """MARC organization codes (Library of Congress) → (repository, place), from the data file."""
    data = resources.files("archcite.records.importers").joinpath("marc_organizations.json").read_text("utf-8")
    table = json.loads(data)
    return {code: (entry["name"], entry["place"]) for code, entry in table["codes"].items()}


# U.S. states and their postal codes, for an address line "City ST 12345" or "City State 12345".
US_STATES = {
    "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA", "Colorado": "CO",
    "Connecticut": "CT", "Delaware": "DE", "District of Columbia": "DC", "Florida": "FL", "Georgia": "GA",
    "Hawaii": "HI", "Idaho": "ID", "Illinois": "IL", "Indiana": "IN", "Iowa": "IA", "Kansas": "KS",
    "Kentucky": "KY", "Louisiana": "LA", "Maine": "ME", "Maryland": "MD", "Massachusetts": "MA",
    "Michigan": "MI", "Minnesota": "MN", "Mississippi": "MS", "Missouri": "MO", "Montana": "MT",
    "Nebraska": "NE", "Nevada": "NV", "New Hampshire": "NH", "New Jersey": "NJ", "New Mexico": "NM",
    "New York": "NY", "North Carolina": "NC", "North Dakota": "ND", "Ohio": "OH", "Oklahoma": "OK",
    "Oregon": "OR", "Pennsylvania": "PA", "Rhode Island": "RI", "South Carolina": "SC", "South Dakota": "SD",
    "Tennessee": "TN", "Texas": "TX", "Utah": "UT", "Vermont": "VT", "Virginia": "VA", "Washington": "WA",
    "West Virginia": "WV", "Wisconsin": "WI", "Wyoming": "WY",
}  # fmt: skip
_STATE = "|".join(sorted([*US_STATES, *US_STATES.values()], key=len, reverse=True))
_ADDRESS_PLACE = re.compile(rf"(?P<city>[A-Z][\w.' -]*?),?\s+(?P<state>{_STATE})\.?,?\s+\d{{5}}(?:-\d{{4}})?\b")


def address_place(line: str) -> str | None:
    """ "College Park MD 20742 United States" → "College Park, MD"; a state name is kept as printed."""
    match = _ADDRESS_PLACE.match(line.strip())
    return f"{match['city'].strip()}, {match['state']}" if match else None


# --- page text ---------------------------------------------------------------------------------


def page_lines(text: str) -> list[str]:
    """The page's lines, stripped (no-break spaces too), blank lines kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [line.replace("\u00a0", " ").strip() for line in text.split("\n")]


def canonical_url(url: str) -> str:
    """An address as a citation gives it: no trailing dot after the host, no fragment."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=re.sub(r"\.(?=(?::\d+)?$)", "", parts.netloc), fragment=""))


def looks_like_html(text: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or "<html" in head


def visible_text(text: str) -> str:
    """A page's text: an HTML page's visible text, a saved text page as it is."""
    return html_page(text).text if looks_like_html(text) else text


_SENTENCE_END = re.compile(r"[.!?:;)\]\"”’'»]$")
# The crawler that saved shared/archive-pages keeps at most this many bytes of a page.
CRAWLER_CUT_BYTES = 2000


def cut_warning(text: str, closing: Callable[[list[str]], bool] | None = None) -> str | None:
    """A warning when the page was cut short: it stops at the crawler's limit mid-text, or it
    lacks the part that closes the archive's pages (``closing``) and stops mid-sentence."""
    lines = [line for line in page_lines(text) if line]
    last = lines[-1] if lines else ""
    at_limit = len(text.encode("utf-8")) >= CRAWLER_CUT_BYTES
    mid_sentence = not _SENTENCE_END.search(last)
    if closing is not None and closing(lines):
        return None
    if at_limit or (closing is not None and mid_sentence):
        tail = " ".join(last.split()[-6:])
        return f"the page seems cut short (it stops at {tail!r}); facts after that point are missing"
    return None


# --- records -----------------------------------------------------------------------------------


@dataclass
class Page:
    """One page being read: its lines, its address if known, the fields and warnings found."""

    text: str
    source: str
    lines: list[str]
    url: str | None
    fields: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    line: int | None = None

    def put(self, name: str, value: Any) -> None:
        """Set a field; an empty value is not a fact and is left out."""
        if value not in (None, "", [], {}):
            self.fields[name] = value

    def nonblank(self) -> list[tuple[int, str]]:
        return [(number, line) for number, line in enumerate(self.lines) if line]

    @property
    def path(self) -> str:
        """The address's path, "" when the address is not known."""
        return urlsplit(self.url).path if self.url else ""


# Fields in the order records list them, so every importer's records read alike.
FIELD_ORDER = (
    "type", "genre", "medium", "title", "title-is-description", "author", "recipient", "editor", "issued",
    "available-date", "event-place", "publisher-place", "abstract", "language", "container-title", "collection-title",
    "collection-number", "volume", "number", "number-of-pages", "dimensions", "publisher", "archive",
    "archive-place", "archive_collection", "archive_location", "note", "digital-archive",
    "digital-archive-publisher", "digital-archive-id", "URL", "archive-citation",
)  # fmt: skip


@dataclass(frozen=True)
class Importer:
    """One archive's importer: its format name, the hosts it fetches from, its detector and reader."""

    name: str
    archive: str
    hosts: frozenset[str]
    expected: str
    sniff: Callable[[str], bool]
    read: Callable[[Page], None]

    def load(self, text: str, source: str) -> Parsed:
        """One page into one raw record with its warnings; a page of another kind is refused."""
        url = canonical_url(source) if re.match(r"https?://", source) else None
        plain = visible_text(text)
        page = Page(plain, source, page_lines(plain), url)
        if not self.sniff(plain):
            raise InputError(f"not a {self.archive} page", hint=f"expected {self.expected}", where=source)
        cited = citation_line(page.lines)
        if page.url is None and cited and (address := re.search(r"https?://[^\s\]]+?(?=[.,]?(?:\s|$))", cited)):
            # The archive's citation gives the document's address: the page states it.
            host = ((parts.hostname if (parts := split_address(address.group())) else None) or "").rstrip(".")
            page.url = address.group() if host in self.hosts else None
        self.read(page)
        page.put("URL", page.url)
        page.put("archive-citation", cited)
        fields = {name: page.fields[name] for name in FIELD_ORDER if name in page.fields}
        fields.update((name, value) for name, value in page.fields.items() if name not in fields)
        origin = Origin(source, line=page.line if plain is text else None)
        return Parsed([(fields, origin)], [RecordWarning(message, origin=origin) for message in page.warnings])

    def format(self) -> Format:
        return Format(
            name=self.name,
            description=f"{self.archive} page, saved as text or HTML (recognised by its content)",
            sniff=lambda text: self.sniff(visible_text(text)),
            load=self.load,
            page=True,
        )


_CITE_AS = re.compile(
    r"(?:Cite as|Cite this(?: document| item)?|Citation|Suggested citation)\s*:?\s*(?P<line>.*)", re.I
)


def citation_line(lines: list[str]) -> str | None:
    """The archive's own citation of the document ("Cite as" and the line after it), verbatim."""
    for number, line in enumerate(lines):
        if (match := _CITE_AS.fullmatch(line)) is None:
            continue
        cited = match["line"].strip() or next((later for later in lines[number + 1 : number + 4] if later), "")
        # A citation names the document in quotation marks or ends like a sentence; a heading does not.
        if len(cited) > 20 and re.search(r"[\"“”]|\.\s*(?:\[.*\])?$", cited):
            return cited
    return None
