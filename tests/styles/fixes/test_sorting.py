"""Sort keys ignore accents, case, markup and opening punctuation (fixes.sorting)."""

from __future__ import annotations

import pytest

from archcite.styles.csl.fixes.sorting import normalise


def test_bibliography_sorts_accented_and_quoted_titles_by_their_letters(render_csl):
    items = [
        {"id": "z", "type": "book", "title": "Zubok"},
        {"id": "b", "type": "book", "title": "Békés"},
        {"id": "q", "type": "book", "title": '"Should We Fear This?"'},
        {"id": "n", "type": "book", "title": "New Findings"},
        {"id": "e", "type": "book"},
    ]
    out = render_csl(items, sort='<sort><key variable="title"/></sort>')
    assert [r.bib_rank for r in out] == [3, 0, 2, 1, None]


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("Békés, Csaba", "bekes csaba"),
        # citeproc-js ignores punctuation, not spaces (the CSL suite's sort_Quotes, sort_DaleDalebout)
        ("“Simple title here B”", "simple title here b"),
        ("Simple title, here A", "simple title here a"),
        ("’t Horvath,  P", "t horvath p"),
        ("\ue001Should\ue002", "should"),
        ("\ue010Title\ue011", "title"),
        ("", None),
        (3, 3),
    ],
)
def test_normalise(key, expected):
    assert normalise(key) == expected


def test_numbers_compare_by_value_and_stay_apart():
    # citeproc-js 2.4.63 (numeric: true; tests/data/collation): "Document 9" before "Document
    # 10", "Dokument nr 2" before "Dokument nr 11"; punctuation between digits parts numbers.
    titles = ["Document 10", "Dokument nr 11", "Document 9", "Dokument nr 2"]
    assert sorted(titles, key=normalise) == ["Document 9", "Document 10", "Dokument nr 2", "Dokument nr 11"]
    assert normalise("1946-02-22") == normalise("1946 2 22") != normalise("19460222")
    assert normalise("0099") == normalise("99")


AUTHOR_MACRO = (
    '<macro name="author"><names variable="author editor">'
    '<name name-as-sort-order="first" and="text" delimiter=", " delimiter-precedes-last="always"/>'
    '<label form="short" prefix=" "/></names></macro>'
)


def test_a_macro_sort_key_holds_the_names_without_and_or_label(render_csl):
    # citeproc-js 2.4.63 (the CSL suite's sort_WithAndInOneEntry, sort_DropNameLabelInSort):
    # "Colaresi, Rasler, Thompson" before "Colaresi, Thompson"; the editor "Doe, John ed." sorts as
    # "Doe, John", before "Doe, John Eamon".
    def person(family, given="A."):
        return {"family": family, "given": given}

    items = [
        {"id": "ct", "type": "book", "title": "T", "author": [person("Colaresi"), person("Thompson")]},
        {
            "id": "crt",
            "type": "book",
            "title": "T",
            "author": [person("Colaresi"), person("Rasler"), person("Thompson")],
        },
        {"id": "de", "type": "book", "title": "T", "author": [person("Doe", "John Eamon")]},
        {"id": "ed", "type": "book", "title": "T", "editor": [person("Doe", "John")]},
    ]
    out = render_csl(items, macros=AUTHOR_MACRO, sort='<sort><key macro="author"/></sort>')
    assert [r.bib_rank for r in out] == [1, 0, 3, 2]


def test_a_macro_sort_key_holds_no_et_al(render_csl):
    # citeproc-js 2.4.63 (harvard-cite-them-right over the corpus, bekes-et-al-2015 before
    # bekes-byrne-rainer-2002): the names a sort key shortens end without "et al."
    def person(family, given="C."):
        return {"family": family, "given": given}

    items = [
        {"id": "two", "type": "book", "title": "T", "author": [person("Békés"), person("Aaron")]},
        {"id": "etal", "type": "book", "title": "T", "author": [person("Békés"), person("Byrne"), person("Rainer")]},
    ]
    macro = '<macro name="author"><names variable="author"><name name-as-sort-order="all"/></names></macro>'
    out = render_csl(
        items,
        macros=macro,
        bibliography_attrs='et-al-min="3" et-al-use-first="1"',
        sort='<sort><key macro="author"/></sort>',
    )
    assert [r.bib_rank for r in out] == [1, 0]


def test_letters_icu_holds_equal_to_base_letters_sort_with_them(render_csl):
    # citeproc-js 2.4.63 (ICU collation at the base strength) sorts these authors in this order:
    # "Æbelø" as "aebelo", "Ðorđe" as "dorde", "Højgaard" as "hojgaard", "Łukasz" as "lukasz".
    order = [
        "Adams", "Æbelø", "Aesop", "Ðorđe", "Dorn", "Hoffmann", "Højgaard Jensen", "Homer", "Hyman",
        "Łukasz", "Lund", "Møller-Jensen", "Montague", "Moraux", "Œuvres", "Offe",
    ]  # fmt: skip
    shuffled = sorted(order, key=lambda family: family[::-1])
    items = [
        {"id": family, "type": "book", "title": "T", "author": [{"family": family, "given": "A"}]}
        for family in shuffled
    ]
    out = render_csl(items, bib='<names variable="author"/>', sort='<sort><key variable="author"/></sort>')
    assert [family for _rank, family in sorted((r.bib_rank, f) for r, f in zip(out, shuffled, strict=True))] == order


DATED_MACROS = (
    '<macro name="year"><choose><if variable="issued"><date variable="issued"><date-part name="year"/></date>'
    '</if><else><text term="no date"/></else></choose></macro>'
    '<macro name="author-year"><names variable="author"><name name-as-sort-order="all"/></names>'
    '<text macro="year" prefix=", "/></macro>'
    '<macro name="title-year"><group delimiter=" "><text variable="title"/>'
    '<date variable="issued"><date-part name="year"/></date></group></macro>'
)


def test_a_macro_holding_a_date_gives_only_its_dates_and_names_to_a_sort_key(render_csl):
    # citeproc-js 2.4.63 ("doing-macro-with-date"; render_js.js on this style, recipe in
    # tests/data/reference/styles/README.md): while a sort key renders a macro that holds a
    # cs:date, only dates and names reach the key. Its keys are "Doe|Jane,|119900000100000000|"
    # and "Doe|Jane|" (no "no date" term: the undated item sorts first, as a shorter key), and
    # "119800000100000000|" for title-year (no title: Zeta before Alpha, ties in input order).
    def item(key, title, family, year=None):
        made = {"id": key, "type": "book", "title": title, "author": [{"family": family, "given": "Jane"}]}
        return made | ({"issued": {"date-parts": [[year]]}} if year else {})

    items = [
        item("a", "Alpha", "Doe", 1990),
        item("b", "Beta", "Doe"),
        item("c", "Gamma", "Doe", 1985),
        item("d", "Zeta", "Roe", 1980),
        item("e", "Alpha", "Roe", 1980),
        item("f", "Alpha", "Roe", 1980),
    ]
    out = render_csl(
        items, macros=DATED_MACROS, sort='<sort><key macro="author-year"/><key macro="title-year"/></sort>'
    )
    assert [r.bib_rank for r in out] == [2, 0, 1, 3, 4, 5]


def test_dates_in_a_macro_sort_key_are_one_number_as_in_citeproc_js(render_csl):
    # citeproc-js 2.4.63 (CSL.dateAsSortKey; render_js.js on this style): each date is 18 digits
    # (start and end), two dates of the macro run together, and the collation compares the run
    # as one number: "(1959) 1997" ("119590000100000000119970000100000000") sorts after 1998,
    # a range after its first year, a date whose month the style does not show with its year.
    macro = (
        '<macro name="date"><group delimiter=" "><date variable="original-date" prefix="(" suffix=")">'
        '<date-part name="year"/></date><date variable="issued"><date-part name="year"/></date></group></macro>'
    )
    items = [
        {
            "id": "reprint",
            "type": "book",
            "title": "Reprint",
            "issued": {"date-parts": [[1997]]},
            "original-date": {"date-parts": [[1959]]},
        },
        {"id": "later", "type": "book", "title": "Later", "issued": {"date-parts": [[1998]]}},
        {"id": "same", "type": "book", "title": "Same", "issued": {"date-parts": [[1997]]}},
        {"id": "range", "type": "book", "title": "Range", "issued": {"date-parts": [[1997], [1999]]}},
        {"id": "month", "type": "book", "title": "Month", "issued": {"date-parts": [[1997, 5]]}},
    ]
    out = render_csl(items, macros=macro, sort='<sort><key macro="date"/></sort>')
    assert [r.bib_rank for r in out] == [4, 3, 0, 2, 1]


def test_under_demote_never_a_sort_key_puts_the_dropping_particle_after_the_family_name(render_csl):
    # citeproc-js 2.4.63 (render_js.js on this style): with demote-non-dropping-particle="never"
    # a name in a sort key is "Wøller ndum|S. B." (displayed "Wøller, S. B. ndum"), so it sorts
    # before "Wøller|S. B.", and "Humboldt von|A." before "Humboldt|W.".
    def item(key, title, **name):
        return {"id": key, "type": "book", "title": title, "author": [name]}

    items = [
        item("plain", "A", family="Wøller", given="Sune Brøndum"),
        item("particle", "B", family="Wøller", given="Sune Brø", **{"dropping-particle": "ndum"}),
        item("von", "C", family="Humboldt", given="Alexander", **{"dropping-particle": "von"}),
        item("hu", "D", family="Humboldt", given="Wilhelm"),
        item("vanroe", "E", family="Roe", given="Jan", **{"non-dropping-particle": "van", "dropping-particle": "de"}),
    ]
    macro = (
        '<macro name="author"><names variable="author">'
        '<name name-as-sort-order="all" initialize-with=". "/></names></macro>'
    )
    out = render_csl(
        items,
        macros=macro,
        style_attrs='demote-non-dropping-particle="never"',
        sort='<sort><key macro="author"/><key variable="title"/></sort>',
    )
    assert [r.bib_rank for r in out] == [4, 3, 0, 1, 2]


def test_a_name_variable_key_is_the_name_list_cut_short_by_et_al(render_csl):
    # citeproc-js 2.4.63 (render_js.js on this style): <key variable="author"/> holds the names
    # long and in sort order, separated as a list ("Doe|Jo,|Anne|X|" before "Doe|Joan|"), and
    # only the first three where the bibliography's et-al-min (5) is reached: seven and six
    # authors tie (input order), four authors are listed in full.
    def authors(*names):
        return [{"family": family, "given": given} for family, given in names]

    six = [("Henrich", "Joseph"), ("Boyd", "Robert"), ("Bowles", "Samuel")]
    six += [("Camerer", "Colin"), ("Fehr", "Ernst"), ("Gintis", "Herbert")]
    items = [
        {"id": "seven", "type": "book", "title": "Seven", "author": authors(*six, ("McElreath", "Richard"))},
        {"id": "six", "type": "book", "title": "Six", "author": authors(*six)},
        {"id": "joan", "type": "book", "title": "Joan", "author": authors(("Doe", "Joan"))},
        {"id": "jo", "type": "book", "title": "Jo", "author": authors(("Doe", "Jo"), ("Anne", "X"))},
        {"id": "four", "type": "book", "title": "Four", "author": authors(*six[:3], ("Abel", "Zoe"))},
    ]
    out = render_csl(
        items,
        bibliography_attrs='et-al-min="5" et-al-use-first="3"',
        sort='<sort><key variable="author"/></sort>',
    )
    assert [r.bib_rank for r in out] == [2, 3, 1, 0, 4]


def test_a_date_given_as_text_has_no_sort_key(render_csl):
    # citeproc-js 2.4.63 (render_js.js on this style): a literal date ("2012-22/2012-23") keys
    # nothing in a macro sort key, so it sorts with the undated item, after the dated ones.
    items = [
        {"id": "literal", "type": "book", "title": "Literal", "issued": {"literal": "2012-22/2012-23"}},
        {"id": "later", "type": "book", "title": "Later", "issued": {"date-parts": [[2013]]}},
        {"id": "none", "type": "book", "title": "None"},
        {"id": "earlier", "type": "book", "title": "Earlier", "issued": {"date-parts": [[2012]]}},
    ]
    macro = '<macro name="date"><date variable="issued"><date-part name="year"/></date></macro>'
    out = render_csl(items, macros=macro, sort='<sort><key macro="date"/></sort>')
    assert [r.bib_rank for r in out] == [2, 1, 3, 0]


def test_a_page_first_key_sorts_by_the_first_page(render_csl):
    # citeproc-js 2.4.63: the chapter (page 55) before the book (no page), year suffixes in that
    # order; citeproc-py found no field "page_first" and kept the order cited
    book = {
        "id": "book",
        "type": "book",
        "title": "Space and Beyond",
        "author": [{"family": "Westfahl", "given": "Gary"}],
    }
    book["issued"] = {"date-parts": [[2000]]}
    chapter = {**book, "id": "chapter", "type": "chapter", "title": "The True Frontier", "page": "55-65"}
    year = '<date variable="issued"><date-part name="year"/></date>'
    names = f'<names variable="author"><name form="short"/></names>{year}'
    book_out, chapter_out = render_csl(
        [book, chapter],
        citation_attrs='disambiguate-add-year-suffix="true"',
        cite=f'<group delimiter=" ">{names}</group>',
        sort='<sort><key variable="author"/><key variable="issued"/><key variable="page-first"/></sort>',
        bib=f'<group delimiter=" ">{names}<text variable="title"/></group>',
    )
    assert (book_out.cite, chapter_out.cite) == ("Westfahl 2000b", "Westfahl 2000a")
    assert (book_out.bib, chapter_out.bib) == ("Westfahl 2000b Space and Beyond", "Westfahl 2000a The True Frontier")
