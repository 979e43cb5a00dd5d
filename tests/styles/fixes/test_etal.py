"""Et-al abbreviation drops names, or adds no et-al term (fixes.etal, disambiguation)."""

from __future__ import annotations

import pytest

from archcite.styles.markup import to_plain

NAMES = (
    '<names variable="author"><name and="symbol" delimiter=", " delimiter-precedes-last="never" form="short"/></names>'
)


@pytest.mark.parametrize(
    ("use_first", "count", "expected"),
    [
        # citeproc-js 2.4.63, et-al-min="3": a use-first that shows every name adds no "et al."
        ("3", 3, "A, B & C"),
        ("3", 4, "A, B, C, et al."),
        ("2", 3, "A, B, et al."),
        ("1", 5, "A et al."),
        ("3", 2, "A & B"),
    ],
)
def test_et_al_follows_only_names_it_dropped(render_csl, use_first, count, expected):
    authors = [{"family": family, "given": "X"} for family in "ABCDE"[:count]]
    citation = f'et-al-min="3" et-al-use-first="{use_first}"'
    [out] = render_csl([{"id": "a", "type": "book", "author": authors}], cite=NAMES, citation_attrs=citation)
    assert to_plain(out.cite) == expected
