"""text-case as CSL 1.0.2 defines it, keeping spacing and nocase text (fixes.textcase)."""

from __future__ import annotations

import pytest

NOCASE = '<span class="nocase">'


@pytest.mark.parametrize(
    ("text_case", "title", "expected"),
    [
        ("title", f"the bridge, the {NOCASE}river</span>, and the sea", "The Bridge, the river, and the Sea"),
        ("title", "out-of-print books and/or pamphlets", "Out-of-Print Books and/or Pamphlets"),
        # wholly in capitals: left as it is (citeproc-js; CSL suite textcase_CapitalsUntouched)
        ("title", "THE COLD WAR IN ASIA", "THE COLD WAR IN ASIA"),
        ("title", "what it is about", "What It Is About"),
        ("title", "strategy: a history", "Strategy: A History"),
        ("title", "a cardboard castle? An Inside History", "A Cardboard Castle? An Inside History"),
        ("title", "tea\u00a0for two", "Tea\u00a0for Two"),
        ("lowercase", f"The {NOCASE}CIA</span> Files", "the CIA files"),
        ("uppercase", f"the {NOCASE}iPhone</span> age", "THE iPhone AGE"),
        ("capitalize-first", "iPhone stories", "iPhone stories"),
        ("capitalize-first", "letters home", "Letters home"),
        ("capitalize-all", "letters from the iPhone age", "Letters From The iPhone Age"),
        ("sentence", "The Cold War in NATO Archives", "The cold war in NATO archives"),
        ("sentence", "THE COLD WAR", "The cold war"),
    ],
)
def test_text_case(render_csl, text_case, title, expected):
    [out] = render_csl(
        [{"id": "a", "type": "book", "title": title}], cite=f'<text variable="title" text-case="{text_case}"/>'
    )
    assert out.cite == expected


def test_title_case_applies_to_english_items_only(render_csl):
    [out] = render_csl(
        [{"id": "a", "type": "book", "title": "la guerre froide", "language": "fr"}],
        cite='<text variable="title" text-case="title"/>',
    )
    assert out.cite == "la guerre froide"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        # citeproc-js 2.4.63, chicago-author-date, title "our converts in the world": a language
        # named or coded rather than tagged is read as the language it names (Zotero's Language
        # field is free text: "English", "eng"); citeproc-py's "En" had turned title case off.
        *((language, "Our Converts in the World") for language in ("English", "english", "Eng", "eng")),
        *((language, "Our Converts in the World") for language in ("English (US)", "en", "en-US")),
        *((language, "our converts in the world") for language in ("German", "ger", "Deutsch", "dt", "de")),
    ],
)
def test_title_case_reads_the_language_a_name_or_code_names(render_csl, language, expected):
    [out] = render_csl(
        [{"id": "a", "type": "book", "title": "our converts in the world", "language": language}],
        cite='<text variable="title" text-case="title"/>',
    )
    assert out.cite == expected


def test_title_case_on_a_label_inside_names(render_csl):
    # citeproc-js 2.4.63 with the same cs:names: "(H. M. Harrison, Trans.)" (APA; issue 15, cause 3)
    item = {"id": "a", "type": "book", "title": "T", "translator": [{"family": "Harrison", "given": "Hope M."}]}
    cite = (
        '<names variable="translator" prefix="(" suffix=")"><name initialize-with=". "/>'
        '<label form="short" prefix=", " text-case="title"/></names>'
    )
    [out] = render_csl([item], cite=cite)
    assert out.cite == "(H. M. Harrison, Trans.)"
    # citeproc-js 2.4.63, the same style with default-locale="fr-FR": a term is cased in any locale
    [out] = render_csl([item], cite=cite, style_attrs='default-locale="fr-FR"')
    assert out.cite == "(H. M. Harrison, Trad.)"


def test_turkish_capitals_keep_the_dot_of_i(render_csl):
    # CSL test suite, textcase_LocaleUnicode: "ic and ıd TR" in Turkish is "İC AND ID TR"
    items = [
        {"id": "a", "type": "book", "title": "ic and ıd", "language": "tr"},
        {"id": "b", "type": "book", "title": "ia and ıb", "language": "en"},
    ]
    out = render_csl(items, cite='<text variable="title" text-case="uppercase"/>')
    assert [r.cite for r in out] == ["İC AND ID", "IA AND IB"]


def test_small_caps_superscript_and_subscript_escape_title_case(render_csl):
    # CSL test suite, textcase_ImplicitNocase
    items = [{"id": "a", "type": "book", "title": "My <sup>superscript phrase</sup> in a title"}]
    [out] = render_csl(items, cite='<text variable="title" text-case="title"/>')
    assert out.cite == "My <sup>superscript phrase</sup> in a Title"


def test_uppercase_in_the_style_locale_unless_the_item_has_a_language(render_csl):
    # citeproc-js 2.4.63 cases in the item's language, else in the style's locale (tr-TR here):
    # names, a literal name and a title alike
    items = [
        {
            "id": "a",
            "type": "book",
            "title": "Mixed",
            "author": [{"literal": "Wilson Center"}, {"family": "Rainer", "given": "J."}],
        },
        {
            "id": "b",
            "type": "book",
            "title": "Title",
            "language": "en",
            "author": [{"family": "Smith", "given": "Ian"}],
        },
    ]
    out = render_csl(
        items,
        style_attrs='default-locale="tr-TR"',
        bib=(
            '<names variable="author"><name delimiter="/" name-as-sort-order="all" sort-separator=", ">'
            '<name-part name="family" text-case="uppercase"/></name></names>'
            '<text variable="title" prefix=" " text-case="uppercase"/>'
        ),
    )
    assert [rendered.bib for rendered in out] == ["WİLSON CENTER/RAİNER, J. MİXED", "SMITH, Ian TITLE"]
