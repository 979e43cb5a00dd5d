"""``demote-non-dropping-particle="sort-only"`` in a sort key that calls a macro (fixes.demote_particle).

Expected: citeproc-js 2.4.63 with the same style and items (de Gaulle between Gaddis and Genscher,
printed with the particle in front).
"""

from __future__ import annotations

AUTHOR = '<names variable="author"><name name-as-sort-order="first"/></names>'
ITEMS = [
    {"id": "a", "type": "book", "author": [{"family": "Gaulle", "given": "Charles", "non-dropping-particle": "de"}]},
    {"id": "b", "type": "book", "author": [{"family": "Genscher", "given": "Hans-Dietrich"}]},
    {"id": "c", "type": "book", "author": [{"family": "Gaddis", "given": "John Lewis"}]},
    {"id": "d", "type": "book", "author": [{"family": "Dulles", "given": "John Foster"}]},
]


def test_sort_only_demotes_the_particle_in_macro_sort_keys(render_csl):
    rendered = render_csl(
        ITEMS,
        style_attrs='demote-non-dropping-particle="sort-only"',
        macros=f'<macro name="author">{AUTHOR}</macro>',
        sort='<sort><key macro="author"/></sort>',
        bib='<text macro="author"/>',
    )
    assert sorted((entry.bib_rank, entry.bib) for entry in rendered) == [
        (0, "Dulles, John Foster"),
        (1, "Gaddis, John Lewis"),
        (2, "de Gaulle, Charles"),
        (3, "Genscher, Hans-Dietrich"),
    ]
