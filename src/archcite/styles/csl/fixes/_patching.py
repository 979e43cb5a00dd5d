"""How the fixes change citeproc-py behaviour without touching citeproc-py: archcite's subclasses.

Each fix names the citeproc-py class and attribute it changes and how (``make(current)`` builds
the new attribute from the one in force, so a later fix can wrap an earlier one). The changes are
collected in an :class:`Overrides` table; nothing is assigned to citeproc-py's classes. From the
table, :meth:`Overrides.subclass` makes archcite's subclass of one citeproc-py class: its
attributes are what they would be had every change been made to citeproc-py's class that the
fix named (an attribute a subclass defines itself still hides a change to its base class), and
the names of the fixes applied to each are kept in ``__archcite_fixes__``.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import Any

_MARK = "__archcite_fixes__"


class Overrides:
    """The attributes archcite's fixes give citeproc-py's classes, by (class, attribute)."""

    def __init__(self) -> None:
        self._table: dict[tuple[type, str], Any] = {}
        # For each changed attribute, what its first change wrapped (citeproc-py's attribute, or
        # None if that came from another class's changes) and every change, in order.
        self._chains: dict[tuple[type, str], tuple[Any, list[tuple[str, Callable[[Any], Any]]]]] = {}

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

    def replace(self, owner: type, attribute: str, fix: str, make: Callable[[Any], Any]) -> None:
        """Change ``owner.attribute`` to ``make(current)`` unless ``fix`` changed it already."""
        current, changed = self._lookup(owner, attribute)
        applied = getattr(current, _MARK, ())
        if fix in applied:
            return
        if (owner, attribute) not in self._chains:
            self._chains[owner, attribute] = (None if changed else current, [])
        self._chains[owner, attribute][1].append((fix, make))
        self._table[owner, attribute] = _made(make, current, fix)

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
        for name, make in changes:
            value = _made(make, value, name)
        self._table[owner, attribute] = value

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
