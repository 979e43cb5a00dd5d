"""MLA (Handbook, 9th ed.) archival entries and in-text citations.

The MLA template for an archival document: author; the title, or a description in plain text
("Letter to Charles Fremont"); the other contributors and the date as one element ("Translated by
Vojtech Mastny, 3 Feb. 1966", the template's order); the collection as the
container with the repository and the shelfmark as its location; the digital archive as a second
container with its URL; the medium ("Manuscript") as a supplemental element.
"""

from __future__ import annotations

import re

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
    return capitalise(join([*phrases, _number(parts), esc(dates.mla(parts.date))]))


def _number(parts: ArchivalParts) -> str | None:
    """The template's Number before the date ("NSC 68, 14 Apr. 1950"; a bare number as "no.
    25553"), as the Chicago note prints it; not when the title already gives it, nor for an
    interview or an edition's document, which print theirs in the location."""
    number = parts.number
    if not number or parts.is_interview or parts.edition or number in (parts.title or ""):
        return None
    return esc(f"no. {number}" if number[:1].isdigit() else number)


def publisher_name(publisher: str) -> str:
    """A publisher as MLA 9 gives it in works cited: "University" as "U", "Press" as "P", and
    "University Press" as "UP" ("Princeton UP", "U of Chicago P")."""
    name = re.sub(r"\bUniversity Press\b", "UP", publisher)
    name = re.sub(r"\bUniversity\b", "U", name)
    return re.sub(r"\bPress\b", "P", name)


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
            esc(publisher_name(edition.publisher)) if edition.publisher else None,
            esc(dates.mla(edition.date)) or None,
            f"doc. {esc(parts.number)}" if parts.number else None,
        ]
    )


def _thesis_entry(parts: ArchivalParts) -> str:
    """ "Njus, Jesse. *Performing the Passion: …*. 2010. Northwestern U, PhD dissertation.
    *ProQuest*, search.proquest.com/docview/305212264." (MLA 9: a dissertation is a published
    work, its title italic; the institution as publisher, the kind as a description; the
    database or repository a second container)."""
    degree = parts.degree(spelled=True)
    pieces: list[str | None] = [
        esc(n.mla_list(parts.authors)) if parts.authors else None,
        f"<i>{esc(parts.title)}</i>" if parts.title else None,
        esc(dates.mla(parts.date)) or None,
        join([esc(publisher_name(parts.publisher)) if parts.publisher else None, esc(degree) if degree else None])
        or None,
        join(
            [
                f"<i>{esc(parts.repository)}</i>" if parts.repository else None,
                esc(parts.shelfmark) if parts.shelfmark and not parts.url else None,
                esc(parts.url) if parts.url else None,
            ]
        )
        or None,
    ]
    return " ".join(sentence(p) for p in pieces if p)


def _speech_entry(parts: ArchivalParts) -> str:
    """ "Hong, Viviana. “Censorship ….” University of Chicago, 30 Apr. 2015, Chicago, IL.
    Lecture." (MLA 9 template: the meeting or sponsor as the container, the date, the place as
    location; the kind of talk as a supplemental element at the end)."""
    kind = esc(capitalise(d)) if (d := parts.degree(spelled=True)) else None
    # Untitled, the kind describes the speech in the title's place (MLA 9: a description for a
    # source without a title), and is not repeated at the end.
    pieces: list[str | None] = [
        esc(n.mla_list(parts.authors)) if parts.authors else None,
        esc(quoted(parts.title)) if parts.title else kind,
        join([esc(parts.event_title or ""), esc(dates.mla(parts.date)), esc(parts.event_place or "")]) or None,
        kind if parts.title else None,
    ]
    return " ".join(sentence(p) for p in pieces if p)


def _working_paper_entry(parts: ArchivalParts) -> str:
    """ "Conover, Kellam. “Rereading the Death of Turnus ….” *Princeton/Stanford Working Papers
    in Classics*, www.princeton.edu/…. Working paper." (MLA Style Center, "How do you cite a
    working paper in MLA style?": the series, with the paper's number, as the container; a
    repository as a container of its own, after it ("*CORE*, 2018, dx.doi.org/…"); the date in
    the first container, the URL as the last one's location; the kind as the optional element
    at the end)."""
    containers = [
        [f"<i>{esc(parts.series)}</i>", f"no. {esc(parts.number)}" if parts.number else None] if parts.series else None,
        [f"<i>{esc(parts.repository)}</i>", esc(parts.shelfmark) if parts.shelfmark else None]
        if parts.repository
        else None,
    ]
    present = [container for container in containers if container] or [[]]
    present[0].append(esc(dates.mla(parts.date)) or None)
    present[-1].append(esc(parts.url) if parts.url else None)
    pieces: list[str | None] = [
        esc(n.mla_list(parts.authors)) if parts.authors else None,
        esc(quoted(parts.title)) if parts.title else None,
        *(join(container) or None for container in present),
        esc(capitalise(parts.descriptor or "working paper")),
    ]
    return " ".join(sentence(p) for p in pieces if p)


def entry(parts: ArchivalParts) -> str:
    """The works-cited entry: "Benton, Thomas Hart. Letter to Charles Fremont. 22 June 1847. John
    Charles Fremont Papers, Southwest Museum Library, Los Angeles. Manuscript." """
    if parts.is_thesis:
        return _thesis_entry(parts)
    if parts.is_speech:
        return _speech_entry(parts)
    if parts.is_working_paper:
        return _working_paper_entry(parts)
    pages = (
        esc(pages_text(parts.pages, parts.page_label, PAGE_RANGE_FORMAT, russian=parts.russian_file))
        if parts.pages
        else None
    )
    # A document in a documentary edition is cited from the edition, not where its original lies.
    held = not parts.edition
    # A document that only a digital archive holds (a CREST number) is located in that archive,
    # the second container, before its URL: the template has no element for a bare identifier.
    in_digital_archive_only = bool(parts.digital_archive) and not (parts.collection or parts.repository)
    location = join(
        [
            esc(parts.collection) if parts.collection and held else None,
            esc(parts.repository) if parts.repository and held else None,
            esc(parts.place) if parts.place and held else None,
            esc(parts.shelfmark) if parts.shelfmark and held and not in_digital_archive_only else None,
            f"interview {esc(parts.number)}" if parts.is_interview and parts.number else None,
            pages,
            esc(parts.url) if parts.url and not parts.digital_archive else None,
        ]
    )
    location = join([_edition_container(parts), location])
    second_container = (
        join(
            [
                f"<i>{esc(parts.digital_archive)}</i>",
                esc(parts.digital_publisher or ""),
                esc(parts.shelfmark) if parts.shelfmark and in_digital_archive_only else None,
                esc(parts.url or ""),
            ]
        )
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
    if parts.is_correspondence or (parts.recipients and not parts.title):
        # An unsigned letter's entry opens with its description, and so does its citation.
        return f"{parts.kind_word} to {n.plain_list(parts.recipients)}"
    if parts.title and parts.title_is_description:
        return sentence_style(short_description(parts))
    if parts.title and parts.is_thesis:
        return short_title(parts)  # italic, as in the entry (in_text sets it)
    if parts.title and not parts.is_collection:
        return quoted(short_title(parts))
    return parts.title or sentence_style(parts.kind or "")


def _first_element(parts: ArchivalParts) -> str:
    """What an entry without author or title begins with, which MLA 9 makes its in-text
    citation: the collection or repository holding it, else the digital archive ("(*CIA FOIA
    Electronic Reading Room*)"), never an empty "()"."""
    held = None if parts.edition else parts.collection or parts.repository
    if held:
        return esc(held)
    if parts.edition:
        return f"<i>{esc(parts.edition.title)}</i>"
    if parts.digital_archive:
        return f"<i>{esc(parts.digital_archive)}</i>"
    return esc(parts.shelfmark or parts.url or parts.id)


def in_text(
    parts: ArchivalParts, locator: Locator | None = None, *, with_title: bool = False, with_date: bool = False
) -> str:
    """ "(Kim Il Sung)", "(Kim Il Sung 212)", "(Benton, Letter to Charles Fremont)"; with_title
    when another cited work has the same author, with_date when also the same short title."""
    lead = esc(n.short_list(parts.authors)) if parts.authors else None
    title = esc(short_title_for_in_text(parts)) or None
    if title and parts.is_thesis and parts.title:
        title = f"<i>{title}</i>"
    if lead is None or with_title or with_date:
        lead = join([lead, title]) or _first_element(parts)
    if with_date and (date := dates.mla(parts.date)):
        lead = join([lead, esc(date)])
    if locator is not None:
        if locator.label == "page" and parts.page_label == "page":
            lead = f"{lead} {esc(page_range(locator.value, PAGE_RANGE_FORMAT))}"
        else:
            label = locator_label(parts, locator.label, locator.value)
            lead = f"{lead}, {esc(label)} {esc(page_range(locator.value, PAGE_RANGE_FORMAT))}"
    return f"({lead})"
