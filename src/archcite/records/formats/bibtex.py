"""BibTeX and BibLaTeX: readers and writers through bibtexparser 2, mapped by the tables below.

The tables are the README's "Export mappings" section (``archcite.records.exports_doc``
renders them). Fields a dialect has no place for are written as ``name: value`` lines of
``note`` -- the one free field that BibTeX, biber, pandoc, JabRef and Zotero (which reads it
into Extra, where these lines are CSL variables) all keep -- and reported as warnings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from archcite.records import latex
from archcite.records.formats.bibtex_read import ENTRY_TYPES as ENTRY_TYPE_READINGS
from archcite.records.formats.bibtex_read import (
    PERIODICAL_TYPES,
    SERIES_NUMBER_TYPES,
    SUBTYPES,
    collapse,
    custom_is_verbatim,
    custom_name_reads_back,
    read_date,
    spaced_initials,
)
from archcite.records.keys import UniqueKeys
from archcite.records.mapping import (
    citation_key,
    citation_keys,
    date_to_text,
    fold_leftovers,
    lost_field_warning,
)
from archcite.records.model import CUSTOM, Origin, Record, RecordWarning
from archcite.records.registry import Dumped, Format, Parsed

BIBTEX = "bibtex"
BIBLATEX = "biblatex"


@dataclass(frozen=True)
class EntryType:
    """How one CSL type is written: the BibTeX and BibLaTeX entry types (and biblatex subtype)."""

    csl: str
    bibtex: str
    biblatex: str
    entrysubtype: str | None = None


# CSL type -> entry types. A type not listed is written as @misc and read back through a
# ``type:`` line of note, as is any type the reader would otherwise take for another. A letter
# is @letter in BibTeX too: Zotero's BibTeX.js (bibtex2zoteroTypeMap) and pandoc's BibTeX reader
# (getTypeAndGenre, for both dialects) read it as a letter, where @misc is a book to Zotero and
# no type to pandoc; classic BibTeX styles print an unknown type as @misc, with a warning (so
# also @online). BibTeX.js has no entry type for a document, an interview or a speech: in BibTeX
# they are @unpublished, a manuscript to Zotero (which keeps the genre; a book has none) and to
# pandoc (with the type line), printed as @misc is by classic styles. biblatex keeps @misc for a
# document and an interview: its styles print the genre (``type``) there, not in @unpublished.
ENTRY_TYPES: tuple[EntryType, ...] = (
    EntryType("personal_communication", "letter", "letter"),
    EntryType("manuscript", "unpublished", "unpublished"),
    EntryType("document", "unpublished", "misc"),
    EntryType("report", "techreport", "report"),
    EntryType("book", "book", "book"),
    EntryType("chapter", "incollection", "incollection"),
    EntryType("article-journal", "article", "article"),
    EntryType("article-newspaper", "article", "article", "newspaper"),
    EntryType("article-magazine", "article", "article", "magazine"),
    EntryType("webpage", "online", "online"),
    EntryType("interview", "unpublished", "misc"),
    EntryType("speech", "unpublished", "unpublished"),
    EntryType("thesis", "phdthesis", "thesis"),
    EntryType("paper-conference", "inproceedings", "inproceedings"),
    EntryType("pamphlet", "booklet", "booklet"),
)

# Entry type (lower case) -> CSL type, as the reader reads it (the writer checks its types against it).
READ_TYPES: Mapping[str, str] = ENTRY_TYPE_READINGS
READ_SUBTYPES: Mapping[tuple[str, str], str] = {
    (entry_type, subtype): csl_type for entry_type in PERIODICAL_TYPES for subtype, csl_type in SUBTYPES.items()
}

# Record field -> (BibTeX field, BibLaTeX field); None: no field, written as a line of note.
FIELDS: Mapping[str, tuple[str | None, str | None]] = {
    "title": ("title", "title"),
    # Not classic BibTeX fields, but read by pandoc, JabRef, biber and Zotero's BibTeX.js (classic
    # styles skip them): a note line would reach none of these as the field.
    "title-short": ("shorttitle", "shorttitle"),
    "author": ("author", "author"),
    "editor": ("editor", "editor"),
    "translator": ("translator", "translator"),
    "container-author": (None, "bookauthor"),
    "recipient": (None, None),
    "interviewer": (None, None),
    "issued": ("date", "date"),
    "accessed": ("urldate", "urldate"),
    "original-date": (None, "origdate"),
    "event-date": (None, "eventdate"),
    "collection-title": ("series", "series"),
    "publisher": ("publisher", "publisher"),
    "publisher-place": ("address", "location"),
    "event-title": (None, "eventtitle"),
    "event-place": (None, "venue"),
    "genre": ("type", "type"),
    "volume": ("volume", "volume"),
    "number": ("number", "number"),
    "page": ("pages", "pages"),
    "edition": ("edition", "edition"),
    "number-of-volumes": (None, "volumes"),
    "URL": ("url", "url"),
    "DOI": ("doi", "doi"),
    "ISBN": ("isbn", "isbn"),
    "ISSN": ("issn", "issn"),
    "abstract": ("abstract", "abstract"),
    "language": ("language", "language"),
    "keyword": ("keywords", "keywords"),
    "note": ("note", "note"),
    # biblatex: "library information such as call numbers"; pandoc reads it as call-number.
    "archive_location": (None, "library"),
}

# Per-type differences from FIELDS.
_PERIODICAL_FIELDS: Mapping[str, tuple[str | None, str | None]] = {
    "container-title": ("journal", "journaltitle"),
    "issue": ("number", "number"),
    "number": (None, None),
}
TYPE_FIELDS: Mapping[str, Mapping[str, tuple[str | None, str | None]]] = {
    "article-journal": _PERIODICAL_FIELDS,
    "article-newspaper": _PERIODICAL_FIELDS,
    "article-magazine": _PERIODICAL_FIELDS,
    "chapter": {"container-title": ("booktitle", "booktitle")},
    "paper-conference": {"container-title": ("booktitle", "booktitle")},
    "webpage": {"container-title": ("howpublished", "titleaddon")},
    "report": {"publisher": ("institution", "institution")},
    "thesis": {"publisher": ("school", "institution")},
}

NAME_FIELDS = frozenset({"author", "editor", "translator", "container-author", "recipient", "interviewer"})
DATE_FIELDS = frozenset({"issued", "accessed", "original-date", "event-date"})
# Fields biblatex and hyperref read verbatim: only what breaks BibTeX itself is escaped.
VERBATIM_FIELDS = frozenset({"URL", "DOI"})
# Fields whose capitalised words are brace-protected against sentence-casing.
# biblatex's literal lists among the fields written (biblatex manual, 2.2.2 and 2.3.4).
LITERAL_LISTS = frozenset({"publisher", "location", "address", "institution", "organization", "school"})
TITLE_FIELDS = frozenset({"title", "title-short", "container-title", "collection-title", "event-title"})
# The order fields are written in: who, what, where published, when, where kept, the rest.
FIELD_ORDER: tuple[str, ...] = (
    "entrysubtype", "author", "editor", "translator", "bookauthor", "title", "shorttitle", "booktitle",
    "journal", "journaltitle", "titleaddon", "eventtitle", "series", "volume", "volumes", "number", "edition",
    "type", "howpublished", "institution", "school", "publisher", "address", "location", "venue", "year",
    "month", "date", "eventdate", "origdate", "pages", "library", "language", "isbn", "issn", "doi", "url",
    "urldate", "abstract", "keywords", "note",
)  # fmt: skip
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DIALECT_INDEX = {BIBTEX: 0, BIBLATEX: 1}
_DIALECT_NAME = {BIBTEX: "BibTeX", BIBLATEX: "BibLaTeX"}


def entry_type_for(csl_type: str, dialect: str) -> tuple[str, str | None]:
    for row in ENTRY_TYPES:
        if row.csl == csl_type:
            if dialect == BIBTEX:
                return row.bibtex, None
            return row.biblatex, row.entrysubtype
    return "misc", None


def read_type(entry_type: str, subtype: str | None) -> str:
    entry_type = entry_type.lower()
    if subtype and (entry_type, subtype.lower()) in READ_SUBTYPES:
        return READ_SUBTYPES[(entry_type, subtype.lower())]
    return READ_TYPES.get(entry_type, "document")


def field_for(csl_type: str, variable: str, dialect: str) -> str | None:
    """The dialect's field for a record field of a record type, or None (a line of note)."""
    pair = TYPE_FIELDS.get(csl_type, {}).get(variable) or FIELDS.get(variable)
    return pair[_DIALECT_INDEX[dialect]] if pair else None


# ---------------------------------------------------------------- names


def _name_part(text: str, ascii_only: bool) -> str:
    # A word that starts with a control sequence is braced: bibtexparser's name splitter
    # skips the escaped character without resetting its search for " and ". Words are split
    # outside brace groups only ("\textit{New York} Times" has two).
    encoded = latex.encode(text, ascii_only=ascii_only)
    words: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(encoded):
        depth += {"{": 1, "}": -1}.get(char, 0) if encoded[index - 1 : index] != "\\" else 0
        if char == " " and depth == 0:
            words.extend([encoded[start:index], " "])
            start = index + 1
    words.append(encoded[start:])
    return "".join("{" + word + "}" if word.startswith("\\") else word for word in words)


def encode_name(name: Mapping[str, Any], ascii_only: bool) -> str:
    """One CSL name as BibTeX ``von Last, Jr, First``; a literal name brace-protected whole."""
    if name.get("literal"):
        return "{" + _name_part(str(name["literal"]), ascii_only) + "}"
    family = _name_part(str(name.get("family", "")), ascii_only)
    family_text = str(name.get("family", ""))
    if (
        re.search(r"\s|,", family_text)
        or family_text[:1].islower()
        or family_text.lower() == "and"
        or family.startswith("\\")  # bibtexparser does not split "and \&" into two names
    ):
        family = "{" + family + "}"  # one family name, not a von part or two names
    particle = " ".join(str(name[p]) for p in ("dropping-particle", "non-dropping-particle") if name.get(p))
    last = (_name_part(particle, ascii_only) + " " if particle else "") + family
    given = str(name.get("given", ""))
    given_bib = _name_part(given, ascii_only)
    if "," in given or re.search(r"(^|\s)and(\s|$)", given):
        given_bib = "{" + given_bib + "}"
    elif spaced_initials(given) != given:
        # Initials run together ("S.A."), which readers would space as pandoc does, are braced.
        # Judged on the decoded word, as the reader judges it ("X.{\\AA}" reads as "X.Å").
        given_bib = " ".join(
            "{" + w + "}" if spaced_initials(latex.decode(w)) != latex.decode(w) else w for w in given_bib.split(" ")
        )
    suffix = str(name.get("suffix", ""))
    if suffix:
        # "Last, Jr, First" needs a First, if only an empty group.
        return f"{last}, {_name_part(suffix, ascii_only)}, {given_bib or '{}'}"
    if given:
        return f"{last}, {given_bib}"
    # A braced family alone would read back as a literal name, and "de X" as a First and a
    # Last; the comma form with an empty First says "person", with its von part.
    return f"{last}, {{}}" if last.startswith("{") or particle else last


def _inexact_warning(record: Record, variable: str, target: str) -> RecordWarning:
    return RecordWarning(
        f"{target} dates are EDTF, which does not read back as this date; "
        f"'{variable}' also kept exactly in a '{variable}: {{...}}' line of note",
        record_id=record.id,
        origin=record.origin,
        field=variable,
    )


def _name_warnings(
    record: Record, variable: str, names: Sequence[Mapping[str, Any]], target: str, *, useprefix: bool
) -> list[RecordWarning]:
    # A von part reads as a dropping particle, or as a non-dropping one in an entry with
    # useprefix=true: in such an entry, a dropping particle is the one kept in note.
    parts = (
        ("dropping-particle", "static-ordering", "comma-suffix") if useprefix else ("static-ordering", "comma-suffix")
    )
    warnings = []
    for name in names:
        lost = [part for part in parts if name.get(part)]
        if lost:
            warnings.append(
                RecordWarning(
                    f"{target} names have one particle part and no name order; {', '.join(lost)} of "
                    f"{name.get('family')!r} kept exactly in a '{variable}: [...]' line of note",
                    record_id=record.id,
                    origin=record.origin,
                    field=variable,
                )
            )
    return warnings


# ---------------------------------------------------------------- writing


@dataclass
class _Entry:
    """A BibTeX entry being written: its fields, the variables kept in note (those it has no field
    for, and those its fields hold inexactly), and the warnings."""

    record: Record
    dialect: str
    ascii_only: bool
    # biblatex (and pandoc) read a von part as a dropping particle unless the entry says
    # useprefix; BibTeX ignores the field.
    useprefix: bool
    out: list[Any] = dataclass_field(default_factory=list)
    leftovers: list[str] = dataclass_field(default_factory=list)
    kept_exactly: list[str] = dataclass_field(default_factory=list)
    warnings: list[RecordWarning] = dataclass_field(default_factory=list)

    @property
    def target(self) -> str:
        return _DIALECT_NAME[self.dialect]

    def keep_in_note(self, variable: str) -> None:
        """``variable`` kept only in a line of note, with a warning that the dialect has no field."""
        self.leftovers.append(variable)
        self.warnings.append(lost_field_warning(self.record, variable, self.target, "note"))


def _entry_fields(
    record: Record, key: str, dialect: str, ascii_only: bool
) -> tuple[str, list[Any], list[RecordWarning]]:
    from bibtexparser.model import Field

    fields: dict[str, Any] = {
        k: (str(v) if isinstance(v, int | float) and not isinstance(v, bool) else v) for k, v in record.fields.items()
    }
    entry_type, subtype = entry_type_for(record.type, dialect)
    useprefix = any(
        isinstance(name, Mapping) and name.get("non-dropping-particle")
        for variable in NAME_FIELDS
        for name in (fields.get(variable) or [])
    )
    entry = _Entry(record, dialect, ascii_only, useprefix)
    if read_type(entry_type, subtype) != record.type:
        entry.leftovers.append("type")
    if key != record.id:
        entry.leftovers.append("id")
    if subtype:
        entry.out.append(Field("entrysubtype", subtype))
    if useprefix:
        entry.out.append(Field("options", "useprefix=true"))
    for variable, value in fields.items():
        # custom comes after the record's own fields, whose names it must not take.
        if variable not in ("id", "type", "note", CUSTOM):
            _write_field(entry, variable, value, _bib_field(record.type, entry_type, fields, variable, dialect))
    if isinstance(fields.get(CUSTOM), Mapping):
        fields[CUSTOM] = _write_custom(entry, fields[CUSTOM])
    _write_note(entry, fields)
    out = entry.out
    out.sort(key=lambda written: FIELD_ORDER.index(written.key) if written.key in FIELD_ORDER else len(FIELD_ORDER))
    return entry_type, out, entry.warnings


def _bib_field(record_type: str, entry_type: str, fields: Mapping[str, Any], variable: str, dialect: str) -> str | None:
    """The field ``variable`` is written in, or None (a line of note)."""
    bib_field = field_for(record_type, variable, dialect)
    if entry_type in SERIES_NUMBER_TYPES and "collection-title" in fields:
        # With a series, a book's number is its number in the series (biblatex; archcite and
        # pandoc read it so): collection-number is written there, the record's own number
        # is a line of note.
        return {"number": None, "collection-number": "number"}.get(variable, bib_field)
    return bib_field


def _write_field(entry: _Entry, variable: str, value: Any, bib_field: str | None) -> None:
    """The field (or fields, for a date) of one variable; a line of note where there is none."""
    from bibtexparser.model import Field

    if variable in DATE_FIELDS and bib_field:
        text = edtf_date(value)
        if text is not None:
            _write_date(entry, variable, value, text, bib_field)
            return
        bib_field = None
    if bib_field is None:
        entry.keep_in_note(variable)
    elif variable in NAME_FIELDS:
        _write_names(entry, variable, value, bib_field)
    elif (text := _field_text(variable, value, bib_field, entry.ascii_only)) is not None:
        entry.out.append(Field(bib_field, text))
    else:
        entry.keep_in_note(variable)


def _write_date(entry: _Entry, variable: str, date: Mapping[str, Any], text: str, bib_field: str) -> None:
    """A date's fields; the date is kept exactly in note too where they read back as another."""
    entry.out.extend(_date_fields(variable, date, text, bib_field, entry.dialect))
    if read_date(text, variable)[0] != dict(date):
        entry.kept_exactly.append(variable)
        entry.warnings.append(_inexact_warning(entry.record, variable, entry.target))


def _write_names(entry: _Entry, variable: str, names: list[Any], bib_field: str) -> None:
    """A name list joined by "and"; kept exactly in note too where a name would read back as another."""
    from bibtexparser.model import Field

    entry.out.append(Field(bib_field, " and ".join(encode_name(name, entry.ascii_only) for name in names)))
    name_warnings = _name_warnings(entry.record, variable, names, entry.target, useprefix=entry.useprefix)
    if name_warnings:
        entry.kept_exactly.append(variable)
    entry.warnings.extend(name_warnings)


def _field_text(variable: str, value: Any, bib_field: str, ascii_only: bool) -> str | None:
    """A text variable's value as LaTeX, or None when the value is no text."""
    if variable == "page":
        return latex.encode(str(value), ascii_only=ascii_only).replace("-", "--")
    if variable in VERBATIM_FIELDS:
        return _encode_url(str(value))
    if not isinstance(value, str):
        return None
    text = latex.encode(value, ascii_only=ascii_only, protect_case=variable in TITLE_FIELDS)
    if bib_field in LITERAL_LISTS:
        # biblatex (and pandoc) split a literal list at "and": one publisher's "and" is braced.
        text = re.sub(r"(?<=\s)and(?=\s)", "{and}", text)
    return text


def _write_custom(entry: _Entry, custom: Mapping[str, Any]) -> dict[str, Any]:
    """The values of custom as fields of their names; those that cannot be, to be kept in note."""
    custom_fields, unwritten = _custom_fields(custom, {written.key.lower() for written in entry.out}, entry.ascii_only)
    entry.out.extend(custom_fields)
    if unwritten:
        entry.leftovers.append(CUSTOM)
        entry.warnings.append(
            lost_field_warning(entry.record, CUSTOM, f"{entry.target} (no field of those names)", "note")
        )
    return unwritten


def _write_note(entry: _Entry, fields: Mapping[str, Any]) -> None:
    """The record's note, then a line per variable kept in note."""
    from bibtexparser.model import Field

    record = entry.record
    note_fields = fold_leftovers({**fields, "type": record.type, "id": record.id}, entry.leftovers + entry.kept_exactly)
    if note_fields.get("note"):
        # Lines end with LaTeX's line break, which pandoc and archcite read as one and biber
        # keeps; a bare line break is a space to every LaTeX reader, so the lines would run on.
        note = latex.encode(str(note_fields["note"]), ascii_only=entry.ascii_only)
        # ``\\[`` and ``\\*`` would be a line break with an argument, and bibtexparser takes
        # the brace of ``\\{``, and of the field's closing ``\\}``, for an escaped one: an
        # empty box ends the line break.
        entry.out.append(Field("note", re.sub(r"\n(?=[\[*{]|\Z)", r"\\\\\\mbox{}", note).replace("\n", "\\\\")))


def _custom_fields(custom: Mapping[str, Any], taken: set[str], ascii_only: bool) -> tuple[list[Any], dict[str, Any]]:
    """The values of ``custom`` as fields of their names, where the name reads back as that key
    of custom (no field a rule reads, no name written twice); the others, to be kept in note."""
    from bibtexparser.model import Field

    written, unwritten = [], {}
    for key, value in custom.items():
        text = str(value) if isinstance(value, str | int | float) and not isinstance(value, bool) else None
        if text is not None and text == collapse(text) and custom_name_reads_back(key) and key.lower() not in taken:
            if custom_is_verbatim(text) and (text.isascii() or not ascii_only):
                encoded = text
            else:
                encoded = latex.encode(text, ascii_only=ascii_only)
                # TeX that would read as written (a no-break space as ~) is braced, so it is read as TeX.
                encoded = f"{{{encoded}}}" if custom_is_verbatim(encoded) else encoded
            written.append(Field(key, encoded))
            taken.add(key.lower())
        else:
            unwritten[key] = value
    return written, unwritten


def _encode_url(url: str) -> str:
    """A URL or DOI as biblatex, hyperref and pandoc read it: verbatim (``%`` as ``%``).

    Only what no URL holds unencoded (RFC 3986) and what would end the field or the entry --
    braces, backslashes, spaces -- is percent-encoded, which names the same resource.
    """
    return re.sub(r"[{}\\\s]", lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode()), url)


def _decode_url(value: str) -> str:
    """Undo :func:`_encode_url` only: a URL's ``~`` and ``--`` are no TeX."""
    return re.sub(r"\\textbackslash\{\}|\\([{}%&#_$])", lambda m: m.group(1) or "\\", value)


def edtf_date(date: Mapping[str, Any]) -> str | None:
    """A CSL date as biblatex's EDTF ``date`` field, as :func:`bibtex_read.read_date` reads it:
    EDTF counts a year 0 (1 BC) and CSL does not, so CSL's -44 (44 BC) is ``-0043``; an open
    end (CSL ``[0]``) is ``..``. None when the date has only a ``literal``."""
    parts = date.get("date-parts")
    if not isinstance(parts, list) or not parts or not parts[0]:
        return None
    open_end = len(parts) == 2 and [int(p) for p in parts[1]] == [0]
    edtf_parts = [[int(p[0]) + 1 if int(p[0]) < 0 else int(p[0]), *p[1:]] for p in parts[: 1 if open_end else 2]]
    text = date_to_text({**date, "date-parts": edtf_parts})
    return f"{text}/.." if text is not None and open_end else text


def _date_fields(variable: str, value: Mapping[str, Any], text: str, bib_field: str, dialect: str) -> list[Any]:
    from bibtexparser.model import Field

    fields = []
    if dialect == BIBTEX and variable == "issued":
        # Classic BibTeX styles read year and month; date (pandoc, JabRef, Zotero) keeps the rest.
        first = value["date-parts"][0]
        fields.append(Field("year", str(first[0])))
        if len(first) > 1 and 1 <= int(first[1]) <= 12:
            month = Field("month", _MONTHS[int(first[1]) - 1])
            month.enclosing = "no-enclosing"
            fields.append(month)
        simple = (
            len(value["date-parts"]) == 1 and len(first) <= 2 and not value.get("circa") and not value.get("season")
        )
        if simple:
            return fields
    fields.append(Field(bib_field, text))
    return fields


def dump_entries(records: Sequence[Record], dialect: str, *, ascii_only: bool = False) -> Dumped:
    """The records as a BibTeX or BibLaTeX file, with a warning per field kept only in note."""
    from bibtexparser.entrypoint import write_string
    from bibtexparser.library import Library
    from bibtexparser.middlewares import AddEnclosingMiddleware
    from bibtexparser.model import Block, Entry
    from bibtexparser.writer import BibtexFormat

    entries: list[Block] = []
    warnings: list[RecordWarning] = []
    for record, key in zip(records, citation_keys(records), strict=True):
        entry_type, fields, record_warnings = _entry_fields(record, key, dialect, ascii_only)
        entries.append(Entry(entry_type, key, fields))
        warnings.extend(record_warnings)
        if ascii_only:
            warnings.extend(_non_ascii_warnings(record, fields))
    bib_format = BibtexFormat()  # type: ignore[no-untyped-call]
    bib_format.indent = "  "
    bib_format.block_separator = "\n"
    enclose = AddEnclosingMiddleware(default_enclosing="{", reuse_previous_enclosing=False, enclose_integers=True)
    text = write_string(
        Library(entries),
        unparse_stack=[enclose],
        bibtex_format=bib_format,
    )
    return Dumped(text, warnings)


def stream_entries(
    records: Iterable[Record], warnings: list[RecordWarning], dialect: str, *, ascii_only: bool = False
) -> Iterator[str]:
    """:func:`dump_entries`' text one entry at a time (the keys made unique as they come)."""
    from bibtexparser.entrypoint import write_string
    from bibtexparser.library import Library
    from bibtexparser.middlewares import AddEnclosingMiddleware
    from bibtexparser.model import Entry
    from bibtexparser.writer import BibtexFormat

    bib_format = BibtexFormat()  # type: ignore[no-untyped-call]
    bib_format.indent = "  "
    bib_format.block_separator = "\n"
    enclose = AddEnclosingMiddleware(default_enclosing="{", reuse_previous_enclosing=False, enclose_integers=True)
    from archcite.records.keyset import DiskKeySet

    # The keys written so far are kept on disk: in memory they would grow with the file.
    with DiskKeySet() as written:
        keys = UniqueKeys(store=written)
        separator = ""
        for record in records:
            key = keys.make_unique(citation_key(record))
            entry_type, fields, record_warnings = _entry_fields(record, key, dialect, ascii_only)
            warnings.extend(record_warnings)
            if ascii_only:
                warnings.extend(_non_ascii_warnings(record, fields))
            library = Library([Entry(entry_type, key, fields)])
            yield separator + write_string(library, unparse_stack=[enclose], bibtex_format=bib_format)
            separator = bib_format.block_separator


def _non_ascii_warnings(record: Record, fields: Sequence[Any]) -> list[RecordWarning]:
    warnings = []
    for field in fields:
        kept = list(dict.fromkeys(char for char in str(field.value) if ord(char) > 127))
        if kept:
            warnings.append(
                RecordWarning(
                    f"LaTeX has no ASCII form for {''.join(kept)!r}; written as UTF-8 in '{field.key}'",
                    record_id=record.id,
                    origin=record.origin,
                    field=field.key,
                )
            )
    return warnings


def dump_bibtex(records: Sequence[Record]) -> Dumped:
    return dump_entries(records, BIBTEX)


def dump_biblatex(records: Sequence[Record]) -> Dumped:
    return dump_entries(records, BIBLATEX)


def dump_bibtex_ascii(records: Sequence[Record]) -> Dumped:
    return dump_entries(records, BIBTEX, ascii_only=True)


def dump_biblatex_ascii(records: Sequence[Record]) -> Dumped:
    return dump_entries(records, BIBLATEX, ascii_only=True)


def stream_bibtex(records: Iterable[Record], warnings: list[RecordWarning]) -> Iterator[str]:
    return stream_entries(records, warnings, BIBTEX)


def stream_biblatex(records: Iterable[Record], warnings: list[RecordWarning]) -> Iterator[str]:
    return stream_entries(records, warnings, BIBLATEX)


def stream_bibtex_ascii(records: Iterable[Record], warnings: list[RecordWarning]) -> Iterator[str]:
    return stream_entries(records, warnings, BIBTEX, ascii_only=True)


def stream_biblatex_ascii(records: Iterable[Record], warnings: list[RecordWarning]) -> Iterator[str]:
    return stream_entries(records, warnings, BIBLATEX, ascii_only=True)


# ---------------------------------------------------------------- reading


def _failed_block_warning(block: Any, source: str) -> RecordWarning:
    raw = block.raw or ""
    key_match = re.match(r"\s*@\w+\s*[{(]\s*([^,\s]+)", raw)
    key = getattr(block, "key", None) or (key_match.group(1) if key_match else None)
    error = getattr(block, "error", None)
    reason = getattr(error, "abort_reason", None) or str(error or "malformed entry")
    return RecordWarning(
        f"malformed entry skipped: {reason.strip()}",
        record_id=key,
        origin=Origin(source, line=(block.start_line or 0) + 1),
        skipped=True,
    )


def load(text: str, source: str) -> Parsed:
    """Every well-formed entry as an item; each malformed one as a warning with line and key."""
    from archcite.records.formats.bibtex_read import load_entries

    return load_entries(text, source, dialect_bibtex=True)


def load_biblatex(text: str, source: str) -> Parsed:
    """:func:`load` with biblatex's literal lists (``publisher = {A and B}`` is two publishers)."""
    from archcite.records.formats.bibtex_read import load_entries

    return load_entries(text, source, dialect_bibtex=False)


def sniff(text: str) -> bool:
    return re.match(r"\s*(%[^\n]*\n\s*)*@\w+\s*[{(]", text.lstrip("\ufeff")) is not None


FORMATS = [
    Format(
        name=BIBTEX,
        description="BibTeX (.bib): archival fields kept as 'name: value' lines of note",
        suffixes=(".bib", ".bibtex"),
        aliases=("bib",),
        sniff=sniff,
        load=load,
        dump=dump_bibtex,
        dump_ascii=dump_bibtex_ascii,
        stream=stream_bibtex,
        stream_ascii=stream_bibtex_ascii,
    ),
    Format(
        name=BIBLATEX,
        description="BibLaTeX (biber): @letter/@unpublished, library = location in archive, the rest in note",
        aliases=("biber",),
        load=load_biblatex,
        dump=dump_biblatex,
        dump_ascii=dump_biblatex_ascii,
        stream=stream_biblatex,
        stream_ascii=stream_biblatex_ascii,
    ),
]
