"""Every output format is a conversion of archcite markup; field values are always escaped."""

from __future__ import annotations

import pytest

from archcite.styles.markup import CONVERTERS, flatten, to_html, to_light, to_markdown, to_plain, to_rich, to_rtf

MARKUP = (
    "<i>Reading </i>Pravda<i> in Washington</i> &amp; &lt;script&gt; <b>b</b> <sc>sc</sc> H<sub>2</sub>O 1<sup>st</sup>"
)

EXPECTED = {
    "plain": "Reading Pravda in Washington & <script> b sc H2O 1st",
    "light": "<i>Reading </i>Pravda<i> in Washington</i> & <script> <b>b</b> <sc>sc</sc> H<sub>2</sub>O 1<sup>st</sup>",
    "html": (
        "<i>Reading </i>Pravda<i> in Washington</i> &amp; &lt;script&gt; <b>b</b> "
        '<span style="font-variant:small-caps;">sc</span> H<sub>2</sub>O 1<sup>st</sup>'
    ),
    "markdown": r"*Reading* Pravda *in Washington* & \<script\> **b** sc H~2~O 1^st^",
    "rtf": r"{\i Reading }Pravda{\i  in Washington} & <script> {\b b} {\scaps sc} H{\sub 2}O 1{\super st}",
}


@pytest.mark.parametrize("output_format", sorted(EXPECTED))
def test_markup_converts_to_each_format(output_format):
    assert CONVERTERS[output_format](MARKUP) == EXPECTED[output_format]


def test_rich_text_shows_italics_bold_and_small_caps_as_capitals():
    text = to_rich("<i>Cold</i> <b>War</b> <sc>sc</sc>")
    assert text.plain == "Cold War SC"
    assert [(span.start, span.end, str(span.style)) for span in text.spans] == [(0, 4, "italic"), (5, 8, "bold")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a_b*c [x] #1 `code` 2^3 ~s~ | <", r"a\_b\*c \[x\] \#1 \`code\` 2\^3 \~s\~ \| \<"),
        ("<i> Pravda </i>", " *Pravda* "),
    ],
)
def test_markdown_escapes_its_syntax_and_keeps_emphasis_tight(text, expected):
    from html import escape

    markup = text if text.startswith("<i>") else escape(text, quote=False)
    assert to_markdown(markup) == expected


def test_rtf_escapes_braces_backslashes_and_non_ascii():
    assert to_rtf(r"a{b}\c “Ł” 😀") == r"a\{b\}\\c \u8220?\u321?\u8221? \u-10179?\u-8704?"


FIELDS = ("title", "container-title", "publisher", "archive", "archive_location", "genre", "URL")
HOSTILE = "<script>alert(1)</script> & <img src=x onerror=y>"


def test_every_field_value_is_escaped_in_html(render_csl):
    item = {"id": "a", "type": "book", **dict.fromkeys(FIELDS, HOSTILE), "author": [{"literal": HOSTILE}]}
    cite = (
        '<group delimiter="|"><names variable="author"/>'
        + "".join(f'<text variable="{f}"/>' for f in FIELDS)
        + "</group>"
    )
    [out] = render_csl([item], cite=cite)
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=y&gt;"
    assert to_html(out.cite or "") == "|".join([escaped] * (len(FIELDS) + 1))
    assert to_plain(out.cite or "") == "|".join([HOSTILE] * (len(FIELDS) + 1))


def test_field_italics_flip_inside_an_italic_title_in_every_format(render_csl):
    [out] = render_csl(
        [{"id": "a", "type": "book", "title": "Reading <i>Pravda</i> & <b>more</b>"}],
        cite='<text variable="title" font-style="italic"/>',
    )
    assert out.cite == "<i>Reading <ni>Pravda</ni> &amp; <b>more</b></i>"
    # citeproc-js 2.4.63's HTML: <i>Reading <span style="font-style:normal;">Pravda</span> &#38; <b>more</b></i>
    assert to_html(out.cite) == '<i>Reading <span style="font-style:normal;">Pravda</span> &amp; <b>more</b></i>'
    assert to_light(out.cite) == "<i>Reading Pravda & <b>more</b></i>"  # as citeproc-js's light format
    assert to_markdown(out.cite) == "*Reading* Pravda *& **more***"
    assert to_rtf(out.cite) == r"{\i Reading }Pravda{\i  & {\b more}}"


def test_cancelling_tags_in_every_format():
    markup = "<b>Speak, <nb>friend</nb></b> <sup>1<base>2</base></sup> <sc>A<nsc>b</nsc></sc>"
    assert to_plain(markup) == "Speak, friend 12 Ab"
    assert flatten(markup) == "<b>Speak, </b>friend <sup>1</sup>2 <sc>A</sc>b"
    assert to_light(markup) == "<b>Speak, friend</b> <sup>12</sup> <sc>Ab</sc>"
    # citeproc-js's HTML spans, but baseline as CSS (citeproc-js writes style="baseline")
    assert to_html(markup) == (
        '<b>Speak, <span style="font-weight:normal;">friend</span></b> '
        '<sup>1<span style="vertical-align:baseline;">2</span></sup> '
        '<span style="font-variant:small-caps;">A<span style="font-variant:normal;">b</span></span>'
    )
    assert to_markdown(markup) == "**Speak,** friend ^1^2 Ab"
    assert to_rich(markup).plain == "Speak, friend 12 Ab"  # small caps drawn in capitals


def test_superscript_characters_are_superscript_markup_in_html_and_rtf_only():
    # citeproc-js's HTML and RTF formats fold Unicode superscripts (CSL suite magic_SuperscriptChars).
    assert to_html("1ᵉʳ &amp; n° ™") == "1<sup>e</sup><sup>r</sup> &amp; n° <sup>TM</sup>"
    assert to_rtf("2ª") == r"2{\super a}"
    assert to_plain("1ᵉʳ") == "1ᵉʳ"
