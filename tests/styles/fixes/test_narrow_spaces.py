"""French spaces before high punctuation and inside guillemets are narrow and unbreakable
(fixes.narrow_spaces), as citeproc-js prints them."""

from __future__ import annotations

from archcite.styles.csl.fixes.narrow_spaces import narrow_spaces


def test_a_title_in_guillemets_gets_narrow_no_break_spaces(render_csl):
    # CSL test suite, punctuation_FrenchOrthography
    [out] = render_csl([{"id": "a", "type": "book", "title": "His « Anonymous » Life"}])
    assert out.cite == "His «\u202fAnonymous\u202f» Life"


def test_only_a_space_before_high_punctuation_is_narrowed():
    assert (
        narrow_spaces("Quoi ? Où ! Titre : sous-titre ; fin")
        == "Quoi\u202f? Où\u202f! Titre\u202f: sous-titre\u202f; fin"
    )
    assert narrow_spaces("Title: Subtitle, 1.5 - 2") == "Title: Subtitle, 1.5 - 2"
