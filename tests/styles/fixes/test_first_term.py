"""A term that opens a bibliographic entry or a note is capitalised (fixes.first_term).

Every expected string is what citeproc-js 2.4.63 prints for the same style and item (render_js.js
of ../shared/reference/tools, citeproc-py's locale files).
"""

from __future__ import annotations

import pytest

from archcite.styles.csl.fixes.first_term import settle

ITEM = {
    "id": "a",
    "type": "book",
    "title": "Title",
    "volume": "3",
    "issued": {"date-parts": [[1999]]},
    "author": [{"family": "Doe", "given": "J."}],
}


@pytest.mark.parametrize(
    ("bib", "expected"),
    [
        ('<group prefix="(" suffix=")"><text term="no date" form="short"/></group>', "(N.d.)"),
        ('<text variable="title" suffix=" "/><text term="no date" form="short"/>', "Title n.d."),
        ('<text variable="citation-number" suffix=". "/><text term="in"/>', "1. In"),
        ('<number variable="volume" suffix=". "/><text term="in"/>', "3. in"),
        ('<names variable="author"/><text term="in" prefix=" "/>', "J. Doe in"),
        ('<date variable="issued"><date-part name="year"/></date><text term="in" prefix=" "/>', "1999 in"),
        ('<text term="in" suffix=" "/><text term="in"/>', "In in"),
        ('<group><text term="and"/><text variable="publisher"/></group><text term="in"/>', "In"),
    ],
)
def test_a_term_printed_first_in_an_entry_is_capitalised(render_csl, bib, expected):
    [out] = render_csl([ITEM], bib=bib)
    assert out.bib == expected


def test_in_text_citations_keep_the_term_as_written_notes_capitalise_it(render_csl):
    cite = '<text term="in"/><text variable="title" prefix=" "/>'
    [in_text] = render_csl([ITEM], cite=cite)
    [note] = render_csl([ITEM], cite=cite, style_class="note")
    assert (in_text.cite, note.cite) == ("in Title", "In Title")


def test_the_style_locale_term_is_capitalised(render_csl):
    [out] = render_csl(
        [ITEM],
        style_attrs='default-locale="fr-FR"',
        cite='<text term="no date" form="short"/>',
        bib='<text term="no date" form="short" prefix="[" suffix="]"/>',
    )
    assert (out.cite, out.bib) == ("s.\u00a0d.", "[S.\u00a0d.]")


def test_settle_drops_every_mark():
    from archcite.styles.csl.fixes._marks import TERM

    assert settle(f"{TERM}in {TERM}in", capitalize=False) == "in in"
    assert settle(f"[1] {TERM}in", capitalize=True, number=1) == "[1] In"
    assert settle(f"[2] {TERM}in", capitalize=True, number=1) == "[2] in"
