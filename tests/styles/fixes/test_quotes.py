"""Quotation marks: punctuation-in-quote, typographic data quotes, nested quotes (fixes.quotes)."""

from __future__ import annotations

import pytest

from archcite.styles.csl.fixes.quotes import mark_data_quotes, resolve

QUOTES = ("“", "”", "‘", "’")
TITLE_THEN_GENRE = '<group delimiter=", "><text variable="title" quotes="true"/><text variable="genre"/></group>'


def test_comma_after_quoted_title_moves_inside_the_quotes(render_csl):
    [out] = render_csl([{"id": "a", "type": "report", "title": "Berlin", "genre": "Memorandum"}], cite=TITLE_THEN_GENRE)
    assert out.cite == "“Berlin,” Memorandum"


def test_period_after_quoted_title_moves_inside_the_quotes(render_csl):
    [out] = render_csl(
        [{"id": "a", "type": "report", "title": "Berlin", "genre": "Memorandum"}],
        bib='<group delimiter=". " suffix="."><text variable="title" quotes="true"/><text variable="genre"/></group>',
    )
    assert out.bib == "“Berlin.” Memorandum."


def test_period_is_dropped_after_a_quoted_title_ending_in_a_period_or_question_mark(render_csl):
    items = [
        {"id": "a", "type": "report", "title": "Circling the Globe at 18,000 M.P.H.", "genre": "New York Times"},
        {"id": "b", "type": "report", "title": "Reports from Budapest?", "genre": "Briefing Book"},
    ]
    bib = '<group delimiter=". "><text variable="title" quotes="true"/><text variable="genre"/></group>'
    assert [r.bib for r in render_csl(items, bib=bib)] == [
        "“Circling the Globe at 18,000 M.P.H.” New York Times",
        "“Reports from Budapest?” Briefing Book",
    ]


def test_comma_is_kept_after_a_quoted_title_ending_in_a_question_mark(render_csl):
    [out] = render_csl(
        [{"id": "a", "type": "report", "title": "Reports from Budapest?", "genre": "Briefing Book"}],
        cite=TITLE_THEN_GENRE,
    )
    assert out.cite == "“Reports from Budapest?,” Briefing Book"


def test_quotes_in_a_quoted_title_become_single_quotes(render_csl):
    items = [
        {"id": "a", "type": "article", "title": "'A Dangerous Miscalculation': New Evidence"},
        {"id": "b", "type": "article", "title": '"One Hell of a Gamble": Khrushchev'},
    ]
    assert [r.cite for r in render_csl(items, cite='<text variable="title" quotes="true"/>')] == [
        "“‘A Dangerous Miscalculation’: New Evidence”",
        "“‘One Hell of a Gamble’: Khrushchev”",
    ]


def test_straight_quotes_in_an_unquoted_title_become_curly(render_csl):
    [out] = render_csl([{"id": "a", "type": "book", "title": "Ulbricht and the Concrete 'Rose': New Evidence"}])
    assert out.cite == "Ulbricht and the Concrete “Rose”: New Evidence"


def test_apostrophes_in_data_become_typographic(render_csl):
    [out] = render_csl([{"id": "a", "type": "book", "title": "Workers' Parties and the People's Republic"}])
    assert out.cite == "Workers’ Parties and the People’s Republic"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ('"Should We Fear This?" Stalin', "\ue001Should We Fear This?\ue002 Stalin"),
        ("“Curly” already", "\ue001Curly\ue002 already"),
        ("It's 'quoted' here", "It’s \ue001quoted\ue002 here"),
        ("the 1950s' end", "the 1950s’ end"),
        # citeproc-js 2.4.63 prints these: an unpaired double quote as written, a single one as ’
        ('an unpaired " mark', 'an unpaired " mark'),
        ('a "b', 'a "b'),
        ('Nation of "Positive Obligations " of State', 'Nation of "Positive Obligations " of State'),
        ("'unclosed", "’unclosed"),
        ("the '60s and '70s", "the ’60s and ’70s"),
        # A curly mark that opens and closes nothing stays as written; a straight one is ’
        # (citeproc-js 2.4.63 in APA: "http://x.org/?q=‘a&b=’c’" for "http://x.org/?q=‘a&b='c'").
        ("http://x.org/?q=‘a&b='c'", "http://x.org/?q=‘a&b=’c’"),
    ],
)
def test_data_quotes_are_paired_into_marks(data, expected):
    assert mark_data_quotes(data) == expected


def test_inner_quotes_alternate_with_depth():
    assert resolve("\ue001a \ue001b \ue001c\ue002\ue002\ue002", QUOTES, True) == "“a ‘b “c”’”"


def test_without_punctuation_in_quote_the_comma_stays_outside():
    assert resolve("\ue001Berlin\ue002, Memorandum", QUOTES, False) == "“Berlin”, Memorandum"


def test_apostrophes_in_names_become_typographic(render_csl):
    [out] = render_csl(
        [{"id": "a", "type": "book", "author": [{"literal": "Polish United Workers' Party"}, {"family": "O'Brien"}]}],
        cite='<names variable="author"><name and="text"/></names>',
    )
    assert out.cite == "Polish United Workers’ Party and O’Brien"


def test_quotes_in_a_style_value_nest_like_data_quotes(render_csl):
    # citeproc-js 2.4.63: the value's own comma after its quotation stays outside it
    [out] = render_csl(
        [{"id": "a", "type": "book"}],
        macros='<macro name="m"><text value="Speak, &#34;friend&#34;, and enter"/></macro>',
        cite='<text macro="m" quotes="true"/>',
    )
    assert out.cite == "“Speak, ‘friend’, and enter”"


def test_marks_after_a_quoted_title_all_move_inside_the_quotes(render_csl):
    # CSL test suite, punctuation_FullMontyQuotesIn: "! ? . ," move in, ": ;" stay out
    items = [{"id": "a", "type": "article", "title": "Alpha"}]
    for suffix, expected in ((",.", "“Alpha,.” x"), ("!", "“Alpha!” x"), ("?;", "“Alpha?”; x"), (":", "“Alpha”: x")):
        cite = f'<text variable="title" quotes="true" suffix="{suffix}"/><text value="x" prefix=" "/>'
        assert render_csl(items, cite=cite)[0].cite == expected


def test_a_quotation_ending_in_a_mark_absorbs_the_period_after_it_outside_quotes_too(render_csl):
    # en-GB puts punctuation outside quotes; citeproc-js: ‘Reports from Budapest?’ (mhra-notes)
    items = [
        {"id": "a", "type": "article", "title": "Reports from Budapest?"},
        {"id": "b", "type": "article", "title": "At 18,000 M.P.H."},
        {"id": "c", "type": "article", "title": "Plain"},
    ]
    out = render_csl(
        items,
        cite='<text variable="title" quotes="true"/>',
        style_attrs='default-locale="en-GB"',
        layout_attrs='suffix="."',
    )
    assert [r.cite for r in out] == ["‘Reports from Budapest?’", "‘At 18,000 M.P.H.’", "‘Plain’."]


def test_a_curly_single_quotation_outside_any_other_stays_single(render_csl):
    # citeproc-js 2.4.63 prints these (unquoted | quoted by the style); the test suite's
    # flipflop_LeadingMarkupWithApostrophe and decorations_NestedQuotesInnerReverse
    cite = '<group delimiter=" | "><text variable="title"/><text variable="title" quotes="true"/></group>'
    titles = ["a ‘b’ c", "a 'b' c", "a ‘b “c” d’ e"]
    out = render_csl([{"id": str(n), "type": "book", "title": title} for n, title in enumerate(titles)], cite=cite)
    assert [r.cite for r in out] == ["a ‘b’ c | “a ‘b’ c”", "a “b” c | “a ‘b’ c”", "a ‘b “c” d’ e | “a ‘b “c” d’ e”"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # citeproc-js 2.4.63: punctuation a title writes after its own quotation is the data's
        ('What was "close reading"?: A century', "“What was ‘close reading’?: A century.”"),
        ('"Missionaries in the Row Boat"? Ethnological Ways', "“‘Missionaries in the Row Boat’? Ethnological Ways.”"),
        ('What Is a "Document"?', "“What Is a ‘Document’?”"),
        ('Is "Everyone Welcome"?: Intersectionality', "“Is ‘Everyone Welcome’?: Intersectionality.”"),
    ],
)
def test_punctuation_after_a_quotation_in_the_data_stays_where_the_data_puts_it(render_csl, title, expected):
    [out] = render_csl(
        [{"id": "a", "type": "article", "title": title}], cite='<text variable="title" quotes="true" suffix="."/>'
    )
    assert out.cite == expected


def test_quotation_marks_inside_a_nocase_span_are_the_locales(render_csl):
    # citeproc-js 2.4.63's text output of the suite's bugreports_NoCaseEscape (its second entry)
    title = '<span class="nocase">"PIAAC-Longitudinal (PIAAC-Lx) 2015"</span>'
    [out] = render_csl(
        [{"id": "a", "type": "book", "title": title}], cite='<text variable="title"/>', layout_attrs='suffix="."'
    )
    assert out.cite == "“PIAAC-Longitudinal (PIAAC-Lx) 2015.”"
