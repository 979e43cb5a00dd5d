"""Family-first names print family name first everywhere (fixes.static_ordering)."""

from __future__ import annotations

from archcite.styles.csl.fixes.static_ordering import is_family_first

CHEN = {"family": "Chen", "given": "Jian", "static-ordering": True}


def test_static_ordering_name_prints_family_first_in_long_and_inverted_form(render_csl):
    [out] = render_csl(
        [{"id": "a", "type": "book", "translator": [CHEN], "author": [CHEN]}],
        cite='<names variable="translator" prefix="trans. "/>',
        bib='<names variable="author"><name name-as-sort-order="all"/></names>',
    )
    assert (out.cite, out.bib) == ("trans. Chen Jian", "Chen Jian")


def test_family_first_names_are_initialised_and_shortened_as_the_style_asks(render_csl):
    # citeproc-js 2.4.63 with the same style and item prints exactly these (issue 15, cause H).
    item = {
        "id": "a",
        "type": "book",
        "author": [
            {"family": "Chen", "given": "Jian Xin", "static-ordering": True},
            {"family": "Doe", "given": "John"},
        ],
    }
    [out] = render_csl(
        [item],
        cite='<names variable="author"><name form="short"/></names>',
        bib='<names variable="author"><name name-as-sort-order="all" initialize-with=". " and="text"/></names>',
    )
    assert (out.cite, out.bib) == ("Chen, Doe", "Chen J. X. and Doe, J.")


def test_a_name_in_a_script_without_case_is_family_first_without_a_space(render_csl):
    # citeproc-js 2.4.63: "我妻栄 and Kim I. S." (CSL test suite name_AsianGlyphs: "我妻栄").
    item = {
        "id": "a",
        "type": "book",
        "author": [{"family": "我妻", "given": "栄"}, {"family": "Kim", "given": "Il Sung", "static-ordering": True}],
    }
    [out] = render_csl(
        [item],
        cite='<names variable="author"><name form="short"/></names>',
        bib='<names variable="author"><name name-as-sort-order="all" initialize-with=". " and="text"/></names>',
    )
    assert out.bib == "我妻栄 and Kim I. S."


def test_names_written_given_name_first_are_not_family_first():
    assert not is_family_first({"family": "Kennan", "given": "George F."})
    assert not is_family_first({"family": "Хрущёв", "given": "Никита"})
    assert is_family_first(CHEN)
    assert is_family_first({"family": "毛", "given": "泽东"})


def test_a_family_name_part_formats_only_the_family_name_of_a_family_first_name(render_csl):
    # citeproc-js 2.4.63 with the same cs:name: "CHEN Jian; KENNAN, George; 毛泽东"
    names = [CHEN, {"family": "Kennan", "given": "George"}, {"family": "毛", "given": "泽东"}]
    [out] = render_csl(
        [{"id": "a", "type": "book", "title": "T", "author": names}],
        bib=(
            '<names variable="author"><name name-as-sort-order="all" sort-separator=", " delimiter="; ">'
            '<name-part name="family" text-case="uppercase"/></name></names>'
        ),
    )
    assert out.bib == "CHEN Jian; KENNAN, George; 毛泽东"
