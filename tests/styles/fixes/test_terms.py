"""Term forms fall back to longer forms: seasons in a short month form (fixes.terms)."""

from __future__ import annotations


def test_season_prints_with_a_short_month_form(render_csl):
    item = {"id": "a", "type": "article-journal", "issued": {"date-parts": [[1993]], "season": 3}}
    cite = '<date variable="issued" delimiter=" "><date-part name="month" form="short"/><date-part name="year"/></date>'
    [out] = render_csl([item], cite=cite)
    assert out.cite == "Autumn 1993"


def test_verb_short_falls_back_to_verb(render_csl):
    [out] = render_csl([{"id": "a", "type": "book"}], cite='<text term="container-author" form="verb-short"/>')
    assert out.cite == "by"


def test_a_terms_apostrophe_is_typographic(render_csl):
    # CSL 1.0.2 "Terms" asks for U+2019; fr-FR writes "à l'adresse" (citeproc-js: "à l’adresse")
    [out] = render_csl([{"id": "a", "type": "book"}], style_attrs='default-locale="fr-FR"', cite='<text term="from"/>')
    assert out.cite == "à l\u2019adresse"


def test_a_style_term_with_form_long_is_the_long_form(render_csl):
    # citeproc-js 2.4.63 prints "Title. Available from" and "Title within" for this style
    locale = (
        '<locale xml:lang="en"><terms><term name="available at" form="long">available from</term>'
        '<term name="in" form="long">within</term></terms></locale>'
    )
    [out] = render_csl(
        [{"id": "a", "type": "book", "title": "Title"}],
        macros=locale,
        cite='<text variable="title"/><text term="in" prefix=" "/>',
        bib='<text variable="title" suffix=". "/><text term="available at" text-case="capitalize-first"/>',
    )
    assert (out.cite, out.bib) == ("Title within", "Title. Available from")


def test_a_term_defined_twice_is_the_later_definition(render_csl):
    # citeproc-js 2.4.63 prints "Malcolm Byrne (org)" (associacao-brasileira-de-normas-tecnicas-eceme's "(Org.)")
    locale = (
        '<locale><terms><term name="editor" form="short">ed</term>'
        '<term name="editor" form="short">org</term></terms></locale>'
    )
    [out] = render_csl(
        [{"id": "a", "type": "book", "title": "T", "editor": [{"family": "Byrne", "given": "Malcolm"}]}],
        macros=locale,
        bib='<names variable="editor"><name/><label form="short" prefix=" (" suffix=")"/></names>',
    )
    assert out.bib == "Malcolm Byrne (org)"
