"""A cs:name's affixes go around each personal name, never a literal one (name_affixes).

The expected strings are citeproc-js 2.4.63's for the same style and items (its text format)."""

from __future__ import annotations

from typing import Any

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


def _book(key: str, year: int, *names: tuple[str, str]) -> dict[str, Any]:
    authors = [{"family": family, "given": given} for family, given in names]
    return {"id": key, "type": "book", "title": key, "author": authors, "issued": {"date-parts": [[year]]}}


def test_names_cut_short_by_et_al_take_the_affixes_once_more_around_the_et_al_term(render_csl):
    # citeproc-js 2.4.63 (_joinEtAl wraps the names and the et-al term in the cs:name's token)
    items = [
        _book("a", 2012, ("Blight", "James G."), ("Lang", "Janet M."), ("Welch", "David A.")),
        _book("b", 2002, ("Byrne", "Malcolm"), ("Rainer", "Janos")),
    ]
    year = '<date variable="issued" prefix="(" suffix=")"><date-part name="year"/></date>'
    cut, whole = render_csl(
        items,
        citation_attrs='et-al-min="3" et-al-use-first="1"',
        cite=f'<names variable="author"><name form="short" suffix="&#160;"/></names>{year}',
        bib=f'<names variable="author"><name suffix="&#160;" et-al-min="3" et-al-use-first="1"/></names>{year}',
    )
    assert (cut.cite, cut.bib) == ("Blight\u00a0 et al.\u00a0(2012)", "James G. Blight\u00a0 et al.\u00a0(2012)")
    assert (whole.cite, whole.bib) == (
        "Byrne\u00a0, Rainer\u00a0(2002)",
        "Malcolm Byrne\u00a0, Janos Rainer\u00a0(2002)",
    )
