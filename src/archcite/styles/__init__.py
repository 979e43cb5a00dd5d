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
    archival: bool = True,
    progress: Callable[[int], None] | None = None,
) -> list[Rendered]:
    """Render records with a CSL style (name, alias or path) into archcite markup.

    With ``archival`` (the default), archival records in Chicago, Chicago author-date and MLA
    follow archcite's archival rules (``styles.archival``); ``archival=False`` gives the plain
    CSL engine output for every record, as the reference comparisons need. ``progress(n)``, if
    given, hears of each step done: three per record."""
    from archcite.styles.engine import render_items

    resolved = resolve_style(style) if isinstance(style, str) else style
    if resolved.path is None:
        raise ValueError(f"{resolved.name} is not a CSL style")
    if archival:
        from archcite.styles.archival import render as render_archival

        return render_archival(records, resolved, locator=locator, progress=progress)
    return render_items([record.fields for record in records], resolved.path, locator=locator, progress=progress)
