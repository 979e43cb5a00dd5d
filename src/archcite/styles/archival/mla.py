"""MLA (Handbook, 9th ed.) archival entries and in-text citations.

The MLA template for an archival document: author; the title, or a description in plain text
("Letter to Charles Fremont"); the other contributors and the date as one element ("Translated by
Vojtech Mastny, 3 Feb. 1966", the template's order); the collection as the
container with the repository and the shelfmark as its location; the digital archive as a second
container with its URL; the medium ("Manuscript") as a supplemental element.
"""

from __future__ import annotations

from archcite.styles.archival import dates
from archcite.styles.archival import names as n
from archcite.styles.archival.chicago import short_description, short_title
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
)
from archcite.styles.types import Locator

PAGE_RANGE_FORMAT = "minimal-two"  # declared by the official MLA style


def _title_elements(parts: ArchivalParts) -> list[str]:
    if parts.is_collection:
        return [esc(parts.title or "Papers")]
    interview = f"Interview by {n.plain_list(parts.interviewers)}" if parts.interviewers else "Interview"
    if parts.is_interview and not parts.title:
        return [esc(interview)]
    if parts.is_correspondence:
        return [f"{esc(parts.kind_word)} to {esc(n.plain_list(parts.recipients))}"]
    if parts.title and parts.title_is_description:
        return [esc(sentence_style(parts.title))]
    kind = parts.kind_word if parts.kind else None
    if parts.recipients:
        kind = f"{kind or 'Letter'} to {n.plain_list(parts.recipients)}"
    if parts.is_interview:
        kind = interview
    if parts.title:
        return [esc(quoted(parts.title)), *([esc(kind)] if kind else [])]
    return [esc(kind)] if kind else []


def _contributors_and_date(parts: ArchivalParts) -> str:
    """MLA 9's other contributors, then the date, as one element: "Translated by Vojtech Mastny,
    3 Feb. 1966" (a second role lowercased: "Compiled by A, translated by B")."""
    phrases = contributor_phrases(parts, abbreviated=False)
    phrases[1:] = [phrase[:1].lower() + phrase[1:] for phrase in phrases[1:]]
    return capitalise(join([*phrases, esc(dates.mla(parts.date))]))


def _edition_container(parts: ArchivalParts) -> str | None:
    """A documentary edition as the MLA template's container: its italic title, other
    contributors, volume, publisher, date and the document's number ("doc. 190")."""
    edition = parts.edition
    if edition is None:
        return None
    editors = [*edition.series_editors, *edition.editors]
    return join(
        [
            f"<i>{esc(edition.title)}</i>",
            f"edited by {esc(n.plain_list(editors))}" if editors else None,
            f"vol. {esc(edition.volume)}" if edition.volume else None,
            f"<i>{esc(edition.volume_title)}</i>" if edition.volume_title else None,
            esc(edition.publisher) if edition.publisher else None,
            esc(dates.mla(edition.date)) or None,
            f"doc. {esc(parts.number)}" if parts.number else None,
        ]
    )


def entry(parts: ArchivalParts) -> str:
    """The works-cited entry: "Benton, Thomas Hart. Letter to Charles Fremont. 22 June 1847. John
    Charles Fremont Papers, Southwest Museum Library, Los Angeles. Manuscript." """
    pages = (
        esc(pages_text(parts.pages, parts.page_label, PAGE_RANGE_FORMAT, russian=parts.russian_file))
        if parts.pages
        else None
    )
    location = join(
        [
            esc(parts.collection) if parts.collection else None,
            esc(parts.repository) if parts.repository else None,
            esc(parts.place) if parts.place else None,
            esc(parts.shelfmark) if parts.shelfmark else None,
            f"interview {esc(parts.number)}" if parts.is_interview and parts.number else None,
            pages,
            esc(parts.url) if parts.url and not parts.digital_archive else None,
        ]
    )
    location = join([_edition_container(parts), location])
    second_container = (
        join([f"<i>{esc(parts.digital_archive)}</i>", esc(parts.digital_publisher or ""), esc(parts.url or "")])
        if parts.digital_archive
        else None
    )
    pieces: list[str | None] = [
        esc(n.mla_list(parts.authors)) if parts.authors else None,
        *_title_elements(parts),
        _contributors_and_date(parts),
        location or None,
        second_container,
        esc(capitalise(parts.medium)) if parts.medium else None,
    ]
    return " ".join(sentence(p) for p in pieces if p)


def short_title_for_in_text(parts: ArchivalParts) -> str:
    """The title an in-text citation uses (MLA 9: shortened to its first noun phrase): the
    description of correspondence with its recipient ("Letter to Charles Fremont"), another
    description up to the parties it names, a title up to its subtitle."""
    if parts.is_correspondence:
        return f"{parts.kind_word} to {n.plain_list(parts.recipients)}"
    if parts.title and parts.title_is_description:
        return sentence_style(short_description(parts))
    if parts.title and not parts.is_collection:
        return quoted(short_title(parts))
    return parts.title or sentence_style(parts.kind or "")


def in_text(
    parts: ArchivalParts, locator: Locator | None = None, *, with_title: bool = False, with_date: bool = False
) -> str:
    """ "(Kim Il Sung)", "(Kim Il Sung 212)", "(Benton, Letter to Charles Fremont)"; with_title
    when another cited work has the same author, with_date when also the same short title."""
    lead = esc(n.short_list(parts.authors)) if parts.authors else None
    title = esc(short_title_for_in_text(parts)) or None
    if lead is None or with_title or with_date:
        lead = join([lead, title])
    if with_date and (date := dates.mla(parts.date)):
        lead = join([lead, esc(date)])
    if locator is not None:
        if locator.label == "page" and parts.page_label == "page":
            lead = f"{lead} {esc(page_range(locator.value, PAGE_RANGE_FORMAT))}"
        else:
            label = locator_label(parts, locator.label, locator.value)
            lead = f"{lead}, {esc(label)} {esc(page_range(locator.value, PAGE_RANGE_FORMAT))}"
    return f"({lead})"
