"""Citation styles: names and aliases, the citeproc-py engine adapter, output formats."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from archcite.styles.names import Style, resolve_style

if TYPE_CHECKING:
    from archcite.records.model import Record
    from archcite.styles.markup import BibliographyLayout
    from archcite.styles.types import Locator, Rendered

__all__ = ["Style", "bibliography_layout", "render", "resolve_style"]


def render(
    records: Sequence[Record],
    style: str | Style,
    *,
    locator: Locator | None = None,
    locale: str | None = None,
    archival: bool = True,
    progress: Callable[[int], None] | None = None,
    cache: bool | None = False,
    jobs: int | None = 1,
) -> list[Rendered]:
    """Render records with a CSL style (name, alias or path) into archcite markup.

    With ``archival`` (the default), archival records in Chicago, Chicago author-date and MLA
    follow archcite's archival rules (``styles.archival``); ``archival=False`` gives the plain
    CSL engine output for every record, as the reference comparisons need. ``locale`` (a CSL
    locale such as ``de-DE``, see ``styles.locales``) is the locale to render in, replacing
    the style's own (or ``style.locale``); the archival rules apply in English only.
    ``progress(n)``, if given, hears of each step done: three per record.

    The library forks no process and touches no persistent cache unless asked (the CLI asks):
    ``cache=True`` reads and writes the render cache (``styles.csl.cache``), ``cache=None`` does
    so unless ``ARCHCITE_NO_CACHE`` is set; ``jobs=N`` shares large documents among N processes
    (by ``fork``), ``jobs=None`` among one per CPU, at most four (or ``ARCHCITE_JOBS``)."""
    from archcite.styles.csl import cache as render_cache
    from archcite.styles.csl import parallel

    resolved = resolve_style(style) if isinstance(style, str) else style
    if locale:
        resolved = resolved._replace(locale=locale)
    if resolved.path is None:
        raise ValueError(f"{resolved.name} is not a CSL style")
    store = render_cache.open_cache(cache)
    key = None
    if store is not None:
        key = render_cache.document_key(
            resolved.name,
            resolved.path,
            ((record.id, record.fields) for record in records),
            (locator.label, locator.value) if locator else None,
            archival,
            locale=resolved.locale,
        )
        found = store.get(key) if key is not None else None
        if found is not None:
            hit = _from_json(found)
            if hit is not None and [r.id for r in hit] == [record.id for record in records]:
                store.close()
                if progress is not None:
                    progress(3 * len(records))
                return hit
    try:
        with render_cache.chosen(cache), parallel.chosen(jobs):
            result = _render(records, resolved, locator=locator, archival=archival, progress=progress)
        if store is not None and key is not None:
            store.put(key, [[r.id, r.cite, r.cite_sub, r.bib, r.bib_rank, r.bib_display] for r in result])
            store.flush()
    finally:
        if store is not None:
            store.close()
    return result


def _render(
    records: Sequence[Record],
    style: Style,
    *,
    locator: Locator | None,
    archival: bool,
    progress: Callable[[int], None] | None,
) -> list[Rendered]:
    from archcite.styles.csl import render_items

    assert style.path is not None
    if archival:
        from archcite.styles.archival import render as render_archival

        return render_archival(records, style, locator=locator, progress=progress)
    return render_items(
        [record.fields for record in records], style.path, locator=locator, locale=style.locale, progress=progress
    )


def _from_json(value: Any) -> list[Rendered] | None:
    """A cached result back as ``Rendered``; None if the row is not what this code writes."""
    from archcite.styles.types import Rendered

    try:
        return [
            Rendered(str(row[0]), row[1], row[2], row[3], row[4], row[5])
            for row in value
            if all(x is None or isinstance(x, str) for x in (*row[1:4], row[5]))
            and (row[4] is None or isinstance(row[4], int))
        ]
    except (TypeError, IndexError, KeyError):
        return None


def bibliography_layout(style: Style) -> BibliographyLayout:
    """How ``style`` lays its bibliography out: its ``cs:bibliography`` options
    ``hanging-indent``, ``second-field-align``, ``line-spacing`` and ``entry-spacing``, read as
    citeproc-js reads them (a spacing that is not a number is the default, 1)."""
    from lxml import etree

    from archcite.styles.markup import BibliographyLayout
    from archcite.styles.stylecheck import CSL_NAMESPACE, MAX_STYLE_BYTES, SAFE_PARSER_OPTIONS

    if style.path is None:
        return BibliographyLayout()
    with open(style.path, "rb") as handle:
        data = handle.read(MAX_STYLE_BYTES)
    try:
        root = etree.fromstring(data, etree.XMLParser(**SAFE_PARSER_OPTIONS))
    except etree.XMLSyntaxError:
        return BibliographyLayout()  # the style rendered, so this cannot be; no layout then
    bibliography = root.find(f"{{{CSL_NAMESPACE}}}bibliography")
    if bibliography is None:
        return BibliographyLayout()
    align = bibliography.get("second-field-align")
    return BibliographyLayout(
        hanging_indent=bibliography.get("hanging-indent") == "true",
        second_field_align=align if align in ("flush", "margin") else None,
        line_spacing=_spacing(bibliography.get("line-spacing")),
        entry_spacing=_spacing(bibliography.get("entry-spacing")),
    )


def _spacing(value: str | None) -> float:
    import re

    return float(value) if value and re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", value) else 1.0
