"""Shared by the export tests: the reference corpus as records, and record comparison."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from archcite.errors import InputError
from archcite.records.formats import bibtex, bibtex_read
from archcite.records.model import Origin, Record
from archcite.records.validate import build_records, check_item

DATA = Path(__file__).resolve().parents[1] / "data" / "exports"


def corpus_records() -> list[Record]:
    """The reference corpus's valid records (its one item of the non-CSL type 'letter' is left out)."""
    items = []
    for index, item in enumerate(json.loads((DATA / "corpus.json").read_text(encoding="utf-8"))):
        try:
            check_item(item, None)
        except InputError:
            continue
        items.append((item, Origin("corpus.json", index=index)))
    return build_records(items)[0]


def comparable(fields: dict[str, Any]) -> dict[str, Any]:
    """Numbers as strings: every export writes numbers as text."""
    return {k: (str(v) if isinstance(v, int) and not isinstance(v, bool) else v) for k, v in fields.items()}


def as_tex_reads(fields: dict[str, Any], dialect: str) -> dict[str, Any]:
    """What a BibTeX export reads back as by design: a value in a field with its line breaks (and
    the spaces around them) as one space, as TeX and pandoc read them; a value in a ``note``
    line (quoted where it has a line break) exactly. A line break in a text field has no meaning
    in CSL (docs/reference-managers.md, "White space")."""
    kind = str(fields.get("type"))
    return {
        name: bibtex_read.collapse(value)
        if isinstance(value, str) and bibtex.field_for(kind, name, dialect) not in (None, "note", "url", "doi")
        else value
        for name, value in fields.items()
    }
