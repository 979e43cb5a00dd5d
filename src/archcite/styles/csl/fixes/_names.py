"""The names a ``cs:name`` is rendering, for the options that depend on them.

``Name.process`` is wrapped once (whichever fix asks first) to keep the item's names for the
variable in a ContextVar while it runs: each thread renders its own names.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from archcite.styles.csl.fixes._patching import Overrides

FIX = "names_rendered"
_NAMES: ContextVar[tuple[Any, ...]] = ContextVar("archcite_names_rendered", default=())


def rendering() -> tuple[Any, ...]:
    """The names of the ``cs:name`` being rendered (empty outside one)."""
    return _NAMES.get()


def _process(original: Any) -> Any:
    def process(self: Any, item: Any, variable: str, *args: Any, **kwargs: Any) -> Any:
        token = _NAMES.set(tuple(item.reference.get(variable.replace("-", "_")) or ()))
        try:
            return original(self, item, variable, *args, **kwargs)
        finally:
            _NAMES.reset(token)

    return process


def apply(overrides: Overrides) -> None:
    """Keep the names being rendered (once, however many fixes ask)."""
    from citeproc.model import Name

    overrides.replace(Name, "process", FIX, _process)
