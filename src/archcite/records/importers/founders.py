"""Founders Online document pages (founders.archives.gov), and its API's document text.

A page gives the papers it belongs to ("George Washington Papers"), the title "From X to Y,
date" (or "To Y from X, date"), the dateline ("Head Quarters Valley Forge 18 May 1778."), the
text, and a source note ("LS, in James McHenry's writing, NHi: Gates Papers; Df, DLC:GW.").
The source note's first entry is the copy printed: its kind (:data:`COPY_KINDS`) and where it
is held, a Library of Congress MARC organization code and a collection.
"""

from __future__ import annotations

import re

from archcite.records.importers.common import (
    MONTH_WORD,
    Importer,
    Page,
    cut_warning,
    heading_name,
    issued,
    marc_organizations,
    name_object,
)

ARCHIVE = "Founders Online"
PUBLISHER = "National Archives"
HOSTS = frozenset({"founders.archives.gov"})

# The editors' abbreviations for the kind of copy a text is printed from.
COPY_KINDS = {
    "RC": "recipient's copy",
    "LS": "letter signed",
    "ALS": "autograph letter signed",
    "AL": "autograph letter",
    "ADS": "autograph document signed",
    "AD": "autograph document",
    "ADf": "autograph draft",
    "ADfS": "autograph draft signed",
    "Df": "draft",
    "DS": "document signed",
    "D": "document",
    "FC": "file copy",
    "LB": "letter-book copy",
    "PrC": "press copy",
    "PoC": "polygraph copy",
    "Tr": "transcript",
    "MS": "manuscript",
    "Copy": "copy",
}
_TITLE = re.compile(
    r"(?:Title:\s*)?(?P<title>(?P<direction>From|To)\s+(?P<first>.+?)\s+(?P<joint>to|from)\s+(?P<second>.+?)),"
    r"\s*(?P<date>[^,]*?\d{4}\]?)"
)
_API_NAME = re.compile(r"(?P<label>From|To):\s*(?P<name>.+)")
_DATELINE = re.compile(
    rf"(?P<place>.*?)[\s,]*(?P<date>(?:\d{{1,2}}(?:st|nd|rd|th|d)?\.?\s+)?{MONTH_WORD}\s*(?:\d{{1,2}}(?:st|nd|rd|th|d)?\.?,?\s*)?\d{{4}})\.?"
)
_KINDS = "|".join(sorted(map(re.escape, COPY_KINDS), key=len, reverse=True))
_SOURCE_NOTE = re.compile(rf"(?P<kind>{_KINDS})\b(?P<rest>[^;]*?)(?:;|\.$|$)")
_HOLDER = re.compile(r"(?P<code>[A-Z][A-Za-z]{0,6})(?::\s*(?P<collection>[^;()]+?))?\.?$")
_SOURCE_START = re.compile(rf"(?:{_KINDS})\b[ ,(]")
# A repository code with its collection in a source note: "NHi: Gates Papers", "DLC:GW".
_CODE_IN_NOTE = re.compile(r"\b[A-Z][A-Za-z]{0,6}:\s?[A-Z]")
# The editors' short names of collections, as source notes print them ("DLC:GW").
COLLECTION_ABBREVIATIONS = {"GW": "George Washington Papers"}
# The documentary edition each papers project publishes and Founders Online reprints (its "Cite
# this" line names it: "[Original source: The Papers of Thomas Jefferson, vol. 28, ...]"), by
# the project's name in the address (/documents/Jefferson/...) or the page's "... Papers" line.
EDITIONS = {
    "Adams": "The Adams Papers",
    "Franklin": "The Papers of Benjamin Franklin",
    "Hamilton": "The Papers of Alexander Hamilton",
    "Jay": "The Selected Papers of John Jay",
    "Jefferson": "The Papers of Thomas Jefferson",
    "Madison": "The Papers of James Madison",
    "Washington": "The Papers of George Washington",
}
# Early-access documents (ids "99-...") are the projects' transcriptions, not yet in the edition.
_EARLY_ACCESS = re.compile(r"/99-")


def sniff(text: str) -> bool:
    head = [line.strip() for line in text[:3000].splitlines()]
    return any(_TITLE.fullmatch(line) for line in head) and (
        "founders.archives.gov" in text
        or any(line.endswith(" Papers") for line in head[:6])
        or "From:" in text
        or any(_SOURCE_START.match(line) and _CODE_IN_NOTE.search(line) for line in text.splitlines())
    )


def _names(page: Page, title: re.Match[str]) -> None:
    first, second = title["first"].strip(), title["second"].strip()
    sender, recipient = (first, second) if title["direction"] == "From" else (second, first)
    api = {m["label"]: heading_name(m["name"]) for line in page.lines if (m := _API_NAME.fullmatch(line))}
    page.put("author", [api.get("From") or name_object(sender)])
    page.put("recipient", [api.get("To") or name_object(recipient)])


def _source_note(page: Page, start: int) -> None:
    note = next((line for line in page.lines[start:] if _SOURCE_START.match(line)), None)
    if note is None:
        page.warnings.append("the page shows no source note; where the document is held is left out")
        return
    first = _SOURCE_NOTE.match(note)
    if first is None:
        return
    # The kind of copy printed ("recipient's copy", "draft") describes the source, not the
    # document's genre: it is the record's medium.
    page.put("medium", COPY_KINDS[first["kind"]])
    rest = first["rest"].strip(" ,()")
    holder_text = re.sub(r"^.*,\s*", "", rest) if "," in rest else rest
    holder = _HOLDER.fullmatch(holder_text.strip(" ()"))
    organizations = marc_organizations()
    if holder and holder["code"] in organizations:
        name, place = organizations[holder["code"]]
        page.put("archive", name)
        page.put("archive-place", place)
        collection = (holder["collection"] or "").strip()
        page.put("archive_collection", COLLECTION_ABBREVIATIONS.get(collection, collection) or None)
    elif holder_text:
        page.warnings.append(f"repository code in {holder_text!r} not in archcite's MARC code table; left out")
    page.put("note", note)


def read(page: Page) -> None:
    lines = page.nonblank()
    found = next(((n, m) for n, line in lines if (m := _TITLE.fullmatch(line))), None)
    if found is None:
        page.warnings.append("found no title 'From X to Y, date'")
        return
    number, title = found
    page.line = number + 1
    page.put("type", "personal_communication")
    page.put("title", title["title"])
    page.put("title-is-description", True)
    _names(page, title)
    page.put("issued", issued(title["date"].strip("[]")))
    if "issued" not in page.fields:
        page.warnings.append(f"the title's date {title['date']!r} is not one the reader understands; issued left out")
    papers = next((line for n, line in lines if n < number and line.endswith(" Papers")), None)
    page.put("collection-title", papers)
    # The dateline: the first short line after the title that ends with a date.
    for _, line in [(n, line) for n, line in lines if n > number][:4]:
        if len(line) < 80 and (dateline := _DATELINE.fullmatch(line)):
            page.put("event-place", dateline["place"].strip(" ,") or None)
            break
    _source_note(page, number + 1)
    page.put("digital-archive", ARCHIVE)
    page.put("digital-archive-publisher", PUBLISHER)
    project = papers.removesuffix(" Papers").split()[-1] if papers else None
    if page.url and (document := re.search(r"/(?:documents|docdata)/(?P<id>\w+/[\w-]+)", page.path)):
        page.put("digital-archive-id", document["id"])
        project = document["id"].split("/")[0]
    # The text is the edition's: a letter in a documentary edition (CMOS 14.111).
    if not _EARLY_ACCESS.search(page.path):
        page.put("container-title", EDITIONS.get(project or ""))
    if warning := cut_warning(page.text, lambda lines: bool(lines) and lines[-1] == "Index Entries"):
        page.warnings.append(warning)


IMPORTER = Importer(
    name="founders-online",
    archive="Founders Online",
    hosts=HOSTS,
    expected="a https://founders.archives.gov/documents/<papers>/<id> page with its title 'From X to Y, date'",
    sniff=sniff,
    read=read,
)
