"""A period after formatted text ending in terminal punctuation prints once (fixes.punctuation)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Who Framed Roger Rabbit?", "<i>Who Framed Roger Rabbit?</i> Disney."),
        ("Acme Inc.", "<i>Acme Inc.</i> Disney."),
        ("Plain", "<i>Plain</i>. Disney."),
    ],
)
def test_period_after_an_italic_title_ending_in_punctuation_is_dropped(render_csl, title, expected):
    [out] = render_csl(
        [{"id": "a", "type": "book", "title": title, "publisher": "Disney"}],
        bib='<group delimiter=". " suffix="."><text variable="title" font-style="italic"/>'
        '<text variable="publisher"/></group>',
    )
    assert out.bib == expected
