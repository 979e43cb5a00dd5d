"""The citeproc-py adapter: the only module that imports citeproc.

It renders CSL-JSON items with a CSL style into archcite's markup (see ``markup.py``): for each
item the first citation, the subsequent citation and the bibliography entry with its rank.
"""

from __future__ import annotations

import html
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from archcite.records.model import ARCHIVAL_FIELDS, DATE_VARIABLES


@dataclass(frozen=True)
class Locator:
    """A citation's pinpoint: a CSL locator label (``page``, ``folio``, ...) and its value."""

    label: str
    value: str


@dataclass(frozen=True)
class Rendered:
    """One item's output, in archcite markup; None where the style prints nothing."""

    id: str
    cite: str | None
    cite_sub: str | None
    bib: str | None
    bib_rank: int | None


class _Tag(str):
    tag = ""

    def __new__(cls, text: str) -> _Tag:
        return super().__new__(cls, f"<{cls.tag}>{text}</{cls.tag}>")


class _Italic(_Tag):
    tag = "i"


class _Bold(_Tag):
    tag = "b"


class _SmallCaps(_Tag):
    tag = "sc"


class _Superscript(_Tag):
    tag = "sup"


class _Subscript(_Tag):
    tag = "sub"


class MarkupFormatter:
    """A citeproc-py output format (used as a module) that writes archcite markup."""

    Italic = _Italic
    Oblique = _Italic
    Bold = _Bold
    Light = str
    Underline = str
    SmallCaps = _SmallCaps
    Superscript = _Superscript
    Subscript = _Subscript

    @staticmethod
    def preformat(text: str) -> str:
        return html.escape(str(text), quote=False)


def prepare_item(item: Mapping[str, Any]) -> dict[str, Any]:
    """The item as citeproc-py reads it: CSL fields only, raw dates as date-parts."""
    from archcite.records.validate import parse_raw_date

    prepared = {k: v for k, v in item.items() if k not in ARCHIVAL_FIELDS}
    for variable in DATE_VARIABLES & prepared.keys():
        date = prepared[variable]
        if isinstance(date, Mapping) and "raw" in date and "date-parts" not in date:
            prepared[variable] = {**parse_raw_date(str(date["raw"]), variable, None)}
    return prepared


def render_items(
    items: Sequence[Mapping[str, Any]], style_path: str, *, locator: Locator | None = None
) -> list[Rendered]:
    """Render every item: one bibliography, each item cited once in order, then cited again."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
    from citeproc import Locator as CiteprocLocator
    from citeproc.source.json import CiteProcJSON

    from archcite.styles.fixes import perf

    perf.apply()

    ids = [str(item["id"]) for item in items]
    keys = [i.lower() for i in ids]  # citeproc-py lower-cases ids
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        source = CiteProcJSON([prepare_item(item) for item in items])
        style = CitationStylesStyle(style_path, validate=False)
        bibliography = CitationStylesBibliography(style, source, MarkupFormatter)
        # The bibliography gets locator-free items: a first citation's locator must not leak into it.
        bibliography.register(Citation([CitationItem(key) for key in keys]))

        def cite(key: str) -> str | None:
            extra = {"locator": CiteprocLocator(locator.label, locator.value)} if locator else {}
            citation = Citation([CitationItem(key, **extra)])
            bibliography.register(citation)
            text = str(bibliography.cite(citation, lambda item: None))
            return text or None

        first = [cite(key) for key in keys]
        subsequent = [cite(key) for key in keys]
        entries: dict[str, tuple[str, int]] = {}
        if style.has_bibliography():
            bibliography.sort()
            for rank, (key, entry) in enumerate(zip(bibliography.keys, bibliography.bibliography(), strict=True)):
                entries[key] = (str(entry), rank)
    return [
        Rendered(
            id=record_id,
            cite=first[n],
            cite_sub=subsequent[n],
            bib=entries[key][0] if key in entries else None,
            bib_rank=entries[key][1] if key in entries else None,
        )
        for n, (record_id, key) in enumerate(zip(ids, keys, strict=True))
    ]
