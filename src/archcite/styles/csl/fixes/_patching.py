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

    def current(self, owner: type, attribute: str) -> Any:
        """``owner.attribute`` with every change made so far (None if there is none)."""
        for cls in owner.__mro__:
            if (cls, attribute) in self._table:
                return self._table[cls, attribute]
            if attribute in cls.__dict__:
                return getattr(cls, attribute)
        return None

    def replace(self, owner: type, attribute: str, fix: str, make: Callable[[Any], Any]) -> None:
        """Change ``owner.attribute`` to ``make(current)`` unless ``fix`` changed it already."""
        current = self.current(owner, attribute)
        applied = getattr(current, _MARK, ())
        if fix in applied:
            return
        replacement = make(current)
        # A value that takes no attributes (a compiled pattern, a property) goes unmarked.
        with suppress(AttributeError, TypeError):
            setattr(replacement, _MARK, (*applied, fix))
        self._table[owner, attribute] = replacement

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
