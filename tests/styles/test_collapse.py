"""Cite order, grouping and collapsing, citation labels and the bibliography's first field.

Expected strings are written by hand from the CSL 1.0.2 rules each module names.
"""

from __future__ import annotations

from archcite.styles.csl.citation_label import trigraph
from archcite.styles.csl.collapse import collapse_numbers
from archcite.styles.csl.document import CitationInput, Cite, render_document


def _style(
    citation_attrs: str, cite: str, layout: str = 'delimiter="; " prefix="(" suffix=")"', bib: str = ""
) -> bytes:
    bibliography = f"<bibliography {bib}><layout>{cite}</layout></bibliography>"
    return f"""<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Collapse</title><id>collapse</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation {citation_attrs}><layout {layout}>{cite}</layout></citation>
  {bibliography}
</style>""".encode()


AUTHOR_YEAR = (
    '<group delimiter=" "><names variable="author"><name form="short"/></names>'
    '<date variable="issued"><date-part name="year"/></date></group>'
)


def _book(item_id: str, family: str, year: int, title: str = "T") -> dict[str, object]:
    return {
        "id": item_id,
        "type": "book",
        "title": title,
        "author": [{"family": family, "given": "A."}],
        "issued": {"date-parts": [[year]]},
    }


def _cite_all(items: list[dict[str, object]], style: bytes, ids: list[str]) -> str | None:
    return render_document(items, style, [CitationInput([Cite(i) for i in ids])]).citations[0]


def test_cites_keep_the_authors_order_without_a_citation_sort() -> None:
    items = [_book("z", "Zubok", 2007), _book("a", "Adams", 1990)]
    assert _cite_all(items, _style("", AUTHOR_YEAR), ["z", "a"]) == "(Zubok 2007; Adams 1990)"


def test_collapse_year_groups_cites_by_author_and_omits_the_repeated_names() -> None:
    items = [_book("s1", "Smith", 1900), _book("j", "Jones", 1950), _book("s2", "Smith", 2000)]
    style = _style('collapse="year"', AUTHOR_YEAR)
    assert _cite_all(items, style, ["s1", "j", "s2"]) == "(Smith 1900, 2000; Jones 1950)"


def test_collapse_year_suffix_prints_only_the_suffix_for_the_same_year() -> None:
    items = [_book("a", "Doe", 1965, "A"), _book("b", "Doe", 1965, "B"), _book("c", "Doe", 1970, "C")]
    style = _style('disambiguate-add-year-suffix="true" collapse="year-suffix"', AUTHOR_YEAR)
    # year-suffix-delimiter defaults to the layout delimiter (CSL 1.0.2), cite-group-delimiter to ", ".
    assert _cite_all(items, style, ["a", "b", "c"]) == "(Doe 1965a; b, 1970)"


def test_year_suffix_ranged_turns_three_consecutive_suffixes_into_a_range() -> None:
    items = [_book(x, "Doe", 2000, x.upper()) for x in "abcd"]
    style = _style('disambiguate-add-year-suffix="true" collapse="year-suffix-ranged"', AUTHOR_YEAR)
    assert _cite_all(items, style, list("abcd")) == "(Doe 2000a–d)"


def test_citation_numbers_collapse_into_ranges_of_three_or_more() -> None:
    assert collapse_numbers([(1, "[1]"), (2, "[2]"), (3, "[3]"), (5, "[5]")], ", ") == "[1]–[3], [5]"
    assert collapse_numbers([(1, "1"), (2, "2")], ",") == "1,2"


def test_citation_label_is_generated_from_names_and_year() -> None:
    assert trigraph(["Asthma"], 2000) == "Asth00"
    assert trigraph(["Roe", "Noakes"], 1978) == "RoNo78"
    assert trigraph(["Doe", "Roe", "Poe"], 1999) == "DoRP99"
    assert trigraph(["Dipheria", "Eczema", "Flatulence", "Goiter", "Hiccups"], 1926) == "DEFG26"


def test_citation_label_of_an_undated_item_ends_in_00_and_keeps_only_letters() -> None:
    # citeproc-js 2.4.63 (tests/data/reference/styles, american-mathematical-society-label):
    # [Emba00] for an undated item, [Maoz50] for the family name "Mao Zedong".
    assert trigraph(["Embassy"], None) == "Emba00"
    assert trigraph(["Mao Zedong"], 1950) == "Maoz50"


def test_ambiguous_citation_labels_get_year_suffixes() -> None:
    items = [_book("a", "Aalto", 2002, "A"), _book("b", "Aalto", 2002, "B")]
    style = _style('disambiguate-add-year-suffix="true"', '<text variable="citation-label"/>', 'delimiter="; "')
    assert _cite_all(items, style, ["a", "b"]) == "Aalt02a; Aalt02b"


def test_second_field_align_reports_the_first_field_of_each_entry() -> None:
    style = _style(
        "",
        '<text variable="citation-number" prefix="[" suffix="]"/><text variable="title" prefix=" "/>',
        bib='second-field-align="flush"',
    )
    document = render_document([_book("a", "Doe", 2000, "Book A")], style, [])
    [entry] = document.bibliography
    # citeproc-js's text format ends the margin with a space of its own: "[1]  Tit" for this layout
    assert (entry.margin, entry.text, entry.rest) == ("[1]", "[1]  Book A", " Book A")


def test_after_collapse_delimiter_follows_only_a_collapsed_group_under_year_suffix_collapsing() -> None:
    # The CSL test suite's collapse_TrailingDelimiter (citeproc-js): "Connell 1971, Cortes 1971"
    # after a name cited once, "; " after a group that collapsed.
    from archcite.styles.csl.document import CitationInput, Cite, render_document

    csl = b"""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
    <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
    <citation collapse="year-suffix" disambiguate-add-year-suffix="true" after-collapse-delimiter="; ">
    <layout delimiter=", " prefix="(" suffix=")"><group delimiter=" "><names variable="author">
    <name form="short"/></names><date variable="issued"><date-part name="year"/></date></group></layout>
    </citation></style>"""
    items = [
        {"id": "a", "type": "book", "author": [{"family": "Condit"}], "issued": {"date-parts": [[2000]]}},
        {"id": "b", "type": "book", "author": [{"family": "Condit"}], "issued": {"date-parts": [[1995]]}},
        {"id": "c", "type": "book", "author": [{"family": "Connell"}], "issued": {"date-parts": [[1971]]}},
        {"id": "d", "type": "book", "author": [{"family": "Cortes"}], "issued": {"date-parts": [[1971]]}},
    ]
    cites = CitationInput([Cite(id=key) for key in "abcd"])
    document = render_document(items, csl, [cites], bibliography_ids=[])
    assert document.citations == ["(Condit 2000, 1995; Connell 1971, Cortes 1971)"]


def test_primary_name_disambiguation_counts_names_of_other_items_the_style_renders() -> None:
    # citeproc-js 2.4.63 (render_js.js): a co-author of the same family name and a recipient the
    # style never renders ask for no initials; two cited Smiths do. (A recipient the style renders
    # counts: Chicago author-date's "R. F. Kennedy" in tests/styles/test_reference.py.)
    from archcite.styles.csl.document import CitationInput, Cite, render_document

    csl = b"""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
    <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
    <citation disambiguate-add-givenname="true" givenname-disambiguation-rule="primary-name"><layout>
    <names variable="author"><name form="short" and="symbol" initialize-with=". "/></names>
    <date variable="issued" prefix=", "><date-part name="year"/></date></layout></citation></style>"""
    items = [
        {
            "id": "o",
            "type": "book",
            "author": [{"family": "Oblinger", "given": "Diana G."}, {"family": "Oblinger", "given": "James L."}],
            "issued": {"date-parts": [[2009]]},
        },
        {
            "id": "k",
            "type": "book",
            "author": [{"family": "Kennedy", "given": "Robert F."}],
            "recipient": [{"family": "Kennedy", "given": "John F."}],
            "issued": {"date-parts": [[1962]]},
        },
        {
            "id": "s",
            "type": "book",
            "author": [{"family": "Smith", "given": "Ann"}],
            "issued": {"date-parts": [[2001]]},
        },
        {
            "id": "t",
            "type": "book",
            "author": [{"family": "Smith", "given": "Bob"}],
            "issued": {"date-parts": [[2002]]},
        },
    ]
    citations = [CitationInput([Cite(id=item["id"])]) for item in items]
    document = render_document(items, csl, citations, bibliography_ids=[])
    assert document.citations == ["Oblinger &amp; Oblinger, 2009", "Kennedy, 1962", "A. Smith, 2001", "B. Smith, 2002"]
