"""Historians' bibliographies: sections for archival and published sources, and one entry per
cited collection instead of one per document.

Many history departments ask for a bibliography divided into archival (manuscript) sources,
grouped by repository and then collection, and published sources; and CMOS 18 (ch. 14,
manuscript collections) lists a collection once when several of its documents are cited in the
notes ("Edward M. House Papers. Yale University Library, New Haven, CT.").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from archcite.styles.archival import ARCHIVAL_STYLES, engine_keys, entry_key, merge_in_order
from archcite.styles.archival.chicago import edition_entry
from archcite.styles.archival.kind import is_archival
from archcite.styles.archival.names import collation_key
from archcite.styles.archival.parts import ArchivalParts, esc, join, read_parts, sentence

if TYPE_CHECKING:
    from archcite.records.model import Record
    from archcite.styles.types import Rendered

ARCHIVAL_HEADING = "Archival sources"
PUBLISHED_HEADING = "Published sources"


@dataclass(frozen=True)
class Entry:
    """One bibliography entry (archcite markup) and the records it stands for."""

    text: str
    record_ids: tuple[str, ...]
    archival: bool = False
    repository: str = ""
    collection: str = ""
    key: str = ""


@dataclass
class Group:
    """Entries under one heading (a repository), or under none (published sources)."""

    heading: str | None
    entries: list[Entry] = field(default_factory=list)


@dataclass
class Section:
    title: str
    groups: list[Group] = field(default_factory=list)


def _repository(parts: ArchivalParts) -> str:
    """The group heading, in archcite markup: "Modern Records Archives, Warsaw"."""
    return esc(join([parts.repository, parts.place]) or parts.digital_archive or "Repository unknown")


def collection_entry(parts: ArchivalParts) -> str:
    """ "Edward M. House Papers. Yale University Library, New Haven, CT." """
    pieces = [
        esc(parts.collection_key),
        join([esc(parts.repository or ""), esc(parts.place or "")]) or None,
    ]
    return " ".join(sentence(p) for p in pieces if p)


def entries(
    records: Sequence[Record],
    rendered: Sequence[Rendered],
    style_name: str,
    *,
    collection_level: bool = False,
    house_rules: bool = True,
) -> list[Entry]:
    """The bibliography in order; with ``collection_level`` each cited collection once.
    ``house_rules`` False: the archival rules were not applied (another language)."""
    by_id = {r.id: r for r in rendered}
    archival_style = house_rules and style_name in ARCHIVAL_STYLES
    published: list[tuple[int, Entry]] = []
    archival: list[Entry] = []
    collections: dict[tuple[str, str], Entry] = {}
    for record in records:
        result = by_id.get(record.id)
        if result is None or result.bib is None:
            continue
        if not (archival_style and is_archival(record.fields)):
            entry = Entry(result.bib, (record.id,))
            published.append((result.bib_rank or 0, entry))
            continue
        parts = read_parts(record.fields)
        if parts.cited_like_a_book:
            # A dissertation read in a database is a published source, listed as itself; so are
            # a lecture, which no archive holds, and a working paper read in its series.
            archival.append(Entry(result.bib, (record.id,), key=entry_key(result.bib)))
            continue
        if parts.edition:
            # A document in a documentary edition is a published source (CMOS 14.111), listed
            # once as its edition when collections are listed.
            text = edition_entry(parts) if collection_level else result.bib
            group = ("", text)
            previous = collections.get(group)
            ids = (*previous.record_ids, record.id) if previous else (record.id,)
            collections[group] = Entry(text, ids, key=entry_key(text))
            continue
        repository = _repository(parts)
        if collection_level and parts.collection_key:
            group = (repository, parts.collection_key)
            previous = collections.get(group)
            ids = (*previous.record_ids, record.id) if previous else (record.id,)
            collections[group] = Entry(
                collection_entry(parts),
                ids,
                True,
                repository,
                parts.collection_key,
                entry_key(collection_entry(parts)),
            )
        else:
            archival.append(
                Entry(result.bib, (record.id,), True, repository, parts.collection_key, entry_key(result.bib))
            )
    ordered = [entry for _, entry in sorted(published, key=lambda pair: pair[0])]
    ordered = [replace(e, key=k) for e, k in zip(ordered, engine_keys([e.text for e in ordered]), strict=True)]
    return merge_in_order(ordered, [*archival, *collections.values()], lambda entry: entry.key)


def sections(entries_in_order: Sequence[Entry]) -> list[Section]:
    """Archival sources by repository (then collection), then published sources."""
    archival = [e for e in entries_in_order if e.archival]
    published = [e for e in entries_in_order if not e.archival]
    result = []
    if archival:
        section = Section(ARCHIVAL_HEADING)
        for repository in sorted({e.repository for e in archival}, key=collation_key):
            members = [e for e in archival if e.repository == repository]
            members.sort(key=lambda e: (collation_key(e.collection), e.key))
            section.groups.append(Group(repository, members))
        result.append(section)
    if published:
        result.append(Section(PUBLISHED_HEADING, [Group(None, published)]))
    return result
