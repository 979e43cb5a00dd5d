"""``delimiter-precedes-et-al/-last="after-inverted-name"`` (fixes.after_inverted_name).

Expected strings: the CSL test suite's name_AfterInvertedName (same name options, same names).
"""

from __future__ import annotations

import pytest

NAME = (
    '<names variable="author"><name name-as-sort-order="first" et-al-min="{min}" et-al-use-first="{first}"'
    ' delimiter-precedes-et-al="after-inverted-name" delimiter-precedes-last="after-inverted-name"'
    ' and="text"/></names>'
)
PEOPLE = [
    {"family": "Doe", "given": "John"},
    {"family": "Roe", "given": "Jane"},
    {"family": "Roebuck", "given": "Janice"},
    {"family": "Smith", "given": "Ann"},
]


@pytest.mark.parametrize(
    ("count", "et_al_min", "use_first", "expected"),
    [
        (4, 3, 1, "Doe, John, et al."),  # the name before et al. is inverted
        (4, 3, 2, "Doe, John, Jane Roe et al."),  # it is not
        (2, 9, 9, "Doe, John, and Jane Roe"),
        (3, 9, 9, "Doe, John, Jane Roe and Janice Roebuck"),
    ],
)
def test_delimiter_only_after_an_inverted_name(render_csl, count, et_al_min, use_first, expected):
    item = {"id": "a", "type": "book", "author": PEOPLE[:count]}
    [out] = render_csl([item], cite=NAME.format(min=et_al_min, first=use_first))
    assert out.cite == expected
