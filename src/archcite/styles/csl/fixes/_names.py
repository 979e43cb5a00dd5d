"""The names a ``cs:name`` is rendering, for the options that depend on them.

``Name.process`` is wrapped once (whichever fix asks first) to keep the item's names for the
variable in a ContextVar while it runs: each thread renders its own names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


@contextmanager
def lent(item: Any, variable: str, names: list[Any]) -> Iterator[None]:
    """While the block runs, the item's names of ``variable`` are ``names`` (the names a fix hands
    ``Name.process`` in place of the item's own)."""
    key = variable.replace("-", "_")
    own = item.reference.get(key)
    item.reference[key] = names
    try:
        yield
    finally:
        item.reference[key] = own


def process_with(original: Any, element: Any, item: Any, variable: str, replaced: list[Any], **kwargs: Any) -> Any:
    """``original`` (``Name.process``) on ``item`` with its names of ``variable`` lent as
    ``replaced`` (the item's own where no name was replaced)."""
    own = item.reference.get(variable.replace("-", "_"))
    if all(new is old for new, old in zip(replaced, own, strict=True)):
        return original(element, item, variable, **kwargs)
    with lent(item, variable, replaced):
        return original(element, item, variable, **kwargs)


def each_name_read(transform: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A ``make`` for ``CiteProcJSON.parse_names`` that reads each CSL-JSON name as ``transform``
    makes it."""

    def make(original: Any) -> Any:
        def parse_names(self: Any, json_data: Any) -> Any:
            return original(self, [transform(name) for name in json_data])

        return parse_names

    return make


def apply(overrides: Overrides) -> None:
    """Keep the names being rendered (once, however many fixes ask)."""
    from citeproc.model import Name

    overrides.replace(Name, "process", FIX, _process)
