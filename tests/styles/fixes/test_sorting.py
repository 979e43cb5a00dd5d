"""Sort keys ignore accents, case, markup and opening punctuation (fixes.sorting)."""

from __future__ import annotations

import pytest

from archcite.styles.csl.fixes.sorting import normalise


def test_bibliography_sorts_accented_and_quoted_titles_by_their_letters(render_csl):
    items = [
        {"id": "z", "type": "book", "title": "Zubok"},
        {"id": "b", "type": "book", "title": "Békés"},
        {"id": "q", "type": "book", "title": '"Should We Fear This?"'},
        {"id": "n", "type": "book", "title": "New Findings"},
        {"id": "e", "type": "book"},
    ]
    out = render_csl(items, sort='<sort><key variable="title"/></sort>')
    assert [r.bib_rank for r in out] == [3, 0, 2, 1, None]


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("Békés, Csaba", "bekes, csaba"),
        ("\ue001Should\ue002", "should"),
        ("\ue010Title\ue011", "title"),
        ("", None),
        (3, 3),
    ],
)
def test_normalise(key, expected):
    assert normalise(key) == expected
