"""Citation styles: names and aliases, the citeproc-py engine adapter, output formats."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from archcite.styles.names import Style, resolve_style

if TYPE_CHECKING:
    from archcite.records.model import Record
    from archcite.styles.engine import Locator, Rendered

__all__ = ["Style", "render", "resolve_style"]


def render(
    records: Sequence[Record],
    style: str | Style,
    *,
    locator: Locator | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[Rendered]:
    """Render records with a CSL style (name, alias or path) into archcite markup.

    ``progress(n)``, if given, hears of each step done: three per record.
    """
    from archcite.styles.engine import render_items

    resolved = resolve_style(style) if isinstance(style, str) else style
    if resolved.path is None:
        raise ValueError(f"{resolved.name} is not a CSL style")
    return render_items([record.fields for record in records], resolved.path, locator=locator, progress=progress)
