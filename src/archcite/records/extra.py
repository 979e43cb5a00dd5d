"""Archival fields kept as ``name: value`` lines in a free-text field (CSL ``note``, Zotero Extra).

Formats that have no place for an archival fact (CSL-JSON for Zotero, BibTeX ``note``, RIS
``N1``) keep it as one line per field, the convention Zotero's Extra field reads, so archcite
and Zotero can read it back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from archcite.patterns import lazy
from archcite.records.model import ARCHIVAL_FIELDS

_LINE = lazy(r"^(?P<name>[A-Za-z][\w-]*):\s?(?P<value>.*)$")


def encode_value(value: Any) -> str:
    if isinstance(value, str) and "\n" not in value and not _reads_as_json(value):
        return value
    return json.dumps(value, ensure_ascii=False)


def _reads_as_json(text: str) -> bool:
    """True for a string :func:`decode_value` would take for JSON ("[]", "{}", '"x"')."""
    if text[:1] not in ("[", "{", '"'):
        return False
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def decode_value(name: str, text: str) -> Any:
    if name in ("title-is-description", "date-supplied"):
        return text.strip().lower() in ("true", "yes", "1")
    if text[:1] in '[{"':
        try:
            return json.loads(text)
        except ValueError:
            pass
    return text


def fold_into_note(fields: Mapping[str, Any], names: Iterable[str] = ARCHIVAL_FIELDS) -> dict[str, Any]:
    """``fields`` with the named fields moved into ``note`` as ``name: value`` lines.

    The lines come first and the note's own text after them: citeproc (pandoc) takes only the
    leading lines of a note as variables, and citeproc-js and Zotero read them there too.
    """
    result = dict(fields)
    lines = [f"{name}: {encode_value(result.pop(name))}" for name in names if name in result]
    if lines:
        note = result.get("note")
        result["note"] = "\n".join(lines + ([str(note)] if note else []))
    return result


def unfold_note(fields: Mapping[str, Any], names: Iterable[str] = ARCHIVAL_FIELDS) -> dict[str, Any]:
    """The inverse of :func:`fold_into_note`: known ``name: value`` lines of ``note`` become fields."""
    note = fields.get("note")
    if not isinstance(note, str) or ":" not in note:
        return dict(fields)
    wanted = set(names)
    result = dict(fields)
    kept = []
    for line in note.split("\n"):
        match = _LINE().match(line)
        if match and match["name"] in wanted and match["name"] not in result:
            result[match["name"]] = decode_value(match["name"], match["value"])
        else:
            kept.append(line)
    if kept and any(kept):
        result["note"] = "\n".join(kept)
    else:
        result.pop("note", None)
    return result
