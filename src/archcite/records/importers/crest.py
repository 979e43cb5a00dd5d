"""CIA FOIA Electronic Reading Room (CREST and FOIA collections) document pages.

A page is an upper-case title, then labelled fields, then the OCR text ("Body:"). Two layouts
are read alike: a label on its own line with the value on the next, and a label ending in a
no-break space (saved with the value on the next line too). The labels map to fields through
:data:`LABELS`; the OCR text is not imported.

For CREST documents (numbers ``CIA-RDP…``) the "Publication Date" is the document's own date.
For other FOIA releases it is the date of the release, so it is kept as ``available-date``.
"""

from __future__ import annotations

import re

from archcite.records.importers.common import Importer, Page, cut_warning, issued

ARCHIVE = "CIA FOIA Electronic Reading Room"
PUBLISHER = "Central Intelligence Agency"
HOSTS = frozenset({"www.cia.gov", "cia.gov"})

# label → field; None: the label is read but holds no fact of the document (kept in `note`).
LABELS: dict[str, str | None] = {
    "Document Type": "genre",
    "Collection": "archive_collection",
    "Document Number (FOIA) /ESDN (CREST)": "digital-archive-id",
    "Release Decision": None,
    "Original Classification": None,
    "Document Page Count": "number-of-pages",
    "Document Creation Date": None,  # the reading room's catalogue entry, not the document
    "Document Release Date": "available-date",
    "Sequence Number": None,
    "Case Number": None,
    "Publication Date": "issued",
    "Content Type": None,
    "File": None,
    "Body": None,
}
_LABEL = re.compile(r"(?P<label>" + "|".join(re.escape(label) for label in LABELS) + r"):\s*(?P<value>.*)")
_CREST_NUMBER = re.compile(r"CIA-RDP[\w-]+")
_DOCUMENT_NUMBER = re.compile(r"[A-Z0-9][A-Z0-9-]{3,}")
_MARKER = "Document Number (FOIA) /ESDN (CREST):"


def sniff(text: str) -> bool:
    return _MARKER in text.replace("\u00a0", " ")


def _labelled(page: Page) -> tuple[dict[str, str], int | None]:
    """The labelled values (a value on the label's line or on the next), and the first label's line."""
    values: dict[str, str] = {}
    first = None
    lines = page.lines
    for number, line in enumerate(lines):
        match = _LABEL.fullmatch(line)
        if match is None or match["label"] in values:
            continue
        first = number if first is None else first
        value = match["value"].strip()
        following = next((lines[n] for n in range(number + 1, len(lines)) if lines[n]), "")
        if not value and following and not _LABEL.fullmatch(following):
            value = following
        values[match["label"]] = value
    return values, first


def read(page: Page) -> None:
    values, first = _labelled(page)
    _read_title(page, first)
    number = _document_number(page, values)
    notes = _put_labelled(page, values, crest=bool(_CREST_NUMBER.fullmatch(number)))
    page.put("type", "document")
    if "issued" not in page.fields:
        page.warnings.append("the page gives no date of the document; issued left out")
    page.put("note", "\n".join(notes))
    # The CREST number (Records Disposition Program job, box, folder and document) is the
    # document's call number as well as its id in the reading room.
    page.put("archive_location", number or None)
    page.put("digital-archive", ARCHIVE)
    page.put("digital-archive-publisher", PUBLISHER)
    if warning := cut_warning(page.text):
        page.warnings.append(warning)


def _read_title(page: Page, first_label: int | None) -> None:
    """The title: the first line above the labels."""
    before = [line for line in page.lines[: first_label or 0] if line]
    title = before[0] if before else None
    if title:
        page.put("title", title)
        page.line = page.lines.index(title) + 1
    else:
        page.warnings.append("the page shows no title (a print view?); title left out")


def _document_number(page: Page, values: dict[str, str]) -> str:
    """The document number, or "" (and its value left out of ``values``) when what follows the
    label is not one."""
    number = values.get("Document Number (FOIA) /ESDN (CREST)", "")
    if number and not _DOCUMENT_NUMBER.fullmatch(number):
        # A print view may follow the empty label with OCR text, not the number.
        page.warnings.append(f"{number[:40]!r} after 'Document Number' is not a document number; left out")
        values.pop("Document Number (FOIA) /ESDN (CREST)")
        number = ""
    return number


def _put_labelled(page: Page, values: dict[str, str], *, crest: bool) -> list[str]:
    """The labelled values put in their fields; returns the ``Label: value`` lines of the labels
    that hold no fact of the document, for the note."""
    notes = []
    for label, value in values.items():
        variable = LABELS[label]
        if not value or label in ("Body", "File"):
            continue
        if variable == "issued" and not crest:
            variable = "available-date" if "Document Release Date" not in values else None
        if variable is None:
            notes.append(f"{label}: {value}")
        elif variable in ("issued", "available-date"):
            date = issued(value)
            if date is None:
                page.warnings.append(f"{label} {value!r} is not a date the reader understands; left out")
            page.put(variable, date)
        elif variable == "number-of-pages":
            page.put(variable, value if value.isdigit() else None)
        else:
            page.put(variable, value)
    return notes


IMPORTER = Importer(
    name="cia-crest",
    archive="CIA FOIA Electronic Reading Room (CREST)",
    hosts=HOSTS,
    expected="a https://www.cia.gov/readingroom/document/<id> page with its labelled fields (Document Number ...)",
    sniff=sniff,
    read=read,
)
