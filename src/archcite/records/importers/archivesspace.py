"""ArchivesSpace public-interface pages of archival objects (hundreds of university archives).

A page gives a display title with the date appended ("Outgoing, 1957 - 1968"), a badge with the
level and the container ("File — Box: 145, Folder: 7"), an "Identifier" or "Reference Code",
and headed sections (:data:`SECTIONS`). A section's value "From the Collection: ..." or "From
the Series: ..." is inherited from a higher level: it describes the collection, not this
object, so it is not taken as this object's fact.
"""

from __future__ import annotations

import re

from archcite.records.formats.wilson import LANGUAGE_CODES
from archcite.records.importers.common import Importer, Page, address_place, cut_warning, issued, split_appended_date

# Each institution hosts its own public interface: these are the ones archcite fetches from
# (others: save the page and import the file).
HOSTS = frozenset(
    {
        "mainehistoricalsociety.libraryhost.com",
        "archivesspace.semo.edu",
        "archives.lib.umd.edu",
        "archives.usc.edu",
        "archivesearch.lib.cam.ac.uk",
    }
)

# Levels of description (the badge) and the CSL type of a record at that level.
LEVELS = {
    "Item": "manuscript",
    "File": "manuscript",
    "Series": "collection",
    "Sub-Series": "collection",
    "Subseries": "collection",
    "Sub-Sub-Series": "collection",
    "Collection": "collection",
    "Record Group": "collection",
    "Sub-Group": "collection",
    "Fonds": "collection",
    "Sub-Fonds": "collection",
    "Class": "collection",
    "Other Level": "manuscript",
}
# Section heading → field. None: a section read but not a citation fact.
SECTIONS: dict[str, str | None] = {
    "Scope and Contents": "abstract",
    "Scope and Content": "abstract",
    "Abstract": "abstract",
    "Dates": "issued",
    "Extent": "dimensions",
    "Physical Description": "dimensions",
    "Language of Materials": "language",
    "Creator": "author",
    "Repository Details": "archive",
    "Library Details": "archive",
    "Access": None,
    "Conditions Governing Access": None,
    "Use and Access to Collection": None,
    "Conditions Governing Use": None,
    "Biographical / Historical": None,
    "Arrangement": None,
    "Subjects": None,
    "Topics": None,
    "Names": None,
    "Notes": None,
    "Finding Aid & Administrative Information": None,
}
_LEVEL = "|".join(sorted(map(re.escape, LEVELS), key=len, reverse=True))
_BADGE = re.compile(rf"(?P<level>{_LEVEL})(?:\s+[—–-]\s+(?P<container>.+))?")
_IDENTIFIER = re.compile(r"(?:Identifier|Reference Code):\s*(?P<value>.+)")
_INHERITED = re.compile(
    r"From the (?:Collection|Series|Sub-Series|Sub-Sub-Series|Record Group|Fonds|File):\s*(?P<value>.*)"
)
_DATE_VALUE = re.compile(r"(?:•\s*)?(?:(?:Creation|Publication|Broadcast|Copyright|Modified|Other):\s*)?(?P<date>.+)")
_PART_OF = re.compile(r"Part of the (?P<name>.+?)\.?")
_SITE_LINES = re.compile(r"^(?:Skip to main content|Use the right side menu\b.*)$")


def sniff(text: str) -> bool:
    lines = [line.replace("\u00a0", " ").strip() for line in text[:4000].splitlines()]
    has_badge = any(_BADGE.fullmatch(line) for line in lines)
    sections = sum(line in SECTIONS for line in lines)
    labelled = any(_IDENTIFIER.fullmatch(line) for line in lines)
    return has_badge and (sections >= 2 or (labelled and sections >= 1))


def _sections(page: Page, start: int) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for line in page.lines[start:]:
        if line in SECTIONS:
            current = line
            sections.setdefault(current, [])
        elif current and line:
            sections[current].append(line)
    return sections


def _own(values: list[str]) -> list[str]:
    """A section's own values: one inherited from a higher level ("From the Collection:") ends them."""
    if values and _INHERITED.fullmatch(values[0]):
        return []
    return values


def _location(page: Page, badge: re.Match[str], identifier: str | None) -> None:
    container = badge["container"] or ""
    boxes = "" if container.startswith("Multiple") else re.sub(r"(\w+):\s*", r"\1 ", container)
    page.put("archive_location", ", ".join(filter(None, [identifier, boxes])))


def _repository(page: Page, values: list[str]) -> None:
    for value in values:
        if part := _PART_OF.fullmatch(value):
            page.put("archive", part["name"])
        elif place := address_place(value):
            page.put("archive-place", place)
            break


def read(page: Page) -> None:
    lines = page.nonblank()
    found = next(((n, m) for n, line in lines if (m := _BADGE.fullmatch(line))), None)
    assert found is not None  # sniff() saw the badge
    number, badge = found
    before = [(n, line) for n, line in lines if n < number and not _SITE_LINES.match(line)]
    title, date = split_appended_date(before[-1][1]) if before else ("", None)
    if before:
        page.line = before[-1][0] + 1
    identifier = next((m["value"].strip() for _, line in lines if (m := _IDENTIFIER.fullmatch(line))), None)
    sections = _sections(page, number + 1)
    page.put("type", LEVELS[badge["level"]])
    # An aggregate's level ("Sub-Series") says what it is; a file or item is cited by its title.
    page.put("genre", badge["level"] if LEVELS[badge["level"]] == "collection" else None)
    page.put("title", title)
    # Archivists devise these titles (DACS 2.3): descriptions, cited unquoted.
    page.put("title-is-description", bool(title) or None)
    dates = _own(sections.get("Dates", []))
    own_date = next((issued(m["date"]) for value in dates if (m := _DATE_VALUE.fullmatch(value))), None)
    page.put("issued", own_date or date)
    if own_date and date and own_date != date:
        page.warnings.append("the title's date and the Dates section differ; took the Dates section's")
    abstract = next(
        (
            _own(sections[name])
            for name in ("Scope and Contents", "Scope and Content", "Abstract")
            if _own(sections.get(name, []))
        ),
        [],
    )
    if not abstract:
        # A paragraph between the badge and the first section: a scope note whose heading was lost.
        loose = [line for n, line in lines if n > number and not _IDENTIFIER.fullmatch(line)]
        first_section = next((i for i, line in enumerate(loose) if line in SECTIONS), len(loose))
        if loose[:first_section]:
            abstract = loose[:first_section]
            page.warnings.append("took the paragraph under the record type for its description (abstract); check it")
    page.put("abstract", "\n".join(abstract))
    languages = _own(sections.get("Language of Materials", []))
    if languages:
        code = LANGUAGE_CODES.get(languages[0])
        page.put("language", code)
        if code is None:
            page.warnings.append(f"language {languages[0]!r} not known to the reader; left out")
    extent = _own(sections.get("Extent", []) or sections.get("Physical Description", []))
    page.put("dimensions", extent[0] if extent else None)
    _repository(page, sections.get("Repository Details", []) or sections.get("Library Details", []))
    _location(page, badge, identifier)
    if warning := cut_warning(page.text):
        page.warnings.append(warning)


IMPORTER = Importer(
    name="archivesspace",
    archive="ArchivesSpace public interface",
    hosts=HOSTS,
    expected="an ArchivesSpace .../repositories/<n>/archival_objects/<n> page with its record-type badge and sections",
    sniff=sniff,
    read=read,
)
