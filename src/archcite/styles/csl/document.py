"""Rendering a whole document: a sequence of citations in order, then the bibliography.

citeproc-py renders citations one by one; the CSL features that depend on the whole document are
computed here first and handed to the hooks through ``render_state``: cite positions
(``positions``), disambiguation and year suffixes (``disambiguation``), and the bibliography's
subsequent-author substitute (``author_substitute``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from archcite.errors import UnknownNameError
from archcite.patterns import lazy
from archcite.styles.csl.engine import (
    MarkupFormatter,
    finish,
    finish_with_display,
    load_style,
    parse_style,
    prepare_item,
)
from archcite.styles.csl.fixes.display import suffix_inside, without_display
from archcite.styles.csl.render_state import CitePosition, Position, RenderState, active_state
from archcite.styles.types import Locator

if TYPE_CHECKING:
    from pathlib import Path


class Cite(NamedTuple):
    """One cite of a citation: an item id and what the author added around it."""

    id: str
    locator: Locator | None = None
    prefix: str = ""
    suffix: str = ""
    position: Position | None = None
    """Forces the cite's position instead of computing it (CSL-JSON ``position``)."""
    near_note: bool | None = None


class CitationInput(NamedTuple):
    """A citation (one note, or one parenthetical group) and the note it stands in."""

    cites: Sequence[Cite]
    note_index: int | None = None


class BibEntry(NamedTuple):
    id: str
    text: str
    margin: str | None = None
    """With ``second-field-align``: the entry's first field; ``text`` is the margin, one space
    and :attr:`rest` (see :func:`_aligned`)."""
    display: str | None = None
    """The entry with the display tags of its parts (CSL ``display``; the margin and the rest
    under ``second-field-align``), for HTML; None when it has none. Without the tags it is
    ``text``."""

    @property
    def rest(self) -> str:
        """The entry after its margin: what ``second-field-align`` aligns."""
        return self.text if self.margin is None else self.text[len(self.margin) + len(MARGIN_SEPARATOR) :]


class Document(NamedTuple):
    """Citations in document order (None where the style prints nothing) and the bibliography."""

    citations: list[str | None]
    bibliography: list[BibEntry]
    ambiguous: list[list[str]]
    """Ids of items whose cites were ambiguous before disambiguation, group by group."""
    expanded: set[str]
    """Ids of items disambiguated by names, given names or `disambiguate` conditions, not year suffixes."""


_TRUE = ("true", "1")


_CSL = "{http://purl.org/net/xbiblio/csl}"


def _renders_year_suffix(root: Any) -> bool:
    # The style's own cs:text for year-suffix (tag-filtered iteration: a twentieth of an XPath's cost).
    return any(text.get("variable") == "year-suffix" for text in root.iter(f"{_CSL}text"))


def _disambiguate_conditions(root: Any) -> int:
    # `disambiguate` is a condition, so it only means something on cs:if and cs:else-if.
    return sum(test.get("disambiguate") is not None for test in root.iter(f"{_CSL}if", f"{_CSL}else-if"))


def _et_al_option(root: Any, name: str) -> int:
    """The citation's ``et-al-NAME`` for a subsequent cite (``et-al-subsequent-NAME`` first),
    from ``cs:citation`` or the style; 0 when unset."""
    for attribute in (f"et-al-subsequent-{name}", f"et-al-{name}"):
        for holder in (root.citation, root):
            value = holder.get(attribute)
            if value is not None and value.strip().isdigit():
                return int(value)
    return 0


def _no_callback(_item: Any) -> None:
    return None


class Prepared:
    """A document ready to render: what ``prepare`` made and every later stage reads.

    A plain class, as the render state: a dataclass would cost start-up time to create."""

    __slots__ = (
        "bibliography",
        "calls",
        "citations",
        "citeproc_citations",
        "csl",
        "id_of_key",
        "independent",
        "source",
        "style_bytes",
    )

    def __init__(
        self,
        *,
        source: Any,
        csl: Any,
        bibliography: Any,
        calls: Any,
        citations: Sequence[CitationInput],
        citeproc_citations: list[Any],
        id_of_key: dict[str, str],
        style_bytes: bytes,
    ) -> None:
        self.source = source
        """archcite's CiteProcJSON: the items as citeproc-py references."""
        self.csl = csl
        """The style (a citeproc ``CitationStylesStyle`` of archcite's elements)."""
        self.bibliography = bibliography
        """Every item registered; sorted by :func:`sort`."""
        self.calls = calls
        """The renders the render cache may answer (``call_cache``)."""
        self.citations = citations
        self.citeproc_citations = citeproc_citations
        """citeproc-py's citation for each of ``citations``."""
        self.id_of_key = id_of_key
        """citeproc-py's (lower-case) key -> the item's id."""
        self.style_bytes = style_bytes
        self.independent: bool | None = None
        """Whether renders may be shared among processes (decided when first asked)."""

    def jobs_for(self, tasks: int) -> int:
        """Processes to share ``tasks`` renders that depend only on what is settled so far."""
        from archcite.styles.csl import parallel

        jobs = parallel.job_count(tasks)
        if jobs > 1 and self.independent is None:
            # Only if lending first-reference-note-number (which removes the field afterwards)
            # cannot take a value away from a record that brought its own.
            self.independent = not any(
                "first_reference_note_number" in self.source[key] for key in self.bibliography.keys
            )
        return jobs if jobs > 1 and self.independent else 1


def prepare(
    items: Sequence[Mapping[str, Any]],
    style: str | Path | bytes,
    citations: Sequence[CitationInput],
    bibliography_ids: Sequence[str] | None = None,
    locale: str | None = None,
) -> Prepared:
    """Stage 1: the style loaded (in ``locale``, None: its own), the items read, every cite
    registered, generated labels made.

    Raises :class:`UnknownNameError` for a cite of an id no item has."""
    from archcite.styles.csl import call_cache
    from archcite.styles.csl.classes import CLASSES

    ids = [str(item["id"]) for item in items]
    id_of_key = {i.lower(): i for i in ids}
    for citation in citations:
        for cite in citation.cites:
            if cite.id.lower() not in id_of_key:
                raise UnknownNameError(f"no record with id {cite.id!r} to cite", hint="check the citation's ids")
    prepared = [prepare_item(item) for item in items]
    source = CLASSES.source(prepared)
    csl = parse_style(style, locale=locale) if isinstance(style, bytes) else load_style(str(style), locale)
    bibliography = CLASSES.bibliography(csl, source, MarkupFormatter)
    style_bytes = style if isinstance(style, bytes) else csl.source
    calls = call_cache.for_document(style_bytes, prepared, csl, lambda: bibliography.keys)
    listed = ids if bibliography_ids is None else list(bibliography_ids)
    bibliography.register(CLASSES.citation([CLASSES.citation_item(i) for i in listed]))
    quotes = _quote_terms(csl)
    types = {str(item["id"]).lower(): item.get("type") for item in items}
    citeproc_citations = []
    for citation in citations:
        citeproc_citation = CLASSES.citation(
            [_citeproc_cite(cite, quotes, types.get(cite.id.lower())) for cite in citation.cites]
        )
        bibliography.register(citeproc_citation)
        citeproc_citations.append(citeproc_citation)
    # The style's source, searched as bytes: a mention in a comment only costs the labels' making.
    if b"citation-label" in style_bytes:
        # Generated labels exist before sorting, so that a sort on citation-label sees them.
        from archcite.styles.csl.citation_label import generated_label

        for key in list(bibliography.keys):
            reference = source[key]
            if reference.get("citation_label") is None:
                reference["citation_label"] = generated_label(reference)
    return Prepared(
        source=source,
        csl=csl,
        bibliography=bibliography,
        calls=calls,
        citations=citations,
        citeproc_citations=citeproc_citations,
        id_of_key=id_of_key,
        style_bytes=style_bytes,
    )


# A page locator opening with another locator's abbreviation names that locator ("vol. 1, fol. 186"
# is volume "1, fol. 186"), as citeproc-js reads it (CSL.LOCATOR_LABELS_MAP, its CSL 1.0.2 terms);
# not for legal types, whose locators are sections of their own.
_LOCATOR_LABELS = {
    "app": "appendix",
    "bk": "book",
    "ch": "chapter",
    "col": "column",
    "fig": "figure",
    "fol": "folio",
    "l": "line",
    "n": "note",
    "no": "issue",
    "op": "opus",
    "para": "paragraph",
    "pt": "part",
    "r": "rule",
    "sec": "section",
    "supp": "supplement",
    "sv": "sub-verbo",
    "tbl": "table",
    "vol": "volume",
    "vrs": "verse",
}
_LOCATOR_LABEL = lazy(rf"^({'|'.join(_LOCATOR_LABELS)})\.\s+(.*)", re.DOTALL)
_LEGAL_TYPES = frozenset({"bill", "gazette", "legislation", "regulation", "treaty"})


def _citeproc_cite(cite: Cite, quotes: tuple[str, str, str, str], item_type: str | None = None) -> Any:
    from archcite.styles.csl.classes import CLASSES
    from archcite.styles.csl.fixes.labels import locator_term
    from archcite.styles.csl.fixes.quotes import mark_data_quotes
    from archcite.styles.csl.fixes.richtext import parse_field

    options: dict[str, Any] = {}
    if cite.locator is not None:
        label, value = cite.locator.label, cite.locator.value
        labelled = _LOCATOR_LABEL().match(value) if label == "page" and item_type not in _LEGAL_TYPES else None
        if labelled:
            label, value = _LOCATOR_LABELS[labelled.group(1)], labelled.group(2)
        # The locator is rich text as a field value is: its quotation marks are the locale's, and
        # punctuation-in-quote moves the style's punctuation into them ("s.v. “gargoyle.”").
        value = str(parse_field(value, (mark_data_quotes,))) if value else value
        options["locator"] = CLASSES.locator(locator_term(label), value)
    # Affixes are rich text like field values (tags, quotes); a prefix starting with punctuation
    # takes the place of the delimiter before its cite (as citeproc-js).
    if cite.prefix:
        options["prefix"] = _affix(cite.prefix, quotes, leading=True)
    if cite.suffix:
        options["suffix"] = _affix(cite.suffix, quotes)
    return CLASSES.citation_item(cite.id, **options)


def sort(document: Prepared) -> None:
    """Stage 2: the bibliography in the style's order (``document.bibliography.items``).

    Sorting renders every sort key; one entry is already in order. The order is global: only the
    sort keys the render cache lacks are computed, item by item, maybe on other processes."""
    from archcite.styles.csl import parallel

    if document.csl.has_bibliography() and len(document.bibliography.items) > 1:
        with parallel.shared_sort_keys(document.jobs_for), document.calls.sorting():
            document.bibliography.sort()


def positions(document: Prepared) -> RenderState:
    """Stage 3: a render state holding every cite's position (CSL "position"), computed over the
    whole sequence of citations, and the facts of the style the features read."""
    from archcite.styles.csl import positions as cite_positions

    state = RenderState()
    root = document.csl.root
    state.style_renders_year_suffix = _renders_year_suffix(root)
    citation_element = root.citation
    near_note_distance = int(citation_element.get_option("near-note-distance"))
    facts = [
        cite_positions.CitationFacts(
            [
                cite_positions.CiteFacts(
                    cite.id.lower(),
                    (cite.locator.label, cite.locator.value) if cite.locator else None,
                    cite.position,
                    cite.near_note,
                )
                for cite in citation.cites
            ],
            citation.note_index,
        )
        for citation in document.citations
    ]
    computed = cite_positions.compute_positions(facts, near_note_distance)
    for citeproc_citation, cite_positions_of in zip(document.citeproc_citations, computed, strict=True):
        for citeproc_item, position in zip(citeproc_citation.cites, cite_positions_of, strict=True):
            state.positions[id(citeproc_item)] = position
    note_style = root.get("class") == "note"
    state.capitalise_terms = note_style
    state.ibid_term = str(citation_element.layout.get_single_term(name="ibid") or "")
    return state


class _Probe:
    """What disambiguation judges cites on: each item cited alone, subsequent, without locator
    (remembered by the item's disambiguation, maybe from the render cache or other processes)."""

    def __init__(self, document: Prepared, state: RenderState) -> None:
        self.document = document
        self.state = state
        self.rendered: dict[tuple[Any, ...], str] = {}
        self.quote_marks = [mark for mark in _quote_terms(document.csl) if mark]
        # An item's first-reference-note-number is part of its subsequent cite: citeproc-js
        # does not take "Gaddis (n 28)" and "Gaddis (n 29)" for ambiguous.
        # Numbered as positions.py numbers notes: the note index, else the citation's number.
        self.first_notes: dict[str, int] = {}
        numbered = zip(document.citations, document.citeproc_citations, strict=True)
        for number, (citation, citeproc_citation) in enumerate(numbered, start=1):
            for citeproc_item in citeproc_citation.cites:
                self.first_notes.setdefault(citeproc_item.key, citation.note_index or number)
        self.cited = {key: rank for rank, key in enumerate(self.first_notes)}
        # The name variables the style prints, by shape of item (``cite_names``).
        self.name_variables: dict[Any, list[str]] = {}

    def _key(self, key: str) -> tuple[Any, ...]:
        settings = self.state.disambiguation.get(key)
        return (key, settings.fingerprint() if settings else None)

    def render(self, key: str) -> str:
        cache_key = self._key(key)
        if cache_key not in self.rendered:
            self.rendered[cache_key] = self._undecorated(
                self.document.calls.probe(
                    self.state, key, lambda: self._text(key), first_note=self.first_notes.get(key)
                )
            )
        return self.rendered[cache_key]

    def _undecorated(self, text: str) -> str:
        """The cite as ambiguity is judged on it: without formatting and the quotation marks a
        style puts around a title (citeproc-js suppresses decorations in the cite it compares, so
        Hobbs's book, in italics, and his article, in quotes, are "Hobbs et al., Interpretation
        as Abduction" both)."""
        from archcite.styles.csl.fixes import _marks
        from archcite.styles.markup import to_plain

        plain = to_plain(_marks.strip(text))
        for mark in self.quote_marks:
            plain = plain.replace(mark, "")
        return plain

    def render_all(self, keys: Sequence[str]) -> None:
        from archcite.styles.csl import parallel

        wanted = [key for key in keys if self._key(key) not in self.rendered]

        def render_missing(indexes: Sequence[int]) -> list[list[Any]]:
            return parallel.render_all(
                len(indexes), lambda n: [self._text(wanted[indexes[n]])], jobs=self.document.jobs_for(len(indexes))
            )

        calls = self.document.calls
        texts = calls.batch(
            [calls.probe_call(self.state, key, first_note=self.first_notes.get(key)) for key in wanted], render_missing
        )
        for key, text in zip(wanted, texts, strict=True):
            self.rendered[self._key(key)] = self._undecorated(str(text[0]))

    def _text(self, key: str) -> str:
        from archcite.styles.csl.classes import CLASSES

        probe = CLASSES.citation_item(key)
        probe_citation = CLASSES.citation([probe])
        probe_citation.bibliography = self.document.bibliography
        first_note = self.first_notes.get(key)
        self.state.positions[id(probe)] = CitePosition(Position.SUBSEQUENT, near_note=True, first_note=first_note)
        reference = self.document.source[key] if first_note is not None else None
        if reference is not None and "first_reference_note_number" in reference:
            reference = None  # the record brought its own: it stays
        if reference is not None:
            reference["first_reference_note_number"] = str(first_note)
        # When the item was consulted tells no work from another: citeproc-js's ambiguous cite
        # renders no accessed date (date_YearSuffixWithNoDate: "n.d.-a [Accessed: June 1, 1965]").
        record = self.document.source[key]
        accessed = record.pop("accessed", None)
        try:
            return str(self.document.csl.render_citation(probe_citation, [], _no_callback))
        finally:
            del self.state.positions[id(probe)]
            if reference is not None:
                reference.pop("first_reference_note_number", None)
            if accessed is not None:
                record["accessed"] = accessed

    def names(self, key: str) -> Sequence[Any]:
        from archcite.styles.csl.disambiguation import disambiguated_variable

        reference = self.document.source[key]
        variable = disambiguated_variable(reference)
        return [] if variable is None else list(reference[variable])

    def item_id(self, key: str) -> str:
        return self.document.id_of_key.get(key, key)

    def citation_rank(self, key: str) -> int:
        return self.cited.get(key, len(self.cited))

    def conditions_met(self, key: str) -> int:
        self._text(key)  # rendered here, never from a cache: the count is a side effect
        return self.state.conditions_met

    def registered(self, key: str, *, citation_only: bool = False) -> Sequence[Sequence[Any]]:
        from archcite.styles.csl.cite_names import cite_name_lists

        return cite_name_lists(
            self.document.csl.root, self.document.source[key], citation_only=citation_only, memo=self.name_variables
        )

    def named(self, key: str) -> Sequence[tuple[str, Sequence[Any]]]:
        from archcite.styles.csl.cite_names import cite_names

        return cite_names(self.document.csl.root, self.document.source[key], memo=self.name_variables)


def disambiguate(document: Prepared, state: RenderState) -> None:
    """Stage 4: each item's disambiguation and year suffix settled in ``state`` (CSL
    "Disambiguation"); ``state`` must be the active render state."""
    from archcite.styles.csl import disambiguation

    citation_element = document.csl.root.citation

    def option(name: str) -> bool:
        return str(citation_element.get_option(name)).lower() in _TRUE

    options = disambiguation.Options(
        add_names=option("disambiguate-add-names"),
        add_givenname=option("disambiguate-add-givenname"),
        add_year_suffix=option("disambiguate-add-year-suffix"),
        # citeproc-py's default is "all-names"; the CSL specification's is "by-cite".
        rule=str(citation_element.get("givenname-disambiguation-rule", "by-cite")),
        conditions=_disambiguate_conditions(document.csl.root),
        et_al=(_et_al_option(document.csl.root, "min"), _et_al_option(document.csl.root, "use-first")),
        walk_again=document.csl.root.get("class") == "note" and _disambiguate_conditions(document.csl.root) > 0,
    )
    if options.add_names or options.add_givenname or options.add_year_suffix or options.conditions:
        keys = list(document.bibliography.keys)
        state.year_suffixes = disambiguation.disambiguate(keys, state, _Probe(document, state), options)


def render(
    document: Prepared,
    state: RenderState,
    progress: Callable[[int], None] | None = None,
    *,
    entries_wanted: bool = True,
) -> Document:
    """Stage 5: every citation in document order, then the bibliography (unless not
    ``entries_wanted``); ``state`` must be the active render state. ``progress(n)`` hears of
    each citation and entry rendered."""
    from archcite.styles.csl import parallel

    citeproc_citations = document.citeproc_citations
    bibliography = document.bibliography
    has_bibliography = entries_wanted and document.csl.has_bibliography()
    calls = document.calls
    task_calls = [
        calls.citation_call(state, zip(citeproc_citation.cites, citation.cites, strict=True))
        for citeproc_citation, citation in zip(citeproc_citations, document.citations, strict=True)
    ]
    if has_bibliography:
        task_calls += [calls.entry_call(state, item.key) for item in bibliography.items]
    cited: list[Any] = []
    # The names of each entry's first cs:names are read one by one (a second render of that name
    # list) only for a style whose bibliography substitutes a repeated author.
    substitutes = has_bibliography and document.csl.root.bibliography.get("subsequent-author-substitute") is not None

    def render_task(index: int) -> list[Any]:
        # Citations first, then bibliography entries, as a single process renders them.
        in_bibliography = index >= len(citeproc_citations)
        state.in_bibliography = in_bibliography
        state.capture_names = in_bibliography and substitutes
        if in_bibliography:
            return list(_render_entry(document, state, index - len(citeproc_citations)))
        return [_render_citation(document, state, index, cited)]

    def render_missing(indexes: Sequence[int]) -> list[list[Any]]:
        if progress is not None:
            progress(len(task_calls) - len(indexes))  # the cached ones
        return parallel.render_all(
            len(indexes), lambda n: render_task(indexes[n]), jobs=document.jobs_for(len(indexes)), progress=progress
        )

    done = calls.batch(task_calls, render_missing)
    state.in_bibliography, state.capture_names = has_bibliography, False
    rendered: list[str | None] = [value[0] for value in done[: len(citeproc_citations)]]
    entries: list[BibEntry] = []
    if has_bibliography:
        entries = _bibliography_entries(document, state, done[len(citeproc_citations) :])
    elif progress is not None:
        progress(len(bibliography.items))
    return _result(document, state, rendered, entries)


def _render_citation(document: Prepared, state: RenderState, index: int, cited: list[Any]) -> str | None:
    citeproc_citation = document.citeproc_citations[index]
    # first-reference-note-number is a fact of the cite, lent to its reference while it renders.
    lent = []
    for citeproc_item in citeproc_citation.cites:
        known = state.positions.get(id(citeproc_item))
        if known is not None and known.first_note is not None and not citeproc_item.is_bad():
            citeproc_item.reference["first_reference_note_number"] = str(known.first_note)
            lent.append(citeproc_item.reference)
    try:
        return finish(document.csl.render_citation(citeproc_citation, cited, _no_callback))
    finally:
        for reference in lent:
            reference.pop("first_reference_note_number", None)


def _render_entry(document: Prepared, state: RenderState, index: int) -> tuple[str | None, ...]:
    """The entry's text, then the output of its first `cs:names` and the names it printed (for
    the author substitute), as strings the render cache keeps."""
    citeproc_item = document.bibliography.items[index]
    output = document.csl.render_bibliography([citeproc_item])
    return (str(output[0]) if output else None), *state.first_names.get(citeproc_item.key, (None,))


def _entry_without_names(document: Prepared, state: RenderState, citeproc_item: Any) -> str | None:
    """The entry rendered again, its first `cs:names` printing nothing (an empty author substitute)."""
    state.blank_first_names = True
    try:
        output = document.csl.render_bibliography([citeproc_item])
    finally:
        state.blank_first_names = False
    return str(output[0]) if output else None


def _bibliography_entries(document: Prepared, state: RenderState, done: Sequence[list[Any]]) -> list[BibEntry]:
    """The rendered entries finished: subsequent authors substituted, second fields aligned."""
    from archcite.styles.csl.author_substitute import substitute_authors

    items = document.bibliography.items
    texts: list[str | None] = []
    for citeproc_item, (text, *names_output) in zip(items, done, strict=True):
        texts.append(text)
        # Entries rendered by another process (or read from the cache) bring their names.
        if names_output and names_output[0] is not None:
            state.first_names.setdefault(citeproc_item.key, tuple(names_output))
    bibliography_element = document.csl.root.bibliography
    substitute = bibliography_element.get("subsequent-author-substitute")
    if substitute is not None:
        names = [state.first_names.get(citeproc_item.key) for citeproc_item in items]
        rule_name = bibliography_element.get("subsequent-author-substitute-rule", "complete-all")
        substituted = substitute_authors(texts, names, MarkupFormatter.preformat(substitute), rule_name)
        if not substitute and rule_name == "complete-all":
            substituted = [
                text if text == before else _entry_without_names(document, state, citeproc_item)
                for citeproc_item, text, before in zip(items, substituted, texts, strict=True)
            ]
        texts = substituted
    aligned = bibliography_element.get("second-field-align") is not None
    layout_suffix = bibliography_element.layout.get("suffix", "")
    entries: list[BibEntry] = []
    for citeproc_item, entry in zip(items, texts, strict=True):
        displayed = finish_with_display(suffix_inside(entry, layout_suffix) if entry else entry)
        if displayed is None:
            continue
        finished = without_display(displayed)
        margin, alone = _first_field(bibliography_element.layout, citeproc_item, state) if aligned else (None, False)
        if alone and margin is not None and finished.startswith(margin):
            # Nothing follows the first field: citeproc-js prints it without the layout's
            # suffix, which belongs to the (empty) rest of the entry.
            finished = displayed = margin
        item_id = document.id_of_key.get(citeproc_item.key, citeproc_item.key)
        entries.append(_aligned(item_id, finished, margin, displayed))
    return entries


MARGIN_SEPARATOR = " "
"""What stands between an aligned first field and the rest of the entry in text output."""


def _aligned(item_id: str, text: str, margin: str | None, displayed: str) -> BibEntry:
    """The entry with its first field set apart (CSL "second-field-align").

    The specification aligns the second field without saying what text output shows between the
    two; citeproc-js's text format ends the left margin with one space (``[1] G. F. Kennan``,
    ``1.  Kennan GF`` after a suffix ". "), and so does archcite, so that every output format
    (plain, HTML, RTF, ...) keeps the fields apart. The CSL test suite's HTML puts the two parts
    in their own ``div`` s instead: the display tags ``left-margin`` and ``right-inline`` of
    ``BibEntry.display``, where the space that ends the entry stays after the right-inline part
    (the suite's variables_ContainerTitleShort). Display parts inside an aligned entry's fields
    are left out of its HTML."""
    if margin is None or not text.startswith(margin) or len(text) == len(margin):
        return BibEntry(item_id, text, display=displayed if displayed != text else None)
    rest = text[len(margin) :]
    inline = rest.rstrip()
    display = f"<left-margin>{margin}</left-margin>{MARGIN_SEPARATOR}<right-inline>{inline}</right-inline>"
    return BibEntry(item_id, margin + MARGIN_SEPARATOR + rest, margin, display + rest[len(inline) :])


def _result(document: Prepared, state: RenderState, rendered: list[str | None], entries: list[BibEntry]) -> Document:
    id_of_key = document.id_of_key
    ambiguous = [[id_of_key.get(key, key) for key in group] for group in state.ambiguous_groups]
    expanded = {
        id_of_key.get(key, key)
        for key, settings in state.disambiguation.items()
        if key not in state.year_suffixes
        and (settings.names_shown is not None or settings.given_levels or settings.disambiguate)
    }
    return Document(rendered, entries, ambiguous, expanded)


def render_document(
    items: Sequence[Mapping[str, Any]],
    style: str | Path | bytes,
    citations: Sequence[CitationInput],
    *,
    bibliography_ids: Sequence[str] | None = None,
    progress: Callable[[int], None] | None = None,
    entries_wanted: bool = True,
    locale: str | None = None,
) -> Document:
    """Render ``citations`` in document order and the bibliography of ``bibliography_ids``.

    ``style`` is a path to a CSL file or the CSL XML itself (bytes), rendered in ``locale`` (a CSL
    locale; None: the style's ``default-locale``, else en-US). The bibliography holds every
    item unless ``bibliography_ids`` says otherwise; items cited but not listed are added after.
    Without ``entries_wanted`` the bibliography is sorted and disambiguated (the citations
    depend on both) but its entries are not rendered: ``Document.bibliography`` is empty.
    ``progress(n)`` hears of each citation and each bibliography entry rendered. The stages:
    :func:`prepare`, :func:`sort`, :func:`positions`, :func:`disambiguate`, :func:`render`.
    """
    document = prepare(items, style, citations, bibliography_ids, locale)
    try:
        sort(document)
        state = positions(document)
        with active_state(state):
            disambiguate(document, state)
            return render(document, state, progress, entries_wanted=entries_wanted)
    finally:
        document.calls.close()


def _first_field(layout: Any, item: Any, state: RenderState) -> tuple[str | None, bool]:
    """The output of the bibliography layout's first child that renders (CSL "second-field-align"),
    finished as the layout finishes an entry (terms, quotes, then doubled periods: the order of
    ``fixes.FIXES``), and whether it is all the entry prints."""
    from citeproc.source import VariableError

    from archcite.styles.csl.fixes.first_term import settle
    from archcite.styles.csl.fixes.punctuation import drop_doubled_periods
    from archcite.styles.csl.fixes.quotes import resolve_entry

    margin: str | None = None
    for child in layout.iterchildren():
        layout.repressed = {}
        state.current_key, state.year_suffix_pending = item.key, True
        try:
            output = child.render(item)
        except VariableError:
            continue
        finally:
            state.current_key, state.year_suffix_pending = None, False
        if output is None:
            continue
        if margin is not None:
            return margin, False
        settled = settle(str(output), capitalize=True, number=getattr(item, "number", None))
        margin = finish(drop_doubled_periods(resolve_entry(layout, settled)))
    return margin, True


def _quote_terms(csl: Any) -> tuple[str, str, str, str]:
    layout = csl.root.citation.layout
    names = ("open-quote", "close-quote", "open-inner-quote", "close-inner-quote")
    terms = [str(layout.get_single_term(name=name)) for name in names]
    return terms[0], terms[1], terms[2], terms[3]


def _affix(text: str, quotes: tuple[str, str, str, str], *, leading: bool = False) -> str:
    from archcite.styles.csl.citation_order import NO_DELIMITER, SUFFIX_PUNCTUATION
    from archcite.styles.csl.fixes.quotes import mark_data_quotes, print_levels
    from archcite.styles.csl.fixes.richtext import parse_field

    # Quotes the author typed in an affix become typographic, but punctuation after them is the
    # author's and stays outside (citeproc-js moves punctuation only into the style's quotes).
    marked = print_levels(str(parse_field(text, (mark_data_quotes,))), quotes)
    if leading and marked[:1] in ",.;:":
        return NO_DELIMITER + marked
    if not leading and marked[-1:] in ",.;:":
        # a suffix ending in punctuation takes the delimiter's punctuation after its cite
        return marked[:-1] + SUFFIX_PUNCTUATION + marked[-1]
    return marked


def render_reference_protocol(
    items: Sequence[Mapping[str, Any]],
    style: str | Path | bytes,
    *,
    locator: Locator | None = None,
    locale: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[Any]:
    """The reference corpus's protocol (``engine.render_items``): one bibliography of every item;
    each item cited once in input order in its own note (notes 1..n), then again (n+1..2n)."""
    from archcite.styles.types import Rendered

    ids = [str(item["id"]) for item in items]
    notes = [CitationInput([Cite(i, locator=locator)], note_index=n) for n, i in enumerate(ids + ids, start=1)]
    document = render_document(items, style, notes, progress=progress, locale=locale)
    rank = {entry.id: (n, entry) for n, entry in enumerate(document.bibliography)}
    return [
        Rendered(
            id=record_id,
            cite=document.citations[n],
            cite_sub=document.citations[len(ids) + n],
            bib=rank[record_id][1].text if record_id in rank else None,
            bib_rank=rank[record_id][0] if record_id in rank else None,
            bib_display=rank[record_id][1].display if record_id in rank else None,
        )
        for n, record_id in enumerate(ids)
    ]
