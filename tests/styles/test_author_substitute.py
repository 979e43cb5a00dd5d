"""subsequent-author-substitute (styles/csl/author_substitute.py), against citeproc-js 2.4.63's
output for the same style and items."""

from __future__ import annotations

from typing import Any


def test_an_empty_substitute_prints_nothing_for_the_names_and_no_delimiter_after_them(render_csl: Any) -> None:
    # citeproc-js empties the names' output, which its queue then leaves out with the delimiter
    items = [
        {"id": "a", "type": "book", "title": "A History", "author": [{"family": "Gaddis", "given": "John Lewis"}]},
        {"id": "b", "type": "book", "title": "Strategies", "author": [{"family": "Gaddis", "given": "John Lewis"}]},
    ]
    first, second = render_csl(
        items,
        bibliography_attrs='subsequent-author-substitute=""',
        sort='<sort><key variable="title"/></sort>',
        bib='<group delimiter=". "><names variable="author"><name/></names><text variable="title"/></group>',
    )
    assert (first.bib, second.bib) == ("John Lewis Gaddis. A History", "Strategies")
