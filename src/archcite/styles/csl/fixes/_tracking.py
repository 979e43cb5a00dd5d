"""Which variables the elements of one entry called, which rendered, and which are substituted.

Shared by the ``groups`` and ``substitute`` fixes. CSL decides both from what happens while an
entry renders, which citeproc-py 0.11.1 approximates from the style's static structure
(``calls_variable``). The leaf elements that read variables (``cs:text variable``, ``cs:names``,
``cs:date``, ``cs:number``) report each variable they tried and whether it produced output, into
the innermost open :func:`recording` frame; a frame passes its reports on to the enclosing one
when it closes. Variables consumed by a ``cs:substitute`` are kept in :func:`substituted` until
the next entry starts (citeproc resets ``Layout.repressed`` for every entry; so do we). Both live
in a :class:`Tracking` held by a ContextVar: each thread (and each asyncio task) renders with its
own.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from citeproc.source import VariableError

from archcite.styles.csl.fixes._patching import Overrides

FIX = "tracking"

# Reported by a non-empty nested cs:group: content for the enclosing group, but not a variable.
GROUP_CONTENT = "<group>"


class Tracking:
    """The open frames and the substituted variables of the entry being rendered."""

    __slots__ = ("after_names", "frames", "substituted", "substituting")

    def __init__(self) -> None:
        self.frames: list[Frame] = []
        self.substituted: set[str] = set()
        self.substituting = 0
        """How many cs:substitute children are rendering: what they render is substituted at once."""
        self.after_names = False
        """Whether a ``cs:names`` (not one in a ``cs:substitute``) has rendered in the entry so far,
        outside a group or macro that printed nothing: citeproc-js's ``term_predecessor``, which a
        ``cs:names`` sets even when it prints nothing and a suppressed group puts back
        (``first_term``)."""


_TRACKING: ContextVar[Tracking | None] = ContextVar("archcite_tracking", default=None)


def tracking() -> Tracking:
    """This context's tracking (made on first use)."""
    found = _TRACKING.get()
    if found is None:
        found = Tracking()
        _TRACKING.set(found)
    return found


def substituted() -> set[str]:
    """The variables a ``cs:substitute`` consumed in the entry being rendered (CSL spelling)."""
    return tracking().substituted


class Frame:
    """The variables one rendered element called and rendered, collected while it is the
    innermost open frame (``with``); on closing, they go to the frame around it.

    A plain class and its own context manager: one is made for every group rendered, and a
    generator-based context manager costs a generator and a StopIteration each time."""

    __slots__ = ("after_names", "called", "frames", "rendered", "state", "year_suffix")

    def __init__(self) -> None:
        self.called: set[str] = set()
        self.rendered: set[str] = set()
        self.year_suffix = False
        """Whether a ``cs:text variable="year-suffix"`` was called, printing or not (macro_groups)."""
        self.state = state = _TRACKING.get() or tracking()
        self.frames = state.frames
        self.after_names = state.after_names

    def suppressed(self) -> None:
        """The element this frame recorded printed nothing: as citeproc-js's suppressed group, it
        leaves ``Tracking.after_names`` as it found it."""
        self.state.after_names = self.after_names

    def __enter__(self) -> Frame:
        self.frames.append(self)
        return self

    def __exit__(self, *exception: object) -> None:
        frames = self.frames
        frames.pop()
        if frames:
            frames[-1].called |= self.called
            frames[-1].rendered |= self.rendered
            if self.year_suffix:
                frames[-1].year_suffix = True


recording = Frame
"""A frame collecting the variables called and rendered until the ``with`` block ends."""


def report(variable: str, rendered: bool) -> None:
    state = _TRACKING.get() or tracking()
    if rendered and state.substituting and variable != GROUP_CONTENT:
        state.substituted.add(variable.replace("_", "-"))
    frames = state.frames
    if frames:
        frames[-1].called.add(variable)
        if rendered:
            frames[-1].rendered.add(variable)


def called_year_suffix() -> None:
    """Note that the innermost frame called ``cs:text variable="year-suffix"`` (Frame.year_suffix)."""
    frames = (_TRACKING.get() or tracking()).frames
    if frames:
        frames[-1].year_suffix = True


def is_substituted(variable: str) -> bool:
    substituted = (_TRACKING.get() or tracking()).substituted
    return bool(substituted) and variable.replace("_", "-") in substituted


def _non_empty(text: Any) -> bool:
    return text is not None and str(text) != ""


def _text_variable(original: Any) -> Any:
    def _variable(self: Any, item: Any, context: Any) -> Any:
        variable = self.get("variable")
        if is_substituted(variable):
            report(variable, False)
            return None
        if variable == "year-suffix":
            called_year_suffix()
        try:
            text = original(self, item, context)
        except VariableError:
            if variable != "year-suffix":  # an absent year-suffix is not an empty variable
                report(variable, False)
            raise
        if variable != "year-suffix" or _non_empty(text):
            report(variable, _non_empty(text))
        return text

    return _variable


def _names_process(original: Any) -> Any:
    def process(self: Any, item: Any, names_context: Any = None, context: Any = None, **kwargs: Any) -> Any:
        # Only the shorthand cs:names (no child elements) inherits from the substituted cs:names.
        if names_context is not None and names_context is not self and len(self):
            names_context = None
        declared = self.get("variable", "")
        roles = declared.split()
        kept = [role for role in roles if not is_substituted(role)]
        for role in roles:
            report(role, role in kept and role.replace("-", "_") in item.reference)
        if len(kept) != len(roles):
            self.set("variable", " ".join(kept))
        try:
            return original(self, item, names_context=names_context, context=context, **kwargs)
        finally:
            if len(kept) != len(roles):
                self.set("variable", declared)
            state = _TRACKING.get() or tracking()
            if not state.substituting:
                state.after_names = True

    return process


def _leaf_process(original: Any, *, date: bool) -> Any:
    def process(self: Any, item: Any, *args: Any, **kwargs: Any) -> Any:
        # Date.process(item, variable=None, ...) is called with the variable by a localised date.
        called_with = (args[0] if args else kwargs.get("variable")) if date else None
        variable = called_with or self.get("variable") or ""
        if is_substituted(variable):
            report(variable, False)
            return None
        try:
            text = original(self, item, *args, **kwargs)
        except VariableError:
            report(variable, False)
            raise
        report(variable, _non_empty(text))
        return text

    return process


class _EntryState(property):
    """A property that can carry the fix marks of ``_patching``."""


def _reset_on_new_entry() -> property:
    def get(self: Any) -> Any:
        return self.__dict__.get("_archcite_repressed", {})

    def set_(self: Any, value: Any) -> None:
        self.__dict__["_archcite_repressed"] = value
        state = tracking()
        state.substituted.clear()
        state.after_names = False

    return _EntryState(get, set_)


def apply(overrides: Overrides) -> None:
    """Report variable use from the leaf elements; reset substitutions for every entry."""
    from citeproc.model import Date, Layout, Names, Number, Text

    overrides.replace(Text, "_variable", FIX, _text_variable)
    overrides.replace(Names, "process", FIX, _names_process)
    overrides.replace(Date, "process", FIX, lambda original: _leaf_process(original, date=True))
    overrides.replace(Number, "process", FIX, lambda original: _leaf_process(original, date=False))
    overrides.replace(Layout, "repressed", FIX, lambda _original: _reset_on_new_entry())
