"""The filter's one door into archcite's engine: every import of ``archcite.styles`` internals is here.

A pandoc document is a sequence of citation clusters. Clusters of published works go whole
through the CSL document renderer (``styles.csl.document.render_document``), which computes
positions, disambiguation and collapsing; archival records in Chicago, Chicago author-date and
MLA go through the house rules (``styles.archival``), so that they print exactly as
``archcite cite`` prints them. A cluster that mixes the two, or that needs a cite on its own
(a suppressed author, an unknown key, a link per cite), is rendered cite by cite and put
together with the style's own citation affixes and delimiter. Positions (first, subsequent,
ibid) are computed once for the whole document on the clusters as written, and every cite is
rendered at the position so computed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from archcite.styles.types import Locator

if TYPE_CHECKING:
    from archcite.records.model import Record
    from archcite.styles.archival import CiteRequest
    from archcite.styles.csl.document import CitationInput, Cite
    from archcite.styles.csl.render_state import CitePosition
    from archcite.styles.names import Style

__all__ = [
    "BibliographyBlock",
    "CiteInput",
    "ClusterInput",
    "DocumentOutput",
    "Locator",
    "Piece",
    "cite_document",
    "language",
    "locator_terms",
    "markup_tokens",
    "style_facts",
]

NORMAL, SUPPRESS_AUTHOR, AUTHOR_IN_TEXT = "normal", "suppress-author", "author-in-text"

# Stands for the suppressed names while a cite renders; cut out afterwards with what follows it.
_MARK_OPEN, _MARK_CLOSE = "\ue0f0", "\ue0f1"
_MARKED_NAMES = re.compile(f"{_MARK_OPEN}[^{_MARK_CLOSE}]*{_MARK_CLOSE}[,.:;]?\\s*")


class CiteInput(NamedTuple):
    """One cite as the author wrote it; ``prefix`` and ``suffix`` are plain text."""

    id: str
    locator: Locator | None = None
    prefix: str = ""
    suffix: str = ""
    mode: str = NORMAL


class ClusterInput(NamedTuple):
    """A citation: its cites, the note it stands in (0: the main text of an in-text style) and
    whether it sits inside a footnote the author wrote."""

    cites: Sequence[CiteInput]
    note: int = 0
    in_note: bool = False


class Piece(NamedTuple):
    """A run of the rendered citation, in archcite markup; ``id`` names the record it cites (for
    links), ``missing`` marks an unknown key."""

    text: str
    id: str | None = None
    missing: bool = False


class ClusterOutput(NamedTuple):
    lead: list[Piece]
    """Author-in-text names, printed in the running text."""
    citation: list[Piece]
    """The citation (the note's text in a note style)."""


class BibliographyBlock(NamedTuple):
    """Bibliography entries under a heading (with ``archcite-sections``), or under none."""

    heading: str | None
    level: int
    entries: Sequence[tuple[str, str, str | None]]
    """(record id, entry in archcite markup, its first field with ``second-field-align`` or None)."""


class DocumentOutput(NamedTuple):
    clusters: list[ClusterOutput]
    bibliography: list[BibliographyBlock]
    note_style: bool
    hanging_indent: bool
    warnings: Sequence[str] = ()
    """What the writer should be told (a language CSL has no locale for)."""


class _Layout(NamedTuple):
    prefix: str
    suffix: str
    delimiter: str
    ibid_term: str
    near_note_distance: int
    hanging_indent: bool
    quotes_take_punctuation: bool


def style_facts(name: str) -> tuple[str, bool]:
    """A style name, alias or ``.csl`` path resolved: its name and whether it is a note style;
    an unknown name is an ``UnknownNameError`` with the closest matches."""
    from archcite.styles import resolve_style

    style = resolve_style(name)
    if style.path is None:
        from archcite.errors import UnknownNameError

        raise UnknownNameError(f"{style.name} is not a CSL style", hint="set csl: to a CSL style name or .csl file")
    return style.name, style.is_note_style


def markup_tokens(markup: str) -> list[tuple[str, str]]:
    """("open"|"close", tag) and ("text", text) tokens of archcite markup, flattened (pandoc has
    no element that cancels formatting)."""
    from archcite.styles.markup import _tokens, flatten

    return _tokens(flatten(markup))


def locator_terms(lang: str | None = None) -> dict[str, str]:
    """Every locator label a writer may type (lower case, no final period) to its CSL locator:
    the locale's terms in every form, as pandoc reads them, and archcite's own labels."""
    from archcite.styles.csl.locale_terms import locale_locator_terms

    return locale_locator_terms(lang)


def cite_document(
    records: Sequence[Record],
    style_name: str,
    clusters: Sequence[ClusterInput],
    *,
    bibliography_ids: Sequence[str],
    lang: str | None = None,
    ibid: bool | None = None,
    sections: bool = False,
    split_all: bool = False,
    cache: bool | None = None,
) -> DocumentOutput:
    """Render every cluster of a document and its bibliography (the records of
    ``bibliography_ids``, in that order before sorting), in the language ``lang`` (a tag from
    :func:`language`), which replaces the style's own locale as pandoc's ``lang`` does.
    ``ibid`` None follows the style; ``split_all`` renders every cluster cite by cite (for a link
    per cite)."""
    from archcite.styles import resolve_style
    from archcite.styles.locales import localise
    from archcite.styles.stylecheck import never_true_notice

    style, told = localise(resolve_style(style_name), lang, override=True)
    output = _Renderer(records, style, ibid, split_all).run(clusters, bibliography_ids, sections, cache)
    used = set(bibliography_ids)
    notice = style.path and never_true_notice(
        style.name, style.path, [(r.id, r.fields.get("type")) for r in records if r.id in used]
    )
    return output._replace(warnings=[*told, notice] if notice else told)


def language(lang: str) -> str | None:
    """``lang`` as a BCP 47 tag in its usual case (``de_DE`` is ``de-DE``), or None if it is none."""
    from archcite.styles.locales import LanguageTagError, language_tag

    try:
        return language_tag(lang)
    except LanguageTagError:
        return None


def _read_layout(path: str, locale: str | None) -> _Layout:
    from archcite.styles.csl.engine import load_style

    csl = load_style(path, locale)
    citation = csl.root.citation
    layout = citation.layout
    return _Layout(
        layout.get("prefix", ""),
        layout.get("suffix", ""),
        layout.get("delimiter", ""),
        str(layout.get_single_term(name="ibid") or "ibid."),
        int(citation.get_option("near-note-distance")),
        csl.root.bibliography is not None and csl.root.bibliography.get("hanging-indent") == "true",
        str(layout.get_locale_option("punctuation-in-quote") or "false").lower() == "true",
    )


def _capitalise(text: str) -> str:
    """The first letter of markup text in upper case (a note begins a sentence)."""
    match = re.search(r"^(?:<[^>]+>|[\s\"“‘(\[])*([^\W\d_])", text)
    if match is None:
        return text
    return text[: match.start(1)] + text[match.start(1)].upper() + text[match.end(1) :]


_CLOSING = re.compile(r"(?:[”’\"']|</(?:i|b|sc|sup|sub)>)*$")


def _strip_affixes(text: str, layout: _Layout) -> str:
    """The text without the style's citation prefix and suffix; a suffix the engine moved inside
    closing quotes (punctuation-in-quote) is taken from inside them."""
    if layout.prefix and text.startswith(layout.prefix):
        text = text[len(layout.prefix) :]
    if layout.suffix:
        closing = _CLOSING.search(text)
        end = closing.start() if closing else len(text)
        if text[:end].endswith(layout.suffix):
            text = text[: end - len(layout.suffix)] + text[end:]
    return text


def _add_suffix(text: str, suffix: str, inside_quotes: bool) -> str:
    """``suffix`` after ``text``; inside its closing quotes where the locale puts punctuation there."""
    closing = _CLOSING.search(text)
    end = closing.start() if closing else len(text)
    if text[:end].endswith(suffix):
        return text
    if inside_quotes and suffix in (".", ",") and re.search(r"[”’]", text[end:]):
        return text[:end] + suffix + text[end:]
    return text + suffix


def _difference(full: str, without: str) -> str:
    """What ``full`` has that ``without`` lacks: the names a suppressed author removed."""
    start = 0
    while start < min(len(full), len(without)) and full[start] == without[start]:
        start += 1
    end = 0
    while end < min(len(full), len(without)) - start and full[-1 - end] == without[-1 - end]:
        end += 1
    return full[start : len(full) - end].strip().lstrip("([").rstrip(",;:").strip()


@dataclass
class _Plan:
    """What a document's clusters ask of the engine and of the archival rules, and how to put
    the answers together."""

    engine_inputs: list[CitationInput] = field(default_factory=list)
    requests: list[CiteRequest] = field(default_factory=list)
    steps: list[list[tuple[Any, ...]]] = field(default_factory=list)
    """Per cluster, per cite: ("engine", index, suppressed, position) | ("archival", index,
    suppressed, position) | ("missing",); none for a cluster that goes whole."""
    whole_index: dict[int, int] = field(default_factory=dict)
    """Cluster number -> its engine input, for a cluster that goes whole through the engine."""
    clones: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Records copied with their names replaced by a mark, by the clone's id."""


class _Renderer:
    def __init__(self, records: Sequence[Record], style: Style, ibid: bool | None, split_all: bool) -> None:
        from archcite.styles.archival import house_rules_apply, is_archival

        assert style.path is not None
        self.style = style
        self.path = style.path
        self.locale = style.locale
        self.records = {r.id: r for r in records}
        # The house rules print the English manuals' archival forms; in another language the
        # style's own (localised) rendering of an archival record is used, as for any record.
        self.house_rules = house_rules_apply(style)
        self.archival = {r.id for r in records if self.house_rules and is_archival(r.fields)}
        self.layout = _read_layout(style.path, style.locale)
        self.split_all = split_all
        self.ibid = self._style_prints_ibid() if ibid is None else ibid
        self.style_ibid = ibid is None
        self.cites_names = self._style_cites_names()
        self.document_bibliography: list[Any] = []

    def _style_prints_ibid(self) -> bool:
        """Whether the style prints its ibid term for a book cited in two notes running."""
        from archcite.styles.csl.document import CitationInput, Cite, render_document

        if not self.style.is_note_style:
            return False
        book = {"id": "probe", "type": "book", "title": "Probe", "author": [{"family": "Probe"}]}
        notes = [CitationInput([Cite("probe")], 1), CitationInput([Cite("probe")], 2)]
        second = render_document([book], self.path, notes, locale=self.locale).citations[1] or ""
        return self.layout.ibid_term.lower().rstrip(".") in second.lower()

    def _style_cites_names(self) -> bool:
        """Whether the style's citations print names (a numeric one's do not: there an
        author-in-text or suppressed-author cite is the plain citation, as in pandoc)."""
        from archcite.styles.csl.document import CitationInput, Cite, render_document

        book = {"id": "probe", "type": "book", "title": "Probe", "author": [{"family": "Zqxname"}]}
        probe = [CitationInput([Cite("probe")], 1)]
        text = render_document([book], self.path, probe, locale=self.locale).citations[0] or ""
        return "Zqxname" in text

    def run(
        self, clusters: Sequence[ClusterInput], bibliography_ids: Sequence[str], sections: bool, cache: bool | None
    ) -> DocumentOutput:
        positions = self._positions(clusters)
        # archcite's own bibliography replaces the engine's: the engine need not render its entries.
        own = self._own_bibliography(bibliography_ids, sections)
        outputs = self._render(clusters, positions, bibliography_ids, entries_wanted=not own)
        bibliography = self._bibliography(bibliography_ids, sections, cache)
        return DocumentOutput(outputs, bibliography, self.style.is_note_style, self.layout.hanging_indent)

    def _positions(self, clusters: Sequence[ClusterInput]) -> list[list[CitePosition]]:
        from archcite.styles.csl.positions import CitationFacts, CiteFacts, compute_positions

        facts = [
            CitationFacts(
                [
                    CiteFacts(c.id.lower(), (c.locator.label, c.locator.value) if c.locator else None)
                    for c in cluster.cites
                    if c.id in self.records
                ],
                cluster.note if self.style.is_note_style or cluster.in_note else 0,
            )
            for cluster in clusters
        ]
        return compute_positions(facts, self.layout.near_note_distance)

    def _whole(self, cluster: ClusterInput) -> bool:
        """Whether the cluster goes whole through the engine (else cite by cite): not when the
        writer's ibid. overrides the style's, which is done cite by cite."""
        return (
            not self.split_all
            and not (self.ibid and not self.style_ibid)
            and all(c.id in self.records and c.id not in self.archival and c.mode == NORMAL for c in cluster.cites)
        )

    def _render(
        self,
        clusters: Sequence[ClusterInput],
        positions: Sequence[Sequence[CitePosition]],
        listed: Sequence[str],
        *,
        entries_wanted: bool,
    ) -> list[ClusterOutput]:
        from archcite.styles.archival import render_cites
        from archcite.styles.csl.document import render_document

        listed_ids = set(listed)
        items: list[dict[str, Any]] = [dict(self.records[i].fields) for i in listed if i in self.records]
        items += [dict(r.fields) for i, r in self.records.items() if i not in listed_ids]
        effective = [self._effective(cluster) for cluster in clusters]
        plan = _Plan()
        for number, (cluster, cluster_positions) in enumerate(zip(effective, positions, strict=True)):
            self._plan_cluster(plan, number, cluster, cluster_positions)
        items += list(plan.clones.values())
        document = render_document(
            items,
            self.path,
            plan.engine_inputs,
            bibliography_ids=list(listed),
            entries_wanted=entries_wanted,
            locale=self.locale,
        )
        self.document_bibliography = [entry for entry in document.bibliography if entry.id not in plan.clones]
        archival_texts = render_cites(list(self.records.values()), self.style, plan.requests) if plan.requests else []
        return [
            self._assemble(
                written, cluster, plan, number, engine_texts=document.citations, archival_texts=archival_texts
            )
            for number, (written, cluster) in enumerate(zip(clusters, effective, strict=True))
        ]

    def _plan_cluster(self, plan: _Plan, number: int, cluster: ClusterInput, positions: Sequence[CitePosition]) -> None:
        """The cluster's cites added to ``plan``: whole, as one engine citation, or cite by cite."""
        from archcite.styles.csl.document import CitationInput

        known = iter(positions)
        note = cluster.note if self.style.is_note_style or cluster.in_note else 0
        if self._whole(cluster):
            plan.whole_index[number] = len(plan.engine_inputs)
            cites = [self._engine_cite(c, p) for c, p in zip(cluster.cites, known, strict=True)]
            plan.engine_inputs.append(CitationInput(cites, note))
            plan.steps.append([])
            return
        steps: list[tuple[Any, ...]] = []
        for cite in cluster.cites:
            if cite.id not in self.records:
                steps.append(("missing",))
            else:
                steps.append(self._plan_cite(plan, cite, next(known), note))
        plan.steps.append(steps)

    def _plan_cite(self, plan: _Plan, cite: CiteInput, position: CitePosition, note: int) -> tuple[Any, ...]:
        """One known cite rendered on its own (and again without its names when they are
        suppressed or moved into the text): by the archival rules or as an engine citation."""
        from archcite.styles.archival import CiteRequest
        from archcite.styles.csl.document import CitationInput

        suppressed = cite.mode != NORMAL
        if cite.id in self.archival:
            step = ("archival", len(plan.requests), suppressed, position)
            plan.requests.append(CiteRequest(cite.id, cite.locator))
            if suppressed:
                plan.requests.append(CiteRequest(cite.id, cite.locator, self._without_names(cite.id, plan.clones)))
            return step
        step = ("engine", len(plan.engine_inputs), suppressed, position)
        engine_cite = self._engine_cite(cite, position)
        plan.engine_inputs.append(CitationInput([engine_cite], note))
        if suppressed:
            clone_id = self._clone_id(cite.id, plan.clones)
            plan.engine_inputs.append(CitationInput([engine_cite._replace(id=clone_id)], note))
        return step

    def _engine_cite(self, cite: CiteInput, position: CitePosition) -> Cite:
        from archcite.styles.csl.document import Cite
        from archcite.styles.csl.render_state import Position

        forced = position.position
        if forced in (Position.IBID, Position.IBID_WITH_LOCATOR) and not self.style_ibid:
            # The writer's choice overrides the style's: the engine gives the short form.
            forced = Position.SUBSEQUENT
        return Cite(cite.id, cite.locator, _spaced_prefix(cite.prefix), cite.suffix, forced, position.near_note)

    def _assemble(
        self,
        written: ClusterInput,
        cluster: ClusterInput,
        plan: _Plan,
        number: int,
        *,
        engine_texts: Sequence[str | None],
        archival_texts: Sequence[Any],
    ) -> ClusterOutput:
        """The cluster's output from the renders ``plan`` asked for; ``written`` is the cluster
        as the author wrote it, ``cluster`` as rendered (see :meth:`_effective`)."""
        if number in plan.whole_index:
            text = engine_texts[plan.whole_index[number]] or ""
            return self._finish(written, [], [Piece(_strip_affixes(text, self.layout))])
        lead: list[Piece] = []
        pieces: list[Piece] = []
        for cite, step in zip(cluster.cites, plan.steps[number], strict=True):
            names, piece = self._cite_text(cite, step, engine_texts, archival_texts)
            if names is not None:
                lead.append(names)
            pieces.append(piece)
        return self._finish(written, lead, pieces)

    def _cite_text(
        self, cite: CiteInput, step: tuple[Any, ...], engine_texts: Sequence[str | None], archival_texts: Sequence[Any]
    ) -> tuple[Piece | None, Piece]:
        """One cite of a cluster rendered on its own: the author-in-text names (or None) and the citation."""
        if step[0] == "missing":
            return None, Piece(cite.id + "?", cite.id, missing=True)
        kind, index, suppressed, position = step
        if kind == "archival":
            full = self._archival_text(cite, archival_texts[index], position)
            short = self._archival_text(cite, archival_texts[index + 1], position) if suppressed else full
        else:
            full = engine_texts[index] or ""
            short = (engine_texts[index + 1] or "") if suppressed else full
            ibid_text = self._ibid_text(cite, position) if self.ibid and not self.style_ibid else None
            if ibid_text is not None:
                full = short = _with_affixes(ibid_text, cite)
        full, short = _strip_affixes(full, self.layout), _strip_affixes(short, self.layout)
        short = _MARKED_NAMES.sub("", short)
        names = None
        if cite.mode == AUTHOR_IN_TEXT:
            names = Piece(_difference(full, short) or self._names(cite.id), cite.id)
        return names, Piece(_with_affixes(short, cite) if kind == "archival" else short, cite.id)

    def _effective(self, cluster: ClusterInput) -> ClusterInput:
        """The cites as rendered, as pandoc's citeproc renders them: in a note style an
        author-in-text cite inside a footnote is cited in full there (the note already is the
        citation's place); a style whose citations print no names has no author to move or hide."""
        if not self.cites_names:
            return cluster._replace(cites=[c._replace(mode=NORMAL) for c in cluster.cites])
        if not (self.style.is_note_style and cluster.in_note):
            return cluster
        return cluster._replace(
            cites=[c._replace(mode=NORMAL) if c.mode == AUTHOR_IN_TEXT else c for c in cluster.cites]
        )

    def _clone_id(self, record_id: str, clones: dict[str, dict[str, Any]]) -> str:
        clone_id = f"{record_id}{_MARK_OPEN}suppressed"
        clones.setdefault(clone_id, {**self._without_names(record_id, clones), "id": clone_id})
        return clone_id

    def _without_names(self, record_id: str, clones: dict[str, dict[str, Any]]) -> dict[str, Any]:
        """The record's fields with its authors replaced by a mark unique to it (cut out after)."""
        fields = dict(self.records[record_id].fields)
        for variable in ("author", "editor", "translator", "director", "composer", "interviewer"):
            if fields.get(variable):
                fields[variable] = [{"literal": f"{_MARK_OPEN}{len(clones)}-{record_id}{_MARK_CLOSE}"}]
                break
        return fields

    def _names(self, record_id: str) -> str:
        from archcite.styles.archival.names import short_list
        from archcite.styles.archival.parts import esc

        names = [n for n in self.records[record_id].fields.get("author") or [] if isinstance(n, Mapping)]
        return esc(short_list(names)) if names else ""

    def _archival_text(self, cite: CiteInput, rendered: Any, position: CitePosition) -> str:
        from archcite.styles.csl.render_state import Position

        if position.position == Position.FIRST or not self.style.is_note_style:
            return str(rendered.cite)
        if self.ibid and position.position in (Position.IBID, Position.IBID_WITH_LOCATOR):
            return self._ibid_text(cite, position) or str(rendered.cite_sub)
        return str(rendered.cite_sub)

    def _ibid_text(self, cite: CiteInput, position: CitePosition) -> str | None:
        """ "Ibid." with the cite's own pinpoint (CMOS 18 14.34), for a cite at an ibid position."""
        from archcite.styles.archival.chicago import pages_part
        from archcite.styles.archival.parts import esc, read_parts
        from archcite.styles.csl.render_state import Position

        if position.position not in (Position.IBID, Position.IBID_WITH_LOCATOR):
            return None
        term = esc(self.layout.ibid_term)
        if cite.locator is None or position.position == Position.IBID:
            return term + self.layout.suffix.lstrip(".")
        if cite.id in self.archival:
            pinpoint = pages_part(read_parts(self.records[cite.id].fields), cite.locator)
        elif cite.locator.label == "page":
            pinpoint = esc(cite.locator.value)  # CMOS prints a page number without "p."
        else:
            from archcite.styles.archival.parts import label_for

            pinpoint = esc(f"{label_for(cite.locator.label, cite.locator.value, russian=False)} {cite.locator.value}")
        return f"{term}, {pinpoint}{self.layout.suffix}"

    def _finish(self, cluster: ClusterInput, lead: list[Piece], pieces: list[Piece]) -> ClusterOutput:
        """The pieces joined by the style's delimiter inside its affixes; a note capitalised, a
        citation inside an author's footnote in parentheses (as pandoc's citeproc does)."""
        joined: list[Piece] = []
        for index, piece in enumerate(pieces):
            if index:
                joined.append(Piece(self.layout.delimiter))
            joined.append(piece)
        if all(not p.text for p in pieces):
            return ClusterOutput(lead, [])
        if self.style.is_note_style and cluster.in_note:
            if any(c.mode == AUTHOR_IN_TEXT for c in cluster.cites):
                return ClusterOutput(lead, joined)  # pandoc: "see Gaddis, The Cold War, 30"
            return ClusterOutput(lead, [Piece("("), *joined, Piece(")")])
        if self.style.is_note_style:
            first = joined[0]
            if not first.missing:
                joined[0] = first._replace(text=_capitalise(first.text))
            last = joined[-1]
            if not last.missing:
                joined[-1] = last._replace(
                    text=_add_suffix(last.text, self.layout.suffix, self.layout.quotes_take_punctuation)
                )
            return ClusterOutput(lead, joined)
        return ClusterOutput(lead, [Piece(self.layout.prefix), *joined, Piece(self.layout.suffix)])

    def _own_bibliography(self, listed: Sequence[str], sections: bool) -> bool:
        """Whether the bibliography is archcite's (in sections, or with archival entries), not the
        document renderer's."""
        return sections or any(i in self.archival for i in listed if i in self.records)

    def _bibliography(self, listed: Sequence[str], sections: bool, cache: bool | None) -> list[BibliographyBlock]:
        from archcite.styles.archival import render_bibliography
        from archcite.styles.archival.bibliography import entries as historians_entries
        from archcite.styles.archival.bibliography import sections as historians_sections
        from archcite.styles.csl import cache as render_cache

        records = [self.records[i] for i in listed if i in self.records]
        if not records:
            return []
        if not self._own_bibliography(listed, sections):
            # The document renderer's own: the same disambiguation as the citations, and margins.
            return [BibliographyBlock(None, 0, [(e.id, e.text, e.margin) for e in self.document_bibliography])]
        # What `archcite cite` prints, without its citations: the document's are rendered already.
        with render_cache.chosen(cache):
            rendered = render_bibliography(records, self.style)
        if not sections:
            ranked = sorted((r for r in rendered if r.bib), key=lambda r: r.bib_rank or 0)
            return [BibliographyBlock(None, 0, [(r.id, r.bib or "", None) for r in ranked])]
        blocks = []
        in_order = historians_entries(records, rendered, self.style.name, house_rules=self.house_rules)
        for part in historians_sections(in_order):
            blocks.append(BibliographyBlock(part.title, 1, []))
            for group in part.groups:
                entries = [(entry.record_ids[0], entry.text, None) for entry in group.entries]
                if group.heading:
                    blocks.append(BibliographyBlock(group.heading, 2, entries))
                else:
                    blocks[-1] = blocks[-1]._replace(entries=[*blocks[-1].entries, *entries])
        return blocks


def _spaced_prefix(prefix: str) -> str:
    return prefix + " " if prefix and not prefix.endswith(" ") else prefix


def _with_affixes(text: str, cite: CiteInput) -> str:
    from archcite.styles.archival.parts import esc

    return esc(_spaced_prefix(cite.prefix)) + text + esc(cite.suffix)
