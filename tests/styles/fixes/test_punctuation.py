"""A period after formatted text ending in terminal punctuation prints once (fixes.punctuation)."""

from __future__ import annotations

import pytest


# citeproc-js 2.4.63's output for each (render_js.js --format light): a period after a period
# prints once across formatting; a delimiter's period after an italic "?" stays.
@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Who Framed Roger Rabbit?", "<i>Who Framed Roger Rabbit?</i>. Disney."),
        ("Acme Inc.", "<i>Acme Inc.</i> Disney."),
        ("Plain", "<i>Plain</i>. Disney."),
    ],
)
def test_period_after_an_italic_title_ending_in_punctuation(render_csl, title, expected):
    [out] = render_csl(
        [{"id": "a", "type": "book", "title": title, "publisher": "Disney"}],
        bib='<group delimiter=". " suffix="."><text variable="title" font-style="italic"/>'
        '<text variable="publisher"/></group>',
    )
    assert out.bib == expected


def test_a_suffix_period_after_a_question_mark_is_absorbed(render_csl):
    # citeproc-js 2.4.63 (Springer Vancouver, the corpus's nsarchive-ebb76-2002): "Reports from
    # Budapest? In: ..."; the CSL suite's fullstyles_ChicagoArticleTitleQuestion
    item = {"id": "a", "type": "book", "title": "Reports from Budapest?", "publisher": "NSA"}
    [out] = render_csl([item], cite='<text variable="title" suffix=". "/><text variable="publisher"/>')
    assert out.cite == "Reports from Budapest? NSA"


def test_a_group_suffix_period_after_an_italic_question_mark_is_absorbed(render_csl):
    # citeproc-js 2.4.63: "<i>Budapest?</i> Nat" from a group's suffix, "<i>Budapest?</i>. Nat"
    # from the italic title's own suffix
    item = {"id": "a", "type": "book", "title": "Budapest?", "publisher": "Nat"}
    cite = (
        '<group suffix="."><text variable="title" font-style="italic"/></group><text variable="publisher" prefix=" "/>'
    )
    assert render_csl([item], cite=cite)[0].cite == "<i>Budapest?</i> Nat"
    cite = '<text variable="title" font-style="italic" suffix="."/><text variable="publisher" prefix=" "/>'
    assert render_csl([item], cite=cite)[0].cite == "<i>Budapest?</i>. Nat"


def test_a_period_inside_a_url_after_a_question_mark_stays(render_csl):
    item = {"id": "a", "type": "webpage", "URL": "https://example.org/q?.html"}
    [out] = render_csl([item], cite='<text variable="URL"/>')
    assert out.cite == "https://example.org/q?.html"


# citeproc-js's merge table (CSL test suite, punctuation_FullMontyPlain): a suffix, then a
# sibling's prefix starting with another mark, in a group without delimiter.
@pytest.mark.parametrize(
    ("suffix", "prefix", "expected"),
    [
        (":", ". ", "a: b"),
        (";", ": ", "a; b"),
        (";", ". ", "a; b"),
        (":", "! ", "a! b"),
        ("?", ": ", "a? b"),
        ("!", ". ", "a! b"),
        (".", ": ", "a.: b"),
        (",", ". ", "a,. b"),
        (":", "; ", "a:; b"),
    ],
)
def test_marks_meeting_at_a_seam_merge_as_in_citeproc_js(render_csl, suffix, prefix, expected):
    [out] = render_csl(
        [{"id": "a", "type": "book", "title": "a", "publisher": "b"}],
        cite=f'<group><text variable="title" suffix="{suffix}"/><text variable="publisher" prefix="{prefix}"/></group>',
    )
    assert out.cite == expected


@pytest.mark.parametrize(
    ("title", "cite", "expected"),
    [
        # din-1505-2 in citeproc-js: "Kennan, George F.: Telegram" (a group's ":", a choose's ". ")
        (
            "a",
            '<group suffix=":"><text variable="title"/></group>'
            '<choose><if type="book"><text variable="publisher" prefix=". "/></if></choose>',
            "a: b",
        ),
        # a field's own last mark and its suffix
        ("Notes:", '<text variable="title" suffix=". "/><text variable="publisher"/>', "Notes: b"),
        # citeproc-js only drops a delimiter's mark that doubles one (FullMonty: "comma,. period")
        ("a", '<group delimiter=". "><text variable="title" suffix=":"/><text variable="publisher"/></group>', "a:. b"),
    ],
)
def test_marks_merge_at_seams_without_delimiter_only(render_csl, title, cite, expected):
    [out] = render_csl([{"id": "a", "type": "book", "title": title, "publisher": "b"}], cite=cite)
    assert out.cite == expected


# citeproc-js 2.4.63 (render_js.js --format light): a delimiter drops the mark a formatted part
# ends with when it opens with the same one, but not an affix's, nor a different mark
@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        (
            '<group delimiter=", "><text value="Eds," font-style="italic"/><text value="2005"/></group>',
            "<i>Eds,</i> 2005",
        ),
        (
            '<group delimiter="; "><text value="Eds;" font-style="italic"/><text value="2005"/></group>',
            "<i>Eds;</i> 2005",
        ),
        (
            '<group delimiter=": "><text value="Eds:" font-style="italic"/><text value="2005"/></group>',
            "<i>Eds:</i> 2005",
        ),
        (
            '<group delimiter=", "><group font-style="italic"><text value="Eds" suffix=","/></group>'
            '<text value="2005"/></group>',
            "<i>Eds,</i> 2005",
        ),
        (
            '<group delimiter=". "><text value="Eds," font-style="italic"/><text value="2005"/></group>',
            "<i>Eds,</i>. 2005",
        ),
        (
            '<group delimiter=", "><text value="Eds." font-style="italic"/><text value="2005"/></group>',
            "<i>Eds.</i>, 2005",
        ),
        ('<text value="Eds," font-style="italic"/><text value="2005" prefix=", "/>', "<i>Eds,</i>, 2005"),
    ],
)
def test_a_delimiter_drops_the_mark_a_formatted_part_ends_with(render_csl, layout, expected):
    [out] = render_csl([{"id": "a", "type": "book", "title": "T"}], bib=layout)
    assert out.bib == expected


# citeproc-js 2.4.63's output (render_js.js --format light) for an italic title ending in each
# mark, then a suffix: the element's own suffix drops only the same mark across the formatting,
# a group's suffix merges by the whole table (IEEE's "<i>… DOA and ODBASE,</i>, Hersonissos").
_ENDINGS = ",.;?:!"
_ACROSS = {
    ("own", ", "): ["Ab,</i> ", "Ab.</i>, ", "Ab;</i>, ", "Ab?</i>, ", "Ab:</i>, ", "Ab!</i>, "],
    ("group", ", "): ["Ab,</i> ", "Ab.</i>, ", "Ab;</i>, ", "Ab?</i>, ", "Ab:</i>, ", "Ab!</i>, "],
    ("own", ". "): ["Ab,</i>. ", "Ab.</i> ", "Ab;</i>. ", "Ab?</i>. ", "Ab:</i>. ", "Ab!</i>. "],
    ("group", ". "): ["Ab,</i>. ", "Ab.</i> ", "Ab;</i> ", "Ab?</i> ", "Ab:</i> ", "Ab!</i> "],
    ("own", "; "): ["Ab,</i>; ", "Ab.</i>; ", "Ab;</i> ", "Ab?</i>; ", "Ab:</i>; ", "Ab!</i>; "],
    ("group", "; "): ["Ab,</i>; ", "Ab.</i>; ", "Ab;</i> ", "Ab?</i>; ", "Ab:</i>; ", "Ab!</i>; "],
    ("own", ": "): ["Ab,</i>: ", "Ab.</i>: ", "Ab;</i>: ", "Ab?</i>: ", "Ab:</i> ", "Ab!</i>: "],
    ("group", ": "): ["Ab,</i>: ", "Ab.</i>: ", "Ab;</i> ", "Ab?</i> ", "Ab:</i> ", "Ab!</i> "],
}


@pytest.mark.parametrize(("whose", "suffix"), list(_ACROSS))
def test_a_suffix_merges_with_the_mark_a_formatted_text_ends_with(render_csl, whose, suffix):
    items = [
        {"id": f"t{i}", "type": "book", "title": f"Ab{mark}", "publisher-place": "Here"}
        for i, mark in enumerate(_ENDINGS)
    ]
    title = '<text variable="title" font-style="italic"{}/>'
    if whose == "own":
        bib = title.format(f' suffix="{suffix}"')
    else:
        bib = f'<group suffix="{suffix}">{title.format("")}</group>'
    rendered = render_csl(items, bib=bib + '<text variable="publisher-place"/>')
    assert [out.bib for out in rendered] == [f"<i>{ending}Here" for ending in _ACROSS[(whose, suffix)]]


def test_a_no_break_space_doubled_at_a_seam_prints_once(render_csl):
    # citeproc-js 2.4.63 (padagogische-hochschule-heidelberg's affixes): a suffix ending in a
    # no-break space and a prefix opening with one print one; a no-break space and a space both stay
    item = {"id": "a", "type": "book", "title": "Letter", "publisher": "Press", "issued": {"date-parts": [[1962]]}}
    bib = (
        '<date variable="issued" prefix="(" suffix=").&#160;"><date-part name="year"/></date>'
        '<text variable="title" prefix="&#160;" suffix="&#160;"/><text variable="publisher" prefix=" "/>'
    )
    [out] = render_csl([item], bib=bib)
    assert out.bib == "(1962).\u00a0Letter\u00a0 Press"
