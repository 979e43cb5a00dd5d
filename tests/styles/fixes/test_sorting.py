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


AUTHOR_MACRO = (
    '<macro name="author"><names variable="author editor">'
    '<name name-as-sort-order="first" and="text" delimiter=", " delimiter-precedes-last="always"/>'
    '<label form="short" prefix=" "/></names></macro>'
)


def test_a_macro_sort_key_holds_the_names_without_and_or_label(render_csl):
    # citeproc-js 2.4.63 (the CSL suite's sort_WithAndInOneEntry, sort_DropNameLabelInSort):
    # "Colaresi, Rasler, Thompson" before "Colaresi, Thompson"; the editor "Doe, John ed." sorts as
    # "Doe, John", before "Doe, John Eamon".
    def person(family, given="A."):
        return {"family": family, "given": given}

    items = [
        {"id": "ct", "type": "book", "title": "T", "author": [person("Colaresi"), person("Thompson")]},
        {
            "id": "crt",
            "type": "book",
            "title": "T",
            "author": [person("Colaresi"), person("Rasler"), person("Thompson")],
        },
        {"id": "de", "type": "book", "title": "T", "author": [person("Doe", "John Eamon")]},
        {"id": "ed", "type": "book", "title": "T", "editor": [person("Doe", "John")]},
    ]
    out = render_csl(items, macros=AUTHOR_MACRO, sort='<sort><key macro="author"/></sort>')
    assert [r.bib_rank for r in out] == [1, 0, 3, 2]
