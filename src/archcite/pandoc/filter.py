"""``archcite-pandoc``: a pandoc JSON filter that formats a document's citations with archcite.

It takes the place of pandoc's ``--citeproc``: it reads the citations and the citation metadata
(``bibliography``, ``references``, ``csl``/``citation-style``, ``lang``, ``nocite``,
``link-citations``, ``suppress-bibliography``, ``reference-section-title``, a ``#refs`` div, and
archcite's ``archcite-sections`` and ``archcite-ibid``), renders them through
``archcite.pandoc.engine`` and writes them back as pandoc elements (notes, emphasis, small caps,
links), never as raw text.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

import panflute as pf

from archcite.errors import ArchciteError, ExitCode, InputError
from archcite.pandoc import engine

if TYPE_CHECKING:
    from archcite.records.model import RecordWarning

PROGRAM = "archcite-pandoc"
DEFAULT_STYLE = "chicago-author-date"  # pandoc's default style
_FORMATTING: dict[str, Callable[..., pf.Inline]] = {
    "i": pf.Emph,
    "b": pf.Strong,
    "sc": pf.SmallCaps,
    "sup": pf.Superscript,
    "sub": pf.Subscript,
}
_URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:)\]]")
_MOVED_PUNCTUATION = re.compile(r"^[.,;:!?]+")


@dataclass
class Options:
    """The document's citation metadata."""

    style: str = DEFAULT_STYLE
    bibliography: list[str] = field(default_factory=list)
    references: list[Any] = field(default_factory=list)
    nocite: list[str] = field(default_factory=list)
    lang: str | None = None
    link_citations: bool = False
    suppress_bibliography: bool = False
    section_title: list[pf.Inline] | None = None
    sections: bool = False
    ibid: bool | None = None
    skip_invalid: bool = False


@dataclass
class _Found:
    """A citation of the document: its element, its note number, whether an author's footnote holds it."""

    cite: pf.Cite
    note: int
    in_note: bool


def inlines(markup: str, *, links: bool = True) -> list[pf.Inline]:
    """archcite markup as pandoc inlines: words and spaces, formatting as elements, URLs as links."""
    stack: list[tuple[str, list[pf.Inline]]] = [("", [])]
    for kind, value in engine.markup_tokens(markup):
        if kind == "open":
            stack.append((value, []))
        elif kind == "close" and len(stack) > 1 and stack[-1][0] == value:
            tag, children = stack.pop()
            stack[-1][1].append(_FORMATTING[tag](*children))
        elif kind == "text":
            stack[-1][1].extend(_text_inlines(value, links))
    while len(stack) > 1:  # unclosed formatting: keep its text
        tag, children = stack.pop()
        stack[-1][1].append(_FORMATTING[tag](*children))
    return stack[0][1]


def _text_inlines(text: str, links: bool) -> list[pf.Inline]:
    result: list[pf.Inline] = []
    position = 0
    for match in _URL.finditer(text) if links else ():
        result += _words(text[position : match.start()])
        result.append(pf.Link(pf.Str(match.group()), url=match.group()))
        position = match.end()
    return result + _words(text[position:])


def _words(text: str) -> list[pf.Inline]:
    result: list[pf.Inline] = []
    for index, word in enumerate(re.split(r" +", text)):
        if index:
            result.append(pf.Space())
        if word:
            result.append(pf.Str(word))
    return result


def _meta_value(value: Any) -> Any:
    """Metadata as plain Python: inline formatting becomes CSL rich text (``<i>``)."""
    for kind, read in _META_READERS:
        if isinstance(value, kind):
            return read(value)
    return value


_META_READERS: tuple[tuple[type[pf.MetaValue], Callable[[Any], Any]], ...] = (
    (pf.MetaMap, lambda value: {key: _meta_value(item) for key, item in value.content.dict.items()}),
    (pf.MetaList, lambda value: [_meta_value(item) for item in value.content]),
    (pf.MetaBool, lambda value: value.boolean),
    (pf.MetaString, lambda value: value.text),
    (pf.MetaInlines, lambda value: _rich_text(value.content)),
    (pf.MetaBlocks, pf.stringify),
)


_RICH_TAGS = {pf.Emph: "i", pf.Strong: "b", pf.SmallCaps: "sc", pf.Superscript: "sup", pf.Subscript: "sub"}


def _rich_text(elements: Sequence[pf.Element]) -> str:
    out = []
    for element in elements:
        tag = _RICH_TAGS.get(type(element))
        if tag:
            out.append(f"<{tag}>{_rich_text(element.content)}</{tag}>")
        elif isinstance(element, pf.Str):
            out.append(element.text)
        elif isinstance(element, (pf.Space, pf.SoftBreak, pf.LineBreak)):
            out.append(" ")
        elif isinstance(element, pf.Quoted):
            marks = ("“", "”") if element.quote_type == "DoubleQuote" else ("‘", "’")
            out.append(marks[0] + _rich_text(element.content) + marks[1])
        else:
            out.append(pf.stringify(element))
    return "".join(out)


def _flag(doc: pf.Doc, name: str) -> bool | None:
    value = doc.get_metadata(name, None)
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "1")
    return bool(value)


def _strings(value: Any) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def read_options(doc: pf.Doc) -> Options:
    """The citation settings in the document's metadata, read as pandoc's citeproc reads them."""
    options = Options()
    style = doc.get_metadata("csl", None) or doc.get_metadata("citation-style", None)
    if style:
        options.style = str(style)
    options.bibliography = _strings(doc.get_metadata("bibliography", None))
    references = doc.metadata.content.dict.get("references")
    if references is not None:
        value = _meta_value(references)
        options.references = value if isinstance(value, list) else [value]
    nocite = doc.metadata.content.dict.get("nocite")
    if nocite is not None:

        def collect(element: pf.Element, _doc: pf.Doc) -> None:
            if isinstance(element, pf.Cite):
                options.nocite.extend(citation.id for citation in element.citations)

        nocite.walk(collect)
    lang = doc.get_metadata("lang", None)
    options.lang = str(lang) if lang else None
    options.link_citations = bool(_flag(doc, "link-citations"))
    options.suppress_bibliography = bool(_flag(doc, "suppress-bibliography"))
    title = doc.metadata.content.dict.get("reference-section-title")
    if title is not None:
        options.section_title = list(title.content) if isinstance(title, pf.MetaInlines) else [pf.Str(str(title))]
    options.sections = bool(_flag(doc, "archcite-sections"))
    options.ibid = _flag(doc, "archcite-ibid")
    options.skip_invalid = bool(_flag(doc, "archcite-skip-invalid"))
    return options


def _load_records(options: Options) -> tuple[list[Any], list[RecordWarning]]:
    """Records of ``bibliography`` files and inline ``references``, and their warnings."""
    from archcite.errors import InputError
    from archcite.records.io import load_sources
    from archcite.records.model import Origin
    from archcite.records.validate import build_records

    records: list[Any] = []
    warnings: list[RecordWarning] = []
    if options.bibliography:
        try:
            loaded = load_sources(options.bibliography, skip_invalid=options.skip_invalid)
        except InputError as error:
            # The command line's --skip-invalid is the document's metadata here.
            error.hint = (error.hint or "").replace("pass --skip-invalid", "set archcite-skip-invalid: true")
            raise
        records += loaded.records
        warnings += loaded.warnings
    if options.references:
        inline, found = build_records(
            (item, Origin("references", index=n)) for n, item in enumerate(options.references)
        )
        records += inline
        warnings += found
    return records, warnings


def _worth_telling(warnings: Sequence[RecordWarning], used: set[str], loaded: set[str]) -> list[str]:
    """The warnings about the records the document uses, one line per kind (as ``archcite``
    prints them without -v): a bibliography of hundreds of records, of which the document cites
    three, would otherwise bury pandoc's messages under warnings about records it never prints.
    Warnings about no record, about a record that was not loaded at all, or about one skipped as
    invalid, are always told: every record is accounted for."""
    kinds: dict[str, tuple[RecordWarning, int]] = {}
    for warning in warnings:
        if (
            not warning.skipped
            and warning.record_id is not None
            and warning.record_id in loaded
            and warning.record_id not in used
        ):
            continue
        first, count = kinds.get(warning.kind, (warning, 0))
        kinds[warning.kind] = (first, count + 1)
    return [f"{first}" + (f" (and {count - 1} more like it)" if count > 1 else "") for first, count in kinds.values()]


def _find_citations(doc: pf.Doc, note_style: bool) -> list[_Found]:
    """Every citation in document order with the note it is in or becomes (pandoc's numbering)."""
    found: list[_Found] = []
    numbers: dict[int, int] = {}
    counter = [0]

    def number_of(note: pf.Note) -> int:
        if id(note) not in numbers:
            counter[0] += 1
            numbers[id(note)] = counter[0]
        return numbers[id(note)]

    def visit(element: pf.Element, _doc: pf.Doc) -> None:
        if isinstance(element, pf.Note):
            number_of(element)
        if not isinstance(element, pf.Cite):
            return
        note = element.ancestor(1)
        while note is not None and not isinstance(note, pf.Note):
            note = note.parent
        if note is not None:
            found.append(_Found(element, number_of(note), True))
        elif note_style:
            counter[0] += 1
            found.append(_Found(element, counter[0], False))
        else:
            found.append(_Found(element, 0, False))

    # The body only: the metadata's citations (``nocite``) are not citations of the text.
    for block in doc.content:
        block.walk(visit, doc)
    return found


_MODES = {
    "NormalCitation": engine.NORMAL,
    "SuppressAuthor": engine.SUPPRESS_AUTHOR,
    "AuthorInText": engine.AUTHOR_IN_TEXT,
}


def parse_suffix(suffix: str, terms: dict[str, str]) -> tuple[engine.Locator | None, str]:
    """A cite's suffix as pandoc's citeproc reads it: an optional locator (a label the locale
    knows, or none for a page) and the rest, which stays a suffix."""
    from archcite.pandoc.locators import split_locator

    return split_locator(suffix, terms)


def _cluster(found: _Found, terms: dict[str, str]) -> engine.ClusterInput:
    cites = []
    for citation in found.cite.citations:
        locator, suffix = parse_suffix(pf.stringify(pf.Span(*citation.suffix)), terms)
        prefix = pf.stringify(pf.Span(*citation.prefix)).strip()
        cites.append(engine.CiteInput(citation.id, locator, prefix, suffix, _MODES.get(citation.mode, engine.NORMAL)))
    return engine.ClusterInput(cites, found.note, found.in_note)


def _pieces(pieces: Sequence[engine.Piece], link: bool) -> list[pf.Inline]:
    result: list[pf.Inline] = []
    for piece in pieces:
        if piece.missing:
            result.append(pf.Strong(*inlines(piece.text, links=False)))
        elif link and piece.id is not None and piece.text:
            result.append(pf.Link(*inlines(piece.text, links=False), url=f"#ref-{piece.id}"))
        else:
            result.extend(inlines(piece.text))
    return result


def _place(found: _Found, output: engine.ClusterOutput, note_style: bool, link: bool) -> None:
    """The rendered citation in place of the cite's text: in a new note for a note style."""
    lead = _pieces(output.lead, False)  # pandoc links the citation, not the names before it
    citation = _pieces(output.citation, link and not note_style)
    if note_style and not found.in_note:
        content = [*lead, pf.Note(pf.Para(*citation))] if citation else lead
        found.cite.content = content
        if not lead:
            _move_before_punctuation(found.cite)
        elif pf.stringify(pf.Span(*lead)).endswith("."):
            _drop_following_period(found.cite)
        return
    if lead and citation:
        found.cite.content = [*lead, pf.Space(), *citation]
    else:
        found.cite.content = lead or citation


def _move_before_punctuation(cite: pf.Cite) -> None:
    """A note goes after the punctuation that follows it, with no space before it (as pandoc's
    citeproc places notes: "text.[1]")."""
    parent = cite.parent
    if parent is None or not isinstance(cite.container, pf.containers.ListContainer):
        return
    siblings = cite.container
    # Found by identity: panflute's stored indexes go stale once a sibling is removed.
    index = next((n for n, sibling in enumerate(siblings) if sibling is cite), None)
    if index is None:
        return
    if index > 0 and isinstance(siblings[index - 1], (pf.Space, pf.SoftBreak)):
        del siblings[index - 1]
        index -= 1
    if index + 1 < len(siblings) and isinstance(siblings[index + 1], pf.Str):
        following = siblings[index + 1]
        match = _MOVED_PUNCTUATION.match(following.text)
        if match:
            rest = following.text[match.end() :]
            siblings.insert(index, pf.Str(match.group()))
            if rest:
                following.text = rest
            else:
                del siblings[index + 2]


def _drop_following_period(cite: pf.Cite) -> None:
    """No second period after names that end with one ("Goncharov et al.[3] See", as pandoc)."""
    siblings = cite.container
    index = next((n for n, sibling in enumerate(siblings) if sibling is cite), None)
    if index is None or index + 1 >= len(siblings) or not isinstance(siblings[index + 1], pf.Str):
        return
    following = siblings[index + 1]
    if following.text == ".":
        del siblings[index + 1]
    elif following.text.startswith("."):
        following.text = following.text[1:]


def _bibliography_blocks(output: engine.DocumentOutput, title: list[pf.Inline] | None) -> list[pf.Block]:
    blocks: list[pf.Block] = []
    for block in output.bibliography:
        if block.heading is not None:
            blocks.append(pf.Header(*inlines(block.heading), level=block.level + 1, classes=["unnumbered"]))
        for record_id, text, margin in block.entries:
            if margin and text.startswith(margin):
                # As pandoc lays out a style's second-field-align: the number, then the entry.
                content = pf.Para(
                    pf.Span(*inlines(margin), pf.Space(), classes=["csl-left-margin"]),
                    pf.Span(*inlines(text[len(margin) :].lstrip()), classes=["csl-right-inline"]),
                )
            else:
                content = pf.Para(*inlines(text))
            blocks.append(pf.Div(content, identifier=f"ref-{record_id}", classes=["csl-entry"]))
    return blocks


def _insert_bibliography(doc: pf.Doc, output: engine.DocumentOutput, options: Options) -> None:
    entries = _bibliography_blocks(output, options.section_title)
    classes = ["references", "csl-bib-body", *(["hanging-indent"] if output.hanging_indent else [])]
    refs: list[pf.Div] = []

    def find_refs(element: pf.Element, _doc: pf.Doc) -> None:
        if isinstance(element, pf.Div) and element.identifier == "refs":
            refs.append(element)

    doc.walk(find_refs)
    if refs:
        # As pandoc's citeproc: the div takes the entries, and the author's own heading stands
        # before it (reference-section-title is for a bibliography placed at the end).
        div = refs[0]
        div.content = entries
        div.classes = list(dict.fromkeys([*div.classes, *classes]))
        return
    if not entries:
        return
    if options.section_title:
        doc.content.append(
            pf.Header(*options.section_title, level=1, identifier="bibliography", classes=["unnumbered"])
        )
    doc.content.append(pf.Div(*entries, identifier="refs", classes=classes))


def _language(lang: str | None, warn: Callable[[str], None]) -> str | None:
    """The document's ``lang`` as a language tag; None (the style's own locale) if it is none."""
    tag = engine.language(lang) if lang else None
    if lang and tag is None:
        warn(f"lang {lang!r} is no language tag (such as en-US or fr-FR); the style's own locale is used")
    return tag


def process(doc: pf.Doc, warn: Callable[[str], None]) -> pf.Doc:
    """Format every citation of ``doc`` and add its bibliography; ``warn`` hears of problems."""
    options = read_options(doc)
    options.lang = _language(options.lang, warn)
    _, note_style = engine.style_facts(options.style)
    records, warnings = _load_records(options)
    by_id = {record.id: record for record in records}
    found = _find_citations(doc, note_style)
    terms = engine.locator_terms(options.lang)
    clusters = [_cluster(f, terms) for f in found]
    cited: dict[str, None] = {}
    for cluster in clusters:
        for cite in cluster.cites:
            if cite.id in by_id:
                cited.setdefault(cite.id)
            else:
                warn(f"citation {cite.id} not found (no record with that id in the bibliography or references)")
    listed = list(cited)
    for key in options.nocite:
        if key == "*":
            listed += [r.id for r in records if r.id not in cited]
        elif key in by_id:
            listed.append(key)
        else:
            warn(f"nocite: citation {key} not found")
    listed = list(dict.fromkeys(listed))
    for message in _worth_telling(warnings, set(listed), set(by_id)):
        warn(message)
    output = engine.cite_document(
        records,
        options.style,
        clusters,
        bibliography_ids=listed,
        lang=options.lang,
        ibid=options.ibid,
        sections=options.sections,
        split_all=options.link_citations and not note_style,
    )
    for message in output.warnings:
        warn(message)
    for f, cluster_output in zip(found, output.clusters, strict=True):
        _place(f, cluster_output, output.note_style, options.link_citations)
    if not options.suppress_bibliography:
        _insert_bibliography(doc, output, options)
    return doc


def main(argv: Sequence[str] | None = None, stdin: IO[str] | None = None, stdout: IO[str] | None = None) -> None:
    """Run as a pandoc filter: pandoc's JSON AST on stdin, the formatted AST on stdout.

    Example: pandoc thesis.md --filter archcite-pandoc -o thesis.docx
    """
    from archcite.programs import quiet_dependency_logs

    quiet_dependency_logs()
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] in (["--help"], ["-h"]):
        print(main.__doc__, file=sys.stdout)
        return

    def warn(message: str) -> None:
        print(f"[WARNING] {PROGRAM}: {message}", file=sys.stderr)

    try:
        try:
            doc = pf.load(stdin or sys.stdin)
        # Any error of panflute's reader (json's ValueError, its own assertions, NotImplementedError
        # for an unknown element, a KeyError or TypeError for a missing or odd value) means the
        # input is no pandoc document; panflute has no error class of its own to catch instead.
        except Exception as error:
            raise InputError(
                f"standard input is not a pandoc JSON document ({error})",
                hint="run it as a filter: pandoc thesis.md --filter archcite-pandoc -o thesis.docx",
            ) from None
        process(doc, warn)
        pf.dump(doc, stdout or sys.stdout)
    except ArchciteError as error:
        print(f"{PROGRAM}: error: {error}", file=sys.stderr)
        sys.exit(int(error.exit_code))
    except KeyboardInterrupt:
        sys.exit(int(ExitCode.INTERRUPTED))
