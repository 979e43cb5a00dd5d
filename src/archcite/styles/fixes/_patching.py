"""How the fixes replace citeproc-py behaviour: once, idempotently, at the narrowest point.

Each fix wraps or replaces one attribute of one citeproc class. The replacement records the
names of the fixes applied to it, so applying a fix twice is a no-op and a later fix can wrap an
earlier one (the chain stays visible in ``__archcite_fixes__``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_MARK = "__archcite_fixes__"


def is_applied(owner: type, attribute: str, fix: str) -> bool:
    """Whether ``fix`` already replaced ``owner.attribute``."""
    return fix in getattr(getattr(owner, attribute, None), _MARK, ())


def replace(owner: type, attribute: str, fix: str, make: Callable[[Any], Any]) -> None:
    """Set ``owner.attribute`` to ``make(current)`` unless ``fix`` was applied to it already."""
    current = getattr(owner, attribute, None)
    applied = getattr(current, _MARK, ())
    if fix in applied:
        return
    replacement = make(current)
    setattr(replacement, _MARK, (*applied, fix))
    setattr(owner, attribute, replacement)
