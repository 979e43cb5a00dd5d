"""Chicago (CMOS 18) archival citations: notes, short notes, bibliography and author-date.

Notes run from the specific to the general: the item ("Sender to Recipient", a description, or
a quoted title), its date, the translation, the shelfmark and pages, the collection, the
repository and its place, and where it was read (digital archive, institution, URL). The
bibliography gives the same parts as sentences; author-date moves the year after the author.
"""

from __future__ import annotations

import re

from archcite.styles.archival import dates
from archcite.styles.archival import names as n
from archcite.styles.archival.parts import (
    ArchivalParts,
    capitalise,
    esc,
    join,
    label_for,
    page_range,
    pages_text,
    quoted,
    sentence,
    sentence_style,
    shelfmark_sentence,
)
from archcite.styles.types import Locator

PAGE_RANGE_FORMAT = "chicago-16"  # declared by the official Chicago styles for every page range
# Where a description's short form ends: before the parties or the subject it names.
_SHORT_DESCRIPTION_END = re.compile(r",| (?:from|to|between|with|by|on|about|regarding|concerning|of the) ", re.I)


def _kind_phrase(parts: ArchivalParts) -> str | None:
    """ "memorandum to John F. Kennedy": the kind of a titled or untitled document, lower-cased
    as a descriptor, with its recipient."""
    kind = parts.descriptor
    if parts.recipients:
        kind = kind or ("letter" if parts.type in ("personal_communication", "letter") else None)
        recipients = esc(n.plain_list(parts.recipients))
        return f"{kind} to {recipients}" if kind else f"to {recipients}"
    return kind


def _locator_text(parts: ArchivalParts, locator: Locator) -> str:
    label = label_for(locator.label, locator.value, russian=parts.russian_file)
    return esc(f"{label} {page_range(locator.value, PAGE_RANGE_FORMAT)}")


def pages_part(parts: ArchivalParts, locator: Locator | None) -> str | None:
    if locator is not None:
        return _locator_text(parts, locator)
    if parts.pages:
        return esc(pages_text(parts.pages, parts.page_label, PAGE_RANGE_FORMAT, russian=parts.russian_file))
    return None


def _translation(parts: ArchivalParts, prefix: str) -> str | None:
    return f"{prefix} {esc(n.plain_list(parts.translators))}" if parts.translators else None


def _where_read(parts: ArchivalParts) -> list[str | None]:
    return [esc(v) if v else None for v in (parts.digital_archive, parts.digital_publisher, parts.url)]


def _item(parts: ArchivalParts) -> list[str | None]:
    """The note's opening pieces, before the date."""
    authors = esc(n.note_list(parts.authors)) if parts.authors else None
    if parts.is_collection:
        return [authors, esc(parts.title or "Papers")]
    if parts.is_correspondence:
        head = f"{esc(n.note_list(parts.authors))} to {esc(n.plain_list(parts.recipients))}"
        kind = parts.descriptor if parts.kind and parts.kind.lower() != "letter" else None
        if parts.number:
            # A numbered communication keeps its number ("ciphered telegram no. 25553").
            kind = f"{kind or 'letter'} no. {esc(parts.number)}"
        return [head, kind]
    if parts.title and parts.title_is_description:
        return [authors, esc(sentence_style(parts.title, capitalise_first=authors is None))]
    if parts.title:
        return [authors, esc(quoted(parts.title)), esc(parts.number) if parts.number else None, _kind_phrase(parts)]
    kind = _kind_phrase(parts)
    return [authors, capitalise(kind) if kind and not authors else kind]


def note(parts: ArchivalParts, locator: Locator | None = None) -> str:
    """The first (full) note: "George Creel to Colonel House, September 25, 1918, Edward M. House
    Papers, Yale University Library, New Haven, CT." """
    text = join(
        [
            *_item(parts),
            esc(dates.chicago(parts.date)),
            _translation(parts, "trans."),
            esc(parts.shelfmark) if parts.shelfmark else None,
            pages_part(parts, locator),
            esc(parts.collection) if parts.collection else None,
            esc(parts.repository) if parts.repository else None,
            esc(parts.place) if parts.place else None,
            *_where_read(parts),
        ]
    )
    return sentence(text)


def short_description(parts: ArchivalParts) -> str:
    """A description's short form: ``title-short`` or the words before the parties it names
    ("Minutes of conversation between A and B" → "Minutes of conversation")."""
    if parts.title_short:
        return parts.title_short
    title = parts.title or ""
    match = _SHORT_DESCRIPTION_END.search(title)
    return title[: match.start()] if match and match.start() > 0 else title


def short_title(parts: ArchivalParts) -> str:
    """A title's short form: ``title-short``, else the main title before a subtitle's colon."""
    if parts.title_short:
        return parts.title_short
    return (parts.title or "").split(": ")[0]


def short_note(parts: ArchivalParts, locator: Locator | None = None) -> str:
    """The short note: "Creel to House, September 25, 1918." for letters, a short description
    and the date for other described documents, author and short title for titled ones."""
    authors = esc(n.short_list(parts.authors)) if parts.authors else None
    pinpoint = _locator_text(parts, locator) if locator else None
    if parts.is_correspondence:
        head = f"{esc(n.short_list(parts.authors))} to {esc(n.short_list(parts.recipients))}"
        return sentence(join([head, esc(dates.chicago(parts.date)), pinpoint]))
    if parts.is_collection:
        return sentence(join([authors, esc(short_title(parts)), pinpoint]))
    if parts.title and parts.title_is_description:
        description = esc(sentence_style(short_description(parts), capitalise_first=authors is None))
        return sentence(join([authors, description, esc(dates.chicago(parts.date)), pinpoint]))
    if parts.title:
        return sentence(join([authors, esc(quoted(short_title(parts))), pinpoint]))
    kind = parts.descriptor
    return sentence(
        join([authors, capitalise(kind) if kind and not authors else kind, esc(dates.chicago(parts.date)), pinpoint])
    )


def _item_sentences(parts: ArchivalParts, date: str | None) -> list[str]:
    """The item as bibliography sentences, with ``date`` where the item's sentence ends."""
    if parts.is_collection:
        return [join([esc(parts.title or "Papers"), date])]
    if parts.is_correspondence:
        return [join([f"{esc(parts.kind_word)} to {esc(n.plain_list(parts.recipients))}", date])]
    if parts.title and parts.title_is_description:
        return [join([esc(sentence_style(parts.title)), date])]
    kind = _kind_phrase(parts)
    if parts.title:
        lead = esc(quoted(parts.title))
        rest = join([esc(parts.number) if parts.number else None, capitalise(kind) if kind else None, date])
        return [lead, rest] if rest else [lead]
    return [join([capitalise(kind) if kind else None, date])]


def _archival_sentences(parts: ArchivalParts) -> list[str | None]:
    pages = pages_part(parts, None)
    shelfmark = join([esc(shelfmark_sentence(parts.shelfmark)) if parts.shelfmark else None, pages])
    digital, publisher, url = _where_read(parts)
    return [
        _translation(parts, "Translated by"),
        shelfmark or None,
        esc(parts.collection) if parts.collection else None,
        join([esc(parts.repository) if parts.repository else None, esc(parts.place) if parts.place else None]) or None,
        join([digital, publisher]) or None,
        url,
    ]


def bibliography(parts: ArchivalParts) -> str:
    """The bibliography entry: the note's parts as sentences, the first author inverted."""
    pieces: list[str | None] = [esc(n.chicago_bibliography_list(parts.authors)) if parts.authors else None]
    pieces += _item_sentences(parts, esc(dates.chicago(parts.date)))
    pieces += _archival_sentences(parts)
    return " ".join(sentence(p) for p in pieces if p)


def year_with_suffix(parts: ArchivalParts, suffix: str) -> str:
    """ "1918a"; "n.d.-a" (CMOS 18 ch. 13: letters tell apart works by one author in one year)."""
    year = dates.chicago_year(parts.date)
    if not suffix:
        return year
    return f"{year}-{suffix}" if year.endswith(".") else f"{year}{suffix}"


def author_date_entry(parts: ArchivalParts, year_suffix: str = "") -> str:
    """The reference-list entry: author, year, then the item with its month and day."""
    month_day = dates.chicago_month_day(parts.date)
    item = _item_sentences(parts, esc(month_day) if month_day else None)
    year = esc(year_with_suffix(parts, year_suffix))
    if parts.authors:
        pieces: list[str | None] = [esc(n.chicago_bibliography_list(parts.authors)), year, *item]
    else:
        # Without an author the title or description leads and the year follows it (CMOS 18
        # ch. 13); the month and day stay with the rest of the item.
        lead, *rest = _item_sentences(parts, None)
        if month_day:
            rest = [join([rest[-1], esc(month_day)])] if rest else [esc(month_day)]
        pieces = [lead, year, *rest]
    pieces += _archival_sentences(parts)
    return " ".join(sentence(p) for p in pieces if p)


def author_date_citation(parts: ArchivalParts, locator: Locator | None = None, year_suffix: str = "") -> str:
    """ "(Creel 1918)", "(Radio Free Europe, n.d.)", "(Kim Il Sung 1966, p. 212)"."""
    if parts.authors:
        lead = esc(n.short_list(parts.authors))
    elif parts.title and parts.title_is_description:
        lead = esc(sentence_style(short_description(parts)))
    elif parts.title and parts.is_collection:
        lead = esc(short_title(parts))
    else:
        lead = esc(quoted(short_title(parts))) if parts.title else esc(capitalise(parts.kind or ""))
    year = year_with_suffix(parts, year_suffix)
    # CMOS 18 author-date: "n.d." (and, by the same rule, "ca.") follows a comma.
    separator = " " if year[:1].isdigit() else ", "
    text = f"{lead}{separator}{esc(year)}"
    if locator is not None:
        if locator.label == "page":
            pinpoint = esc(page_range(locator.value, PAGE_RANGE_FORMAT))
        else:
            pinpoint = _locator_text(parts, locator)
        text = f"{text}, {pinpoint}"
    return f"({text})"
