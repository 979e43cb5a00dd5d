"""Render small items with small inline CSL styles, so each fix is tested in isolation."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from archcite.styles.csl.engine import render_items
from archcite.styles.types import Locator, Rendered

CSL = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="{style_class}" version="1.0" {style_attrs}>
  <info><title>Test style</title><id>test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  {macros}
  <citation {citation_attrs}><layout {layout_attrs}>{cite}</layout></citation>
  <bibliography {bibliography_attrs}>{sort}<layout>{bib}</layout></bibliography>
</style>
"""

RenderCsl = Callable[..., list[Rendered]]


@pytest.fixture
def render_csl(tmp_path: Path) -> RenderCsl:
    """render_csl(items, cite=..., bib=..., macros=..., ...) -> one Rendered per item."""

    def render(
        items: Sequence[dict[str, Any]],
        *,
        cite: str = "",
        bib: str = "",
        macros: str = "",
        sort: str = "",
        style_class: str = "in-text",
        style_attrs: str = "",
        citation_attrs: str = "",
        bibliography_attrs: str = "",
        layout_attrs: str = "",
        locator: Locator | None = None,
    ) -> list[Rendered]:
        path = tmp_path / "test.csl"
        path.write_text(
            CSL.format(
                style_class=style_class,
                style_attrs=style_attrs,
                macros=macros,
                citation_attrs=citation_attrs,
                layout_attrs=layout_attrs,
                cite=cite or '<text variable="title"/>',
                bibliography_attrs=bibliography_attrs,
                sort=sort,
                bib=bib or '<text variable="title"/>',
            ),
            encoding="utf-8",
        )
        return render_items(list(items), str(path), locator=locator)

    return render


CORPUS = Path(__file__).resolve().parents[1] / "data" / "reference" / "corpus.json"

RenderCorpus = Callable[[str, "str | None"], dict[str, Rendered]]


@pytest.fixture(scope="session")
def render_corpus() -> RenderCorpus:
    """render_corpus(style, locator) -> {id: Rendered}: the shared corpus, rendered once per session."""
    import json

    from archcite.styles.names import resolve_style

    items = json.loads(CORPUS.read_text(encoding="utf-8"))
    cache: dict[tuple[str, str | None], dict[str, Rendered]] = {}

    def render(style: str, locator: str | None = None) -> dict[str, Rendered]:
        if (style, locator) not in cache:
            path = resolve_style(style).path or ""
            rendered = render_items(items, path, locator=Locator("page", locator) if locator else None)
            cache[style, locator] = {entry.id: entry for entry in rendered}
        return cache[style, locator]

    return render
