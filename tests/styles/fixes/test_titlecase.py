"""Title case lowercases prepositions of any length (fixes.titlecase, a house rule)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Notes on Soviet policy toward Germany", "Notes on Soviet Policy toward Germany"),
        ("national security policy during the cold war", "National Security Policy during the Cold War"),
        ("new evidence about North Korea", "New Evidence about North Korea"),
        ("through the looking glass", "Through the Looking Glass"),
    ],
)
def test_title_case_keeps_prepositions_lowercase(render_csl, title, expected):
    [out] = render_csl([{"id": "a", "type": "book", "title": title}], cite='<text variable="title" text-case="title"/>')
    assert out.cite == expected


def test_title_case_keeps_name_particles_lowercase(render_csl):
    [out] = render_csl(
        [{"id": "a", "type": "book", "title": "charles de gaulle and the alliance"}],
        cite='<text variable="title" text-case="title"/>',
    )
    assert out.cite == "Charles de Gaulle and the Alliance"
