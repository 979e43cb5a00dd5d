"""Cite positions: first, subsequent, ibid, ibid-with-locator and near-note.

Implements CSL 1.0.2 "Choose" / `position` (spec section "Position"): positions are facts about a
cite's place in the document, so they are computed over the whole sequence of citations before any
rendering, and citeproc-py's own guess (which ignores note numbers and the "only cite of the
previous citation" rule) is replaced by a look-up.

Also "Ibid." at the start of a note: in a note style a citation that begins with the ibid term is
capitalised, as citeproc-js does, because it starts a sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from archcite.patterns import lazy
from archcite.styles.csl.fixes._patching import Overrides
from archcite.styles.csl.render_state import CitePosition, Position, current_state


class CiteFacts(NamedTuple):
    """What position computation needs to know about one cite."""

    key: str
    locator: tuple[str, str] | None
    forced_position: Position | None = None
    forced_near_note: bool | None = None


class CitationFacts(NamedTuple):
    cites: Sequence[CiteFacts]
    note_index: int | None


def compute_positions(citations: Sequence[CitationFacts], near_note_distance: int) -> list[list[CitePosition]]:
    """Positions of every cite, citations given in document order.

    A cite is ``ibid`` when the immediately preceding cite refers to the same item and, if it is the
    first cite of its citation, the preceding citation has that one cite only. Without a locator it
    stays ibid only if the preceding cite had none either; with one it is ibid-with-locator unless
    the preceding cite had the same locator (CSL 1.0.2, "position").
    """
    last_note_of: dict[str, int] = {}
    first_note_of: dict[str, int] = {}
    # Citations in the text of a note style (note index 0) and citations in notes are separate
    # sequences for ibid; citations sharing a note count as one when a later note looks back.
    previous_in_stream: dict[bool, tuple[int, list[CitationFacts]]] = {}
    result: list[list[CitePosition]] = []
    for number, citation in enumerate(citations, start=1):
        in_text = citation.note_index == 0
        note = citation.note_index if citation.note_index else number
        earlier = previous_in_stream.get(in_text)
        positions: list[CitePosition] = []
        for index, cite in enumerate(citation.cites):
            preceding = _preceding(citation, index, earlier, note, in_text)
            position = _position(cite, preceding, cite.key in last_note_of)
            near = cite.key in last_note_of and note - last_note_of[cite.key] <= near_note_distance
            if cite.forced_position is not None:
                position = cite.forced_position
            if cite.forced_near_note is not None:
                near = cite.forced_near_note
            positions.append(CitePosition(position, near, first_note_of.get(cite.key)))
            last_note_of[cite.key] = note
            first_note_of.setdefault(cite.key, note)
        result.append(positions)
        if earlier is not None and earlier[0] == note:
            previous_in_stream[in_text] = (note, [*earlier[1], citation])
        else:
            previous_in_stream[in_text] = (note, [citation])
    return result


def _preceding(
    citation: CitationFacts, index: int, earlier: tuple[int, list[CitationFacts]] | None, note: int, in_text: bool
) -> CiteFacts | None:
    """The cite an ibid could refer to: the previous cite of the citation, else the only cite of
    the previous note (or, in the text, of the previous citations sharing a note)."""
    if index > 0:
        return citation.cites[index - 1]
    if earlier is None:
        return None
    earlier_note, earlier_citations = earlier
    if earlier_note == note and not in_text:
        looked_at = list(earlier_citations[-1].cites)
    else:
        looked_at = [c for ci in earlier_citations for c in ci.cites]
    return looked_at[0] if len(looked_at) == 1 else None


def _position(cite: CiteFacts, preceding: CiteFacts | None, cited_before: bool) -> Position:
    if not cited_before:
        return Position.FIRST
    if preceding is None or preceding.key != cite.key:
        return Position.SUBSEQUENT
    if cite.locator is None:
        return Position.IBID if preceding.locator is None else Position.SUBSEQUENT
    if preceding.locator == cite.locator:
        return Position.IBID
    return Position.IBID_WITH_LOCATOR


def _matches(test: str, position: CitePosition) -> bool:
    # "subsequent" includes the ibid positions and "ibid" includes ibid-with-locator (CSL 1.0.2).
    if test == "first":
        return position.position == Position.FIRST
    if test == "subsequent":
        return position.position != Position.FIRST
    if test == "ibid":
        return position.position in (Position.IBID, Position.IBID_WITH_LOCATOR)
    if test == "ibid-with-locator":
        return position.position == Position.IBID_WITH_LOCATOR
    if test == "near-note":
        return position.position != Position.FIRST and position.near_note
    return False


FIX = "positions"


def install(overrides: Overrides) -> None:
    """Make `position` conditions read the positions computed for the document."""
    from citeproc.model import If

    original = overrides.current(If, "_position")

    def _position(self: Any, item: Any, context: Any) -> list[bool]:
        state = current_state()
        known = state.positions.get(id(item)) if state is not None else None
        if known is None:
            return list(original(self, item, context))
        if state is not None and state.in_bibliography:
            return [False]
        return [_matches(test, known) for test in self.get("position").split()]

    overrides.replace(If, "_position", FIX, lambda _inner: _position)

    from citeproc.model import Layout

    original_render_children = overrides.current(Layout, "render_children")

    def render_children(self: Any, item: Any, *args: Any, **kwargs: Any) -> Any:
        state = current_state()
        if state is not None:
            state.terms_rendered = []
        text = original_render_children(self, item, *args, **kwargs)
        if state is not None and state.in_bibliography and text is not None and state.terms_rendered:
            # A term that opens a bibliography entry, whatever affixes precede it, starts a
            # sentence in every style class (citeproc-js: "N.d.", "(N.d.).").
            return _capitalise_after_affixes(str(text), state.terms_rendered[0])
        if state is None or state.in_bibliography or text is None or not state.capitalise_terms:
            return text
        if _starts_sentence(item):
            # A term that opens the cite ("ibid.", "and") starts a sentence (citeproc-js).
            for term in (state.ibid_term, *state.terms_rendered):
                capitalised = _capitalise_after_marks(str(text), term)
                if capitalised != str(text):
                    return capitalised
        return text

    overrides.replace(Layout, "render_children", FIX, lambda _inner: render_children)

    from citeproc.model import Text

    original_term = overrides.current(Text, "_term")

    def text_term(self: Any, item: Any) -> Any:
        term = original_term(self, item)
        state = current_state()
        if state is not None and term:
            state.terms_rendered.append(str(term))
        return term

    overrides.replace(Text, "_term", FIX, lambda _inner: text_term)


_SENTENCE_END = lazy(r"\S\s+\S.*[.!?][\"'”’»\ue002]?\s*$")


def _starts_sentence(item: Any) -> bool:
    """A note's first cite without prefix, or any cite whose prefix ends a sentence of more than
    one word ("This has been said. " but not "Cf. ")."""
    prefix = str(item.get("prefix", ""))
    if not prefix.strip():
        citation = getattr(item, "citation", None)
        return citation is not None and bool(citation.cites) and citation.cites[0] is item
    return bool(_SENTENCE_END().search(prefix))


def _capitalise_after_marks(text: str, term: str) -> str:
    offset = 0
    while offset < len(text) and "\ue000" <= text[offset] <= "\uf8ff":
        offset += 1
    return text[:offset] + capitalise_leading_term(text[offset:], term)


def _capitalise_after_affixes(text: str, term: str) -> Any:
    from citeproc.string import String

    offset = 0
    while offset < len(text) and ("\ue000" <= text[offset] <= "\uf8ff" or text[offset] in "([{"):
        offset += 1
    capitalised = text[:offset] + capitalise_leading_term(text[offset:], term)
    return String(capitalised) if capitalised != text else text


def capitalise_leading_term(text: str, term: str) -> str:
    """``ibid. 23`` -> ``Ibid. 23`` when the citation starts with the (lower-case) term."""
    if term and text.startswith(term) and term[:1].islower():
        return term[:1].upper() + text[1:]
    return text
