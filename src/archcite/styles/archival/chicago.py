"""Chicago (CMOS 18) archival citations: notes, short notes, bibliography and author-date.

Notes run from the specific to the general: the item ("Sender to Recipient", a description, or
a quoted title), its date, the translation, the shelfmark and pages, the collection, the
repository and its place, and where it was read (digital archive, institution, URL). The
bibliography gives the same parts as sentences; author-date moves the year after the author.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from archcite.styles.archival import dates
from archcite.styles.archival import names as n
from archcite.styles.archival.parts import (
    ArchivalParts,
    capitalise,
    contributor_phrases,
    esc,
    join,
    locator_label,
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
    as a descriptor, with its recipient; "interview by Richard D. McKinzie" for an interview."""
    if parts.is_interview:
        return _interview_by(parts)
    kind = parts.descriptor
    if parts.recipients:
        kind = kind or ("letter" if parts.type in ("personal_communication", "letter") else None)
        recipients = esc(n.plain_list(parts.recipients))
        return f"{kind} to {recipients}" if kind else f"to {recipients}"
    return kind


def _locator_text(parts: ArchivalParts, locator: Locator) -> str:
    label = locator_label(parts, locator.label, locator.value)
    return esc(f"{label} {page_range(locator.value, PAGE_RANGE_FORMAT)}")


def pages_part(parts: ArchivalParts, locator: Locator | None) -> str | None:
    if locator is not None:
        return _locator_text(parts, locator)
    if parts.pages:
        return esc(pages_text(parts.pages, parts.page_label, PAGE_RANGE_FORMAT, russian=parts.russian_file))
    return None


def _where_read(parts: ArchivalParts) -> list[str | None]:
    return [esc(v) if v else None for v in (parts.digital_archive, parts.digital_publisher, parts.url)]


# Kinds of untitled document the manuals name before their author when there is no recipient:
# "Memorandum by Alvin Johnson, 1937" (Turabian 7, manuscript collections, note 44).
_BY_AUTHOR_KINDS = frozenset({"memorandum", "memo"})


def _item(parts: ArchivalParts) -> list[str | None]:
    """The note's opening pieces, before the date."""
    authors = esc(n.note_list(parts.authors)) if parts.authors else None
    if parts.is_collection:
        return [authors, esc(parts.title or "Papers")]
    if parts.is_interview and not parts.title:
        return [_interview_head(parts)]
    if parts.is_correspondence:
        return _correspondence_head(parts)
    if parts.title and parts.title_is_description:
        return [authors, esc(sentence_style(parts.title, capitalise_first=authors is None))]
    number = esc(parts.number) if parts.number and not parts.edition and not parts.is_interview else None
    if parts.title:
        return [authors, esc(quoted(parts.title)), number, _kind_phrase(parts)]
    return _untitled_head(parts, authors)


def _untitled_head(parts: ArchivalParts, authors: str | None) -> list[str | None]:
    """An untitled document: "Memorandum by Alvin Johnson", else its author and kind."""
    if authors and not parts.recipients and (parts.kind or "").lower() in _BY_AUTHOR_KINDS:
        return [f"{esc(capitalise(parts.descriptor or ''))} by {authors}"]
    kind = _kind_phrase(parts)
    return [authors, capitalise(kind) if kind and not authors else kind]


def _correspondence_head(parts: ArchivalParts) -> list[str | None]:
    """ "Kennan to Byrnes", then the kind when it is not a plain letter, with its number."""
    head = f"{esc(n.note_list(parts.authors))} to {esc(n.plain_list(parts.recipients))}"
    kind = parts.descriptor if parts.kind and parts.kind.lower() != "letter" else None
    if parts.number and not parts.edition:
        # A numbered communication keeps its number ("ciphered telegram no. 25553").
        kind = f"{kind or 'letter'} no. {esc(parts.number)}"
    return [head, kind]


def _interview_by(parts: ArchivalParts) -> str:
    return f"interview by {esc(n.plain_list(parts.interviewers))}" if parts.interviewers else "interview"


def _interview_head(parts: ArchivalParts) -> str:
    """ "Benjamin Spock, interview by Milton J. E. Senn" (CMOS 18 ch. 14, interviews)."""
    return join([esc(n.note_list(parts.authors)) if parts.authors else None, _interview_by(parts)])


def _place_written(parts: ArchivalParts) -> str | None:
    """Where an interview was held or an edited document written ("Washington"): the manuals
    give it for interviews (CMOS 18 ch. 14) and published correspondence ("plus a place if relevant")."""
    return esc(parts.event_place) if parts.event_place and (parts.is_interview or parts.edition) else None


def _after_date(parts: ArchivalParts) -> list[str | None]:
    """An interview's number and medium after its date ("interview 67A, transcript")."""
    if not parts.is_interview:
        return []
    return [
        f"interview {esc(parts.number)}" if parts.number else None,
        esc(parts.medium.lower()) if parts.medium else None,
    ]


def _names_with(role: str, people: list[Mapping[str, Any]]) -> str | None:
    return f"{role} {esc(n.plain_list(people))}" if people else None


def _edition_parts(parts: ArchivalParts, *, sentences: bool) -> list[str | None]:
    """The documentary edition: "in *Foreign Relations of the United States, 1969–1976*, ed. Adam
    Howard, vol. 21, *Chile, 1969–1973*, ed. …" and its publication (CMOS Q&A on FRUS, after CMOS
    14.111); as bibliography sentences ("In …, edited by …", "Vol. 21, …", "Washington, DC: …")."""
    edition = parts.edition
    if edition is None:
        return []
    edited = "edited by" if sentences else "ed."
    container = join(
        [f"{'In' if sentences else 'in'} <i>{esc(edition.title)}</i>", _names_with(edited, edition.series_editors)]
    )
    volume = join(
        [
            f"{'Vol.' if sentences else 'vol.'} {esc(edition.volume)}" if edition.volume else None,
            f"<i>{esc(edition.volume_title)}</i>" if edition.volume_title else None,
            _names_with(edited, edition.editors),
        ]
    )
    publisher = join([esc(p) if p else None for p in (edition.publisher_place, edition.publisher)], ": ")
    publication = join([publisher, esc(dates.chicago(edition.date)) if edition.date.start else None])
    number = f"doc. {esc(parts.number)}" if parts.number else None
    if sentences:
        # The document number ends the sentence that names where it is printed, as a chapter's
        # pages do ("In Title, edited by X, 2:927–31."), never a sentence of its own ("doc. 262.").
        if volume:
            return [container, join([volume, number]), publication]
        return [join([container, number]), publication]
    return [join([container, volume]) + (f" ({publication})" if publication else ""), number]


def edition_entry(parts: ArchivalParts) -> str:
    """The bibliography entry of the edition itself, which CMOS 14.111 lists instead of the
    documents cited from it: "*Foreign Relations of the United States, 1964–1968*. Vol. 22."."""
    pieces = [piece.removeprefix("In ") if piece else None for piece in _edition_parts(parts, sentences=True)]
    number = f", doc. {esc(parts.number)}" if parts.number else ""
    pieces = [piece.removesuffix(number) if piece and number else piece for piece in pieces]
    return " ".join(sentence(piece) for piece in pieces if piece)


def _holding(parts: ArchivalParts) -> list[str | None]:
    """The collection, repository and place that hold the document. A document in a documentary
    edition is cited from the edition (CMOS 14.111: the correspondents, the date, the
    collection's publication facts); where its original lies is the editors' note, not the
    reader's way to it."""
    if parts.edition:
        return []
    return [esc(value) if value else None for value in (parts.collection, parts.repository, parts.place)]


def _date_text(parts: ArchivalParts) -> str:
    """The document's date in a note or bibliography; "" for an undated collection cited as a
    whole, whose entry the manuals give without "n.d." ("Stevenson, Adlai E. Papers. Seeley G.
    Mudd Library, Princeton University.")."""
    if parts.is_collection and parts.date.start is None and not parts.date.literal:
        return ""
    return esc(dates.chicago(parts.date))


def _with_date(pieces: list[str | None], parts: ArchivalParts, date: str | None = None) -> list[str | None]:
    """``pieces`` followed by the date; a supplied date joins the piece before it with a space,
    no comma ("“A Map of the Southern Indian District of North America” [ca. 1772]", Turabian 7,
    manuscript collections, note 45)."""
    date = _date_text(parts) if date is None else date
    filled = [piece for piece in pieces if piece]
    if parts.date.supplied and date.startswith("[") and filled:
        return [*filled[:-1], f"{filled[-1]} {date}"]
    return [*filled, date]


def _database(parts: ArchivalParts) -> str | None:
    """Where a thesis was read: "ProQuest (AAT 3300426)", the database and, in parentheses, its
    number for the thesis (CMOS 18 ch. 14, theses and dissertations)."""
    if not parts.repository:
        return None
    return esc(parts.repository) + (f" ({esc(parts.shelfmark)})" if parts.shelfmark else "")


def _thesis_facts(parts: ArchivalParts, date: str | None) -> str:
    """ "PhD diss., University of Chicago, 2008": the kind of thesis, the institution, the date;
    "lecture, University of Chicago, Chicago, IL, April 30, 2015": a lecture's kind, sponsor or
    meeting, place and date; "working paper no. 12, Series, 2019": a working paper's kind and
    number, its series and date."""
    if parts.is_working_paper:
        return join([working_paper_kind(parts), esc(parts.series or ""), date])
    kind = esc(d) if (d := parts.degree(spelled=False)) else None
    if parts.is_speech:
        return join([kind, esc(parts.event_title or ""), esc(parts.event_place or ""), date])
    return join([kind, esc(parts.publisher or ""), date])


def working_paper_kind(parts: ArchivalParts) -> str:
    """ "working paper no. 12": the kind as a descriptor, with the paper's number in its series
    (CMOS Q&A: cited as a working paper, its title quoted as an unpublished paper's)."""
    kind = esc(parts.descriptor or "working paper")
    return f"{kind} no. {esc(parts.number)}" if parts.number else kind


def _thesis_note(parts: ArchivalParts, locator: Locator | None) -> str:
    """ "Mihwa Choi, “Contesting Imaginaires …” (PhD diss., University of Chicago, 2008), 22–23,
    ProQuest (AAT 3300426)." (CMOS 18 ch. 14: cited like a book, the title quoted, the kind,
    institution and date in parentheses); a lecture alike, "(lecture, University of Chicago,
    Chicago, IL, April 30, 2015)" (CMOS, lectures and papers presented at meetings)."""
    facts = _thesis_facts(parts, esc(dates.chicago(parts.date)))
    # Untitled (a speech known by its occasion), the facts stand in the title's place, as in
    # the bibliography: "John F. Kennedy, inaugural address, Washington, DC, January 20, 1961."
    title = esc(quoted(parts.title)) if parts.title else ""
    item = f"{title} ({facts})" if facts and title else title or facts
    authors = esc(n.note_list(parts.authors)) if parts.authors else None
    pages = _pinpoint(parts, locator) if locator else pages_part(parts, None)
    return sentence(join([authors, item, pages, _database(parts), esc(parts.url) if parts.url else None]))


def _pinpoint(parts: ArchivalParts, locator: Locator) -> str:
    """A locator as a note prints it: a thesis's or paper's pages bare, as a book's ("22–23"); an archival
    document's labelled ("p. 212", "fol. 7")."""
    if (parts.is_thesis or parts.is_working_paper) and locator.label == "page":
        return esc(page_range(locator.value, PAGE_RANGE_FORMAT))
    return _locator_text(parts, locator)


def _thesis_sentences(parts: ArchivalParts, date: str | None) -> list[str | None]:
    """The thesis after its author (and, author-date, the year): title, facts, database, URL."""
    facts = _thesis_facts(parts, date)
    return [
        esc(quoted(parts.title)) if parts.title else None,
        capitalise(facts) or None,
        _database(parts),
        esc(parts.url) if parts.url else None,
    ]


def note(parts: ArchivalParts, locator: Locator | None = None) -> str:
    """The first (full) note: "George Creel to Colonel House, September 25, 1918, Edward M. House
    Papers, Yale University Library, New Haven, CT." """
    if parts.cited_like_a_book:
        return _thesis_note(parts, locator)
    text = join(
        [
            *_with_date([*_item(parts), _place_written(parts)], parts),
            *_after_date(parts),
            *contributor_phrases(parts, abbreviated=True),
            *_edition_parts(parts, sentences=False),
            esc(parts.shelfmark) if parts.shelfmark and not parts.edition else None,
            pages_part(parts, locator),
            *_holding(parts),
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
    if match and not parts.authors and " " not in title[: match.start()]:
        # Without a writer, the parties are what tell "Letter to Hill" apart: one word ("Letter")
        # names no document (CMOS 18 ch. 14: an unsigned document is cited by its description).
        return title.split(",", 1)[0]
    return title[: match.start()] if match and match.start() > 0 else title


def short_title(parts: ArchivalParts) -> str:
    """A title's short form: ``title-short``, else the main title before a subtitle's colon."""
    if parts.title_short:
        return parts.title_short
    main, _, subtitle = (parts.title or "").partition(": ")
    # A heading that opens with its level and number ("Sub-Series 1: Administrative
    # Correspondence") is shortened to its name: the level alone tells nothing apart.
    if subtitle and parts.kind and re.fullmatch(rf"{re.escape(parts.kind)}\s+[\w.-]+", main, re.I):
        return subtitle
    return main


def _short_letter_head(parts: ArchivalParts, authors: str | None) -> str | None:
    """What leads a letter's short note: "Creel to House" for correspondence, the description
    ("Letter to Hill") for an unsigned letter, as in the full note; None for any other record."""
    if parts.is_correspondence:
        holder = {"holder_of_office": True}
        return f"{esc(n.short_list(parts.authors, **holder))} to {esc(n.short_list(parts.recipients, **holder))}"
    if not parts.is_collection and not parts.title and not authors and parts.recipients:
        return f"{esc(parts.kind_word)} to {esc(n.short_list(parts.recipients, holder_of_office=True))}"
    return None


def short_note(parts: ArchivalParts, locator: Locator | None = None) -> str:
    """The short note: "Creel to House, September 25, 1918." for letters, a short description
    and the date for other described documents, author and short title for titled ones."""
    authors = esc(n.short_list(parts.authors, holder_of_office=True)) if parts.authors else None
    pinpoint = _pinpoint(parts, locator) if locator else None
    if parts.is_interview and not parts.title:
        return sentence(join([authors, "interview", esc(dates.chicago(parts.date)), pinpoint]))
    if (head := _short_letter_head(parts, authors)) is not None:
        return sentence(join([head, esc(dates.chicago(parts.date)), pinpoint]))
    if parts.is_collection:
        return sentence(join([authors, esc(short_title(parts)), pinpoint]))
    if parts.title and parts.title_is_description:
        description = esc(sentence_style(short_description(parts), capitalise_first=authors is None))
        return sentence(join([authors, description, esc(dates.chicago(parts.date)), pinpoint]))
    if parts.title:
        return sentence(join([authors, esc(quoted(short_title(parts))), pinpoint]))
    # A speech's or thesis's kind as its full note gives it ("inaugural address"), any other's
    # as a descriptor.
    kind = esc(d) if (parts.is_speech or parts.is_thesis) and (d := parts.degree(spelled=False)) else parts.descriptor
    return sentence(
        join([authors, capitalise(kind) if kind and not authors else kind, esc(dates.chicago(parts.date)), pinpoint])
    )


def _item_sentences(parts: ArchivalParts, date: str | None) -> list[str]:
    """The item as bibliography sentences, with ``date`` where the item's sentence ends."""
    if date and parts.date.supplied and date.startswith("["):
        # A supplied date stays with the item it dates, as in the note ("“A Map …” [ca. 1772].").
        *first, last = _item_sentences(parts, None)
        return [*first, join(_with_date([last, _place_written(parts)], parts, date))]
    date = join([_place_written(parts), date]) or None
    if parts.is_collection:
        return [join([esc(parts.title or "Papers"), date])]
    if parts.is_interview and not parts.title:
        after = capitalise(join(_after_date(parts)))
        return [join([capitalise(_interview_by(parts)), date]), *([after] if after else [])]
    if parts.is_correspondence:
        return [join([f"{esc(parts.kind_word)} to {esc(n.plain_list(parts.recipients))}", date])]
    if parts.title and parts.title_is_description:
        return [join([esc(sentence_style(parts.title)), date])]
    return _titled_item_sentences(parts, date)


def _titled_item_sentences(parts: ArchivalParts, date: str | None) -> list[str]:
    """An item known by its own title (quoted, then its number and kind) or, untitled, by its kind."""
    kind = _kind_phrase(parts)
    if parts.title:
        lead = esc(quoted(parts.title))
        number = esc(parts.number) if parts.number and not parts.edition and not parts.is_interview else None
        rest = join([number, capitalise(kind) if kind else None, date])
        return [lead, rest] if rest else [lead]
    return [join([capitalise(kind) if kind else None, date])]


def _archival_sentences(parts: ArchivalParts) -> list[str | None]:
    pages = pages_part(parts, None)
    shelfmark_text = esc(shelfmark_sentence(parts.shelfmark)) if parts.shelfmark and not parts.edition else None
    shelfmark = join([shelfmark_text, pages])
    collection, repository, place = _holding(parts) or [None, None, None]
    digital, publisher, url = _where_read(parts)
    return [
        *contributor_phrases(parts, abbreviated=False),
        *_edition_parts(parts, sentences=True),
        shelfmark or None,
        collection,
        join([repository, place]) or None,
        join([digital, publisher]) or None,
        url,
    ]


def bibliography(parts: ArchivalParts) -> str:
    """The bibliography entry: the note's parts as sentences, the first author inverted."""
    pieces: list[str | None] = [esc(n.chicago_bibliography_list(parts.authors)) if parts.authors else None]
    if parts.cited_like_a_book:
        pieces += _thesis_sentences(parts, esc(dates.chicago(parts.date)))
        return " ".join(sentence(p) for p in pieces if p)
    pieces += _item_sentences(parts, _date_text(parts))
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
    if parts.cited_like_a_book:
        # CMOS 18 ch. 13: "Choi, Mihwa. 2008. “Contesting Imaginaires ….” PhD diss., University of Chicago."
        lead = esc(n.chicago_bibliography_list(parts.authors)) if parts.authors else None
        pieces: list[str | None] = [lead, year, *_thesis_sentences(parts, esc(month_day) if month_day else None)]
        return " ".join(sentence(p) for p in pieces if p)
    if parts.authors:
        pieces = [esc(n.chicago_bibliography_list(parts.authors)), year, *item]
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
    separator = " " if year.removeprefix("[")[:1].isdigit() else ", "
    text = f"{lead}{separator}{esc(year)}"
    if locator is not None:
        if locator.label == "page" and parts.page_label == "page":
            pinpoint = esc(page_range(locator.value, PAGE_RANGE_FORMAT))
        else:
            pinpoint = _locator_text(parts, locator)
        text = f"{text}, {pinpoint}"
    return f"({text})"
