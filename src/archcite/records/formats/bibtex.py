"""BibTeX and BibLaTeX: readers and writers through bibtexparser 2, mapped by the tables below.

The tables are the README's "Export mappings" section (``archcite.records.exports_doc``
renders them). Fields a dialect has no place for are written as ``name: value`` lines of
``note`` -- the one free field that BibTeX, biber, pandoc, JabRef and Zotero (which reads it
into Extra, where these lines are CSL variables) all keep -- and reported as warnings.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from archcite.records import latex
from archcite.records.extra import unfold_note
from archcite.records.keys import UniqueKeys
from archcite.records.mapping import (
    citation_key,
    citation_keys,
    date_to_text,
    fold_leftovers,
    lost_field_warning,
    text_to_date,
    unfold_leftovers,
    with_origin,
)
from archcite.records.model import Origin, Record, RecordWarning
from archcite.records.registry import Dumped, Format, Parsed

# bibtexparser logs each malformed block; archcite reports them as warnings instead.
logging.getLogger("bibtexparser").addHandler(logging.NullHandler())

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
# ``type:`` line of note, as is any type the reader would otherwise take for another.
ENTRY_TYPES: tuple[EntryType, ...] = (
    EntryType("personal_communication", "misc", "letter"),
    EntryType("manuscript", "unpublished", "unpublished"),
    EntryType("document", "misc", "misc"),
    EntryType("report", "techreport", "report"),
    EntryType("book", "book", "book"),
    EntryType("chapter", "incollection", "incollection"),
    EntryType("article-journal", "article", "article"),
    EntryType("article-newspaper", "article", "article", "newspaper"),
    EntryType("article-magazine", "article", "article", "magazine"),
    EntryType("webpage", "misc", "online"),
    EntryType("interview", "misc", "misc"),
    EntryType("speech", "misc", "unpublished"),
    EntryType("thesis", "phdthesis", "thesis"),
    EntryType("paper-conference", "inproceedings", "inproceedings"),
    EntryType("pamphlet", "booklet", "booklet"),
)

# Entry type (lower case) -> CSL type, for both dialects and what other tools write.
READ_TYPES: Mapping[str, str] = {
    "article": "article-journal",
    "book": "book",
    "mvbook": "book",
    "collection": "book",
    "mvcollection": "book",
    "proceedings": "book",
    "booklet": "pamphlet",
    "inbook": "chapter",
    "incollection": "chapter",
    "bookinbook": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "letter": "personal_communication",
    "unpublished": "manuscript",
    "techreport": "report",
    "report": "report",
    "manual": "report",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
    "periodical": "periodical",
    "patent": "patent",
    "software": "software",
    "dataset": "dataset",
    "misc": "document",
}
READ_SUBTYPES: Mapping[tuple[str, str], str] = {
    ("article", "newspaper"): "article-newspaper",
    ("article", "magazine"): "article-magazine",
}

# Record field -> (BibTeX field, BibLaTeX field); None: no field, written as a line of note.
FIELDS: Mapping[str, tuple[str | None, str | None]] = {
    "title": ("title", "title"),
    "title-short": (None, "shorttitle"),
    "author": ("author", "author"),
    "editor": ("editor", "editor"),
    "translator": (None, "translator"),
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
    # skips the escaped character without resetting its search for " and ".
    words = re.split(r"( +)", latex.encode(text, ascii_only=ascii_only))
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
    suffix = str(name.get("suffix", ""))
    if suffix:
        # "Last, Jr, First" needs a First, if only an empty group.
        return f"{last}, {_name_part(suffix, ascii_only)}, {given_bib or '{}'}"
    if given:
        return f"{last}, {given_bib}"
    # A braced family alone would read back as a literal name, and "de X" as a First and a
    # Last; the comma form with an empty First says "person", with its von part.
    return f"{last}, {{}}" if last.startswith("{") or particle else last


def _name_warnings(
    record: Record, variable: str, names: Sequence[Mapping[str, Any]], target: str
) -> list[RecordWarning]:
    warnings = []
    for name in names:
        lost = [part for part in ("dropping-particle", "static-ordering", "comma-suffix") if name.get(part)]
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


def decode_names(parts_list: Sequence[Any]) -> list[dict[str, Any]]:
    """bibtexparser's split names as CSL names; a whole-braced name is a literal."""
    names: list[dict[str, Any]] = []
    for parts in parts_list:
        if not parts.first and not parts.von and not parts.jr and len(parts.last) == 1:
            token = parts.last[0]
            if (
                token.startswith("{")
                and latex.braces_pair_up(token[1:-1])
                and token.endswith("}")
                and _one_group(token)
            ):
                names.append({"literal": latex.decode(token[1:-1])})
                continue
        name: dict[str, Any] = {"family": latex.decode(" ".join(parts.last))}
        given = latex.decode(" ".join(parts.first))
        if given:
            name["given"] = given
        if parts.von:
            name["non-dropping-particle"] = latex.decode(" ".join(parts.von))
        if parts.jr:
            name["suffix"] = latex.decode(" ".join(parts.jr))
        names.append(name)
    return names


def _one_group(token: str) -> bool:
    """True when ``{...}`` is one brace group, not ``{a}b{c}``."""
    depth = 0
    for index, char in enumerate(token):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0 and index < len(token) - 1:
            return False
    return True


# ---------------------------------------------------------------- writing


def _entry_fields(
    record: Record, key: str, dialect: str, ascii_only: bool
) -> tuple[str, list[Any], list[RecordWarning]]:
    from bibtexparser.model import Field

    target = _DIALECT_NAME[dialect]
    fields: dict[str, Any] = {
        k: (str(v) if isinstance(v, int | float) and not isinstance(v, bool) else v) for k, v in record.fields.items()
    }
    entry_type, subtype = entry_type_for(record.type, dialect)
    leftovers: list[str] = []
    warnings: list[RecordWarning] = []
    if read_type(entry_type, subtype) != record.type:
        leftovers.append("type")
    if key != record.id:
        leftovers.append("id")
    out: list[Any] = []
    exact_names: list[str] = []
    if subtype:
        out.append(Field("entrysubtype", subtype))
    for variable, value in fields.items():
        if variable in ("id", "type", "note"):
            continue
        bib_field = field_for(record.type, variable, dialect)
        if variable in DATE_FIELDS and bib_field:
            text = date_to_text(value)
            if text is None:
                bib_field = None
            else:
                out.extend(_date_fields(variable, value, text, bib_field, dialect))
                continue
        if bib_field is None:
            leftovers.append(variable)
            if variable != "type":
                warnings.append(lost_field_warning(record, variable, target, "note"))
            continue
        if variable in NAME_FIELDS:
            out.append(Field(bib_field, " and ".join(encode_name(n, ascii_only) for n in value)))
            name_warnings = _name_warnings(record, variable, value, target)
            if name_warnings:
                exact_names.append(variable)
            warnings.extend(name_warnings)
        elif variable == "page":
            out.append(Field(bib_field, latex.encode(str(value), ascii_only=ascii_only).replace("-", "--")))
        elif variable in VERBATIM_FIELDS:
            out.append(Field(bib_field, _encode_url(str(value))))
        elif isinstance(value, str):
            out.append(
                Field(bib_field, latex.encode(value, ascii_only=ascii_only, protect_case=variable in TITLE_FIELDS))
            )
        else:
            leftovers.append(variable)
            warnings.append(lost_field_warning(record, variable, target, "note"))
    note_fields = fold_leftovers({**fields, "type": record.type, "id": record.id}, leftovers + exact_names)
    if note_fields.get("note"):
        out.append(Field("note", latex.encode(str(note_fields["note"]), ascii_only=ascii_only)))
    out.sort(key=lambda field: FIELD_ORDER.index(field.key) if field.key in FIELD_ORDER else len(FIELD_ORDER))
    return entry_type, out, warnings


_VERBATIM_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%"}


def _encode_url(url: str) -> str:
    return "".join(_VERBATIM_ESCAPES.get(char, char) for char in url)


def _decode_url(value: str) -> str:
    """Undo :func:`_encode_url` only: a URL's ``~`` and ``--`` are no TeX."""
    return re.sub(r"\\textbackslash\{\}|\\([{}%&#_$])", lambda m: m.group(1) or "\\", value)


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


# Field name (lower case) -> record field, whichever dialect wrote it (and common synonyms).
def _read_fields() -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for csl_type in {row.csl for row in ENTRY_TYPES} | {"*"}:
        for variable in FIELDS:
            for dialect in (BIBLATEX, BIBTEX):
                name = (
                    field_for(csl_type, variable, dialect)
                    if csl_type != "*"
                    else FIELDS[variable][_DIALECT_INDEX[dialect]]
                )
                if name:
                    table.setdefault((csl_type, name), variable)
        for variable, pair in TYPE_FIELDS.get(csl_type, {}).items():
            for name in pair:
                if name:
                    table[(csl_type, name)] = variable
    return table


_READ_FIELDS = _read_fields()
_SYNONYMS = {
    "journal": "container-title",
    "journaltitle": "container-title",
    "booktitle": "container-title",
    "school": "publisher",
    "institution": "publisher",
    "location": "publisher-place",
    "address": "publisher-place",
    "langid": "language",
    "howpublished": "publisher",
}
_IGNORED = frozenset({"year", "month", "day", "entrysubtype", "note", "file", "timestamp", "owner"})


def _read_name_fields() -> tuple[str, ...]:
    return tuple(sorted({n for v, pair in FIELDS.items() if v in NAME_FIELDS for n in pair if n}))


def _entry_to_item(entry: Any, source: str) -> tuple[dict[str, Any], list[RecordWarning]]:
    origin = Origin(source, line=(entry.start_line or 0) + 1)
    raw = {field.key.lower(): field.value for field in entry.fields}
    subtype = raw.get("entrysubtype")
    csl_type = read_type(entry.entry_type, subtype if isinstance(subtype, str) else None)
    # The note's type and id lines stand for what the entry type and key could not say.
    note = unfold_note({"note": latex.decode(str(raw["note"]))}, ("type", "id")) if "note" in raw else {}
    csl_type = str(note.get("type", csl_type))
    item: dict[str, Any] = {"id": str(note.get("id", entry.key)), "type": csl_type}
    warnings: list[RecordWarning] = []
    for name, value in raw.items():
        if name in _IGNORED:
            continue
        variable = _READ_FIELDS.get((csl_type, name)) or _READ_FIELDS.get(("*", name)) or _SYNONYMS.get(name)
        if variable is None:
            warnings.append(
                RecordWarning(
                    f"field '{name}' has no record field; ignored", record_id=entry.key, origin=origin, field=name
                )
            )
            continue
        if variable in item:
            continue
        if variable in NAME_FIELDS:
            item[variable] = decode_names(value)
        elif variable in DATE_FIELDS:
            # EDTF's "~" (circa) is no tie here, so dates skip LaTeX decoding.
            date, warning = text_to_date(str(value).replace("{", "").replace("}", ""), variable, None)
            item[variable] = date
            if warning:
                warnings.append(with_origin(warning, entry.key, origin))
        elif variable in VERBATIM_FIELDS:
            item[variable] = _decode_url(str(value))
        elif variable == "page":
            item[variable] = latex.decode(str(value).replace("--", "-"))
        else:
            item[variable] = latex.decode(str(value))
    if "issued" not in item and "year" in raw:
        item["issued"] = _year_month(str(raw["year"]), raw.get("month"))
    if note.get("note"):
        item = unfold_leftovers({**item, "note": note["note"]})
    return item, warnings


def _year_month(year: str, month: Any) -> dict[str, Any]:
    year = latex.decode(year)
    if not year.strip().lstrip("-").isdigit():
        return {"literal": year}
    parts = [int(year)]
    month_text = latex.decode(str(month)).strip().lower()[:3] if month else ""
    if month_text.isdigit() and 1 <= int(month_text) <= 12:
        parts.append(int(month_text))
    elif month_text in _MONTHS:
        parts.append(_MONTHS.index(month_text) + 1)
    return {"date-parts": [parts]}


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
    from bibtexparser.entrypoint import parse_string
    from bibtexparser.middlewares import (
        RemoveEnclosingMiddleware,
        ResolveStringReferencesMiddleware,
        SeparateCoAuthors,
        SplitNameParts,
    )

    names = _read_name_fields()
    library = parse_string(
        text.lstrip("\ufeff"),
        parse_stack=[
            ResolveStringReferencesMiddleware(True),
            RemoveEnclosingMiddleware(True),
            SeparateCoAuthors(True, name_fields=names),
            SplitNameParts(True, name_fields=names),
        ],
    )
    parsed = Parsed()
    for block in library.failed_blocks:
        parsed.warnings.append(_failed_block_warning(block, source))
    for index, entry in enumerate(library.entries):
        item, warnings = _entry_to_item(entry, source)
        parsed.items.append((item, Origin(source, line=(entry.start_line or 0) + 1, index=index)))
        parsed.warnings.extend(warnings)
    parsed.warnings.sort(key=lambda w: (w.origin.line or 0) if w.origin else 0)
    return parsed


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
        load=load,
        dump=dump_biblatex,
        dump_ascii=dump_biblatex_ascii,
        stream=stream_biblatex,
        stream_ascii=stream_biblatex_ascii,
    ),
]
