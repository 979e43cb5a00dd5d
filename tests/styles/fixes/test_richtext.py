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
    assert out.cite == "<i>Reading </i>Pravda<i> in Washington</i>"


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


def test_font_style_normal_is_roman_inside_italics(render_csl):
    [out] = render_csl(
        [{"id": "a", "type": "book", "title": "Title", "genre": "genre"}],
        cite='<group font-style="italic" delimiter=" "><text variable="title"/>'
        '<text variable="genre" font-style="normal"/></group>',
    )
    assert out.cite == "<i>Title </i>genre"
