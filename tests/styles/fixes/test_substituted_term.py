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


NAMES_OR_TERM = '<names variable="author"><substitute><text term="anonymous"/></substitute></names>'


def test_a_bare_term_in_place_of_the_names_is_no_content_for_their_group(render_csl):
    # citeproc-js 2.4.63 with the same style prints exactly these: the names' variable was tried
    # and printed nothing, and a term is no variable, so a group (a cs:group, or a macro's
    # implicit one) around the names is suppressed unless something else in it prints; the term
    # prints where no group holds the names (the bibliography here, capitalised as it opens the
    # entry), or wrapped in a macro of its own, a group that printed (above).
    # evangelikus-hittudomanyi-egyetem cites "1999." so.
    items = [{"id": "a", "type": "book", "title": "T1", "publisher": "P"}]
    rendered = render_csl(
        items,
        macros=f'<macro name="names">{NAMES_OR_TERM}</macro>',
        cite='<group delimiter=" "><text macro="names"/><text variable="publisher"/></group>',
        bib=f'{NAMES_OR_TERM}<group delimiter=" " prefix=" ">{NAMES_OR_TERM}<text variable="note"/></group>',
    )
    assert [(out.cite, out.bib) for out in rendered] == [("P", "Anonymous")]
