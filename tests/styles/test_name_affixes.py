"""A cs:name's affixes go around each personal name, never a literal one (name_affixes).

The expected strings are citeproc-js 2.4.63's for the same style and items (its text format)."""

from __future__ import annotations

import pytest

ITEMS = [
    {
        "id": "p",
        "type": "book",
        "title": "Gamble",
        "author": [{"family": "Fursenko", "given": "Aleksandr"}, {"family": "Naftali", "given": "Timothy"}],
    },
    {"id": "l", "type": "book", "title": "Main Trends", "author": [{"literal": "Central Intelligence Agency"}]},
    {
        "id": "m",
        "type": "book",
        "title": "Mixed",
        "author": [
            {"literal": "Wilson Center"},
            {"family": "Byrne", "given": "Malcolm"},
            {"family": "Rainer", "given": "János M."},
        ],
    },
    {"id": "s", "type": "book", "title": "Title", "author": [{"family": "Smith", "given": "Ian"}]},
]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            '<name suffix="." initialize-with="" name-as-sort-order="all" sort-separator=" " delimiter=", "/>',
            [
                "Fursenko A., Naftali T. Gamble",
                "Central Intelligence Agency Main Trends",
                "Wilson Center, Byrne M., Rainer JM. Mixed",
                "Smith I. Title",
            ],
        ),
        (
            '<name prefix="[" suffix="]" and="text" delimiter=", "/>',
            [
                "[Aleksandr Fursenko] and [Timothy Naftali] Gamble",
                "Central Intelligence Agency Main Trends",
                "Wilson Center, [Malcolm Byrne], and [János M. Rainer] Mixed",
                "[Ian Smith] Title",
            ],
        ),
    ],
)
def test_each_personal_name_takes_the_affixes(render_csl, name, expected):
    out = render_csl(ITEMS, bib=f'<names variable="author">{name}</names><text variable="title" prefix=" "/>')
    assert [rendered.bib for rendered in out] == expected
