"""Page ranges keep a last page longer than the first (fixes.pages)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("range_format", "pages", "expected"),
    [
        ("minimal-two", "3-21", "3–21"),
        ("minimal-two", "321-328", "321–28"),
        ("minimal", "2-23", "2–23"),
        ("minimal", "321-328", "321–8"),
        ("chicago-16", "1101-1108", "1101–8"),
        ("chicago-16", "98-102", "98–102"),
        ("expanded", "321-28", "321–28"),
    ],
)
def test_page_range_formats(render_csl, range_format, pages, expected):
    [out] = render_csl(
        [{"id": "a", "type": "article-journal", "page": pages}],
        style_attrs=f'page-range-format="{range_format}"',
        cite='<text variable="page"/>',
    )
    assert out.cite == expected
