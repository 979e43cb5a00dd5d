"""``display`` and ``second-field-align`` in text output (fixes.display, BibEntry's margin).

Expected strings: citeproc-js 2.4.63's text format for the same style and items (render_js.js's
protocol, line breaks as one space), made with the layouts below.
"""

from __future__ import annotations

import pytest
from tools.reference import clean

ITEMS = [
    {"id": "a", "type": "book", "title": "Tit", "publisher": "Pub", "note": "Abstract"},
    {"id": "b", "type": "book", "title": "Other"},
]


@pytest.mark.parametrize(
    ("bibliography_attrs", "bib", "expected"),
    [
        # citeproc-js's text format ends the first field with one space: "[1] Tit", "1.  Tit"
        (
            'second-field-align="flush"',
            '<text variable="citation-number" prefix="[" suffix="]"/><text variable="title"/>',
            ["[1] Tit", "[2] Other"],
        ),
        (
            'second-field-align="margin"',
            '<text variable="citation-number" suffix=". "/><text variable="title"/>',
            ["1.  Tit", "2.  Other"],
        ),
        # the same spelled out by the style
        (
            "",
            '<text variable="citation-number" prefix="[" suffix="]" display="left-margin"/>'
            '<group display="right-inline"><text variable="title"/></group>',
            ["[1] Tit", "[2] Other"],
        ),
        # a block and an indented block start new lines
        (
            "",
            '<text variable="citation-number" suffix=". "/><text variable="title" suffix=". "/>'
            '<group><text value="s.n." suffix=". "/><group display="block"><text variable="publisher"/></group>'
            '</group><text variable="note" display="indent"/>',
            ["1. Tit. s.n. Pub     Abstract", "2. Other."],
        ),
    ],
)
def test_display_in_text_output_as_citeproc_js(render_csl, bibliography_attrs, bib, expected):
    rendered = render_csl(ITEMS, bib=bib, bibliography_attrs=bibliography_attrs)
    assert [clean(entry.bib, "plain") for entry in rendered] == expected


def test_a_block_keeps_the_space_before_its_break_only_directly_in_the_layout(render_csl):
    # citeproc-js 2.4.63's text output, its break made one space: "Q.  Pub" for a block directly in
    # cs:layout, "Q. Pub" for one in a group or a macro (cause B of the reference differences)
    bib = '<text variable="title" suffix=". "/><group display="block"><text variable="publisher"/></group>'
    [first, _] = render_csl(ITEMS, bib=bib)
    assert first.bib == "Tit. \nPub"
    bib = f"<group>{bib}</group>"
    [first, _] = render_csl(ITEMS, bib=bib)
    assert first.bib == "Tit.\nPub"
    macros = '<macro name="m"><text variable="publisher" display="block"/></macro>'
    [first, _] = render_csl(ITEMS, bib='<text variable="title" suffix=". "/><text macro="m"/>', macros=macros)
    assert first.bib == "Tit.\nPub"
