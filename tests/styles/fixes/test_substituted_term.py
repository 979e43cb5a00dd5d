"""A term printed by cs:substitute in place of the names (fixes.substitute, author_substitute)."""

from __future__ import annotations

ANON = '<macro name="anon"><text term="anonymous" form="long" text-case="capitalize-first"/></macro>'


def test_a_substituted_term_keeps_its_group_and_is_not_replaced_by_the_author_substitute(render_csl):
    # citeproc-js 2.4.63 with the same style prints exactly these (issue 15, cause E: "Anónimo").
    items = [{"id": "a", "type": "book", "title": "T1"}, {"id": "b", "type": "book", "title": "T2"}]
    rendered = render_csl(
        items,
        macros=ANON,
        cite=(
            '<group delimiter=" "><names variable="author"><substitute><names variable="editor"/>'
            '<text macro="anon"/></substitute></names><text variable="edition"/></group>'
        ),
        bib=(
            '<group delimiter=" "><names variable="author"><substitute><text macro="anon"/></substitute>'
            '</names><text variable="title"/></group>'
        ),
        bibliography_attrs='subsequent-author-substitute="---"',
    )
    assert [(out.cite, out.bib) for out in rendered] == [("Anonymous", "Anonymous T1"), ("Anonymous", "Anonymous T2")]
