"""The parts of an archival record every archival style needs, read once from its fields.

This is the record-to-citation mapping shared by the Chicago and MLA renderers: what kind of
document the record is, whether its title is the document's own or a description the archive
assigned, its shelfmark (with a fond code such as "KC PZPR" joined to the file number), its pages
or folios with their label, and where it was read (digital archive, institution, URL).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from archcite.styles.archival.dates import EN_DASH, ArchivalDate, read_date
from archcite.styles.archival.kind import in_documentary_edition, is_set, is_working_paper
from archcite.styles.archival.names import typographic

# Generic words that a title-cased archive description capitalises and a sentence-style
# description lowercases (CMOS 18 ch. 8, sentence-style capitalization; MLA 9 descriptions "capitalized like a
# sentence"). Everything else is kept as the archive wrote it, since it may be a proper noun.
_GENERIC_WORDS = frozenset(
    """letter letters telegram telegrams cable cables memorandum memoranda memo minutes record records
    conversation conversations report reports note notes diary journal transcript transcripts meeting
    meetings message messages information summary draft excerpt excerpts extract statement speech
    instructions instruction directive decree resolution protocol telex cipher ciphered telegraphic
    notebook notebooks talk talks discussion discussions paper papers file files handwritten working typescript
    manuscript copy
    from to with between on of and the a an in at by for about regarding concerning""".split()  # noqa: SIM905 (a word list reads best as text)
)

_NAMES_ONLY_RECIPIENT = re.compile(r"to\s", re.I)
_BOX_FOLDER = re.compile(r"^(box|folder|file|carton|series|item|reel|volume|vol\.)\b", re.I)
_RUSSIAN_FILE = re.compile(r"\b(?:f|fond)\.?\s*\d.*\bop\.?\s*\d", re.I)
_LABELLED_PAGES = re.compile(r"^\s*(pp?\.|ll?\.|fols?\.|ff?\.|leaves|leaf|folios?|pages?|k\.)\s*", re.I)
_RANGE = re.compile(r"(\d+)\s*[-–]\s*(\d+)")


def esc(text: str) -> str:
    """Field text as archcite markup: escaped so a value can never inject formatting."""
    return html.escape(text, quote=False)


def quoted(title: str) -> str:
    """A title in curly double quotes, its own double quotes turned into single ones."""
    inner = re.sub(r'"([^"]*)"', r"‘\1’", title).replace("“", "‘").replace("”", "’")
    return f"“{inner}”"


def sentence_style(text: str, *, capitalise_first: bool = True) -> str:
    """Lower-case the generic words of a title-cased description, keeping proper nouns."""
    words = text.split(" ")
    out = []
    for position, word in enumerate(words):
        bare = word.strip(",;:()").lower()
        if position > 0 and bare in _GENERIC_WORDS and word[:1].isupper() and not word.isupper():
            word = word[:1].lower() + word[1:]
        out.append(word)
    result = " ".join(out)
    if result and capitalise_first:
        result = result[:1].upper() + result[1:]
    elif result and not capitalise_first and words and words[0].strip(",;:").lower() in _GENERIC_WORDS:
        result = result[:1].lower() + result[1:]
    return result


def capitalise(text: str) -> str:
    """The first letter upper-cased; a bracketed opening ("[circa 1772]") takes it inside."""
    if text.startswith("["):
        return "[" + capitalise(text[1:])
    return text[:1].upper() + text[1:] if text else text


def _abbreviate(first: str, last: str, page_range_format: str) -> str:
    """Second number of a range per the CSL ``page-range-format`` the style declares."""
    if len(first) != len(last) or int(last) <= int(first):
        return last
    number = int(first)
    if page_range_format == "chicago-16":
        if number < 100 or number % 100 == 0:
            return last
        keep = 1 if number % 100 < 10 else 2
    elif page_range_format == "minimal-two":
        keep = 2
    else:
        return last
    common = 0
    while common < len(first) and first[common] == last[common]:
        common += 1
    return last[min(common, max(len(last) - keep, 0)) :]


def page_range(text: str, page_range_format: str) -> str:
    """ "209-233" → "209–33" (chicago-16) or "209–33" (minimal-two), with an en dash."""

    def replace(match: re.Match[str]) -> str:
        first, last = match.group(1), match.group(2)
        return f"{first}{EN_DASH}{_abbreviate(first, last, page_range_format)}"

    return _RANGE.sub(replace, text)


_CONTAINER_LABEL = re.compile(r"\b(Box|Folder|Carton|Reel)(?=\s+[\w-]*\d)")


def _lowercase_labels(location: str) -> str:
    """ "Box 12, Folder 3" → "box 12, folder 3": container labels are words, lowercased in notes
    and MLA as the manuals print them (CMOS 18 ch. 14 "box 3, folder 2"; MLA "box 38, folder
    1373"); the numbers and any call number are left as they are."""
    return _CONTAINER_LABEL.sub(lambda match: match.group(1).lower(), location)


def _is_fond_code(collection: str) -> bool:
    # A fond or record-group code ("KC PZPR") rather than a collection's name ("House Papers").
    words = collection.split()
    return 0 < len(words) <= 3 and not any(c.islower() for c in collection) and len(collection) <= 20


@dataclass
class Edition:
    """The documentary edition a document is published in (Foreign Relations of the United
    States): its title, series editors, volume and volume title with their editors, publisher."""

    title: str
    series_editors: list[Mapping[str, Any]]
    volume: str | None
    volume_title: str | None
    editors: list[Mapping[str, Any]]
    publisher_place: str | None
    publisher: str | None
    date: ArchivalDate


@dataclass
class ArchivalParts:
    """Everything an archival citation is made of, taken from one record."""

    id: str
    type: str
    authors: list[Mapping[str, Any]]
    recipients: list[Mapping[str, Any]]
    translators: list[Mapping[str, Any]]
    editors: list[Mapping[str, Any]]
    compilers: list[Mapping[str, Any]]
    kind: str | None
    title: str | None
    title_short: str | None
    title_is_description: bool
    date: ArchivalDate
    shelfmark: str | None
    collection: str | None
    repository: str | None
    place: str | None
    pages: str | None
    page_label: str
    digital_archive: str | None
    digital_publisher: str | None
    url: str | None
    medium: str | None
    number: str | None
    language: str | None
    fields: Mapping[str, Any] = field(repr=False, default_factory=dict)
    interviewers: list[Mapping[str, Any]] = field(default_factory=list)
    event_place: str | None = None
    edition: Edition | None = None
    publisher: str | None = None
    event_title: str | None = None
    series: str | None = None
    working_paper: bool = False

    @property
    def is_collection(self) -> bool:
        return self.type == "collection"

    @property
    def is_correspondence(self) -> bool:
        """Cited as "Sender to Recipient": a sender, a recipient and no title of its own."""
        if not self.authors or not self.recipients or self.is_collection:
            return False
        # Any document from a sender to a recipient ("Embassy of Hungary in North Korea to the
        # Hungarian Foreign Ministry, report") is cited that way when it has no title of its own.
        return not self.title or self.title_is_description

    @property
    def descriptor(self) -> str | None:
        """The kind as a descriptor in running text: generic words lowercased ("telegram",
        "minutes of conversation"), a proper name kept ("National Intelligence Estimate")."""
        return sentence_style(self.kind, capitalise_first=False) if self.kind else None

    @property
    def kind_word(self) -> str:
        """The kind of communication, capitalised ("Letter", "Telegram")."""
        return sentence_style(self.kind or "Letter")

    @property
    def contributors(self) -> list[tuple[str, list[Mapping[str, Any]]]]:
        """The other contributors, each role with its people, in the manuals' order: whoever
        edited or compiled the document (a collection of working notes), then its translator.
        The editors of a documentary edition edit the volume and are cited with it."""
        editors = [] if self.edition else self.editors
        roles = (("editor", editors), ("compiler", self.compilers), ("translator", self.translators))
        return [(role, people) for role, people in roles if people]

    @property
    def is_thesis(self) -> bool:
        """A thesis or dissertation read in a database or repository (``archive``)."""
        return self.type == "thesis"

    @property
    def is_speech(self) -> bool:
        """A lecture or speech cited as given: its kind, sponsor or meeting, place and date."""
        return self.type == "speech"

    @property
    def is_working_paper(self) -> bool:
        """A working paper read in its series or a repository (``kind.is_working_paper``)."""
        return self.working_paper

    @property
    def cited_like_a_book(self) -> bool:
        """A thesis, a lecture or a working paper: its title quoted, then its facts (kind,
        institution, meeting or series, place, date), in parentheses in a note, as CMOS cites a
        book's publication facts and cites unpublished papers (titles quoted)."""
        return self.is_thesis or self.is_speech or self.is_working_paper

    @property
    def is_published(self) -> bool:
        """Found through a publication, or heard, rather than in an archive: a document in a
        documentary edition, a dissertation in a database (MLA 9 counts it as published), a
        lecture where it was given. Its citation names no repository."""
        return self.edition is not None or self.cited_like_a_book

    def degree(self, *, spelled: bool) -> str | None:
        """The kind of thesis (or lecture) as a descriptor: "PhD diss." (CMOS 18 abbreviates) or
        "PhD dissertation" (MLA 9 spells it), "master’s thesis", "lecture"; lowercased where a
        generic word opens it, an abbreviation ("PhD", "MA") kept."""
        if not self.kind:
            return None
        text = (
            re.sub(r"\bdiss\.", "dissertation", self.kind)
            if spelled
            else re.sub(r"\bdissertation\b", "diss.", self.kind)
        )
        first = text.split(" ", 1)[0]
        return text[:1].lower() + text[1:] if first[1:] == first[1:].lower() else text

    @property
    def is_interview(self) -> bool:
        return self.type == "interview"

    @property
    def russian_file(self) -> bool:
        return bool(self.shelfmark and _RUSSIAN_FILE.search(self.shelfmark))

    @property
    def collection_key(self) -> str:
        """The collection a bibliography lists once under --collection-level."""
        return self.collection or self.fields.get("archive_collection") or ""


def _names(fields: Mapping[str, Any], variable: str) -> list[Mapping[str, Any]]:
    value = fields.get(variable)
    return [n for n in value if isinstance(n, Mapping)] if isinstance(value, list) else []


def _text(fields: Mapping[str, Any], variable: str) -> str | None:
    value = fields.get(variable)
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _prose(fields: Mapping[str, Any], variable: str) -> str | None:
    """A field of words (not a call number or URL), with typographic apostrophes."""
    text = _text(fields, variable)
    return typographic(text) if text else None


def read_parts(fields: Mapping[str, Any]) -> ArchivalParts:
    """The archival parts of a record's fields."""
    collection = _text(fields, "archive_collection")
    location = _text(fields, "archive_location")
    shelfmark = _lowercase_labels(location) if location else None
    if collection and location and _is_fond_code(collection) and location[:1].isdigit():
        # The fond code and the file number are one call number ("KC PZPR 2263/175-233"), cited
        # together as the archive prints it.
        shelfmark, collection = f"{collection} {shelfmark}", None
    elif collection and not location and _is_fond_code(collection):
        shelfmark, collection = collection, None
    title = _text(fields, "title")
    if (
        title
        and is_set(fields.get("title-is-description"))
        and _names(fields, "recipient")
        and _NAMES_ONLY_RECIPIENT.match(title)
    ):
        # A heading that leaves the writer out ("to Hill": Gilder Lehrman's unsigned letter)
        # names no kind of document; the description the manuals cite says it ("Letter to Hill").
        title = f"{sentence_style(_text(fields, 'genre') or 'Letter')} {title}"
    edition = _edition(fields)
    # A document in a documentary edition: ``original-date`` is the document's own date and
    # ``issued`` the edition's (CSL 1.0.2: the original version's date and this version's).
    date = read_date(fields.get("original-date") if edition and fields.get("original-date") else fields.get("issued"))
    if is_set(fields.get("date-supplied")):
        date = replace(date, supplied=True)
    return ArchivalParts(
        id=str(fields.get("id", "")),
        type=str(fields.get("type", "")),
        authors=_names(fields, "author"),
        recipients=_names(fields, "recipient"),
        translators=_names(fields, "translator"),
        editors=_names(fields, "editor"),
        compilers=_names(fields, "compiler"),
        kind=_prose(fields, "genre"),
        title=typographic(title) if title else None,
        title_short=typographic(t) if (t := _text(fields, "title-short") or _text(fields, "shortTitle")) else None,
        title_is_description=is_set(fields.get("title-is-description")),
        date=date,
        shelfmark=shelfmark,
        collection=typographic(collection) if collection else None,
        repository=typographic(r) if (r := _text(fields, "archive")) else None,
        place=_prose(fields, "archive-place"),
        pages=_text(fields, "page"),
        page_label=(_text(fields, "page-label") or "page").lower(),
        digital_archive=_prose(fields, "digital-archive"),
        digital_publisher=_prose(fields, "digital-archive-publisher"),
        url=_text(fields, "URL"),
        medium=_prose(fields, "medium"),
        number=_text(fields, "number"),
        language=_text(fields, "language"),
        fields=fields,
        interviewers=_names(fields, "interviewer"),
        event_place=_prose(fields, "event-place"),
        edition=edition,
        publisher=_prose(fields, "publisher"),
        event_title=_prose(fields, "event-title") or _prose(fields, "event"),
        series=_prose(fields, "collection-title"),
        working_paper=is_working_paper(fields),
    )


def _edition(fields: Mapping[str, Any]) -> Edition | None:
    """The documentary edition that publishes the document (its ``container-title``), if any."""
    title = _prose(fields, "container-title")
    if not title or not in_documentary_edition(fields):
        return None
    return Edition(
        title=title,
        series_editors=_names(fields, "collection-editor"),
        volume=_text(fields, "volume"),
        volume_title=_prose(fields, "volume-title"),
        editors=_names(fields, "editor"),
        publisher_place=_prose(fields, "publisher-place"),
        publisher=_prose(fields, "publisher"),
        date=read_date(fields.get("issued")) if fields.get("original-date") else ArchivalDate(),
    )


def _plural(value: str) -> bool:
    return bool(re.search(r"\d\s*[-–,&]\s*\d|\band\b", value))


def label_for(label: str, value: str, *, russian: bool) -> str:
    """The abbreviation for a page, folio or leaf locator (CMOS 18 ch. 10; MLA 9 "Abbreviations")."""
    plural = _plural(value)
    if label == "page":
        return "pp." if plural else "p."
    if label in ("folio", "leaf") and (russian or label == "leaf"):
        # Russian archives count leaves (list, listy), cited "l." / "ll." in English-language scholarship.
        return "ll." if plural else "l."
    if label == "folio":
        return "fols." if plural else "fol."
    return _OTHER_LABELS.get(label, label)


def locator_label(parts: ArchivalParts, locator_label: str, value: str) -> str:
    """The abbreviation for a locator in this record: a page locator in a record whose pages are
    folios or leaves (``page-label``) counts folios or leaves too ("fol. 7", "l. 141")."""
    if locator_label == "page" and parts.page_label in ("folio", "leaf"):
        locator_label = parts.page_label
    return label_for(locator_label, value, russian=parts.russian_file)


# CMOS 18 ch. 10 abbreviations for the other CSL locator labels (MLA 9 uses the same forms).
_OTHER_LABELS = {
    "volume": "vol.",
    "chapter": "chap.",
    "section": "sec.",
    "paragraph": "para.",
    "note": "n.",
    "column": "col.",
    "figure": "fig.",
    "part": "pt.",
    "book": "bk.",
    "issue": "no.",
}


# How the manuals credit the other contributors: abbreviated in a Chicago note ("trans. Vojtech
# Mastny", CMOS 18 ch. 14), spelled out in a bibliography and in MLA's other-contributors element
# ("Translated by Vojtech Mastny", MLA 9 template).
_ROLE_WORDS = {
    "editor": ("ed.", "Edited by"),
    "compiler": ("comp.", "Compiled by"),
    "translator": ("trans.", "Translated by"),
}


def contributor_phrases(parts: ArchivalParts, *, abbreviated: bool) -> list[str]:
    """ "comp. V. N. Malin", "trans. Chen Jian" (abbreviated) or "Compiled by V. N. Malin", one per
    role, as escaped markup."""
    return [esc(contributor_phrase(role, people, abbreviated=abbreviated)) for role, people in parts.contributors]


def contributor_phrase(role: str, people: Sequence[Mapping[str, Any]], *, abbreviated: bool) -> str:
    """ "comp. V. N. Malin" or "Compiled by V. N. Malin" for ``role`` editor, compiler or translator."""
    from archcite.styles.archival.names import plain_list

    return f"{_ROLE_WORDS[role][0 if abbreviated else 1]} {plain_list(people)}"


def pages_text(value: str, label: str, page_range_format: str, *, russian: bool) -> str:
    """Pages or folios with their label ("pp. 209–33", "fols. 3–4"); a label already in the
    value ("ll. 105–106") is kept with the numbers as written."""
    if _LABELLED_PAGES.match(value):
        return value
    return f"{label_for(label, value, russian=russian)} {page_range(value, page_range_format)}"


def shelfmark_sentence(shelfmark: str) -> str:
    """A shelfmark opening a bibliography sentence: box and folder labels are words and take a
    capital; a call number ("f. 45, op. 1", "sygn. 2661") is never altered."""
    return capitalise(shelfmark) if _BOX_FOLDER.match(shelfmark) else shelfmark


def join(parts: Sequence[str | None], separator: str = ", ") -> str:
    """Join non-empty parts; a comma or period before a closing quote goes inside it (CMOS 6.9),
    and none is added after a question mark, an exclamation mark, or a period for a period."""
    text = ""
    mark = separator.strip()
    for part in parts:
        if not part:
            continue
        text = part if not text else punctuate(text, mark) + separator[len(mark) :] + part
    return text


def punctuate(text: str, mark: str) -> str:
    """``text`` followed by ``mark`` ("," or "."), placed as American punctuation requires."""
    if not mark:
        return text
    if text.endswith("”") and len(text) > 1:
        closing = text[-1]
        inner = text[:-1]
        if inner.endswith(("?", "!")) or (mark == "." and inner.endswith(".")):
            return text
        return f"{inner}{mark}{closing}"
    if text.endswith(("?", "!")):
        return text
    if mark == "." and text.endswith("."):
        return text
    return text + mark


def sentence(text: str) -> str:
    """A bibliography sentence: ends with a period unless it already ends with one."""
    return punctuate(text, ".") if text else text
