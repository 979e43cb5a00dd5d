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


def test_a_suffix_period_after_a_question_mark_is_absorbed(render_csl):
    # citeproc-js 2.4.63 (Springer Vancouver, the corpus's nsarchive-ebb76-2002): "Reports from
    # Budapest? In: ..."; the CSL suite's fullstyles_ChicagoArticleTitleQuestion
    item = {"id": "a", "type": "book", "title": "Reports from Budapest?", "publisher": "NSA"}
    [out] = render_csl([item], cite='<text variable="title" suffix=". "/><text variable="publisher"/>')
    assert out.cite == "Reports from Budapest? NSA"


def test_a_period_inside_a_url_after_a_question_mark_stays(render_csl):
    item = {"id": "a", "type": "webpage", "URL": "https://example.org/q?.html"}
    [out] = render_csl([item], cite='<text variable="URL"/>')
    assert out.cite == "https://example.org/q?.html"
