"""A macro is suppressed as a group when the variables it called are all empty, and one that
prints counts as content for its group (fixes.macro_groups), as in citeproc-js."""

from __future__ import annotations

MACROS = (
    '<macro name="editors"><text term="in" text-case="capitalize-first" suffix=" "/><names variable="editor"/></macro>'
    '<macro name="nodate"><text term="no date" form="short"/></macro>'
)
CITE = (
    '<group delimiter=". "><text variable="title"/><text macro="editors"/>'
    '<group delimiter=" "><text variable="volume"/><text macro="nodate"/></group></group>'
)


def test_a_macro_whose_variables_are_empty_prints_no_term_and_a_printing_macro_keeps_its_group(render_csl):
    # citeproc-js 2.4.63 on this style: "Alpha. n.d." and "Beta. In J. Roe. n.d."
    items = [
        {"id": "a", "type": "book", "title": "Alpha"},
        {"id": "b", "type": "book", "title": "Beta", "editor": [{"family": "Roe", "given": "J."}]},
    ]
    out = render_csl(items, cite=CITE, macros=MACROS)
    assert [r.cite for r in out] == ["Alpha. n.d.", "Beta. In J. Roe. n.d."]
