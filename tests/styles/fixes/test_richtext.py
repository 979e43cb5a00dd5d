"""Rich text in field values becomes formatting, with italics flipped in italics (fixes.richtext)."""

from __future__ import annotations

import pytest

from archcite.styles.csl.fixes.richtext import mark_tags, to_markup


def test_italics_in_a_quoted_title_are_kept(render_csl):
    [out] = render_csl(
        [{"id": "a", "type": "article", "title": "Reading <i>Pravda</i> in Washington"}],
        cite='<text variable="title" quotes="true"/>',
    )
    assert out.cite == "“Reading <i>Pravda</i> in Washington”"


def test_italics_inside_an_italic_title_are_roman(render_csl):
    [out] = render_csl(
        [{"id": "a", "type": "book", "title": "Reading <i>Pravda</i> in Washington"}],
        cite='<text variable="title" font-style="italic"/>',
    )
    # citeproc-js 2.4.63's HTML: <i>Reading <span style="font-style:normal;">Pravda</span> in Washington</i>
    assert out.cite == "<i>Reading <ni>Pravda</ni> in Washington</i>"


def test_bold_superscript_subscript_and_small_caps_become_tags(render_csl):
    [out] = render_csl(
        [
            {
                "id": "a",
                "type": "book",
                "title": "H<sub>2</sub>O, 1<sup>st</sup> <b>bold</b> "
                '<span style="font-variant:small-caps;">caps</span>',
            }
        ]
    )
    assert out.cite == "H<sub>2</sub>O, 1<sup>st</sup> <b>bold</b> <sc>caps</sc>"


def test_nocase_span_escapes_text_case(render_csl):
    [out] = render_csl(
        [{"id": "a", "type": "book", "title": 'Rise of <span class="nocase">Vladimir</span> Putin'}],
        cite='<text variable="title" text-case="sentence"/>',
    )
    assert out.cite == "Rise of Vladimir putin"


def test_unknown_tags_are_text_and_escaped(render_csl):
    [out] = render_csl([{"id": "a", "type": "book", "title": "<script>alert(1)</script> & more"}])
    assert out.cite == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a <i>b</i>", "a \ue010b\ue011"),
        ("<I>caps tag</I>", "\ue010caps tag\ue011"),
        ('<span class="nocase">X</span>', "\ue030X\ue031"),
        ("<span>stray</span>", "<span>stray</span>"),
    ],
)
def test_mark_tags(text, expected):
    assert mark_tags(text) == expected


def test_to_markup_merges_adjacent_runs_and_closes_open_tags():
    assert to_markup("\ue010a\ue011\ue010b\ue011 \ue012c") == "<i>ab</i> <b>c</b>"


def test_to_markup_keeps_the_nesting_of_the_marks():
    # CSL test suite, bugreports_NumberInMacroWithVerticalAlign: <sup><i>2</i></sup>
    assert to_markup("\ue016\ue0102\ue011\ue017") == "<sup><i>2</i></sup>"
    assert to_markup("\ue010\ue016\ue011\ue017x") == "x"  # empty runs print nothing


def test_font_style_normal_is_roman_inside_italics(render_csl):
    [out] = render_csl(
        [{"id": "a", "type": "book", "title": "Title", "genre": "genre"}],
        cite='<group font-style="italic" delimiter=" "><text variable="title"/>'
        '<text variable="genre" font-style="normal"/></group>',
    )
    assert out.cite == "<i>Title <ni>genre</ni></i>"


def test_font_style_normal_outside_italics_prints_nothing(render_csl):
    # CSL test suite, decorations_NoNormalWithoutDecoration
    [out] = render_csl(
        [{"id": "a", "type": "book", "title": "Title"}], cite='<text variable="title" font-style="normal"/>'
    )
    assert out.cite == "Title"


def test_a_closing_tag_that_closes_nothing_is_text():
    # CSL test suite, flipflop_ItalicsSimple: "One TwoF</i> Three" prints the tag
    assert mark_tags("a</i> b <i>c</b></i>") == "a</i> b \ue010c</b>\ue011"


def test_nodecor_cancels_formatting_and_text_case(render_csl):
    # CSL test suite, flipflop_ItalicsWithOk(AndTextcase)
    [out] = render_csl(
        [{"id": "a", "type": "book", "title": 'Lessard <span class="nodecor">v.</span> Schmidt'}],
        cite='<text variable="title" font-style="italic" text-case="title"/>',
    )
    assert out.cite == "<i>Lessard <ni>v.</ni> Schmidt</i>"
