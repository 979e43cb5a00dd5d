"""No comma before "and" after a literal first name of two (fixes.and_delimiter, a house rule)."""

from __future__ import annotations

import pytest

NAMES = (
    '<names variable="author"><name and="text" delimiter-precedes-last="always" name-as-sort-order="first"/></names>'
)


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        ([{"literal": "Kim Il Sung"}, {"literal": "Pak Hon Yong"}], "Kim Il Sung and Pak Hon Yong"),
        (
            [{"family": "Fursenko", "given": "Aleksandr"}, {"family": "Naftali", "given": "Timothy"}],
            "Fursenko, Aleksandr, and Timothy Naftali",
        ),
        (
            [{"literal": "Kim Il Sung"}, {"literal": "Pak Hon Yong"}, {"family": "Doe", "given": "J."}],
            "Kim Il Sung, Pak Hon Yong, and J. Doe",
        ),
    ],
)
def test_delimiter_before_and(render_csl, authors, expected):
    [out] = render_csl([{"id": "a", "type": "book", "author": authors}], cite=NAMES)
    assert out.cite == expected
