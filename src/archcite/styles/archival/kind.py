"""Which records archcite's archival rules apply to: cheap to ask before anything is rendered, so
that a published record never loads the archival renderers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Record types that are unpublished documents when they carry archive information.
# An interview is one when an archive holds its recording or transcript (an oral history).
ARCHIVAL_TYPES = frozenset(
    {"personal_communication", "letter", "manuscript", "document", "collection", "report", "interview"}
)
_ARCHIVE_FIELDS = ("archive", "archive_location", "archive_collection", "digital-archive")
# Types that can be documents published in a documentary edition (Foreign Relations of the
# United States): cited as the manuals cite the document, then the edition.
_EDITION_TYPES = frozenset({"personal_communication", "letter", "manuscript", "document"})


def is_archival(fields: Mapping[str, Any]) -> bool:
    """An unpublished document held by an archive, or a document published in a documentary
    edition: archcite's archival rules apply to it."""
    if str(fields.get("type")) not in ARCHIVAL_TYPES:
        return False
    if fields.get("type") == "report" and not (fields.get("archive_location") or fields.get("archive_collection")):
        return False  # a published report that an archive also holds is cited as a report
    if in_documentary_edition(fields):
        return True
    return any(fields.get(name) for name in _ARCHIVE_FIELDS)


def in_documentary_edition(fields: Mapping[str, Any]) -> bool:
    """A document published in an edition of documents: a letter or document with a
    ``container-title`` and either a recipient (correspondence, CMOS 14.111) or an
    ``original-date``, the document's own date beside the edition's ``issued``. A blog post or
    article exported as a "document" with a container has neither, and stays with the engine."""
    if str(fields.get("type")) not in _EDITION_TYPES or not fields.get("container-title"):
        return False
    return bool(fields.get("recipient") or fields.get("original-date"))
