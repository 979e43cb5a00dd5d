"""French spaces before high punctuation and inside guillemets are narrow and unbreakable
(fixes.narrow_spaces), as citeproc-js prints them."""

from __future__ import annotations

from archcite.styles.csl.fixes.narrow_spaces import narrow_spaces
from archcite.styles.markup import to_plain


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


def test_a_style_value_is_narrowed_as_a_field_value_an_affix_is_not(render_csl):
    # citeproc-js 2.4.63 prints the same for this style: its output queue narrows every string it
    # appends (a value too); an affix never passes through it
    bib = (
        '<text variable="title" suffix=". "/><text value="Disponible sur : "/>'
        '<text variable="URL" prefix="&lt; " suffix=" &gt;"/>'
    )
    item = {"id": "a", "type": "webpage", "title": "Main Trends", "URL": "https://example.org/a"}
    [out] = render_csl([item], bib=bib, style_attrs='default-locale="fr-FR"')
    assert out.bib is not None
    assert to_plain(out.bib) == "Main Trends. Disponible sur\u202f: < https://example.org/a >"
