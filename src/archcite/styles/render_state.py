"""The per-document state that archcite's engine features read while citeproc-py renders.

citeproc-py renders one cite at a time and knows nothing of the document around it (positions,
disambiguation, the previous bibliography entry). ``document.render_document`` computes those facts
first and publishes them here; the hooks in ``positions``, ``disambiguation`` and
``author_substitute`` read them. Outside ``render_document`` no state is set and every hook leaves
citeproc-py's behaviour unchanged.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, NamedTuple


class Position(enum.IntEnum):
    """CSL cite positions, numbered as in CSL-JSON citation items (and citeproc-js)."""

    FIRST = 0
    SUBSEQUENT = 1
    IBID = 2
    IBID_WITH_LOCATOR = 3


class CitePosition(NamedTuple):
    position: Position
    near_note: bool
    first_note: int | None = None


@dataclass
class ItemDisambiguation:
    """How one item's cites are disambiguated (CSL spec, "Disambiguation")."""

    names_shown: int | None = None
    """disambiguate-add-names: show at least this many names before "et al."."""
    given_levels: dict[int, int] = field(default_factory=dict)
    """disambiguate-add-givenname: name index -> 1 (initials) or 2 (full given names)."""
    disambiguate: bool = False
    """`disambiguate="true"` conditions fire for this item."""

    def fingerprint(self) -> tuple[object, ...]:
        return (self.names_shown, tuple(sorted(self.given_levels.items())), self.disambiguate)

    def copy(self) -> ItemDisambiguation:
        return ItemDisambiguation(self.names_shown, dict(self.given_levels), self.disambiguate)


@dataclass
class RenderState:
    positions: dict[int, CitePosition] = field(default_factory=dict)
    """id(citeproc CitationItem) -> its position in the document."""
    disambiguation: dict[str, ItemDisambiguation] = field(default_factory=dict)
    """item key -> its disambiguation."""
    year_suffixes: dict[str, str] = field(default_factory=dict)
    """item key -> its year suffix ("a", "b", ...)."""
    ambiguous_groups: list[list[str]] = field(default_factory=list)
    """Item keys whose cites were ambiguous before disambiguation, group by group."""
    in_bibliography: bool = False
    current_key: str | None = None
    year_suffix_pending: bool = False
    style_renders_year_suffix: bool = False
    capture_names: bool = False
    names_depth: int = 0
    capitalise_terms: bool = False
    """A note style: a cite that starts a sentence capitalises a leading "ibid"."""
    ibid_term: str = ""
    terms_rendered: list[str] = field(default_factory=list)
    """The terms the cite being rendered printed, in order."""
    layout_names: str | None = None
    """The output of the first `cs:names` of the cite or entry being rendered."""
    collapse: Any = None
    """The cite grouping and collapsing of the citation being rendered (collapse.py)."""
    first_names: dict[str, str] = field(default_factory=dict)
    """item key -> the output of the first `cs:names` of its bibliography entry."""


_STATE: ContextVar[RenderState | None] = ContextVar("archcite_render_state", default=None)


def current_state() -> RenderState | None:
    return _STATE.get()


@contextmanager
def active_state(state: RenderState) -> Iterator[RenderState]:
    token = _STATE.set(state)
    try:
        yield state
    finally:
        _STATE.reset(token)
