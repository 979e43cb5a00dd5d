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


# citeproc-js 2.4.63 for each layout (term_predecessor: a cs:names sets it, printing or not; a group
# or macro that prints nothing puts it back; a term's own text-case applies after the capital).
UNDATED = {"id": "a", "type": "book", "title": "Title A", "issued": {"date-parts": [[1999]]}}


@pytest.mark.parametrize(
    ("bib", "expected"),
    [
        ('<text term="anonymous" suffix=" "/><text variable="title"/>', "Anonymous Title A"),
        # a cs:names before the term, even one that prints nothing, takes the capital away
        (
            '<names variable="author"><name/></names><text term="anonymous" suffix=" "/><text variable="title"/>',
            "anonymous Title A",
        ),
        (
            '<names variable="author"><name/><substitute><names variable="editor"/></substitute></names>'
            '<text term="anonymous" suffix=" "/><text variable="title"/>',
            "anonymous Title A",
        ),
        (
            '<names variable="author"><name/><label prefix=" (" suffix=")"/></names>'
            '<text term="anonymous" suffix=" "/><text variable="title"/>',
            "anonymous Title A",
        ),
        (
            '<names variable="author" prefix="(" suffix=")"><name/></names>'
            '<text term="no date" prefix="(" suffix=") "/><text variable="title"/>',
            "(no date) Title A",
        ),
        # ... but not one in a macro (a group) that printed nothing, nor one in a cs:substitute
        ('<text macro="editor"/><text term="anonymous" suffix=" "/><text variable="title"/>', "Anonymous Title A"),
        (
            '<names variable="author"><name/><substitute><names variable="editor"/>'
            '<text term="anonymous" suffix=" "/></substitute></names><text variable="title"/>',
            "Anonymous Title A",
        ),
        # nor an empty variable or date
        ('<text variable="author"/><text term="anonymous" suffix=" "/><text variable="title"/>', "Anonymous Title A"),
        (
            '<date variable="accessed"><date-part name="year"/></date><text term="anonymous" suffix=" "/>'
            '<text variable="title"/>',
            "Anonymous Title A",
        ),
        # a term lowercased by its own element stays so; one lowercased by the macro call does not
        (
            '<text term="anonymous" form="short" text-case="lowercase" suffix=", "/><text variable="title"/>',
            "anon., Title A",
        ),
        ('<text macro="anon" text-case="lowercase" suffix=", "/><text variable="title"/>', "Anon., Title A"),
    ],
)
def test_a_term_after_names_or_lowercased_is_not_capitalised(render_csl, bib, expected):
    macros = (
        '<macro name="editor"><names variable="editor"><name/></names></macro>'
        '<macro name="anon"><text term="anonymous" form="short"/></macro>'
    )
    [out] = render_csl([UNDATED], bib=bib, macros=macros)
    assert out.bib == expected
