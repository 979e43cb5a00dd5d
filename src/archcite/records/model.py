"""The record model: a CSL 1.0.2 item plus the archival facts CSL cannot express.

A :class:`Record` keeps its fields as a CSL-JSON mapping (``id``, ``type``, ``title``,
``author``, ``issued``, ``archive_location``, ...). The archival extensions listed in
:data:`ARCHIVAL_FIELDS` live in the same mapping under their own names, so a record file is
CSL-YAML/CSL-JSON with a few more keys, and every loader and writer maps to and from this one
shape.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from archcite.patterns import lazy

# CSL 1.0.2 item types (https://docs.citationstyles.org/en/stable/specification.html#appendix-iii-types)
CSL_TYPES: frozenset[str] = frozenset(
    [
        "article",
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "bill",
        "book",
        "broadcast",
        "chapter",
        "classic",
        "collection",
        "dataset",
        "document",
        "entry",
        "entry-dictionary",
        "entry-encyclopedia",
        "event",
        "figure",
        "graphic",
        "hearing",
        "interview",
        "legal_case",
        "legislation",
        "manuscript",
        "map",
        "motion_picture",
        "musical_score",
        "pamphlet",
        "paper-conference",
        "patent",
        "performance",
        "periodical",
        "personal_communication",
        "post",
        "post-weblog",
        "regulation",
        "report",
        "review",
        "review-book",
        "software",
        "song",
        "speech",
        "standard",
        "thesis",
        "treaty",
        "webpage",
    ]
)

NAME_VARIABLES: frozenset[str] = frozenset(
    [
        "author",
        "chair",
        "collection-editor",
        "compiler",
        "composer",
        "container-author",
        "contributor",
        "curator",
        "director",
        "editor",
        "editorial-director",
        "editor-translator",
        "executive-producer",
        "guest",
        "host",
        "illustrator",
        "interviewer",
        "narrator",
        "organizer",
        "original-author",
        "performer",
        "producer",
        "recipient",
        "reviewed-author",
        "script-writer",
        "series-creator",
        "translator",
    ]
)

DATE_VARIABLES: frozenset[str] = frozenset(
    ["accessed", "available-date", "event-date", "issued", "original-date", "submitted"]
)

NUMBER_VARIABLES: frozenset[str] = frozenset(
    [
        "chapter-number",
        "citation-number",
        "collection-number",
        "edition",
        "first-reference-note-number",
        "issue",
        "locator",
        "number",
        "number-of-pages",
        "number-of-volumes",
        "page",
        "part-number",
        "printing-number",
        "section",
        "supplement-number",
        "version",
        "volume",
    ]
)

STRING_VARIABLES: frozenset[str] = frozenset(
    [
        "abstract",
        "annote",
        "archive",
        "archive_collection",
        "archive_location",
        "archive-place",
        "authority",
        "call-number",
        "citation-key",
        "citation-label",
        "collection-title",
        "container-title",
        "container-title-short",
        "dimensions",
        "division",
        "DOI",
        "event",
        "event-title",
        "event-place",
        "genre",
        "ISBN",
        "ISSN",
        "jurisdiction",
        "keyword",
        "language",
        "license",
        "medium",
        "note",
        "original-publisher",
        "original-publisher-place",
        "original-title",
        "page-first",
        "part-title",
        "PMCID",
        "PMID",
        "publisher",
        "publisher-place",
        "references",
        "reviewed-genre",
        "reviewed-title",
        "scale",
        "section",
        "source",
        "status",
        "title",
        "title-short",
        "URL",
        "volume-title",
        "year-suffix",
    ]
)

# CSL-JSON keys that are not variables but belong to the item.
CSL_ITEM_KEYS: frozenset[str] = frozenset({"id", "type", "categories", "shortTitle", "journalAbbreviation"})

# CSL-JSON's object for "additional information that does not have a designated CSL JSON field"
# (CSL 1.0.2 data schema): the values a reader cannot map, keyed by the source's field or tag
# name (``{"file": ":C:/x.pdf:PDF", "city": "Leiden"}``), kept rather than dropped. No style
# prints it; every writer carries it (BibTeX/BibLaTeX as fields of those names, RIS as tags or
# M2 lines, CSL-JSON/YAML as ``custom``).
CUSTOM = "custom"

# archcite's archival extensions: facts the CSL variables cannot hold. Each is documented in the
# README's record-format table; this mapping is that table's source.
ARCHIVAL_FIELDS: Mapping[str, str] = {
    "title-is-description": (
        'true when `title` is a description assigned by the archive ("Letter to Wladyslaw '
        "Gomulka from Kim Il Sung\") rather than the document's own title; styles then cite it "
        "unquoted, as the manuals require"
    ),
    "date-supplied": (
        "true when the document bears no date and the date in `issued` (`original-date` for a "
        "document in a documentary edition) is supplied by the writer or the archive; Chicago "
        "and MLA print it in square brackets (`[ca. 1772]`)"
    ),
    "page-label": (
        "what `page` counts: `page` (default), `folio` or `leaf` (`ll. 193-194` in a Russian "
        "file is `page: 193-194`, `page-label: folio`)"
    ),
    "digital-archive": (
        'the digital archive through which the document was read, e.g. "History and Public '
        "Policy Program Digital Archive\"; `URL` is the document's address there"
    ),
    "digital-archive-publisher": 'the institution that runs the digital archive, e.g. "Wilson Center"',
    "digital-archive-id": 'the document\'s id in the digital archive, e.g. "113390"',
    "obtained-by": 'the archive\'s credit "Obtained by X", verbatim',
    "contributed-by": 'the archive\'s credit "Contributed by X", verbatim',
    "courtesy-of": 'the archive\'s credit "copy courtesy of X", verbatim',
    "funding": "the digital archive's funding line, verbatim",
    "archive-citation": "the digital archive's own citation line, verbatim, kept for `archcite check`",
    "translated-for": (
        'the project a translation was made for, from the credit "Translated for NKIDP by X" '
        "(`NKIDP`: the North Korea International Documentation Project)"
    ),
    "original-language": (
        'the language the document was written in, as the archive names it ("Russian"), when '
        "the text read is a translation; `language` is the language of the text read"
    ),
}

KNOWN_FIELDS: frozenset[str] = (
    CSL_ITEM_KEYS | NAME_VARIABLES | DATE_VARIABLES | NUMBER_VARIABLES | STRING_VARIABLES | frozenset(ARCHIVAL_FIELDS)
)


# Origin, Record and LoadResult are plain classes, not dataclasses: making a dataclass compiles
# its methods at import, about half a millisecond each, on the path of every command.
class Origin:
    """Where a record came from: a file (or ``<stdin>`` or a URL), its line, its position."""

    __slots__ = ("index", "line", "source")

    def __init__(self, source: str, line: int | None = None, index: int | None = None) -> None:
        self.source = source
        self.line = line
        self.index = index

    def _key(self) -> tuple[str, int | None, int | None]:
        return (self.source, self.line, self.index)

    def __eq__(self, other: object) -> bool:
        return self._key() == other._key() if isinstance(other, Origin) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Origin({self.source!r}, line={self.line!r}, index={self.index!r})"

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.source}:{self.line}"
        if self.index is not None:
            return f"{self.source}, record {self.index + 1}"
        return self.source


_QUOTED = lazy(r"'[^']*'|\"[^\"]*\"")


class RecordWarning(NamedTuple):
    """Something a user should know about a record; not fatal unless ``--strict``."""

    message: str
    record_id: str | None = None
    origin: Origin | None = None
    field: str | None = None
    # True when the warning stands for a record left out (a malformed entry, an invalid record):
    # loading stops at it unless the caller asked to skip invalid records.
    skipped: bool = False

    @property
    def kind(self) -> str:
        """The message with its quoted particulars blanked (a field, a record id, a file name):
        ``BibTeX has no field for '…'; ...``, to say warnings of one kind once."""
        return _QUOTED().sub("'…'", self.message)

    def __str__(self) -> str:
        where = [str(self.origin)] if self.origin else []
        if self.record_id:
            where.append(f"record '{self.record_id}'")
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class Record:
    """One archive record (or published source) as a CSL-JSON item plus archival fields.

    Two records are equal when their fields are; where they came from does not count."""

    __slots__ = ("fields", "origin")

    def __init__(self, fields: dict[str, Any], origin: Origin | None = None) -> None:
        self.fields = fields
        self.origin = origin

    def __eq__(self, other: object) -> bool:
        return self.fields == other.fields if isinstance(other, Record) else NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, like its fields

    def __repr__(self) -> str:
        return f"Record({self.fields!r}, origin={self.origin!r})"

    @property
    def id(self) -> str:
        return str(self.fields["id"])

    @property
    def type(self) -> str:
        return str(self.fields["type"])

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)

    def csl(self) -> dict[str, Any]:
        """The item as CSL-JSON, without archcite's own fields."""
        return {k: v for k, v in self.fields.items() if k not in ARCHIVAL_FIELDS}


class LoadResult:
    """Records read from one or more sources, with the warnings raised while reading them."""

    __slots__ = ("records", "warnings")

    def __init__(self, records: list[Record] | None = None, warnings: list[RecordWarning] | None = None) -> None:
        self.records: list[Record] = [] if records is None else records
        self.warnings: list[RecordWarning] = [] if warnings is None else warnings

    def __repr__(self) -> str:
        return f"LoadResult(records={self.records!r}, warnings={self.warnings!r})"

    def extend(self, other: LoadResult) -> None:
        self.records.extend(other.records)
        self.warnings.extend(other.warnings)
