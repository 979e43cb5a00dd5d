"""Which records archcite's archival rules apply to: cheap to ask before anything is rendered, so
that a published record never loads the archival renderers."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

# Record types that are unpublished documents when they carry archive information.
# An interview is one when an archive holds its recording or transcript (an oral history).
# A thesis is one when it was read in a database or repository (``archive``: "ProQuest"), which the
# manuals cite after it ("ProQuest (AAT 3300426)"; MLA's second container).
ARCHIVAL_TYPES = frozenset(
    {
        "personal_communication",
        "letter",
        "manuscript",
        "document",
        "collection",
        "report",
        "interview",
        "thesis",
        "speech",
    }
)
_ARCHIVE_FIELDS = ("archive", "archive_location", "archive_collection", "digital-archive")
# Types that can be documents published in a documentary edition (Foreign Relations of the
# United States): cited as the manuals cite the document, then the edition.
_EDITION_TYPES = frozenset({"personal_communication", "letter", "manuscript", "document"})


def is_archival(fields: Mapping[str, Any]) -> bool:
    """An unpublished document held by an archive, or a document published in a documentary
    edition: archcite's archival rules apply to it."""
    record_type = str(fields.get("type"))
    if record_type not in ARCHIVAL_TYPES:
        return False
    if record_type in _OWN_RULES:
        return _OWN_RULES[record_type](fields)
    if record_type == "report" and not (fields.get("archive_location") or fields.get("archive_collection")):
        # A published report that an archive also holds is cited as a report; a working paper
        # read in its series or a repository is not published.
        return is_working_paper(fields)
    if in_documentary_edition(fields):
        return True
    return any(fields.get(name) for name in _ARCHIVE_FIELDS)


def is_unpublished_speech(fields: Mapping[str, Any]) -> bool:
    """A lecture or speech heard where it was given (CMOS "lectures and papers presented at
    meetings": the kind, the sponsor, the place and the date), not published in proceedings
    (``container-title``) nor read online (``URL``, cited as the recording or transcript is)."""
    if fields.get("container-title") or fields.get("URL"):
        return False
    return bool(fields.get("event-title") or fields.get("event") or fields.get("event-place"))


# A report whose kind is a working paper (Zotero's "Report type", a BibTeX ``howpublished``).
_WORKING_PAPER = re.compile(r"\bworking\s+paper\b", re.I)


def is_working_paper(fields: Mapping[str, Any]) -> bool:
    """A working paper read in its series or a repository: a ``report`` whose ``genre`` says
    "working paper", in a series (``collection-title``) or a repository (``archive``), with no
    publisher. One a publisher issued (a numbered paper of an institute's series, with its
    ``publisher``) is a published report, and stays with the CSL style; so does one in a
    ``container-title`` (a journal or proceedings)."""
    if fields.get("type") != "report" or not _WORKING_PAPER.search(str(fields.get("genre") or "")):
        return False
    if fields.get("publisher") or fields.get("container-title"):
        return False
    return bool(fields.get("collection-title") or fields.get("archive"))


def in_documentary_edition(fields: Mapping[str, Any]) -> bool:
    """A document published in an edition of documents: a letter or document with a
    ``container-title`` and either a recipient (correspondence, CMOS 14.111), an
    ``original-date`` (the document's own date beside the edition's ``issued``) or a title that
    is the editors' description of it (``title-is-description``: "Memorandum of Conversation").
    A blog post or article exported as a "document" with a container has none, and stays with
    the engine."""
    if str(fields.get("type")) not in _EDITION_TYPES or not fields.get("container-title"):
        return False
    return bool(fields.get("recipient") or fields.get("original-date") or is_set(fields.get("title-is-description")))


def is_set(flag: Any) -> bool:
    """A yes/no field as records give it: ``true`` or the string "true" (any case)."""
    return flag is True or str(flag).lower() == "true"


# Types with a rule of their own: a thesis read in a database or repository, a speech heard where
# it was given.
_OWN_RULES: dict[str, Callable[[Mapping[str, Any]], bool]] = {
    "thesis": lambda fields: bool(fields.get("archive")),
    "speech": is_unpublished_speech,
}
