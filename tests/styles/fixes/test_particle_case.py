"""A name-part's text-case reaches the particle it governs (fixes.particle_case; CSL 1.0.2,
"Name-part Formatting"), for names with any CSL-JSON name field."""

from __future__ import annotations

NAME = {"family": "Gaulle", "given": "Charles", "non-dropping-particle": "de", "suffix": "Jr.", "comma-suffix": True}


def test_the_family_name_parts_case_reaches_its_particle(render_csl) -> None:
    # citeproc-js 2.4.63 prints these with this style and item (comma-suffix included).
    [out] = render_csl(
        [{"id": "a", "type": "book", "title": "T", "author": [NAME]}],
        style_attrs='demote-non-dropping-particle="display-and-sort"',
        cite='<names variable="author"><name name-as-sort-order="all" initialize-with=". ">'
        '<name-part name="family" text-case="uppercase"/></name></names>',
        bib='<names variable="author"><name><name-part name="family" text-case="uppercase"/></name></names>',
    )
    assert (out.cite, out.bib) == ("GAULLE, C. DE, Jr.", "Charles DE GAULLE, Jr.")
