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


class ItemDisambiguation:
    """How one item's cites are disambiguated (CSL spec, "Disambiguation")."""

    # The state classes here are plain classes, not dataclasses: making a dataclass compiles
    # its methods at import, which costs a one-record run more than the class is worth.
    __slots__ = ("disambiguate", "given_levels", "names_shown", "own_levels")

    def __init__(
        self,
        names_shown: int | None = None,
        given_levels: dict[int, int] | None = None,
        disambiguate: int = 0,
        own_levels: dict[tuple[str, int], int] | None = None,
    ) -> None:
        self.names_shown = names_shown
        """disambiguate-add-names: show at least this many names before "et al."."""
        self.given_levels: dict[int, int] = {} if given_levels is None else given_levels
        """disambiguate-add-givenname: name index -> 1 (initials) or 2 (full given names)."""
        self.disambiguate = disambiguate
        """How many of the `disambiguate` conditions a cite of this item meets fire (in the order
        it meets them; 0: none)."""
        self.own_levels: dict[tuple[str, int], int] = {} if own_levels is None else own_levels
        """(name variable, index) -> 2: a name the item's other names make ambiguous (the same family
        name and initials, another given name), shown in full wherever its form is not short."""

    def fingerprint(self) -> tuple[object, ...]:
        own = tuple((variable, index, level) for (variable, index), level in sorted(self.own_levels.items()))
        return (self.names_shown, tuple(sorted(self.given_levels.items())), self.disambiguate, own)

    def copy(self) -> ItemDisambiguation:
        return ItemDisambiguation(self.names_shown, dict(self.given_levels), self.disambiguate, dict(self.own_levels))


class RenderState:
    """What the hooks read and write while one document renders."""

    def __init__(self) -> None:
        self.positions: dict[int, CitePosition] = {}
        """id(citeproc CitationItem) -> its position in the document."""
        self.disambiguation: dict[str, ItemDisambiguation] = {}
        """item key -> its disambiguation."""
        self.year_suffixes: dict[str, str] = {}
        """item key -> its year suffix ("a", "b", ...)."""
        self.ambiguous_groups: list[list[str]] = []
        """Item keys whose cites were ambiguous before disambiguation, group by group."""
        self.in_bibliography = False
        self.current_key: str | None = None
        self.disambiguate_met = 0
        """The `disambiguate` conditions the cite or entry being rendered has met so far."""
        self.conditions_met = 0
        """The `disambiguate` conditions the cite or entry rendered last met."""
        self.year_suffix_pending = False
        self.style_renders_year_suffix = False
        self.capture_names = False
        self.names_depth = 0
        self.capitalise_terms = False
        """A note style: a cite that starts a sentence capitalises a leading "ibid"."""
        self.ibid_term = ""
        self.terms_rendered: list[str] = []
        """The terms the cite being rendered printed, in order."""
        self.layout_names: str | None = None
        """The output of the first `cs:names` of the cite or entry being rendered."""
        self.collapse: Any = None
        """The cite grouping and collapsing of the citation being rendered (collapse.py)."""
        self.first_names: dict[str, tuple[str, ...]] = {}
        """item key -> the output of the first `cs:names` of its bibliography entry, the part of
        it its name lists print (without the roles' labels), then each name it printed."""
        self.names_printed: list[str] = []
        """The names the first `cs:names` being rendered printed so far, one by one."""
        self.name_lists: list[str] = []
        """The name lists (names and et-al term) the first `cs:names` being rendered printed."""
        self.blank_first_names = False
        """The entry being rendered prints nothing for its first `cs:names` (an author substitute
        that is the empty string, author_substitute.py)."""


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
