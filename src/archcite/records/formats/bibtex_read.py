"""Reading BibTeX and BibLaTeX as biber and pandoc read them.

bibtexparser 2 splits the file into entries, ``@string`` definitions and malformed blocks; the
rest is the biblatex manual's data model, applied to every entry:

- field names in any case; ``@string`` macros and ``#`` concatenation expanded (the month
  macros ``jan``..``dec`` stay names, so that ``month = sep`` reads as September);
- ``crossref`` and ``xdata`` inheritance (biblatex manual, appendix B: a book's ``title`` is an
  ``@inbook``'s ``booktitle``, a multi-volume book's the ``maintitle``; some fields are never
  inherited); ``xref`` only points to its parent and inherits nothing;
- titles as their parts say (``title: subtitle. titleaddon``, ``maintitle`` of a volume), English
  titles in sentence case as CSL stores them: a BibTeX title is title-cased for styles that keep it
  so, its brace-protected words are the ones no style may change (``{Protected}``); a protected word
  with a lower-case letter first (``{iPhone}``) stays a ``nocase`` span;
- the entry type, field and name tables of the biblatex manual (``@video``, ``@artwork``,
  ``eprint`` + ``eprinttype`` as a URL, ``family=..., given=...`` names, ...).

A field no rule reads (a reference manager's ``file`` or ``timestamp``, ``city``, ``eid``, an
``eprint`` of a type with no URL) is kept in CSL-JSON's ``custom`` under its name as the file
writes it, which no style prints, with one warning per entry naming the fields.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from archcite.errors import InputError
from archcite.records import latex
from archcite.records.extra import unfold_note
from archcite.records.keys import RepeatedIds
from archcite.records.languages import LANGUAGES, language_tag
from archcite.records.latex import PROTECT_END, PROTECT_START, SENTENCE_STARTS, next_case_state
from archcite.records.mapping import date_fields, kept_in_custom_warning, text_to_date, unfold_leftovers, with_origin
from archcite.records.model import CUSTOM, Origin, RecordWarning
from archcite.records.registry import Parsed
from archcite.records.written_dates import is_no_date, month_number

# Entry type (lower case) -> CSL type: the biblatex manual's types, their BibTeX aliases, and
# biblatex's "unsupported" types as pandoc reads them.
ENTRY_TYPES: Mapping[str, str] = {
    "article": "article-journal",
    "book": "book",
    "mvbook": "book",
    "inbook": "chapter",
    "bookinbook": "book",
    "suppbook": "chapter",
    "booklet": "pamphlet",
    "collection": "book",
    "mvcollection": "book",
    "incollection": "chapter",
    "suppcollection": "chapter",
    "dataset": "dataset",
    "data": "dataset",
    "manual": "book",
    "misc": "document",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
    "patent": "patent",
    "periodical": "periodical",
    "suppperiodical": "article-journal",
    "proceedings": "book",
    "mvproceedings": "book",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "reference": "book",
    "mvreference": "book",
    "inreference": "entry-encyclopedia",
    "report": "report",
    "techreport": "report",
    "software": "software",
    "thesis": "thesis",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "unpublished": "manuscript",
    "letter": "personal_communication",
    "letters": "personal_communication",
    # biblatex: types "not supported by the standard styles", and biblatex-apa's
    "artwork": "graphic",
    "image": "graphic",
    "audio": "song",
    "music": "song",
    "video": "motion_picture",
    "movie": "motion_picture",
    "commentary": "book",
    "jurisdiction": "legal_case",
    "legislation": "legislation",
    "legal": "treaty",
    "performance": "performance",
    "review": "review",
    "standard": "standard",
    "newsarticle": "article-newspaper",
    # what EndNote and Mendeley write
    "book_section": "chapter",
    "web_page": "webpage",
    "generic": "document",
}
SUBTYPES: Mapping[str, str] = {"magazine": "article-magazine", "newspaper": "article-newspaper"}
PERIODICAL_TYPES = frozenset({"article", "periodical", "suppperiodical"})
_CHAPTER_TYPES = frozenset({"inbook", "bookinbook", "suppbook", "incollection", "inproceedings", "inreference"})
# Types whose number is the number in a series (biblatex's "number" of a book is collection-number).
SERIES_NUMBER_TYPES = frozenset(
    {
        "book", "mvbook", "bookinbook", "inbook", "suppbook", "collection", "mvcollection", "incollection",
        "suppcollection", "proceedings", "mvproceedings", "inproceedings", "reference", "mvreference", "inreference",
    }
)  # fmt: skip

# biber's default field aliases (biblatex manual 2.2.5).
_FIELD_ALIASES: Mapping[str, str] = {
    "archiveprefix": "eprinttype",
    "primaryclass": "eprintclass",
    "hyphenation": "langid",
    "annote": "annotation",
    "key": "sortkey",
}

# crossref: fields never inherited (biblatex manual B.2), and renamed from parent to child type.
_NOT_INHERITED = frozenset(
    {
        "ids", "crossref", "xref", "xdata", "entryset", "entrysubtype", "execute", "label", "options", "presort",
        "related", "relatedoptions", "relatedstring", "relatedtype", "shorthand", "shorthandintro", "sortkey",
    }
)  # fmt: skip
_TITLE_PARTS = ("title", "subtitle", "titleaddon", "shorttitle", "sorttitle", "indextitle", "indexsorttitle")
_AS_MAIN = dict(zip(_TITLE_PARTS, ("maintitle", "mainsubtitle", "maintitleaddon", None, None, None, None), strict=True))
_AS_BOOK = dict(zip(_TITLE_PARTS, ("booktitle", "booksubtitle", "booktitleaddon", None, None, None, None), strict=True))
_AS_JOURNAL = dict(
    zip(_TITLE_PARTS, ("journaltitle", "journalsubtitle", "journaltitleaddon", None, None, None, None), strict=True)
)
_INHERIT_RULES: tuple[tuple[frozenset[str], frozenset[str], Mapping[str, str | None]], ...] = (
    (frozenset({"mvbook"}), frozenset({"book", "inbook", "bookinbook", "suppbook"}), _AS_MAIN),
    (
        frozenset({"mvcollection", "mvreference"}),
        frozenset({"collection", "reference", "incollection", "inreference", "suppcollection"}),
        _AS_MAIN,
    ),
    (frozenset({"mvproceedings"}), frozenset({"proceedings", "inproceedings"}), _AS_MAIN),
    (frozenset({"book"}), frozenset({"inbook", "bookinbook", "suppbook"}), _AS_BOOK),
    (frozenset({"collection", "reference"}), frozenset({"incollection", "inreference", "suppcollection"}), _AS_BOOK),
    (frozenset({"proceedings"}), frozenset({"inproceedings"}), _AS_BOOK),
    (frozenset({"periodical"}), frozenset({"article", "suppperiodical"}), _AS_JOURNAL),
)

_LANGID_VARIANTS: Mapping[str, str] = {
    "british": "en-GB", "uk": "en-GB", "american": "en-US", "us": "en-US", "usmax": "en-US",
    "australian": "en-GB", "newzealand": "en-GB",
}  # fmt: skip

# biblatex localisation keys (english.lbx) that databases use in type, location and pubstate.
BIBSTRINGS: Mapping[str, str] = {
    "mathesis": "Master’s thesis",
    "phdthesis": "PhD thesis",
    "candthesis": "Candidate thesis",
    "techreport": "technical report",
    "resreport": "research report",
    "software": "computer software",
    "datacd": "CD-ROM",
    "audiocd": "audio CD",
    "patent": "patent",
    "patentde": "German patent",
    "patenteu": "European patent",
    "patentfr": "French patent",
    "patentuk": "British patent",
    "patentus": "U.S. patent",
    "patreq": "patent request",
    "patreqde": "German patent request",
    "patreqeu": "European patent request",
    "patreqfr": "French patent request",
    "patrequk": "British patent request",
    "patrequs": "U.S. patent request",
    "countryde": "Germany",
    "countryeu": "European Union",
    "countryep": "European Union",
    "countryfr": "France",
    "countryuk": "United Kingdom",
    "countryus": "United States of America",
    "inpress": "in press",
    "inpreparation": "in preparation",
    "submitted": "submitted",
    "forthcoming": "forthcoming",
    "prepublished": "pre-published",
    "newseries": "new series",
    "oldseries": "old series",
}

# eprinttype (lower case) -> the URL its eprint identifier is appended to.
EPRINT_URLS: Mapping[str, str] = {
    "arxiv": "https://arxiv.org/abs/",
    "jstor": "https://www.jstor.org/stable/",
    "pubmed": "https://www.ncbi.nlm.nih.gov/pubmed/",
    "googlebooks": "https://books.google.com?id=",
    "hdl": "https://hdl.handle.net/",
}

# eprinttype -> the CSL variable of that identifier.
EPRINT_VARIABLES: Mapping[str, str] = {"pubmed": "PMID", "pmid": "PMID", "pmcid": "PMCID", "pmc": "PMCID"}

# Name fields -> CSL name variables.
NAME_FIELDS: Mapping[str, str] = {
    "author": "author",
    "editor": "editor",
    "translator": "translator",
    "bookauthor": "container-author",
    "director": "director",
    "recipient": "recipient",
    "interviewer": "interviewer",
    "holder": "author",
}
# Plain text fields -> CSL variables (fields with rules of their own are read apart).
TEXT_FIELDS: Mapping[str, str] = {
    "edition": "edition",
    "version": "version",
    "pagetotal": "number-of-pages",
    "volumes": "number-of-volumes",
    "chapter": "chapter-number",
    "venue": "event-place",
    "origpublisher": "original-publisher",
    "origlocation": "original-publisher-place",
    "annotation": "annote",
    "abstract": "abstract",
    "keywords": "keyword",
    "shortjournal": "container-title-short",
    "isbn": "ISBN",
    "issn": "ISSN",
    "pmid": "PMID",
    "pmcid": "PMCID",
    "library": "archive_location",
    "archive": "archive",
    "archive_location": "archive_location",
    "archive-place": "archive-place",
    "archive_collection": "archive_collection",
    "call-number": "call-number",
    "medium": "medium",
    "dimensions": "dimensions",
    "scale": "scale",
    "section": "section",
    "howpublished": "publisher",
}
DATE_FIELDS: Mapping[str, str] = {
    "date": "issued",
    "eventdate": "event-date",
    "origdate": "original-date",
    "urldate": "accessed",
}
# Fields whose content the reader applies rather than reads as a value: the links of inheritance
# (crossref, xref, xdata: the parent's fields are read), biblatex's options, an editor's role.
# Every other field a rule does not read (a reference manager's file, timestamp, an address...)
# is kept in custom.
_APPLIED = frozenset({"crossref", "xref", "xdata", "options", "editortype"})
# The custom key of a field where citation-js (plugin-bibtex, mapping/biblatex.js) names one
# other than the field's name: Semantic Scholar's id.
CUSTOM_NAMES: Mapping[str, str] = {"s2id": "S2ID"}
# Fields read by the rules below (titles, numbers, publication, links, notes, language, type).
_READ_APART = frozenset(
    {
        "year", "month", "day", "endyear", "endmonth", "endday", "language", "langid", "type", "entrysubtype",
        "note", "addendum", "pubstate", "url", "doi", "eprint", "eprinttype", "number", "issue", "part", "volume",
        "pages", "publisher", "school", "institution", "organization", "address", "location", "series",
        "shorttitle", "eventtitle", "origtitle", "title", "subtitle", "titleaddon", "maintitle", "mainsubtitle",
        "maintitleaddon", "booktitle", "booksubtitle", "booktitleaddon", "journaltitle", "journalsubtitle",
        "journaltitleaddon", "journal", "issuetitle", "issuesubtitle", "issuetitleaddon",
    }
)  # fmt: skip


@dataclass
class _Entry:
    key: str
    entry_type: str
    fields: dict[str, str]
    line: int
    warnings: list[str] = field(default_factory=list)
    # field name (lower case) -> the name as the file writes it: the key of a value kept in custom
    written_names: dict[str, str] = field(default_factory=dict)


# ---------------------------------------------------------------- values


def _split_expression(raw: str) -> list[str] | None:
    """The parts of a ``{a} # "b" # macro`` field value; None when it is no such expression."""
    parts: list[str] = []
    position, length = 0, len(raw)
    while True:
        while position < length and raw[position].isspace():
            position += 1
        if position >= length:
            return parts or None
        part = _expression_part(raw, position)
        if part is None:
            return None
        parts.append(part)
        position += len(part)
        while position < length and raw[position].isspace():
            position += 1
        if position >= length:
            return parts
        if raw[position] != "#":
            return None
        position += 1


def _expression_part(raw: str, position: int) -> str | None:
    """The part of an expression starting at ``position``: a braced group, a quoted string (braces
    inside may hold a quote) or a macro name; None when none is complete there."""
    length = len(raw)
    char = raw[position]
    if char == "{":
        end = latex.group_end(raw, position)
        return raw[position:end] if raw[end - 1 : end] == "}" and end <= length else None
    if char == '"':
        end, depth = position + 1, 0
        while end < length and (raw[end] != '"' or depth > 0):
            depth += {"{": 1, "}": -1}.get(raw[end], 0)
            end += 2 if raw[end] == "\\" else 1
        return raw[position : end + 1] if end < length else None
    match = re.compile(r"[^\s#{}\"]+").match(raw, position)
    return match.group(0) if match else None


def expand_value(raw: str, strings: Mapping[str, str]) -> str:
    """A field value with its enclosing braces or quotes removed and its macros expanded."""
    parts = _split_expression(raw)
    if parts is None:
        return raw
    out = []
    for part in parts:
        if part[:1] in ("{", '"'):
            out.append(part[1:-1])
        elif part.lower() in strings:
            out.append(strings[part.lower()])
        else:
            out.append(part)  # a number, a month or an undefined macro: its name
    return "".join(out)


def _strings(library: Any) -> dict[str, str]:
    strings: dict[str, str] = {}
    for block in library.strings:
        strings[str(block.key).lower()] = expand_value(str(block.value), strings)
    return strings


def _bibstrings(value: str) -> str:
    """biblatex's ``\\bibstring{key}`` as the English text of the key."""
    return re.sub(r"\\bibstring\s*\{(\w+)\}", lambda m: BIBSTRINGS.get(m.group(1).lower(), m.group(1)), value)


def _text(value: str) -> str:
    """A field value as record text: LaTeX decoded, wrapped lines and indentation collapsed."""
    return collapse(latex.decode(_bibstrings(value)))


def _note_text(value: str) -> str:
    """``note`` keeps its line breaks (archcite's ``name: value`` lines, a letter's paragraphs);
    a line break of the source followed by indentation is a wrapped line, read as a space (not
    LaTeX's ``\\``, whose next line may begin with a space)."""
    text = latex.decode(re.sub(r"(?<![ \t])[ \t]*\n[ \t]+", " ", value)).strip()
    return "\n".join(line.strip(" ") for line in text.split("\n"))


def collapse(text: str) -> str:
    """A wrapped value on one line: each line break, with the spaces and tabs around it, as one
    space. Other spaces and tabs stay as written (archcite's writer writes a record's spaces as
    they are), and a no-break space, BibTeX's ``~``."""
    return re.sub(r"(?<![ \t])[ \t]*[\r\n][ \t\r\n]*", " ", text).strip(" \t\r\n")


# ---------------------------------------------------------------- crossref


def _inherited_name(parent_type: str, child_type: str, name: str) -> str | None:
    for parents, children, renames in _INHERIT_RULES:
        if parent_type in parents and child_type in children:
            return renames.get(name, name)
    return name


def _author_is_book_author(parent_type: str, child_type: str) -> bool:
    """biblatex manual B.2: a book's author is also the bookauthor of a part of it (and pandoc,
    reading into CSL, takes a multi-volume book's author as its volume's container author)."""
    return (parent_type in ("mvbook", "book") and child_type in ("inbook", "bookinbook", "suppbook")) or (
        parent_type == "mvbook" and child_type == "book"
    )


def _parent_keys(value: str) -> list[str]:
    return [key for key in re.split(r"[\s,]+", value) if key]


# Real files chain two or three entries (an article, its book, the multi-volume work).
MAX_INHERITANCE_DEPTH = 32
# Real values nest braces a few levels; deeper nesting is an input error.
MAX_BRACE_DEPTH = 32


def resolve_inheritance(entries: Sequence[_Entry]) -> None:
    """Fill each entry's missing fields from its ``crossref`` and ``xdata`` parents (in place)."""
    by_key: dict[str, _Entry] = {}
    for entry in entries:
        by_key.setdefault(entry.key, entry)
        by_key.setdefault(entry.key.lower(), entry)
    done: set[int] = set()

    def resolve(entry: _Entry, path: tuple[int, ...]) -> None:
        if id(entry) in done:
            return
        if id(entry) in path:
            entry.warnings.append(f"'{entry.key}' is its own crossref or xdata ancestor; that link is ignored")
            return
        if len(path) > MAX_INHERITANCE_DEPTH:
            entry.warnings.append(
                f"crossref/xdata chain longer than {MAX_INHERITANCE_DEPTH} entries; '{entry.key}' inherits nothing"
            )
            done.add(id(entry))
            return
        for link in ("xdata", "crossref"):
            for key in _parent_keys(entry.fields.get(link, "")):
                parent = by_key.get(key) or by_key.get(key.lower())
                if parent is None:
                    entry.warnings.append(f"{link} '{key}' names no entry of this file; nothing inherited")
                    continue
                resolve(parent, (*path, id(entry)))
                _inherit(entry, parent, transform=link == "crossref")
        done.add(id(entry))

    for entry in entries:
        resolve(entry, ())


def _inherit(child: _Entry, parent: _Entry, *, transform: bool) -> None:
    # A field the parent names explicitly wins over one renamed from another of its fields.
    inherited: dict[str, str] = {}
    renamed: dict[str, str] = {}
    for name, value in parent.fields.items():
        if name in _NOT_INHERITED:
            continue
        target = _inherited_name(parent.entry_type, child.entry_type, name) if transform else name
        if target is None:
            continue
        (inherited if target == name else renamed).setdefault(target, value)
        if transform and name == "author" and _author_is_book_author(parent.entry_type, child.entry_type):
            renamed.setdefault("bookauthor", value)
    for name, value in {**renamed, **inherited}.items():
        child.fields.setdefault(name, value)


# ---------------------------------------------------------------- titles


# The markup decode() writes (CSL rich text), protected text, words, spaces, other characters.
_MARKUP_TAG = r'</?(?:i|b|sup|sub|span(?: style="font-variant:small-caps;"| class="nocase")?)>'
_TOKEN = re.compile(rf"({_MARKUP_TAG}|\ue000[^\ue001]*\ue001?|\w+|\s+|[^\w\s]+?(?={_MARKUP_TAG}|[\w\s]|\ue000|$))")


def sentence_case(text: str, *, transform: bool = True) -> str:
    """A title-cased English title in sentence case, as citeproc turns title case into sentence case.

    Capitalised words (``Title``) are lower-cased, except at the start of the title and of each
    sentence (after ``.``, ``?``, ``!`` or ``:``), where a word's first letter is capitalised. A
    word with digits (``ggplot2``, ``T1``) keeps the case its author wrote.
    Words with capitals inside (``ACRONYM``, ``camelCase``) keep their case, and so does protected
    text (between the marks :func:`archcite.records.latex.decode` puts around brace groups), which
    becomes a ``nocase`` span where a word in it has no capital, as a title-case style would
    capitalise it (``{iacta est}``), unless it starts a sentence, where title case capitalises
    too. Markup tags are skipped. Without ``transform`` only the protected text is finished.
    """
    state = "start"
    out: list[str] = []
    spans: list[str] = []  # the spans open at a token: small capitals among them
    for token in _TOKEN.findall(text):
        if re.fullmatch(_MARKUP_TAG, token):
            if token.startswith("<span"):
                spans.append(token)
            elif token == "</span>" and spans:
                spans.pop()
            out.append(token)
            continue
        at_start = state in SENTENCE_STARTS
        # Small capitals print lower-case letters as capitals: their author chose each letter's
        # case (\textsc{unos}, \textsc{Unos}), which stays as written, as pandoc reads it.
        as_written = _SMALL_CAPS in spans
        if token.startswith(PROTECT_START):
            token = token.strip(PROTECT_START + PROTECT_END)
            out.append(_protected(token, at_start))
        else:
            # Only words of letters: a name with digits (ggplot2, T1, J1935) is written as it is.
            if transform and token.isalpha() and not as_written:
                if at_start and (token.islower() or _is_capitalised(token)):
                    token = _capitalise(token)
                elif not at_start and _is_capitalised(token):
                    token = token.lower()
            out.append(token)
        # Protected text can hold markup ("{\\textit{X!}}"): its last character decides.
        state = next_case_state(state, re.sub(_MARKUP_TAG, "", token))
    return "".join(out)


_SMALL_CAPS = '<span style="font-variant:small-caps;">'


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() and word[1:] == word[1:].lower()


def _capitalise(word: str) -> str:
    first = word[:1].upper()
    return (first if len(first) == 1 else word[:1]) + word[1:].lower()  # "ß" has no one-letter capital


def _protected(text: str, at_start: bool) -> str:
    words = re.sub(_MARKUP_TAG, "", text).split()
    if at_start:
        words = words[1:]
    if any(word.lower() == word and word.upper() != word for word in words):
        return f'<span class="nocase">{text}</span>'
    return text


def strip_protection(text: str) -> str:
    return text.replace(PROTECT_START, "").replace(PROTECT_END, "")


def _join(parts: Iterable[str], separator: str) -> str:
    out = ""
    for part in parts:
        if not part:
            continue
        if not out:
            out = part
        elif re.search(r"[!?.,:;]$", strip_protection(re.sub(r"<[^<>]*>", "", out))):
            out += " " + part
        else:
            out += separator + " " + part
    return out


# ---------------------------------------------------------------- names


def parse_names(value: str, *, useprefix: bool = False) -> tuple[list[dict[str, Any]], list[str]]:
    """A name list (``A and B``) as CSL names, and the problems met (as warning texts).

    A von part is a dropping particle unless ``useprefix`` (biblatex's option, false by default,
    which pandoc reads too; a name's own ``useprefix=`` decides for that name): biblatex then
    prints and sorts "Goethe, Johann von", as CSL prints a dropping particle."""
    from bibtexparser.middlewares.names import InvalidNameError, parse_single_name_into_parts

    names: list[dict[str, Any]] = []
    problems: list[str] = []
    for raw in _split_name_list(collapse(_uncomment_value(value))):
        text = _without_trailing_comma(raw)
        if not text:
            continue
        if text.lower() == "others":
            names.append({"literal": "others"})
            continue
        if _is_keyed_name(text):
            names.append(_keyed_name(text, useprefix=useprefix))
            continue
        if text.startswith("{") and latex.group_end(text, 0) == len(text):
            names.append({"literal": _text(text[1:-1])})
            continue
        try:
            parts = parse_single_name_into_parts(text, strict=True)
        except InvalidNameError:
            problems.append(
                f"name {text!r} is not 'First Last', 'Last, First' or 'Last, Jr, First'; kept whole as a literal name"
            )
            names.append({"literal": _text(text)})
            continue
        names.append(_name_from_parts(parts, useprefix=useprefix))
    return names, problems


# BibTeX's name separator: "and" between spaces, outside braces, in any case.
# (Only from the first space of a run: tried inside a run of spaces, the search would be quadratic.)
_AND = re.compile(r"(?<!\s)\s+and\s+", re.IGNORECASE)


def _split_name_list(value: str) -> list[str]:
    """A name list split at each "and" outside braces. bibtexparser's splitter drops a control
    word that follows "and" (``P. A and \\O. Bentdal`` gives ``. Bentdal``)."""
    depths, depth = [], 0
    for char in value:
        depths.append(depth)
        depth += {"{": 1, "}": -1}.get(char, 0)
    pieces, start = [], 0
    for match in _AND.finditer(value):
        if depths[match.start()] == 0:
            pieces.append(value[start : match.start()])
            start = match.end()
    pieces.append(value[start:])
    return [piece.strip() for piece in pieces]


def _without_trailing_comma(raw: str) -> str:
    """A name ending in a comma as BibTeX reads it: ``Dawson,`` is a last name alone, while in
    ``May, Keith,`` (Last, Jr, First) the empty part after the second comma is the first name,
    so Keith is the Jr part, as BibTeX, pandoc and citation-js read it."""
    text = raw.strip()
    if not text.endswith(","):
        return text
    if len(_split_top_level(text, ",")) == 3:
        return text + " {}"  # an empty first name, which bibtexparser reads
    return text.rstrip(",").strip()


def _starts_lower_case(word: str) -> bool:
    letter = next((c for c in latex.decode(word) if c.isalpha()), "")
    return letter.islower()


def _name_from_parts(parts: Any, *, useprefix: bool) -> dict[str, Any]:
    # biber's von part: the lower-case words that start "von Last" ("López de Molina" is one
    # family name; BibTeX would make "López de" a von part), never the last word.
    words = [*parts.von, *parts.last]
    von_length = 0
    while von_length < len(words) - 1 and _starts_lower_case(words[von_length]):
        von_length += 1
    von, last = words[:von_length], words[von_length:]
    name: dict[str, Any] = {}
    if last:
        name["family"] = _text(" ".join(last))
    # "J.G." and "J.O" as "J. G." and "J. O", as pandoc reads initials; a braced word as written.
    # Spaced after decoding, so that an escape ("X.X\\_") is not taken for a word boundary.
    given = " ".join(
        text
        for text in (_text(word) if word.startswith("{") else spaced_initials(_text(word)) for word in parts.first)
        if text
    )
    if given:
        name["given"] = given
    if von:
        name["non-dropping-particle" if useprefix else "dropping-particle"] = _text(" ".join(von))
    if parts.jr:
        name["suffix"] = _text(" ".join(parts.jr))
    return name


_INITIALS = re.compile(r"\b([^\W\d_])\.(?=[^\W\d_]\b)")


def spaced_initials(word: str) -> str:
    """Initials run together (``J.G.``) with a space after each capital's full stop."""
    return _INITIALS.sub(lambda m: m.group(0) + " " if m.group(1).isupper() else m.group(0), word)


_KEYED_NAME = re.compile(r"^\s*(family|given|prefix|suffix|useprefix)\s*=", re.IGNORECASE)


def _is_keyed_name(text: str) -> bool:
    return _KEYED_NAME.match(text) is not None


def _keyed_name(text: str, *, useprefix: bool) -> dict[str, Any]:
    """biblatex's extended name format: ``family=Goethe, given=Johann Wolfgang, prefix=von``."""
    parts: dict[str, str] = {}
    for piece in _split_top_level(text, ","):
        key, _, value = piece.partition("=")
        value = value.strip()
        if value.startswith("{") and latex.group_end(value, 0) == len(value):
            value = value[1:-1]
        parts[key.strip().lower()] = value
    name: dict[str, Any] = {}
    if parts.get("family"):
        name["family"] = _text(parts["family"])
    if parts.get("given"):
        name["given"] = _text(parts["given"])
    if parts.get("prefix"):
        if "useprefix" in parts:
            useprefix = parts["useprefix"].strip().lower() in ("true", "")
        name["non-dropping-particle" if useprefix else "dropping-particle"] = _text(parts["prefix"])
    if parts.get("suffix"):
        name["suffix"] = _text(parts["suffix"])
    return name


def _split_top_level(text: str, separator: str) -> list[str]:
    pieces, depth, start = [], 0, 0
    for index, char in enumerate(text):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char == separator and depth == 0:
            pieces.append(text[start:index])
            start = index + 1
    pieces.append(text[start:])
    return pieces


# ---------------------------------------------------------------- dates


_EDTF_PART = re.compile(r"(?P<year>y?-?\d+|\d\d[\dXu]{2})(?:-(?P<month>\d\d|[Xu]{2}))?(?:-(?P<day>\d\d|[Xu]{2}))?")
_OPEN_ENDS = ("", "..", "open", "unknown")


def _edtf_parts(text: str) -> list[list[int]] | None:
    """One side of an EDTF date as CSL date-parts (a range for unspecified digits: ``20XX``), or
    None. EDTF counts a year 0 (1 BC), CSL does not: ``-0876`` is 877 BC, CSL's -877."""
    match = _EDTF_PART.fullmatch(text)
    if match is None:
        return None
    year_text = match["year"].lstrip("y")
    if re.search(r"[Xu]", year_text):
        return [[int(re.sub(r"[Xu]", "0", year_text))], [int(re.sub(r"[Xu]", "9", year_text))]]
    year = int(year_text)
    parts = [year - 1 if year <= 0 else year]
    for name in ("month", "day"):
        if match[name] is None or not match[name].isdecimal():
            break
        parts.append(int(match[name]))
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        return None  # a season (2004-22): text_to_date reads it
    return [parts]


def read_date(text: str, variable: str) -> tuple[dict[str, Any], RecordWarning | None]:
    """A biblatex date: ISO 8601 or EDTF (open and unknown ends, negative and long years, digits
    unspecified: ``20XX`` is 2000 to 2099), with old EDTF drafts' ``u`` for ``X`` and ``?~`` for
    ``%``. ``?`` (uncertain) is no circa: only ``~`` and ``%`` (approximate) are."""
    text = collapse(text).replace("\u00a0", "~").replace("?~", "%").replace("~?", "%")
    circa = bool(re.search(r"[~%](?=/|$)", text))
    sides = [re.sub(r"[?~%]+$", "", side.strip()) for side in text.split("/")]
    if len(sides) <= 2 and sides[0]:
        first = _edtf_parts(sides[0].split("T")[0])
        last = [[0]] if len(sides) == 2 and sides[1] in _OPEN_ENDS else _edtf_parts(sides[1]) if len(sides) == 2 else []
        if first is not None and last is not None and len(first) + len(last) <= 2:
            date: dict[str, Any] = {"date-parts": first + last}
            if circa:
                date["circa"] = True
            return date, None
    return text_to_date(text, variable, None)


_MONTH_WITH_DAY = re.compile(r"(?:(\d{1,2})(?:st|nd|rd|th)?\.?\s+)?([^\W\d_]+)\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?)?")


def _month_and_day(month: str) -> tuple[int | None, int | None]:
    """A month field's month, and the day some files write there (``July 30th``, ``2 sep``)."""
    text = collapse(latex.decode(month)).lower()
    if text.isdecimal() and 1 <= int(text) <= 12:
        return int(text), None
    match = _MONTH_WITH_DAY.fullmatch(text)
    number = month_number(match[2]) if match else None
    if match is None or number is None or (match[1] and match[3]):
        return None, None
    day = int(match[1] or match[3] or 0)
    return number, day if 1 <= day <= 31 else None


def _old_date(reader: _Reader, prefix: str, variable: str) -> dict[str, Any]:
    """BibTeX's ``year``/``month``/``day`` (and ``endyear``...), with a ``prefix`` (``event``, ...),
    as record fields. A year that is no number is read as a date written in words; a month that
    is no month with the year (``Foo``) is kept in custom, with a warning."""
    year_text = _date_text(reader.fields.get(prefix + "year", ""))
    if is_no_date(year_text):
        return {}
    if not re.fullmatch(r"-?\d+", year_text):
        if not is_no_date(_date_text(reader.fields.get(prefix + "month", ""))):
            reader.unread.add(prefix + "month")
        fields, warning = date_fields(year_text, variable)
        if warning:
            reader.warnings.append(with_origin(warning, reader.entry.key, reader.origin))
        return fields
    ranges = []
    for start in ("", "end"):
        year = _date_text(reader.fields.get(prefix + start + "year", ""))
        if not re.fullmatch(r"-?\d+", year):
            continue
        parts = [int(year)]
        month_text = _date_text(reader.fields.get(prefix + start + "month", ""))
        month, day_in_month = _month_and_day(month_text)
        if month:
            parts.append(month)
            day = collapse(reader.fields.get(prefix + start + "day", ""))
            if day.isdecimal() and 1 <= int(day) <= 31:
                parts.append(int(day))
            elif day_in_month:
                parts.append(day_in_month)
        elif not is_no_date(month_text) and not start:
            # A season, a range of months or days (``winter``, ``jul-aug``, ``September 22 - 26``).
            worded = text_to_date(f"{month_text} {year}", variable, None)[0]
            if "date-parts" in worded:
                return {variable: worded}
            reader.unread.add(prefix + "month")
        ranges.append(parts)
    return {variable: {"date-parts": ranges}}


def _date_text(value: str) -> str:
    """A date field's value as text: LaTeX decoded, ``--`` an en dash, spaces collapsed."""
    return collapse(strip_protection(latex.decode(value)))


# ---------------------------------------------------------------- entries


def _language(fields: Mapping[str, str]) -> tuple[str | None, bool]:
    """The entry's CSL language (from langid or hyphenation, else the language field), and whether
    its titles are English."""
    langid = collapse(latex.decode(fields.get("langid", ""))).lower()
    variant = re.sub(r"\s", "", fields.get("langidopts", "")).lower().removeprefix("variant=")
    if langid:
        language = (
            _LANGID_VARIANTS.get(variant) if langid == "english" and variant in _LANGID_VARIANTS else None
        ) or LANGUAGES.get(langid, langid)
        return language, language.startswith("en")
    written = collapse(latex.decode(fields.get("language", "")))
    if not written:
        return None, True
    # The language field as a tag (``Eng``, ``English``: ``en``); a text that names no language
    # (biblatex's ``langlatin and langgerman`` list) is no English.
    tag = language_tag(written)
    return tag, tag is not None and tag.startswith("en")


class _Reader:
    """One entry's fields as a CSL item."""

    def __init__(self, entry: _Entry, dialect_bibtex: bool, source: str) -> None:
        self.entry = entry
        self.fields = entry.fields
        self.bibtex = dialect_bibtex
        self.origin = Origin(source, line=entry.line)
        self.item: dict[str, Any] = {}
        self.warnings: list[RecordWarning] = []
        self.language, self.english = _language(entry.fields)
        self.titles: dict[str, str] = {}  # title fields read so far (a title is read for title-short too)
        self.unread: set[str] = set()  # fields a rule looked at and could not map: kept in custom

    def warn(self, message: str, name: str | None = None) -> None:
        self.warnings.append(RecordWarning(message, record_id=self.entry.key, origin=self.origin, field=name))

    def set(self, variable: str, value: Any) -> None:
        if value not in (None, "", [], {}):
            self.item.setdefault(variable, value)

    def raw(self, name: str) -> str | None:
        value = self.fields.get(name)
        return value if value is not None and value.strip() else None

    def text(self, name: str) -> str | None:
        value = self.raw(name)
        return strip_protection(_text(value)) if value is not None else None

    def title(self, name: str) -> str:
        """A title field: sentence-cased when the entry is English, protected words kept."""
        if name in self.titles:
            return self.titles[name]
        value = self.raw(name)
        if value is None:
            return ""
        if value.strip().lower() in BIBSTRINGS:
            value = BIBSTRINGS[value.strip().lower()]
        text = collapse(latex.decode(_bibstrings(value), protect=True))
        self.titles[name] = sentence_case(text, transform=self.english)
        return self.titles[name]

    def literal_list(self, name: str) -> str | None:
        """biblatex's literal lists (publisher, location: ``A and B``) as ``A; B``."""
        value = self.raw(name)
        if value is None:
            return None
        if self.bibtex:
            return self.text(name)
        return "; ".join(strip_protection(_text(part)) for part in _split_and(value))


def _split_and(value: str) -> list[str]:
    pieces, depth, start = [], 0, 0
    for match in re.finditer(r"[{}]|(?<!\s)\s+and\s+", value):
        token = match.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        elif depth == 0:
            pieces.append(value[start : match.start()])
            start = match.end()
    pieces.append(value[start:])
    return [piece for piece in pieces if piece.strip()]


def _type_line_is_the_writers(csl_type: str, entry_type: str, dialect_bibtex: bool) -> bool:
    """archcite writes a ``type:`` line of note only where the entry type cannot say the record's
    type (an interview is ``@misc``): the line is the writer's when that type's entry is this one."""
    from archcite.records.formats.bibtex import BIBLATEX, BIBTEX, entry_type_for

    return entry_type_for(csl_type, BIBTEX if dialect_bibtex else BIBLATEX)[0] == entry_type.lower()


def entry_item(entry: _Entry, dialect_bibtex: bool, source: str) -> tuple[dict[str, Any], list[RecordWarning]]:
    reader = _Reader(entry, dialect_bibtex, source)
    for message in entry.warnings:
        reader.warn(message)
    note = unfold_note({"note": _note_text(entry.fields["note"])}, ("type", "id")) if "note" in entry.fields else {}
    if "type" in note and not _type_line_is_the_writers(str(note["type"]), entry.entry_type, dialect_bibtex):
        # A user's own note text that reads "type: book" is not archcite's line: kept as text.
        note = unfold_note({"note": _note_text(entry.fields["note"])}, ("id",))
    csl_type = _read_type(reader)
    reader.item = {"id": str(note.get("id", entry.key)), "type": str(note.get("type", csl_type))}
    if reader.language:
        reader.set("language", reader.language)
    _read_type_fields(reader)
    _read_titles(reader)
    _read_names(reader)
    _read_dates(reader)
    _read_numbers(reader)
    _read_publication(reader)
    _read_links(reader)
    _read_text_fields(reader)
    _read_notes(reader, note)
    _keep_unread(reader)
    item = reader.item
    if isinstance(item.get("note"), str) and re.search(r"(^|\n)[A-Za-z][\w-]*: ", item["note"]):
        item = unfold_leftovers(item)
    return item, reader.warnings


def _read_type(reader: _Reader) -> str:
    entry_type = reader.entry.entry_type
    subtype = (reader.text("entrysubtype") or "").lower()
    if entry_type in PERIODICAL_TYPES and subtype in SUBTYPES:
        return SUBTYPES[subtype]
    if entry_type not in ENTRY_TYPES:
        reader.warn(f"unknown entry type '@{entry_type}'; read as a document")
        return "document"
    return ENTRY_TYPES[entry_type]


# What the reader makes of a field when no type says otherwise (for the fields a type overrides).
_GENERIC_READING = {"howpublished": "publisher", "titleaddon": "title"}


def _read_type_fields(reader: _Reader) -> None:
    """Fields archcite's writer gives another meaning for a type (an @online's titleaddon is its
    site): read back as written, and not read again."""
    from archcite.records.formats.bibtex import TYPE_FIELDS

    for variable, names in TYPE_FIELDS.get(reader.item["type"], {}).items():
        for name in names:
            if name in _GENERIC_READING and _GENERIC_READING[name] != variable and reader.raw(name):
                reader.set(variable, reader.text(name))
                reader.fields = {k: v for k, v in reader.fields.items() if k != name}


def _read_titles(reader: _Reader) -> None:
    entry_type = reader.entry.entry_type
    chapter_like = entry_type in _CHAPTER_TYPES
    has_main = reader.raw("maintitle") is not None

    def full(main: str, sub: str, addon: str) -> str:
        return _join([_join([reader.title(main), reader.title(sub)], ":"), reader.title(addon)], ".")

    if entry_type == "periodical" and reader.raw("issuetitle"):
        reader.set("title", full("issuetitle", "issuesubtitle", "issuetitleaddon"))
        reader.set("container-title", _periodical(reader, "title", "subtitle", "titleaddon"))
    elif has_main and not chapter_like:
        reader.set("title", full("maintitle", "mainsubtitle", "maintitleaddon"))
        reader.set("volume-title", full("title", "subtitle", "titleaddon"))
    else:
        reader.set("title", full("title", "subtitle", "titleaddon"))
    if chapter_like:
        if has_main:
            reader.set("container-title", full("maintitle", "mainsubtitle", "maintitleaddon"))
            reader.set("volume-title", full("booktitle", "booksubtitle", "booktitleaddon"))
        else:
            reader.set("container-title", full("booktitle", "booksubtitle", "booktitleaddon"))
    reader.set("container-title", _periodical(reader, "journaltitle", "journalsubtitle", "journaltitleaddon"))
    reader.set("container-title", _periodical(reader, "journal", "journalsubtitle", "journaltitleaddon"))
    series = reader.title("series")
    if series.isdecimal():
        series = f"{series}{_ordinal_suffix(int(series))} series"
    reader.set("collection-title", series)
    reader.set("event-title", reader.title("eventtitle"))
    reader.set("original-title", reader.title("origtitle"))
    _read_short_title(reader, chapter_like=chapter_like, has_main=has_main)


def _ordinal_suffix(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def _periodical(reader: _Reader, main: str, sub: str, addon: str) -> str:
    return _join([_join([reader.text(main) or "", reader.text(sub) or ""], ":"), reader.text(addon) or ""], ".")


def _read_short_title(reader: _Reader, *, chapter_like: bool, has_main: bool) -> None:
    if reader.raw("shorttitle") and (not has_main or chapter_like):
        reader.set("title-short", reader.title("shorttitle"))
        return
    title = reader.title("title")
    if not title:
        return
    # The title without its subtitle, where the file says which part is which; archcite guesses
    # no short title from a colon (pandoc does): a record keeps the fields its file has.
    if reader.raw("subtitle") and not has_main:
        reader.set("title-short", title.split(":")[0].strip())


# biblatex's editorial roles (editortype, editoratype...) that CSL 1.0.2 has a name variable for;
# the others (founder, continuator, redactor, reviser) have none.
EDITOR_ROLES: Mapping[str, str] = {
    "editor": "editor",
    "director": "director",
    "compiler": "compiler",
    "organizer": "organizer",
    "collaborator": "contributor",
}


def _read_names(reader: _Reader) -> None:
    useprefix = _options(reader).get("useprefix") == "true"

    def names_of(name: str) -> list[dict[str, Any]]:
        names, problems = parse_names(reader.raw(name) or "", useprefix=useprefix)
        for problem in problems:
            reader.warn(problem, name)
        return names

    for name, variable in NAME_FIELDS.items():
        if reader.raw(name) is not None:
            if name == "editor":
                variable = EDITOR_ROLES.get((reader.text("editortype") or "editor").lower(), "editor")
            reader.set(variable, names_of(name))
    # editora..editorc: further editors in the role their type names (an editor without one).
    for name in ("editora", "editorb", "editorc"):
        role = EDITOR_ROLES.get((reader.text(name + "type") or "editor").lower())
        if reader.raw(name) is not None and role is not None:
            reader.item[role] = [*reader.item.get(role, []), *names_of(name)]
            reader.fields = {k: v for k, v in reader.fields.items() if k not in (name, name + "type")}


def _read_dates(reader: _Reader) -> None:
    for name, variable in DATE_FIELDS.items():
        value = reader.raw(name)
        if value is None:
            continue
        fields, warning = date_fields(strip_protection(latex.decode(value.replace("~", "\u00a0"))), variable, read_date)
        for key, item in fields.items():
            reader.set(key, item)
        if warning:
            reader.warnings.append(with_origin(warning, reader.entry.key, reader.origin))
    for prefix, variable in (("", "issued"), ("event", "event-date"), ("orig", "original-date"), ("url", "accessed")):
        if variable not in reader.item and ("status" not in reader.item or variable != "issued"):
            for key, item in _old_date(reader, prefix, variable).items():
                reader.set(key, item)


def _read_numbers(reader: _Reader) -> None:
    entry_type = reader.entry.entry_type
    pages = reader.raw("pages")
    if pages:
        # BibTeX's "--" is the range's hyphen; an en dash written as a character stays one.
        reader.set("page", strip_protection(_text(pages.replace("--", "-"))))
    volume, part = reader.text("volume"), reader.text("part")
    reader.set("volume", f"{volume}.{part}" if volume and part else volume or part)
    number = reader.text("number")
    if number:
        # biblatex: a book's number is its number in the series (a FRUS volume's number, with no
        # series, is the document's own).
        if entry_type in SERIES_NUMBER_TYPES and reader.raw("series"):
            reader.set("collection-number", number)
        elif entry_type in PERIODICAL_TYPES:
            issue = reader.text("issue")
            reader.set("issue", f"{number}, {issue}" if issue else number)
        else:
            reader.set("number", number)
    reader.set("issue", reader.text("issue"))
    genre = reader.text("type")
    if genre:
        reader.set("genre", BIBSTRINGS.get(genre.lower(), genre))
    elif entry_type == "mastersthesis":
        reader.set("genre", BIBSTRINGS["mathesis"])
    elif entry_type == "phdthesis":
        reader.set("genre", BIBSTRINGS["phdthesis"])


def _read_publication(reader: _Reader) -> None:
    publishers = [
        value for name in ("school", "institution", "organization", "publisher") if (value := reader.literal_list(name))
    ]
    if publishers:
        # A body named in two fields (an institution that is also the publisher) is named once.
        reader.set("publisher", "; ".join(dict.fromkeys(publishers)))
    if reader.entry.entry_type == "patent" and reader.raw("location"):
        reader.set(
            "jurisdiction",
            "; ".join(BIBSTRINGS.get(p.lower(), p) for p in (reader.literal_list("location") or "").split("; ")),
        )
    reader.set("publisher-place", reader.literal_list("address"))
    if reader.entry.entry_type != "patent":
        reader.set("publisher-place", reader.literal_list("location"))
    pubstate = reader.text("pubstate")
    if pubstate:
        reader.set("status", BIBSTRINGS.get(pubstate.lower(), pubstate))


def _options(reader: _Reader) -> dict[str, str]:
    options = {}
    for option in (reader.text("options") or "").split(","):
        key, _, value = option.partition("=")
        options[key.strip().lower()] = value.strip().lower() or "true"
    return options


def _read_links(reader: _Reader) -> None:
    from archcite.records.formats.bibtex import _decode_url

    # biblatex's options url=false and doi=false: the entry's citation shows neither.
    options = _options(reader)
    url = reader.raw("url") if options.get("url") != "false" or reader.entry.entry_type == "online" else None
    if url is not None:
        reader.set("URL", collapse(_verbatim(url, _decode_url)))
    eprint, eprint_type = reader.raw("eprint"), (reader.text("eprinttype") or "").lower()
    if eprint is not None:
        identifier = collapse(_verbatim(eprint, _decode_url))
        # CSL's identifier variables, which a style can print beside the URL (the entry's own
        # url field, which biblatex prints too, keeps the URL).
        if eprint_type in EPRINT_VARIABLES:
            reader.set(EPRINT_VARIABLES[eprint_type], identifier)
        if eprint_type in EPRINT_URLS:
            reader.set("URL", EPRINT_URLS[eprint_type] + identifier)
        elif eprint_type in EPRINT_VARIABLES:
            pass
        elif eprint_type == "doi":
            reader.set("DOI", identifier)
        else:
            # An identifier of a kind archcite has no URL for: kept in custom with its type.
            reader.unread |= {"eprint", "eprinttype"}
    doi = reader.raw("doi") if options.get("doi") != "false" else None
    if doi is not None:
        reader.set("DOI", collapse(_verbatim(doi, _decode_url)))


def _verbatim(value: str, decode_url: Any) -> str:
    """A verbatim field (url, doi, eprint): ``\\url{...}`` unwrapped, BibTeX escapes undone."""
    match = re.fullmatch(r"\s*\\(?:url|href)\s*\{(.*)\}\s*", value, re.DOTALL)
    return str(decode_url(match.group(1) if match else value))


def _join_lines(first: Any, line: str) -> str:
    return f"{first}\n{line}" if first else line


def _read_text_fields(reader: _Reader) -> None:
    for name, variable in TEXT_FIELDS.items():
        value = reader.text(name)
        if value:
            if reader.item.get(variable) not in (None, value):
                # Another field already gave the variable another value (howpublished of an
                # @unpublished with an institution): kept in custom, never dropped.
                reader.unread.add(name)
            reader.set(variable, value)
    if "language" not in reader.item:
        reader.set("language", reader.text("language"))


def _read_notes(reader: _Reader, note: Mapping[str, Any]) -> None:
    parts = []
    if note.get("note") and reader.entry.entry_type != "periodical":
        parts.append(str(note["note"]))
    if not reader.bibtex and reader.raw("addendum"):
        parts.append(reader.text("addendum") or "")
    if parts:
        joined = _join(parts, ".")
        reader.item["note"] = _join_lines(joined, reader.item["note"]) if reader.item.get("note") else joined


def _keep_unread(reader: _Reader) -> None:
    """Every field no rule read, kept in ``custom`` under its name as the file writes it (as
    citation-js names it, where it names one), with one warning for the entry."""
    known = set(NAME_FIELDS) | set(TEXT_FIELDS) | set(DATE_FIELDS) | _READ_APART | _APPLIED
    custom: dict[str, str] = {}
    for name, value in reader.fields.items():
        read = name in known or re.fullmatch(r"(event|orig|url)?(end)?(year|month|day)", name)
        if (read and name not in reader.unread) or not value.strip():
            continue
        key = CUSTOM_NAMES.get(name) or reader.entry.written_names.get(name, name)
        custom[key] = _custom_text(value)
    if custom:
        reader.item[CUSTOM] = custom
        reader.warnings.append(kept_in_custom_warning(custom, reader.entry.key, reader.origin))


def custom_name_reads_back(key: str) -> bool:
    """True when a field named ``key`` reads back as the value ``key`` of custom: a field name
    no rule reads (nor an alias of one), written as BibTeX writes field names."""
    name = key.lower()
    read = set(NAME_FIELDS) | set(TEXT_FIELDS) | set(DATE_FIELDS) | _READ_APART | _APPLIED | set(_FIELD_ALIASES)
    return (
        re.fullmatch(r"[A-Za-z][A-Za-z0-9_:.+-]*", key) is not None
        and name not in read
        and not re.fullmatch(r"(event|orig|url)?(end)?(year|month|day)|editor[abc](type)?", name)
        and CUSTOM_NAMES.get(name, key) == key
    )


def _custom_text(value: str) -> str:
    """A value of a field archcite does not know, as text: one word without braces or backslashes
    (a path, a URL, an identifier) as written, where ``%``, ``_`` and ``~`` are no TeX; anything
    else as TeX reads it."""
    if custom_is_verbatim(value):
        return value.strip()
    return strip_protection(_text(value))


def custom_is_verbatim(text: str) -> bool:
    """True for a value of custom written and read as it is (see :func:`_custom_text`)."""
    return re.fullmatch(r"[^\s\\{}]+", text.strip()) is not None


# ---------------------------------------------------------------- files


def _entries(library: Any, strings: Mapping[str, str], source: str) -> list[_Entry]:
    from bibtexparser.model import DuplicateBlockKeyBlock, DuplicateFieldKeyBlock, Entry

    entries = []
    for found in library.blocks:
        # bibtexparser sets apart, whole, an entry that names a field twice (read as biblatex and
        # pandoc read it: the last value counts) and one under a key used before (see
        # RepeatedIds); both are read.
        block = found
        while isinstance(block, (DuplicateFieldKeyBlock, DuplicateBlockKeyBlock)):
            block = block.ignore_error_block
        if not isinstance(block, Entry):
            continue
        fields: dict[str, str] = {}
        line = (block.start_line or 0) + 1
        written: set[str] = set()
        written_names: dict[str, str] = {}
        repeated: list[str] = []
        for item in block.fields:
            written_name = str(item.key).lower()
            name = _FIELD_ALIASES.get(written_name, written_name)
            value = expand_value(str(item.value), strings)
            if _brace_depth(value) > MAX_BRACE_DEPTH:
                # Issue 13: deep nesting is a clear error, as in JSON and YAML; reading the value
                # without its braces would change it silently.
                raise InputError(
                    f"record '{block.key}', field '{name}': braces nested more than {MAX_BRACE_DEPTH} levels "
                    "deep; nested too deeply to read",
                    hint="real values nest braces a few levels; remove the extra braces",
                    where=f"{source}:{line}",
                )
            if written_name in written:
                fields[name] = value
                repeated.append(written_name)
            else:
                fields.setdefault(name, value)
                written_names.setdefault(name, str(item.key))
            written.add(written_name)
        entry_type = str(block.entry_type).lower()
        warnings = [
            f"field '{name}' is written more than once; its last value is read, as biblatex and pandoc read it "
            "(remove the other values)"
            for name in dict.fromkeys(repeated)
        ]
        entries.append(_Entry(str(block.key), entry_type, fields, line, warnings, written_names))
    return entries


def _brace_depth(value: str) -> int:
    depth = deepest = 0
    for char in value:
        if char == "{":
            depth += 1
            deepest = max(deepest, depth)
        elif char == "}":
            depth -= 1
    return deepest


def load_entries(text: str, source: str, *, dialect_bibtex: bool) -> Parsed:
    """Every well-formed entry as an item; each malformed one as a warning with line and key."""
    from bibtexparser.entrypoint import parse_string
    from bibtexparser.model import DuplicateBlockKeyBlock, DuplicateFieldKeyBlock

    from archcite.records.formats.bibtex import _failed_block_warning

    library = parse_string(_uncomment(text.lstrip("\ufeff")), parse_stack=[])
    parsed = Parsed()
    for block in library.failed_blocks:
        if not isinstance(block, (DuplicateFieldKeyBlock, DuplicateBlockKeyBlock)):  # read by _entries
            parsed.warnings.append(_failed_block_warning(block, source))
    entries = _distinct_keys(_entries(library, _strings(library), source), parsed, source)
    resolve_inheritance(entries)
    index = 0
    for entry in entries:
        if entry.entry_type == "xdata":
            continue  # biblatex: xdata entries only lend their fields
        item, warnings = entry_item(entry, dialect_bibtex, source)
        parsed.items.append((item, Origin(source, line=entry.line, index=index)))
        parsed.warnings.extend(warnings)
        index += 1
    parsed.warnings.sort(key=lambda w: (w.origin.line or 0) if w.origin else 0)
    return parsed


def _distinct_keys(entries: list[_Entry], parsed: Parsed, source: str) -> list[_Entry]:
    """The entries, each under a key of its own (see RepeatedIds): a crossref to a repeated key
    names the first entry, as in BibTeX and biber. Entries without a key (Mendeley writes
    ``@article{,``) are each given one of their own later, as records without an id are."""
    repeated = RepeatedIds("key")
    distinct = []
    for entry in entries:
        if not entry.key:
            distinct.append(entry)
            continue
        key, told = repeated.place(entry.key, entry.line, {"@type": entry.entry_type, **entry.fields})
        if told:
            parsed.warnings.append(RecordWarning(told, record_id=entry.key, origin=Origin(source, line=entry.line)))
        if key is not None:
            entry.key = key
            distinct.append(entry)
    return distinct


def _uncomment_value(value: str) -> str:
    """A field value without its LaTeX comments (an unescaped ``%`` to the end of the line)."""
    return re.sub(r"(?<!\\)%[^\n]*(\n[ \t]*|$)", "", value)


def _uncomment(text: str) -> str:
    """Lines that start with ``%`` blanked (keeping line numbers): LaTeX comments, which biber and
    pandoc skip, inside entries too."""
    return re.sub(r"(?m)^[ \t]*%.*$", "", text)
