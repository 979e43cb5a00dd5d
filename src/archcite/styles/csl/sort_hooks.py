"""Who computes ``cs:key`` sort keys while a document sorts: the render cache, other processes.

``Key.sort_keys`` of archcite's elements asks the hooks active in this context (innermost last),
each of which may answer from elsewhere or call on to the next one, and finally citeproc-py's
own computation (with the fixes). A hook is active only inside its ``with`` block and only in the
context that opened it, so other threads sort as usual.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from archcite.styles.csl.fixes._patching import Overrides

SortKeys = Callable[[Any, Any, Any], Any]
"""``sort_keys(element, items, context)``: one sort key per item."""
Hook = Callable[[Any, Any, Any, SortKeys], Any]
"""``hook(element, items, context, inner)``: the sort keys, maybe from ``inner``."""

FIX = "sort_hooks"

_HOOKS: ContextVar[tuple[Hook, ...]] = ContextVar("archcite_sort_key_hooks", default=())


@contextmanager
def hooked(hook: Hook) -> Iterator[None]:
    """Within this block, sort keys go through ``hook`` (around the hooks already active)."""
    token = _HOOKS.set((*_HOOKS.get(), hook))
    try:
        yield
    finally:
        _HOOKS.reset(token)


def _through(hooks: Sequence[Hook], inner: SortKeys) -> SortKeys:
    if not hooks:
        return inner
    *rest, last = hooks
    following = _through(rest, inner)
    return lambda element, items, context: last(element, items, context, following)


def install(overrides: Overrides) -> None:
    """Route ``Key.sort_keys`` through the active hooks."""
    from citeproc.model import Key

    def make(inner: SortKeys) -> SortKeys:
        def sort_keys(self: Any, items: Any, context: Any) -> Any:
            hooks = _HOOKS.get()
            if not hooks:
                return inner(self, items, context)
            return _through(hooks, inner)(self, items, context)

        return sort_keys

    overrides.replace(Key, "sort_keys", FIX, make)
