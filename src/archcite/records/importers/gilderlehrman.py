"""Gilder Lehrman Collection item pages (gilderlehrman.org).

A page gives the item's title ("Washington, George, 1732-1799 to Anthony Walton White"), one
run of labelled fields ("Gilder Lehrman Collection #: GLC04859 Author/Creator: ... Place
Written: ... Type: ... Date: ... Pagination: ..."), a description, and the catalogue's name
headings. The labels map to fields through :data:`LABELS`.
"""

from __future__ import annotations

import re

from archcite.records.importers.common import (
    Importer,
    Page,
    cut_warning,
    heading_name,
    issued,
    name_object,
    same_person,
)

REPOSITORY = "Gilder Lehrman Institute of American History"
COLLECTION = "Gilder Lehrman Collection"
HOSTS = frozenset({"www.gilderlehrman.org", "gilderlehrman.org"})

# label → field, in the order the page prints them.
LABELS: dict[str, str | None] = {
    "Gilder Lehrman Collection #": "archive_location",
    "Author/Creator": "author",
    "Place Written": "event-place",
    "Type": "medium",
    "Date": "issued",
    "Pagination": "number-of-pages",
    "Height": "dimensions",
}
_LABELLED = re.compile(r"(?P<label>" + "|".join(re.escape(label) for label in LABELS) + r"):\s*")
_END = re.compile(r"\s*Order a Copy\s*$")
# "s.l." (sine loco) and "s.d." say the place or date is not known.
_UNKNOWN = frozenset({"s.l.", "s.l", "n.p.", "s.d.", "n.d.", "unknown"})
_PAGINATION = re.compile(r"(?P<pages>\d+)\s*p\.\s*(?:[:;]\s*(?P<rest>.*))?")
_BOILERPLATE = re.compile(
    r"^(?:Our Collection|At the Institute.s core|Order a pdf|A high-resolution version|High-resolution images"
    r"|Citation Guidelines)",
    re.IGNORECASE,
)
_HEADING_LINE = re.compile(r"^[A-Z][^,]+,\s*[A-Z][^,]*(?:,\s*(?:fl\.\s*)?\d{4}.*|\s*\(\d{4}-\d{4}\))?$")


def sniff(text: str) -> bool:
    return "Gilder Lehrman Collection #:" in text


# The item's type as the catalogue words it → CSL type (first match wins); others are manuscripts.
TYPES = (
    (r"\bletters?\b|\bnote\b|\btelegram\b", "personal_communication"),
    (r"photograph|\bprint\b|engraving|lithograph|drawing|painting|carte de visite", "graphic"),
    (r"\bmap\b", "map"),
    (r"broadside|pamphlet|newspaper|\bbook\b|printed", "document"),
)


def _csl_type(kind: str) -> str:
    return next((csl for pattern, csl in TYPES if re.search(pattern, kind, re.IGNORECASE)), "manuscript")


def _fields_line(page: Page) -> tuple[int, dict[str, str]] | None:
    for number, line in page.nonblank():
        if line.startswith("Gilder Lehrman Collection #:"):
            matches = list(_LABELLED.finditer(line))
            values = {}
            for index, match in enumerate(matches):
                end = matches[index + 1].start() if index + 1 < len(matches) else len(line)
                values[match["label"]] = _END.sub("", line[match.end() : end]).strip().rstrip(",")
            return number, values
    return None


def _pagination(page: Page, value: str) -> None:
    match = _PAGINATION.fullmatch(value)
    if match is None:
        page.put("note", f"Pagination: {value}")
        return
    page.put("number-of-pages", match["pages"])
    rest = (match["rest"] or "").strip().rstrip(".")
    if re.search(r"\d\s*x\s*\d", rest):
        page.put("dimensions", rest)


def _names(page: Page, title: str, values: dict[str, str], headings: list[dict[str, str]]) -> None:
    creator = values.get("Author/Creator", "")
    author = heading_name(creator) if creator else None
    if creator:
        page.put("author", [author or name_object(creator)])
    # The title names the recipient after " to " ("Washington, George, 1732-1799 to John Hazelwood").
    match = re.fullmatch(r"(?P<writer>.*?)\s*\bto\s+(?P<recipient>[^,]+(?:,\s*(?:Jr|Sr)\.?)?)", title)
    # Only "Heading to Recipient" or "to Recipient": a title such as "Proclamation to the people"
    # names no recipient.
    if match and (not match["writer"] or heading_name(match["writer"]) or match["writer"] == creator):
        printed = match["recipient"].strip()
        known = next((h for h in headings if same_person(h, printed)), None)
        page.put("recipient", [known or name_object(printed)])


def read(page: Page) -> None:
    found = _fields_line(page)
    if found is None:
        page.warnings.append("found no labelled fields (Gilder Lehrman Collection #: ...)")
        return
    number, values = found
    text_lines = [(n, line) for n, line in page.nonblank() if not _BOILERPLATE.match(line)]
    before = [(n, line) for n, line in text_lines if n < number]
    title = before[-1][1] if before else ""
    if before:
        page.line = before[-1][0] + 1
    after = [line for n, line in text_lines if n > number]
    headings = [h for line in after if _HEADING_LINE.match(line) and (h := heading_name(line))]
    prose = [line for line in after if not (_HEADING_LINE.match(line) and heading_name(line))]
    page.put("type", _csl_type(values.get("Type", "")))
    # "Autograph letter signed", "Photograph": the item's physical form, its medium.
    page.put("medium", values.get("Type"))
    page.put("title", title)
    page.put("title-is-description", bool(title) or None)
    _names(page, title, values, headings)
    date = values.get("Date", "")
    if date and date.lower() not in _UNKNOWN:
        page.put("issued", issued(date))
        if "issued" not in page.fields:
            page.warnings.append(f"date {date!r} is not one the reader understands; issued left out")
    place = values.get("Place Written", "")
    if place.lower() not in _UNKNOWN:
        page.put("event-place", place)
    if prose:
        page.put("abstract", prose[0])
    if values.get("Pagination"):
        _pagination(page, values["Pagination"])
    if values.get("Height"):
        page.put("dimensions", f"Height: {values['Height']}")
    page.put("archive", REPOSITORY)
    page.put("archive_collection", COLLECTION)
    page.put("archive_location", values.get("Gilder Lehrman Collection #"))
    if len(prose) > 1:
        page.put("note", "\n".join([*prose[1:], *filter(None, [page.fields.get("note")])]))
    if warning := cut_warning(page.text, lambda lines: any(line.startswith("Citation Guidelines") for line in lines)):
        page.warnings.append(warning)


IMPORTER = Importer(
    name="gilder-lehrman",
    archive="Gilder Lehrman Collection",
    hosts=HOSTS,
    expected="a https://www.gilderlehrman.org/collection/<id> item page with its labelled fields",
    sniff=sniff,
    read=read,
)
