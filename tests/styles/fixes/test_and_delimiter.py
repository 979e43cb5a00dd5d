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


def test_an_and_term_that_is_no_word_joins_without_spaces_or_delimiter(render_csl):
    # citeproc-js 2.4.63 (_getAndJoin: a term not opening with a letter gets no spaces, and the
    # delimiter only between two names under "always"; szociologiai-szemle's en dash)
    lists = {"a": ("Goncharov", "Lewis", "Xue"), "b": ("Byrne", "Rainer")}
    items = [
        {"id": key, "type": "book", "title": key, "author": [{"family": family, "given": "J."} for family in families]}
        for key, families in lists.items()
    ]
    name = '<name form="short" delimiter="&#8211;" and="text"'
    three, two = render_csl(
        items,
        macros='<locale><terms><term name="and">&#8211;</term></terms></locale>',
        cite=f'<names variable="author">{name}/></names>',
        bib=f'<names variable="author">{name} delimiter-precedes-last="always"/></names>',
    )
    assert (three.cite, three.bib) == ("Goncharov–Lewis–Xue", "Goncharov–Lewis–Xue")
    assert (two.cite, two.bib) == ("Byrne–Rainer", "Byrne––Rainer")
