"""``capitalize-first`` skips opening quotes, brackets and formatting (fixes.capitalize)."""

from __future__ import annotations

import pytest

from archcite.styles.csl.fixes.capitalize import capitalize_first


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ('"should we fear this?" Stalin', "“Should we fear this?” Stalin"),
        ("[untitled memorandum]", "[Untitled memorandum]"),
        ("<i>pravda</i> editorials", "<i>Pravda</i> editorials"),
        ("letter", "Letter"),
    ],
)
def test_capitalize_first_capitalises_the_first_letter(render_csl, title, expected):
    [out] = render_csl(
        [{"id": "a", "type": "report", "title": title}], cite='<text variable="title" text-case="capitalize-first"/>'
    )
    assert out.cite == expected


def test_capitalize_first_without_letters_is_unchanged():
    assert capitalize_first("— …") == "— …"


def test_text_case_applies_to_formatted_macro_output(render_csl):
    [out] = render_csl(
        [{"id": "a", "type": "report", "genre": "memorandum"}],
        macros='<macro name="genre"><text variable="genre" font-style="italic"/></macro>',
        cite='<text macro="genre" text-case="capitalize-first"/>',
    )
    assert out.cite == "<i>Memorandum</i>"


def test_text_case_applies_to_numbers(render_csl):
    [out] = render_csl(
        [{"id": "a", "type": "book", "volume": "iv"}], cite='<number variable="volume" text-case="uppercase"/>'
    )
    assert out.cite == "IV"


def test_capitalize_first_skips_only_opening_quotes_and_brackets():
    assert capitalize_first("<script>") == "<script>"
    assert capitalize_first("«élan»") == "«Élan»"
