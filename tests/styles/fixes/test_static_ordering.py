"""Static-ordering names print family name first everywhere (fixes.static_ordering, a house rule)."""

from __future__ import annotations

from archcite.styles.csl.fixes.static_ordering import as_literal

CHEN = {"family": "Chen", "given": "Jian", "static-ordering": True}


def test_static_ordering_name_prints_family_first_in_long_and_inverted_form(render_csl):
    [out] = render_csl(
        [{"id": "a", "type": "book", "translator": [CHEN], "author": [CHEN]}],
        cite='<names variable="translator" prefix="trans. "/>',
        bib='<names variable="author"><name name-as-sort-order="all"/></names>',
    )
    assert (out.cite, out.bib) == ("trans. Chen Jian", "Chen Jian")


def test_names_without_static_ordering_are_unchanged():
    name = {"family": "Kennan", "given": "George F."}
    assert as_literal(name) is name
    assert as_literal(CHEN) == {"literal": "Chen Jian"}
