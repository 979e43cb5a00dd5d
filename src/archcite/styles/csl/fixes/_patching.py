"""How the fixes change citeproc-py behaviour without touching citeproc-py: archcite's subclasses.

Each fix names the citeproc-py class and attribute it changes and how (``make(current)`` builds
the new attribute from the one in force, so a later fix can wrap an earlier one). The changes are
collected in an :class:`Overrides` table; nothing is assigned to citeproc-py's classes. From the
table, :meth:`Overrides.subclass` makes archcite's subclass of one citeproc-py class: its
attributes are what they would be had every change been made to citeproc-py's class that the
fix named (an attribute a subclass defines itself still hides a change to its base class), and
the names of the fixes applied to each are kept in ``__archcite_fixes__``.

A change may apply only to the elements it concerns (``where``: a ``cs:text`` that calls a macro,
one that prints a value): each element then runs only the changes that concern it, chosen the
first time it uses the attribute from what it declares (its attributes, which rendering never
changes), and remembered on it, instead of passing every call through wrappers that test the
element and hand it on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import suppress
from types import MethodType
from typing import Any

_MARK = "__archcite_fixes__"
_KEEP_ALIVE = "_archcite_keep_alive"

Where = Callable[[Any], bool]
"""Whether a change concerns an element (read from what the element declares)."""

_Change = tuple[str, Callable[[Any], Any], Where | frozenset[str] | None]
"""A change: the fix, how it makes the attribute from the one in force, and what it concerns
(every call; the elements ``where`` is true of; calls whose first argument is in the set)."""


def keep_alive(element: Any) -> None:
    """Keep the element's lxml proxy (and what it remembers in its ``__dict__``) alive as long as
    its tree's root: lxml makes proxies on demand and drops them when unused."""
    root = element.getroottree().getroot()
    if root is element:
        return
    # setdefault, not get-then-set: two threads rendering with one parsed style could each make a
    # list, and the elements appended to the one overwritten would not be kept alive.
    root.__dict__.setdefault(_KEEP_ALIVE, []).append(element)


RENDERED_CHILDREN = "_archcite_rendered_children"


def rendered_children(element: Any, choose_class: type) -> tuple[tuple[Any, bool], ...]:
    """Each child's ``render`` and whether it is a ``cs:choose`` (which takes the inherited
    delimiter), found once per element and remembered on it under ``RENDERED_CHILDREN``: the
    children of an element rendered by its children do not change while rendering (the one
    insertion citeproc-py makes is a ``cs:name`` into a ``cs:names``, whose children it renders
    itself). A hot caller reads ``element.__dict__`` first and calls this only on a miss."""
    state = element.__dict__
    children = state.get(RENDERED_CHILDREN)
    if children is None:
        children = state[RENDERED_CHILDREN] = tuple(
            (child.render, isinstance(child, choose_class)) for child in element.iterchildren()
        )
        keep_alive(element)
    return children  # type: ignore[no-any-return]


class Overrides:
    """The attributes archcite's fixes give citeproc-py's classes, by (class, attribute)."""

    def __init__(self) -> None:
        self._table: dict[tuple[type, str], Any] = {}
        # For each changed attribute, what its first change wrapped (citeproc-py's attribute, or
        # None if that came from another class's changes) and every change, in order.
        self._chains: dict[tuple[type, str], tuple[Any, list[_Change]]] = {}

    def current(self, owner: type, attribute: str) -> Any:
        """``owner.attribute`` with every change made so far (None if there is none)."""
        return self._lookup(owner, attribute)[0]

    def _lookup(self, owner: type, attribute: str) -> tuple[Any, bool]:
        # The attribute in force, and whether a change made it (rather than citeproc-py).
        for cls in owner.__mro__:
            if (cls, attribute) in self._table:
                return self._table[cls, attribute], True
            if attribute in cls.__dict__:
                return getattr(cls, attribute), False
        return None, False

    def replace(
        self,
        owner: type,
        attribute: str,
        fix: str,
        make: Callable[[Any], Any],
        *,
        where: Where | None = None,
        for_arguments: Iterable[str] | None = None,
    ) -> None:
        """Change ``owner.attribute`` to ``make(current)`` unless ``fix`` changed it already;
        with ``where``, only on the elements for which ``where(element)`` is true; with
        ``for_arguments``, only for calls whose first argument is one of them (an option's name)."""
        current, changed = self._lookup(owner, attribute)
        applied = getattr(current, _MARK, ())
        if fix in applied:
            return
        if (owner, attribute) not in self._chains:
            self._chains[owner, attribute] = (None if changed else current, [])
        changes = self._chains[owner, attribute][1]
        change: _Change = (fix, make, where if for_arguments is None else frozenset(for_arguments))
        changes.append(change)
        self._table[owner, attribute] = _changed(owner, attribute, current, [change])

    def stock(self, owner: type, attribute: str) -> Any:
        """What the first change to ``owner.attribute`` wrapped: citeproc-py's own attribute
        (None if nothing changed it on ``owner`` itself, or a change to a base class came first)."""
        chain = self._chains.get((owner, attribute))
        return None if chain is None else chain[0]

    def rebase(self, owner: type, attribute: str, fix: str, base: Any) -> None:
        """Make ``owner.attribute`` again with ``base`` in place of :meth:`stock`: each change
        made so far wraps what the one before it made from ``base`` (a faster copy of the stock
        attribute, wrapped by the fixes as the stock one was)."""
        stock, changes = self._chains[owner, attribute]
        if stock is None:
            raise ValueError(f"{owner.__name__}.{attribute} was not first changed from citeproc-py's own")
        value = _made(lambda _stock: base, stock, fix)
        self._table[owner, attribute] = _changed(owner, attribute, value, changes)

    def is_applied(self, owner: type, attribute: str, fix: str) -> bool:
        """Whether ``fix`` already changed ``owner.attribute``."""
        return fix in getattr(self.current(owner, attribute), _MARK, ())

    def subclass(self, base: type, name: str | None = None, module: str = __name__) -> type:
        """archcite's subclass of ``base`` with the changed attributes that apply to it."""
        namespace: dict[str, Any] = {"__module__": module}
        for owner, attribute in self._table:
            if issubclass(base, owner) and attribute not in namespace:
                value = self.current(base, attribute)
                if value is not getattr(base, attribute, None):
                    namespace[attribute] = value
        return type(name or base.__name__, (base,), namespace)


def _made(make: Callable[[Any], Any], current: Any, fix: str) -> Any:
    """``make(current)``, marked with the fixes applied to it."""
    replacement = make(current)
    # A value that takes no attributes (a compiled pattern, a property) goes unmarked.
    with suppress(AttributeError, TypeError):
        setattr(replacement, _MARK, (*getattr(current, _MARK, ()), fix))
    return replacement


def _changed(owner: type, attribute: str, current: Any, changes: list[_Change]) -> Any:
    """``current`` with ``changes`` made to it, in order."""
    for index, (fix, make, concerns) in enumerate(changes):
        if getattr(current, "by_argument", None) is not None or isinstance(concerns, frozenset):
            return _by_argument(current, changes[index:])
        if getattr(current, "per_element", None) is not None or concerns is not None:
            return _per_element(owner, attribute, current, changes[index:])
        current = _made(make, current, fix)
    return current


def _by_argument(current: Any, changes: list[_Change]) -> Any:
    """A method that runs, for each call, ``current`` with those of ``changes`` that concern its
    first argument (every change without a set of arguments), in order: an option asked for that
    no fix changes goes straight to the method that reads it."""
    previous: dict[Any, Any] | None = getattr(current, "by_argument", None)
    variants: dict[Any, Any] = dict(previous) if previous is not None else {None: current}
    marks: tuple[str, ...] = getattr(current, _MARK, ())
    for fix, make, concerns in changes:
        if concerns is not None and not isinstance(concerns, frozenset):
            raise ValueError(f"{fix}: a change per element over changes per argument")
        marks = (*marks, fix)
        for argument in concerns or ():
            variants.setdefault(argument, variants[None])
        variants = {
            argument: _made(make, function, fix) if concerns is None or argument in concerns else function
            for argument, function in variants.items()
        }
    default = variants[None]
    named = {argument: function for argument, function in variants.items() if argument is not None}
    get = named.get

    def by_argument(self: Any, argument: Any, *args: Any, **kwargs: Any) -> Any:
        return get(argument, default)(self, argument, *args, **kwargs)

    by_argument.by_argument = variants  # type: ignore[attr-defined]
    setattr(by_argument, _MARK, marks)
    return by_argument


class _PerElement:
    """The functions an attribute changed per element resolves to, by which of the conditional
    changes concern the element: ``variants[(True, False, ...)]``, one flag per ``wheres``."""

    def __init__(self, base: Any, wheres: tuple[Where, ...], variants: dict[tuple[bool, ...], Any]) -> None:
        self.base = base
        self.wheres = wheres
        self.variants = variants


def _per_element(owner: type, attribute: str, current: Any, changes: list[_Change]) -> Any:
    """A method that runs, for each element, ``current`` with those of ``changes`` that concern
    it (every change without ``where``), in order.

    ``current`` is what the first of ``changes`` wraps (a :class:`_PerElement` method, whose
    changes these continue). Every variant is made here, once (a few: one per combination of
    conditional changes); the method an element needs is found the first time it is called on
    the element and set on the element itself, so that its later calls go straight to it."""
    previous = getattr(current, "per_element", None)
    wheres: tuple[Where, ...] = previous.wheres if previous else ()
    variants: dict[tuple[bool, ...], Any] = dict(previous.variants) if previous else {(): current}
    marks: tuple[str, ...] = getattr(current, _MARK, ())
    for fix, make, where in changes:
        if isinstance(where, frozenset):
            raise ValueError(f"{fix}: a change per argument over changes per element")
        marks = (*marks, fix)
        if where is None:
            variants = {flags: _made(make, function, fix) for flags, function in variants.items()}
            continue
        wheres = (*wheres, where)
        grown = {}
        for flags, function in variants.items():
            grown[(*flags, False)] = function
            grown[(*flags, True)] = _made(make, function, fix)
        variants = grown
    resolved = _PerElement(previous.base if previous else current, wheres, variants)

    # Where this method keeps the variant it found for an element: a caller that holds the
    # class's method (a parent's list of its children's bound methods) still calls it.
    slot = f"_archcite_variant_{attribute}_{id(resolved):x}"

    def choose(self: Any, *args: Any, **kwargs: Any) -> Any:
        state = self.__dict__
        method = state.get(slot)
        if method is None:
            method = state[slot] = variants[tuple(bool(where(self)) for where in wheres)]
            if getattr(type(self), attribute, None) is choose:
                # Set on the element: found before the class's attribute from now on. (Not when
                # something else is in force and calls this one: its calls would be skipped.)
                state[attribute] = MethodType(method, self)
            keep_alive(self)
        return method(self, *args, **kwargs)

    choose.__name__ = choose.__qualname__ = attribute
    choose.__doc__ = f"{owner.__name__}.{attribute}, with the changes that concern the element"
    choose.per_element = resolved  # type: ignore[attr-defined]
    setattr(choose, _MARK, marks)
    return choose
