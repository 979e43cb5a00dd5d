"""RIS: reader and writer through rispy, mapped by the tables below (the README's RIS table).

Archival records follow Zotero's reading of RIS (zotero/translators ``RIS.js``): ``DB`` the
archive, ``AN`` the location in the archive, ``CN`` the call number. Everything else RIS has no
tag for (the collection among it) is written as ``name: value`` lines of ``M2`` and reported as
a warning: RIS.js appends each ``M2`` to Extra, one line each, where the Zotero client and
citeproc-js read such lines, while ``N1`` becomes a child note that no program parses (so ``N1``
holds only the record's own note). ``AV`` is not written: RIS.js drops it beside ``AN`` and
files it as the location in the archive without one. Every value is one
line (RIS continuation lines and repeated single-value tags are read differently by every
tool, and pandoc cannot read the first at all): a wrapped value's line breaks become spaces;
only the free text of ``N1`` keeps its lines, one ``N1`` tag each.

Reading, a value wrapped over continuation lines is one line (a note's and an abstract's lines
are kept), and a tag with no record field is kept in ``custom`` under its tag, which the writer
writes back as that tag (any other value of ``custom`` as a ``custom:`` line of ``M2``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from archcite.records.extra import decode_value, unfold_note
from archcite.records.keys import RepeatedIds
from archcite.records.languages import language_tag
from archcite.records.mapping import (
    custom_line,
    date_fields,
    fold_leftovers,
    kept_in_custom_warning,
    lost_field_warning,
    text_to_date,
    unfold_leftovers,
    with_origin,
)
from archcite.records.model import CUSTOM, Origin, Record, RecordWarning
from archcite.records.registry import Dumped, Format, Parsed
from archcite.records.validate import bare_doi
from archcite.records.written_dates import month_number
from archcite.records.zotero_schema import ZOTERO_TYPES, item_type_lacks

# CSL type -> RIS TY, chosen for what Zotero's RIS.js imports (zotero/translators RIS.js,
# exportTypeMap and importTypeMap): PCOMM a letter, MANSCPT a manuscript (with M3 its type),
# SLIDE a presentation; GEN would be a journal article, so an archival document and an interview
# (no TY imports as a Zotero interview) are written as manuscripts. A type not listed is written
# as GEN; whenever archcite would read the TY back as another type, a ``type:`` line of M2 says
# which.
TYPES: Mapping[str, str] = {
    "personal_communication": "PCOMM",
    "manuscript": "MANSCPT",
    "document": "MANSCPT",
    "interview": "MANSCPT",
    "speech": "SLIDE",
    "report": "RPRT",
    "book": "BOOK",
    "chapter": "CHAP",
    "article-journal": "JOUR",
    "article-newspaper": "NEWS",
    "article-magazine": "MGZN",
    "webpage": "ELEC",
    "thesis": "THES",
    "paper-conference": "CPAPER",
    "pamphlet": "PAMP",
    "dataset": "DATA",
    "map": "MAP",
    "bill": "BILL",
    "legal_case": "CASE",
    "patent": "PAT",
    "software": "COMP",
    "motion_picture": "MPCT",
    "graphic": "ART",
    "post-weblog": "BLOG",
    "hearing": "HEAR",
}
# TY -> CSL type: the inverse of TYPES (the first type of each TY) plus the TYs other tools write.
READ_TYPES: Mapping[str, str] = {
    **{ty: csl for csl, ty in reversed(list(TYPES.items()))},
    "EJOUR": "article-journal",
    "JFULL": "periodical",
    "ABST": "article-journal",
    "UNPB": "manuscript",
    "ICOMM": "personal_communication",
    "EBOOK": "book",
    "EDBOOK": "book",
    "ECHAP": "chapter",
    "CONF": "paper-conference",
    "GOVDOC": "report",
    "WEB": "webpage",
    "INPR": "article-journal",
    "SOUND": "song",
    # The rest of the RIS specification's types, as CSL 1.0.2 names them (an unknown TY is read as
    # a document with a warning; these are no unknown TYs): GEN is generic, a document.
    "GEN": "document",
    "ADVS": "motion_picture",
    "VIDEO": "motion_picture",
    "MULTI": "webpage",
    "AGGR": "dataset",
    "DBASE": "dataset",
    "ANCIENT": "classic",
    "CLSWK": "classic",
    "CHART": "graphic",
    "FIGURE": "figure",
    "EQUA": "figure",
    "CTLG": "document",
    "DICT": "entry-dictionary",
    "ENCYC": "entry-encyclopedia",
    "GRANT": "report",
    "LEGAL": "regulation",
    "STAT": "legislation",
    "UNBILL": "bill",
    "MUSIC": "musical_score",
    "SER": "periodical",
    "STAND": "standard",
}

# Record field -> tag; None: no tag, written as a line of M2.
FIELDS: Mapping[str, str | None] = {
    "id": "ID",
    "title": "TI",
    "title-short": "ST",
    "author": "AU",
    # ED, not A2: Zotero reads A2 of a book or report as its series editor, ED always as editor.
    "editor": "ED",
    "collection-editor": "A3",
    "translator": "A4",
    "recipient": None,
    "interviewer": None,
    "issued": "DA",
    "accessed": "Y2",
    "event-title": None,
    "container-title": "T2",
    "collection-title": "T3",
    "publisher": "PB",
    "event-place": None,
    "publisher-place": "CY",
    "volume": "VL",
    "issue": "IS",
    "number": "M1",
    "page": "SP",
    "edition": "ET",
    "number-of-volumes": "NV",
    "genre": "M3",
    "URL": "UR",
    "DOI": "DO",
    "ISBN": "SN",
    "ISSN": None,
    "abstract": "AB",
    "language": "LA",
    "keyword": "KW",
    "archive": "DB",
    "archive_location": "AN",
    # No AV: RIS.js reads it only without AN, and then as the location in the archive.
    "archive_collection": None,
    "call-number": "CN",
    "note": "N1",
}
# Per-type differences from FIELDS: the second author of a letter is its recipient (as Zotero
# reads A2 of a letter; of a manuscript it reads no A2, so an interviewer is an M2 line); a
# presentation's T2 is its meeting and CY its place (RIS.js fieldMap: T2 meetingName, CY place).
TYPE_FIELDS: Mapping[str, Mapping[str, str | None]] = {
    "personal_communication": {"recipient": "A2"},
    "speech": {"event-title": "T2", "container-title": None, "event-place": "CY", "publisher-place": None},
    # SN is the ISSN of a periodical's article and the ISBN of anything else.
    "article-journal": {"ISSN": "SN", "ISBN": None},
    "article-magazine": {"ISSN": "SN", "ISBN": None},
    "article-newspaper": {"ISSN": "SN", "ISBN": None},
}
# What pandoc makes of each tag it reads (jgm/pandoc ``src/Text/Pandoc/Readers/RIS.hs``,
# ``risRecordToReference``): tag -> CSL variable. PY gives the year only. It reads no other tag:
# no archive tag (DB, AN, AV, CN), no M2 or N1, no M3, A3, A4, T3, M1, CY, DA or Y2. No tag it
# reads means an archive, so no RIS tag can bring an archival fact to pandoc (and a letter's
# recipient, in A2 for Zotero and EndNote, is an editor to pandoc): use CSL-JSON with pandoc.
PANDOC_TAGS: Mapping[str, str] = {
    "ID": "id", "AU": "author", "A1": "author", "ED": "editor", "A2": "editor", "TI": "title", "T1": "title",
    "CT": "title", "BT": "container-title", "JO": "container-title", "JF": "container-title",
    "T2": "container-title", "PB": "publisher", "PP": "publisher-place", "PY": "issued", "Y1": "issued",
    "VL": "volume", "IS": "issue", "SP": "page", "EP": "page", "ET": "edition", "NV": "number-of-volumes",
    "AB": "abstract", "KW": "keyword", "SN": "ISSN", "LA": "language", "UR": "URL", "LK": "URL", "DO": "DOI",
}  # fmt: skip
NAME_FIELDS = frozenset(
    {
        "author", "editor", "collection-editor", "translator", "recipient", "interviewer", "contributor", "producer",
        "performer", "illustrator",
    }
)  # fmt: skip
DATE_FIELDS = frozenset({"issued", "accessed"})
# The order tags are written in (after TY and ID): who, what, where published, when, where kept.
TAG_ORDER: tuple[str, ...] = (
    "ID", "AU", "A2", "ED", "A3", "A4", "TI", "ST", "T2", "T3", "M3", "VL", "IS", "M1", "SV", "ET", "NV", "PB", "CY",
    "DA", "PY", "Y2", "SP", "EP", "DB", "AV", "AN", "CN", "LA", "SN", "DO", "UR", "AB", "KW", "M2", "N1",
)  # fmt: skip
_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9])  ?-(?: (.*))?$")
_TAG = re.compile(r"[A-Z][A-Z0-9]")
# Fields whose lines are the text's own: a continuation line there is a line of the text.
_FREE_TEXT = frozenset({"note", "abstract"})


# RIS.js importTypeMap (with exportTypeMap merged in): the Zotero item type of each TY written.
ZOTERO_ITEM_TYPES: Mapping[str, str] = {
    "PCOMM": "letter", "MANSCPT": "manuscript", "SLIDE": "presentation", "RPRT": "report", "BOOK": "book",
    "CHAP": "bookSection", "JOUR": "journalArticle", "MGZN": "magazineArticle", "NEWS": "newspaperArticle",
    "ELEC": "webpage", "THES": "thesis", "GEN": "journalArticle",
}  # fmt: skip


# Per-TY readings of tags that mean something else in that type than in FIELDS: tag -> record
# field (None: none, the value is kept in ``custom``). EndNote's RIS export labels every tag of
# every TY (Zotero's RIS test case 3 fills each tag with its label), and Zotero's RIS.js
# ``fieldMap`` reads most of them so; a row is here where both say it, or where EndNote's label is
# the only reading (a TY Zotero files as another type). The writer writes a field under the tag
# its TY reads as that field (see :func:`tag_for`), so what it writes reads back.
_SERIES_BOOK = {"A2": "collection-editor", "T2": "collection-title"}
TY_TAGS: Mapping[str, Mapping[str, str | None]] = {
    # "Editor, Series", "Editor", "Series Title", "Series Volume", "Number of Pages" (RIS.js: A2
    # seriesEditor, A3 editor, T2 series, M1 seriesNumber, SP numPages of a book).
    "BOOK": {**_SERIES_BOOK, "A3": "editor", "M1": "collection-number", "SP": "number-of-pages"},
    # An edited book's AU is its editor ("Editor"), as Zotero imports it.
    "EDBOOK": {**_SERIES_BOOK, "AU": "editor", "A1": "editor", "M1": "collection-number", "SP": "number-of-pages"},
    "EBOOK": {"SP": "number-of-pages", "NV": "version"},  # an e-book's "Version"
    "CLSWK": {**_SERIES_BOOK, "M1": "collection-number", "SP": "number-of-pages"},
    "CTLG": {"T2": "collection-title", "M1": "collection-number", "NV": "number"},  # "Catalog Number"
    # RIS.js: A2 seriesEditor, T2 seriesTitle, SN reportNumber of a report; its A3 is EndNote's
    # "Publisher" (RIS.js reads none), no series editor.
    "RPRT": {**_SERIES_BOOK, "SN": "number", "A3": None},
    "COMP": {**_SERIES_BOOK, "ET": "version"},
    "MAP": {**_SERIES_BOOK, "C1": "scale"},  # "Scale" (RIS.js C1: scale)
    "MULTI": dict(_SERIES_BOOK),
    # "Producer", "Performers", "Running Time" (RIS.js: A3 producer, SP runningTime).
    "MPCT": {"T2": "collection-title", "A3": "producer", "A4": "performer", "SP": "dimensions"},
    "ADVS": {"A2": "performer"},  # "Performers"
    # "Agency, Funding", "Version", "Study Number" (RIS.js: A4 contributor, ET versionNumber, NV
    # identifier). Its A2, "Producer" to EndNote, RIS.js does not read and ProCite writes as the
    # editor: it stays the editor.
    "DATA": {"A4": "contributor", "ET": "version", "NV": "number"},
    "ART": {"C3": "dimensions"},  # "Size/Length" (RIS.js C3: artworkSize)
    "BLOG": {"A3": "illustrator", "VL": None},  # "Illustrator"; VL is its "Access Year"
    # A web page's "Access Date" and "Access Year" (RIS.js: M1 and VL accessDate).
    "WEB": {"M1": "accessed", "VL": None},
    # "Number of Volumes", "Series Volume" (RIS.js: M1 numberOfVolumes, SV seriesNumber).
    "CHAP": {"M1": "number-of-volumes", "SV": "collection-number"},
    "ECHAP": {"M1": "collection-number"},
    "SER": {"M1": "collection-number"},
    # An electronic article's or a conference paper's "Issue" (RIS.js: M1 issue of an article);
    # an electronic article's "Document Number", an e-book's "Version".
    "EJOUR": {"M1": "issue", "NV": "number"},
    # A conference paper's "Proceedings Title" (RIS.js C3: proceedingsTitle), "Issue" and
    # "Sponsor" (RIS.js A4: contributor).
    "CONF": {"C3": "container-title", "M1": "issue", "A4": "contributor"},
    # A magazine's "Issue Number"; a periodical's "Frequency" is no number of volumes.
    "MGZN": {"M1": "issue", "NV": None},
    "NEWS": {"NV": None},
    # A bill's "Sponsor" is its author (RIS.js: sponsor, which Zotero cites as the author); a
    # bill's and a hearing's "Legislative Body" (RIS.js T3: legislativeBody, CSL's authority); a
    # hearing's "Committee" (RIS.js T2: committee, which Zotero cites as the section).
    "BILL": {"A2": "author", "T3": "authority"},
    "HEAR": {"T2": "section", "T3": "authority"},
    # A case's "Reporter" is the law report it is printed in (RIS.js: reporter, a text field
    # Zotero cites as the container); "Docket Number" (RIS.js SV: docketNumber); its "Counsel",
    # "Court, Higher" and "Reporter Abbreviation" have no CSL field.
    "CASE": {"A2": "container-title", "SV": "number", "A3": None, "A4": None, "NV": None},
    # A patent's "Patent Number" (RIS.js SN: patentNumber); its "International Author" is none of
    # CSL's names. Its A2 ("Organization, Issuing"; Reference Manager writes the assignee there)
    # stays the secondary author, an editor.
    "PAT": {"SN": "number", "A3": None},
    # A thesis's "Number of Pages" and "Advisor" (RIS.js: SP numPages, A3 contributor).
    "THES": {"SP": "number-of-pages", "A3": "contributor"},
    # A whole issue's SN is its ISSN.
    "JFULL": {"SN": "ISSN"},
}
# What a tag is read as when the TY's own tag for its field has filled it: EndNote's conference
# paper names its conference in T2 ("Conference Name", RIS.js: conferenceName) beside its
# proceedings in C3; without C3 (as other tools write CONF) T2 is the proceedings title.
TY_SECOND_TAGS: Mapping[str, Mapping[str, str]] = {"CONF": {"T2": "event-title"}}


def _field_tag(csl_type: str, variable: str) -> str | None:
    """The tag of ``variable`` by FIELDS and TYPE_FIELDS, before the TY's own readings."""
    overrides = TYPE_FIELDS.get(csl_type, {})
    return overrides[variable] if variable in overrides else FIELDS.get(variable)


def tag_for(csl_type: str, variable: str) -> str | None:
    """The tag of ``variable`` in RIS (as the reader takes it, in the TY written for
    ``csl_type``); None: no tag. Where the TY reads the usual tag as another field (a book's
    ``T2`` is its series), the tag the TY reads as ``variable``, unless pandoc reads that tag as
    another field (a book's series editor in ``A2`` would be its editor to pandoc)."""
    tag = _field_tag(csl_type, variable)
    ty = TYPES.get(csl_type, "GEN")
    reading = _reading_tags(csl_type, ty)
    if tag is not None and reading.get(tag) == variable:
        return tag
    own = TY_TAGS.get(ty, {})
    return next(
        (t for t in TAG_ORDER if own.get(t) == variable and PANDOC_TAGS.get(t, variable) == variable),
        None,
    )


# RIS.js fieldMap: SP is the number of pages (numPages) of a manuscript, where a record's page
# range would be misfiled (of a book and a thesis, TY_TAGS reads it so too); DO of an item type
# without a DOI field RIS.js itself writes into Extra.
_MISFILED: frozenset[tuple[str, str]] = frozenset({("MANSCPT", "SP")})
_KEPT_BY_RIS_JS = frozenset({"DO"})


def zotero_item_type(csl_type: str) -> str | None:
    """The Zotero item type of the saved item: RIS.js's for the TY, unless the ``type:`` line of
    M2 names another. The client's save step (``Zotero.Item.prototype.fromJSON``, which calls
    ``Zotero.Utilities.Internal.extractExtraFields``) makes a ``type:`` line of Extra naming a CSL
    type the item type of the first Zotero type mapped to it, when the translator's is not one."""
    ty = TYPES.get(csl_type, "GEN")
    if READ_TYPES.get(ty) != csl_type and csl_type in ZOTERO_TYPES:
        return ZOTERO_TYPES[csl_type]
    return ZOTERO_ITEM_TYPES.get(ty)


def _zotero_lacks(csl_type: str, variable: str) -> bool:
    """True when the Zotero item type of the saved item has no field for it."""
    tag = tag_for(csl_type, variable)
    return tag not in _KEPT_BY_RIS_JS and item_type_lacks(zotero_item_type(csl_type), variable)


def written_tag(csl_type: str, variable: str) -> str | None:
    """The tag the writer uses: :func:`tag_for`'s, or None (an M2 line only) where Zotero would
    misfile it: a creator of a type its item type lacks (Zotero makes it an author), a page range
    RIS.js reads as the number of pages."""
    tag = tag_for(csl_type, variable)
    if tag is None or not _zotero_lacks(csl_type, variable):
        return tag
    if variable in NAME_FIELDS or (TYPES.get(csl_type, "GEN"), tag) in _MISFILED:
        return None
    return tag


def also_m2_line(csl_type: str, variable: str) -> bool:
    """True for a field written with its tag and again as an M2 line: Zotero's item type for the
    TY has no field for it (a letter's pages, a manuscript's publisher, a speech's archive), so
    Zotero drops the tag but keeps the line in Extra, while pandoc and EndNote read the tag."""
    return written_tag(csl_type, variable) is not None and _zotero_lacks(csl_type, variable)


def _ris_date(date: Mapping[str, Any]) -> str | None:
    """``YYYY/MM/DD/`` (``1998///`` for a year); None for what RIS cannot say (ranges, circa)."""
    parts = date.get("date-parts")
    if not isinstance(parts, list) or len(parts) != 1 or date.get("circa") or date.get("season"):
        return None
    numbers = [int(p) for p in parts[0]]
    if not 1 <= len(numbers) <= 3 or not 0 <= numbers[0] <= 9999:
        return None
    fields = [f"{numbers[0]:04d}", *(f"{n:02d}" for n in numbers[1:])]
    return "/".join(fields + [""] * (3 - len(fields))) + "/"


def _year_date(text: str, warnings: list[RecordWarning], record_id: str | None, origin: Origin) -> dict[str, Any]:
    """PY's fields (a date of issue, or a status), its warning (a year 0000) added to ``warnings``."""
    fields, warning = date_fields(text, "issued", _read_ris_date)
    if warning:
        warnings.append(with_origin(warning, record_id, origin))
    return fields


def _read_ris_date(text: str, variable: str) -> tuple[dict[str, Any], RecordWarning | None]:
    match = re.match(r"^(\d{4})(?:[/-](\d{1,2})?(?:[/-](\d{1,2})?)?)?(?:/.*)?$", text.strip())
    if match and int(match[1]) == 0:
        # RIS years are the calendar's, which has no year 0: tools write 0000 for "no date".
        return {"literal": text.strip()}, RecordWarning(
            f"year '{match[1]}' is no year (RIS has no year 0); kept as a literal date: "
            "write the year, or leave the tag out for an undated item",
            field=variable,
        )
    if match:
        numbers = [int(g) for g in match.groups() if g]
        # A month or day of 00 (ADS writes "1993/00/00/") is none: the date stops before it.
        while 0 in numbers:
            numbers = numbers[: numbers.index(0)]
        return {"date-parts": [numbers]}, None
    return text_to_date(text.strip(), variable, None)


def _ris_name(name: Mapping[str, Any]) -> str:
    if name.get("literal"):
        # EndNote's form of an institution or a name not to split: a trailing comma. pandoc
        # splits a name without a comma into given and family ("Sung, Kim Il").
        return str(name["literal"]).rstrip(",") + ","
    # A name written "Family," reads back as a literal (see _read_name), so a family name alone
    # is not exact: it is kept in an M2 line as well.
    # Particles are not dropped: "de Gaulle, Charles", "Weizsäcker, Richard von".
    family = " ".join(str(name[p]) for p in ("non-dropping-particle", "family") if name.get(p))
    given = " ".join(str(name[p]) for p in ("given", "dropping-particle") if name.get(p))
    parts = [family, given]
    if name.get("suffix"):
        parts.append(str(name["suffix"]))
    return ", ".join(parts)


def _name_is_exact(name: Mapping[str, Any]) -> bool:
    """True when the name as written (``Family, Given, Suffix`` or ``Literal,``) reads back as ``name``."""
    if set(name) == {"literal"}:
        text = str(name["literal"])
        return bool(text.strip()) and text == text.strip() and "," not in text and "\n" not in text
    text = "".join(str(name.get(p, "")) for p in ("family", "given", "suffix"))
    return (
        set(name) <= {"family", "given", "suffix"}
        and bool(name.get("family"))
        and bool(name.get("given") or name.get("suffix"))
        and "," not in text
        and "\n" not in text
    )


def _date_with_year(date_text: str, year_text: str) -> tuple[dict[str, Any], RecordWarning | None]:
    """A ``DA`` that is no date (``July``, ``Spring``, ``July 4``) read with the year of ``PY``: as
    a date written in words when it is one with that year, else its month when it names one, else
    the year alone with the text kept in a warning."""
    year, _ = _read_ris_date(year_text, "issued")
    if "date-parts" not in year:
        return _read_ris_date(date_text, "issued")
    parts = year["date-parts"][0][:1]
    worded, _ = text_to_date(f"{date_text.strip()} {parts[0]:04d}", "issued", None)
    if "date-parts" in worded:
        return worded, None
    words = re.findall(r"[A-Za-z]+|\d+", date_text)
    month = next((number for w in words if (number := month_number(w)) is not None), None)
    if month:
        day = next((int(w) for w in words if w.isdecimal() and 1 <= int(w) <= 31), None)
        return {"date-parts": [[*parts, month, *([day] if day else [])]]}, None
    return {"date-parts": [parts]}, RecordWarning(
        f"date '{date_text}' is no date; the year of PY is read, the text is not kept", field="issued"
    )


def _read_name(text: str) -> dict[str, Any]:
    if "," not in text or (text.count(",") == 1 and not text.split(",")[1].strip()):
        # No comma, or EndNote's trailing comma of a corporate author ("Kim Il Sung,"): a name
        # not to split. pandoc and Zotero read "Name," as a family name alone, which a CSL
        # processor prints exactly as this literal name.
        return {"literal": text.replace(",", "").strip()}
    family, given, *rest = (part.strip() for part in text.split(","))
    name: dict[str, Any] = {"family": family}
    if given:
        name["given"] = given
    if rest and rest[0]:
        name["suffix"] = ", ".join(rest)
    return name


def _one_line(value: str) -> str:
    """A value on one line: a line break (Unicode's line and paragraph separators too) and the
    spaces around it become one space."""
    return re.sub(r"(?<![ \t])[ \t]*[\r\n\u2028\u2029\x85]+[ \t]*", " ", value)


def _page_tags(page: str) -> list[tuple[str, str]]:
    match = re.fullmatch(r"([^\s,-]+)-([^\s,-]+)", page)
    if match:
        return [("SP", match.group(1)), ("EP", match.group(2))]
    return [("SP", page)]


@dataclass
class _Entry:
    """An RIS entry being written: its lines, the variables kept in M2 lines, and the warnings."""

    record: Record
    tags: list[tuple[str, str]]
    leftovers: list[str] = field(default_factory=list)
    warnings: list[RecordWarning] = field(default_factory=list)

    def keep_in_m2(self, variable: str, target: str = "RIS") -> None:
        """``variable`` kept only in an M2 line, with a warning that ``target`` has no place for it."""
        self.leftovers.append(variable)
        self.warnings.append(lost_field_warning(self.record, variable, target, "M2"))


def _record_tags(record: Record) -> tuple[list[tuple[str, str]], list[RecordWarning]]:
    fields: dict[str, Any] = {
        k: (str(v) if isinstance(v, int | float) and not isinstance(v, bool) else v) for k, v in record.fields.items()
    }
    entry = _Entry(record, [("TY", TYPES.get(record.type, "GEN"))])
    if READ_TYPES.get(entry.tags[0][1]) != record.type:
        entry.leftovers.append("type")
    entry.tags.extend(_custom_tags(record.type, fields.pop(CUSTOM, None)))
    for variable, value in fields.items():
        if variable not in ("type", "note"):
            _write_field(entry, variable, value)
    # The name lines go to M2 (Zotero's Extra), the record's own note to N1 (a note).
    own = {name: value for name, value in fields.items() if name != "note"}
    lines = fold_leftovers({**own, "type": record.type}, entry.leftovers).get("note")
    if lines:
        entry.tags.extend(("M2", line) for line in str(lines).split("\n"))
    if fields.get("note"):
        entry.tags.extend(("N1", line) for line in str(fields["note"]).split("\n"))
    tags = entry.tags
    tags[1:] = sorted(tags[1:], key=lambda tag: TAG_ORDER.index(tag[0]) if tag[0] in TAG_ORDER else len(TAG_ORDER))
    return tags, entry.warnings


def _write_field(entry: _Entry, variable: str, value: Any) -> None:
    """The lines of one variable, by the kind of value its tag holds."""
    record = entry.record
    tag = written_tag(record.type, variable)
    if tag is not None and also_m2_line(record.type, variable):
        entry.leftovers.append(variable)  # for Zotero, whose item type drops the tag
    if tag is None:
        target = "RIS" if tag_for(record.type, variable) is None else f"Zotero's RIS import of {entry.tags[0][1]}"
        entry.keep_in_m2(variable, target)
    elif variable in NAME_FIELDS:
        _write_names(entry, variable, value, tag)
    elif variable in DATE_FIELDS:
        _write_date(entry, variable, value, tag)
    elif variable == "page":
        entry.tags.extend(_page_tags(str(value)))
    elif tag == "UR":
        # rispy (and so archcite) reads ";" in UR as a separator between URLs.
        entry.tags.append((tag, re.sub(r"\s", "%20", value.strip()).replace(";", "%3B")))
    elif isinstance(value, str):
        # One line per value: pandoc reads only a tag's first line and keeps only the first
        # of repeated single-value tags, so a wrapped value is joined as a reader would join it.
        entry.tags.append((tag, _one_line(value)))
    elif variable not in entry.leftovers:
        entry.keep_in_m2(variable)


def _write_names(entry: _Entry, variable: str, names: list[Any], tag: str) -> None:
    """A line per name; names RIS cannot hold exactly are kept in an M2 line as well."""
    entry.tags.extend((tag, _one_line(_ris_name(name))) for name in names)
    if not all(_name_is_exact(name) for name in names) and variable not in entry.leftovers:
        entry.leftovers.append(variable)
        entry.warnings.append(
            RecordWarning(
                f"RIS names are 'Family, Given, Suffix'; '{variable}' kept exactly in an M2 line",
                record_id=entry.record.id,
                origin=entry.record.origin,
                field=variable,
            )
        )


def _write_date(entry: _Entry, variable: str, date: Mapping[str, Any], tag: str) -> None:
    """A date as RIS writes one (with PY, the year, for the date of issue). A date RIS cannot hold
    is kept in an M2 line, and its first date or its free text written as the nearest RIS date."""
    text = _ris_date(date)
    if text is None:
        entry.keep_in_m2(variable)
        first = date.get("date-parts", [[]])[0] if isinstance(date.get("date-parts"), list) else []
        text = _ris_date({"date-parts": [first]}) if first else None
        if text is None and isinstance(date.get("literal"), str) and date["literal"].strip():
            # Free text ("March 2010", "n.d."), which Zotero and EndNote read in DA;
            # the M2 line keeps it exactly for archcite.
            entry.tags.append((tag, _one_line(date["literal"]).strip()))
    if text:
        entry.tags.append((tag, text))
        if variable == "issued":
            entry.tags.append(("PY", text[:4]))


# Tags the reader takes for no field, whatever the type: the entry's frame and the free lines.
_FRAME_TAGS = frozenset({"TY", "ER", "ID", "PY", "EP", "M2", "N1"})


def _custom_tags(csl_type: str, custom: Any) -> list[tuple[str, str]]:
    """The values of ``custom`` as RIS lines: under their tag where the key is a tag the reader
    takes for no field (one line per line of the value, as it was read), else as a ``custom:``
    line of M2, which the reader merges back."""
    reading = _reading_tags(csl_type, TYPES.get(csl_type, "GEN"))
    tags: list[tuple[str, str]] = []
    for key, value in custom.items() if isinstance(custom, Mapping) else ():
        if isinstance(value, str) and _TAG.fullmatch(key) and key not in reading and key not in _FRAME_TAGS:
            tags.extend((key, line) for line in value.split("\n"))
        else:
            tags.append(("M2", custom_line(key, value)))
    return tags


def dump(records: Sequence[Record]) -> Dumped:
    """The records as RIS, with a warning per field kept only in an M2 line."""
    references = []
    warnings: list[RecordWarning] = []
    all_tags: set[str] = set()
    for record in records:
        reference, tags = _reference(record, warnings)
        references.append(reference)
        all_tags |= tags
    return Dumped(_writer(all_tags).formats(references), warnings)


def stream(records: Iterable[Record], warnings: list[RecordWarning]) -> Iterator[str]:
    """:func:`dump`'s text one record at a time."""
    separator = ""
    for record in records:
        reference, tags = _reference(record, warnings)
        writer = _writer(tags)
        # rispy puts its separator line between references, and a line break after the last.
        yield separator + writer.formats([reference])
        separator = "" if writer.SEPARATOR is None else writer.SEPARATOR + writer.NEWLINE


def _reference(record: Record, warnings: list[RecordWarning]) -> tuple[dict[str, Any], set[str]]:
    """The record as a rispy reference, and the tags it uses."""
    tags, record_warnings = _record_tags(record)
    warnings.extend(record_warnings)
    reference: dict[str, Any] = {}
    for tag, value in tags:
        reference.setdefault(tag.lower(), []).append(value)
    reference["type_of_reference"] = reference.pop("ty")[0]
    return reference, {tag for tag, _ in tags}


def _writer(tags: set[str]) -> Any:
    mapping = {tag: tag.lower() for tag in tags - {"TY"}} | {"TY": "type_of_reference", "ER": "end_of_reference"}
    return _writer_class()(mapping=mapping, list_tags=sorted(tags - {"TY"}))


@functools.cache
def _writer_class() -> Any:
    from rispy import RisWriter

    class Writer(RisWriter):  # type: ignore[misc]
        # rispy numbers each record ("1."); other readers take that for stray text.
        def set_header(self, count: int) -> str:
            return ""

    return Writer


def _entry_chunks(text: str) -> tuple[list[tuple[int, list[str]]], list[tuple[int, str, list[str]]]]:
    """Lines of each ``TY`` ... ``ER`` entry (continuation lines joined), and the broken ones."""
    entries: list[tuple[int, list[str]]] = []
    broken: list[tuple[int, str, list[str]]] = []
    current: list[str] | None = None
    start = 0
    for number, line in enumerate(text.split("\n"), 1):
        match = _TAG_LINE.match(line.rstrip("\r"))
        if match and match.group(1) == "TY":
            if current is not None:
                broken.append((start, "entry has no 'ER  -' end line before the next 'TY'", current))
            current, start = [f"TY  - {(match.group(2) or '').strip()}"], number
        elif current is None:
            continue  # text between entries (headers, blank lines) is not data
        elif match and match.group(1) == "ER":
            entries.append((start, current))
            current = None
        elif match:
            current.append(f"{match.group(1)}  - {match.group(2) or ''}".rstrip("\r"))
        elif line.strip():
            current[-1] += "\n" + line.strip()  # a continuation line
    if current is not None:
        broken.append((start, "entry has no 'ER  -' end line", current))
    return entries, broken


def _tags_of(lines: list[str]) -> dict[str, list[str]]:
    from rispy import RisParser

    tags = {line[:2] for line in lines}
    mapping = {tag: tag for tag in tags} | {"TY": "TY", "ER": "ER"}
    parsed = RisParser(mapping=mapping, list_tags=sorted(tags - {"TY"})).parse_lines(iter([*lines, "ER  - "]))
    record = parsed[0] if parsed else {}
    return {tag: ([value] if isinstance(value, str) else list(value)) for tag, value in record.items()}


def _item(tags: dict[str, list[str]], source: str, line: int) -> tuple[dict[str, Any], list[RecordWarning]]:
    origin = Origin(source, line=line)
    ty = tags.pop("TY", [""])[0].strip().upper()
    record_id = "\n".join(tags.pop("ID", [])) or None
    # archcite writes its name lines as M2 (earlier versions: N1), the record's own note as N1.
    m2_lines = tags.pop("M2", [])
    notes = "\n".join(m2_lines + tags.pop("N1", []))
    csl_type, note, type_warning = _read_type(ty, notes)
    warnings = [with_origin(type_warning, record_id, origin)] if type_warning else []
    item: dict[str, Any] = {"type": csl_type}
    if record_id:
        item["id"] = record_id
    by_tag = _reading_tags(csl_type, ty)
    custom = {
        tag: "\n".join(_one_line(v) for v in values if v.strip())
        for tag, values in tags.items()
        if tag not in by_tag and tag not in ("EP", "PY", "ER") and any(v.strip() for v in values)
    }
    date_warnings = _read_tags(item, tags, ty, by_tag, m2_lines)
    warnings.extend(with_origin(warning, record_id, origin) for warning in date_warnings)
    if "language" in item:
        # LA is free text (``English``, ``eng``); CSL's language is a BCP 47 tag.
        item["language"] = language_tag(item["language"]) or item["language"]
    if "issued" not in item and "status" not in item and tags.get("PY"):
        for key, value in _year_date(tags["PY"][0], warnings, record_id, origin).items():
            item.setdefault(key, value)
    _doi_from_m3(item, custom)
    if custom:
        item[CUSTOM] = custom
    warnings.extend([kept_in_custom_warning(custom, record_id, origin)] if custom else [])
    rest = _without_restated(item, str(note.get("note") or ""), m2_lines)
    if rest:
        item = unfold_leftovers({**item, "note": rest})
        item["type"] = csl_type
    return item, warnings


def _read_tags(
    item: dict[str, Any], tags: dict[str, list[str]], ty: str, by_tag: Mapping[str, str], m2_lines: list[str]
) -> list[RecordWarning]:
    """The fields of ``item`` from the tags (of an entry of type ``ty``) with a field; the dates'
    warnings."""
    warnings: list[RecordWarning] = []
    own, second = TY_TAGS.get(ty, {}), TY_SECOND_TAGS.get(ty, {})
    # DA before the others: the RIS specification deprecates Y1, whose date DA overrides; then the
    # TY's own tags, which say more than a tag of the same field in any type.
    for tag, values in sorted(tags.items(), key=lambda tag_values: (tag_values[0] != "DA", tag_values[0] not in own)):
        variable = by_tag.get(tag)
        if variable in item and tag in second:
            variable = second[tag]
        if variable is None or tag in ("EP", "PY", "ER"):
            continue  # kept in custom, or read with the tag it completes
        if variable in NAME_FIELDS:
            # A1 and AU (EndNote writes both) are one list of authors, in the order written.
            item.setdefault(variable, []).extend(_read_name(v) for v in values if v.strip())
        elif variable in DATE_FIELDS and variable not in item:
            fields, warning = _read_date_tag(variable, values[0], tags.get("PY"), m2_lines)
            for key, value in fields.items():
                item.setdefault(key, value)
            warnings.extend([warning] if warning else [])
        elif variable not in item:
            item[variable] = _text_value(variable, values, tags.get("EP"))
    if own.get("A2") == "collection-editor" and "collection-title" not in item and "collection-editor" in item:
        # A series editor edits a series: without a series title, A2 is the secondary author of
        # the 2004 RIS specification, an editor (as pandoc and JabRef read A2 of any type).
        item["editor"] = [*item.get("editor", []), *item.pop("collection-editor")]
    return warnings


def _doi_from_m3(item: dict[str, Any], custom: dict[str, str]) -> None:
    """M3 is the type of work, but databases (ScienceDirect, SciFinder, PubMed through EndNote)
    write an article's DOI there, and Zotero's RIS import reads M3 as the DOI of the types whose
    M3 is no type (RIS.js degenerateImportFieldMap): a DOI in M3 is the DOI, and a second,
    different DOI is kept in custom."""
    genre = item.get("genre")
    doi = bare_doi(genre) if isinstance(genre, str) else None
    if doi is None:
        return
    del item["genre"]
    known = item.get("DOI")
    if known is None:
        item["DOI"] = doi
    elif (bare_doi(str(known)) or str(known)).lower() != doi.lower():
        custom["M3"] = str(genre)


def _read_type(ty: str, notes: str) -> tuple[str, dict[str, Any], RecordWarning | None]:
    """The CSL type of an entry, from its TY or the ``type:`` line archcite writes where the TY
    cannot say it (a document is MANSCPT); the note as read; a warning for an unknown TY."""
    note = unfold_note({"note": notes}, ("type",))
    # Another ``type:`` line is a user's own note text that happens to read "type: book".
    if "type" in note and TYPES.get(str(note["type"]), "GEN") != ty:
        note = {"note": notes}
    warning = None
    if ty not in READ_TYPES and "type" not in note:
        warning = RecordWarning(f"unknown RIS type '{ty}'; read as a document")
    return str(note.get("type", READ_TYPES.get(ty, "document"))), note, warning


def _read_date_tag(
    variable: str, text: str, year: list[str] | None, m2_lines: list[str]
) -> tuple[dict[str, Any], RecordWarning | None]:
    """A date tag's fields (its date; for a date of issue maybe a status or an original date); a
    date of issue that is no date is read with PY's year. No warning when a date line of M2 (a
    literal or a range the writer also put in DA) gives the date."""
    fields, warning = date_fields(text, variable, _read_ris_date)
    if variable == "issued" and "literal" in fields.get(variable, {}) and year:
        date, warning = _date_with_year(text, year[0])
        fields = {variable: date}
    if any(line.startswith(f"{variable}: ") for line in m2_lines):
        # The tag is the writer's copy of the date the line keeps: it says nothing more.
        return {key: value for key, value in fields.items() if key == variable}, None
    return fields, warning


def _text_value(variable: str, values: list[str], end_page: list[str] | None) -> str:
    """The text of a field from its tag's values (continuation lines joined to them by a line break)."""
    if variable == "page":
        return values[0] + (f"-{end_page[0]}" if end_page else "")
    if variable == "keyword":
        # A keyword per tag, and per line of a wrapped one (as Zotero reads KW).
        return ", ".join(line for v in values for line in v.split("\n") if line.strip())
    if variable in _FREE_TEXT:
        return "\n".join(values)
    # A value wrapped over continuation lines is one line (EndNote wraps long titles).
    return "\n".join(_one_line(v) for v in values)


def _reading_tags(csl_type: str, ty: str) -> Mapping[str, str]:
    """Tag -> record field, as the reader takes the tags of an entry of type ``ty`` read as a
    record of ``csl_type``."""
    # Types the tables do not name read alike: the cache holds one table for all of them, however
    # many types a file makes up.
    return _reading_table(csl_type if csl_type in TYPE_FIELDS else "", ty if ty in TY_TAGS else "")


@functools.cache
def _reading_table(csl_type: str, ty: str) -> Mapping[str, str]:
    by_tag: dict[str, str] = {}
    for variable in FIELDS:
        variable_tag = _field_tag(csl_type, variable)
        if variable_tag:
            by_tag.setdefault(variable_tag, variable)
    # The writer puts editors in ED (see FIELDS); A2, the RIS specification's secondary author,
    # is still the editor of every type that gives A2 no other meaning (as Zotero reads it).
    by_tag.setdefault("A2", "editor")
    by_tag |= {
        "A1": "author",
        "ED": "editor",
        "T1": "title",
        "JO": "container-title",
        "JF": "container-title",
        "Y1": "issued",
        "N2": "abstract",
        "PP": "publisher-place",
        "SE": "section",
        "DP": "source",  # the database the entry came from (Zotero's "Library Catalog")
        "AV": "archive_collection",  # as archcite wrote the collection before M2
        "JA": "container-title-short",
        "J2": "container-title-short",
    }
    for tag, reading in TY_TAGS.get(ty, {}).items():
        if reading is None:
            by_tag.pop(tag, None)
        else:
            by_tag[tag] = reading
    return MappingProxyType(by_tag)


def _without_restated(item: dict[str, Any], note: str, m2_lines: list[str]) -> str:
    """``note`` without the M2 lines that restate a field read from its tag (the writer adds them
    for Zotero, whose item type drops that tag); such a line's value is the exact one."""
    written = set(m2_lines)
    kept = []
    for line in note.split("\n") if note else []:
        name, colon, text = line.partition(": ")
        if line in written and colon and name in item and name not in NAME_FIELDS | DATE_FIELDS:
            exact = decode_value(name, text)
            if isinstance(exact, str) and _one_line(exact) == _one_line(str(item[name])):
                item[name] = exact
                continue
        kept.append(line)
    return "\n".join(kept)


def load(text: str, source: str) -> Parsed:
    """Every complete entry as an item; each broken one as a warning with its line and ID."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    entries, broken = _entry_chunks(text)
    parsed = Parsed()
    for line, reason, lines in broken:
        record_id = next((entry_line[6:].strip() for entry_line in lines if entry_line.startswith("ID  - ")), None)
        parsed.warnings.append(
            RecordWarning(
                f"malformed RIS entry skipped: {reason}",
                record_id=record_id or None,
                origin=Origin(source, line=line),
                skipped=True,
            )
        )
    repeated = RepeatedIds("ID")
    index = 0
    for line, lines in entries:
        item, warnings = _item(_tags_of(lines), source, line)
        record_id = item.get("id")
        if isinstance(record_id, str):
            # Reference managers reuse IDs (rispy's examples, merged exports): see RepeatedIds.
            placed, told = repeated.place(record_id, line, {k: v for k, v in item.items() if k != "id"})
            if told:
                warnings.append(RecordWarning(told, record_id=record_id, origin=Origin(source, line=line)))
            if placed is None:
                parsed.warnings.extend(warnings)
                continue
            item["id"] = placed
        parsed.items.append((item, Origin(source, line=line, index=index)))
        parsed.warnings.extend(warnings)
        index += 1
    parsed.warnings.sort(key=lambda warning: warning.origin.line or 0 if warning.origin else 0)
    if not entries and not broken and text.strip():
        message = "no RIS entry (a 'TY  - ' line) found"
        if re.match(r"FN [^\n]*\nVR ", text.lstrip()):
            # Web of Science's own tagged format (FN, VR, PT lines), which people save as .ris.
            message += (
                ": this is Web of Science's tagged format, which archcite does not read; "
                "export the records from Web of Science as RIS"
            )
        parsed.warnings.append(RecordWarning(message, origin=Origin(source, line=1)))
    return parsed


def sniff(text: str) -> bool:
    return re.match(r"\s*(\d+\.\s*\n\s*)?TY  ?- ", text.lstrip("\ufeff")) is not None


FORMATS = [
    Format(
        name="ris",
        description="RIS (Zotero, EndNote, Mendeley): DB archive, AN location; the rest as M2 lines (Extra)",
        suffixes=(".ris",),
        sniff=sniff,
        load=load,
        dump=dump,
        stream=stream,
    )
]
