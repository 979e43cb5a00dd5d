"""Whole-document features: positions, disambiguation, year suffixes, the author substitute.

Expected strings are citeproc-js 2.4.63's output for the same items (shared/reference) or
written by hand from the CSL specification's rules.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from archcite.styles.csl.disambiguation import year_suffix
from archcite.styles.csl.document import CitationInput, Cite, render_document
from archcite.styles.csl.engine import render_items
from archcite.styles.csl.positions import CitationFacts, CiteFacts, compute_positions
from archcite.styles.csl.render_state import Position
from archcite.styles.markup import to_plain
from archcite.styles.names import resolve_style
from archcite.styles.types import Locator


def _style(name: str) -> str:
    path = resolve_style(name).path
    assert path is not None
    return str(path)


def _person(family: str, given: str) -> dict[str, str]:
    return {"family": family, "given": given}


GADDIS = [
    {
        "id": "gaddis-2005",
        "type": "book",
        "author": [_person("Gaddis", "John Lewis")],
        "title": "The Cold War: A New History",
        "title-short": "The Cold War",
        "publisher": "Penguin Press",
        "issued": {"date-parts": [[2005]]},
    },
    {
        "id": "gaddis-strategies-2005",
        "type": "book",
        "author": [_person("Gaddis", "John Lewis")],
        "title": "Strategies of Containment",
        "publisher": "Oxford University Press",
        "issued": {"date-parts": [[2005]]},
    },
]


def _cites(items: list[dict[str, Any]], style: str) -> dict[str, tuple[str | None, str | None]]:
    return {r.id: (r.cite and to_plain(r.cite), r.bib and to_plain(r.bib)) for r in render_items(items, _style(style))}


def test_year_suffixes_follow_bibliography_order_in_citations_and_bibliography() -> None:
    rendered = _cites(GADDIS, "chicago-author-date")
    # "Strategies" sorts after "The Cold War" by title, but Chicago sorts by date then title, and
    # citeproc-js gives "Strategies" 2005a (the reference corpus): the bibliography decides.
    assert rendered["gaddis-2005"][0] == "(Gaddis 2005b)"
    assert rendered["gaddis-strategies-2005"][0] == "(Gaddis 2005a)"
    assert rendered["gaddis-strategies-2005"][1] == (
        "Gaddis, John Lewis. 2005a. Strategies of Containment. Oxford University Press."
    )


def test_primary_names_sharing_a_family_name_get_initials() -> None:
    items = [
        {
            "id": "rfk",
            "type": "manuscript",
            "author": [_person("Kennedy", "Robert F.")],
            "title": "Notes",
            "issued": {"date-parts": [[1962]]},
        },
        {
            "id": "jfk",
            "type": "speech",
            "author": [_person("Kennedy", "John F.")],
            "title": "Address",
            "issued": {"date-parts": [[1961]]},
        },
        {
            "id": "bundy",
            "type": "report",
            "author": [_person("Bundy", "McGeorge")],
            "title": "Berlin",
            "issued": {"date-parts": [[1961]]},
        },
    ]
    rendered = _cites(items, "chicago-author-date")
    assert rendered["rfk"][0] == "(R. F. Kennedy 1962)"
    assert rendered["jfk"][0] == "(J. F. Kennedy 1961)"
    assert rendered["bundy"][0] == "(Bundy 1961)"


BEKES = [
    {
        "id": "bekes-2015",
        "type": "book",
        "editor": [_person("Békés", "Csaba"), _person("Borhi", "László"), _person("Ruggenthaler", "Peter")],
        "title": "Soviet Occupation of Romania, Hungary, and Austria",
        "publisher": "Central European University Press",
        "issued": {"date-parts": [[2015]]},
    },
    {
        "id": "bekes-2002",
        "type": "book",
        "editor": [_person("Békés", "Csaba"), _person("Byrne", "Malcolm"), _person("Rainer", "János M.")],
        "title": "The 1956 Hungarian Revolution",
        "publisher": "Central European University Press",
        "issued": {"date-parts": [[2002]]},
    },
]


def test_names_hidden_by_et_al_are_added_until_cites_differ() -> None:
    rendered = _cites(BEKES, "mla")
    assert rendered["bekes-2015"][0] == "(Békés, Borhi, et al.)"
    assert rendered["bekes-2002"][0] == "(Békés, Byrne, et al.)"


def test_disambiguate_condition_fires_only_for_cites_still_ambiguous() -> None:
    items = [
        *GADDIS,
        {
            "id": "zubok",
            "type": "book",
            "author": [_person("Zubok", "Vladislav M.")],
            "title": "A Failed Empire",
            "issued": {"date-parts": [[2007]]},
        },
    ]
    rendered = _cites(items, "mla")
    # The same person wrote both Gaddis books: the MLA style's disambiguate branch adds the title.
    assert rendered["gaddis-2005"][0] == "(Gaddis, The Cold War)"
    assert rendered["gaddis-strategies-2005"][0] == "(Gaddis, Strategies of Containment)"
    assert rendered["zubok"][0] == "(Zubok)"


def test_mla_substitutes_three_em_dashes_for_a_repeated_author() -> None:
    rendered = _cites(GADDIS, "mla")
    # MLA sorts by author, then title: "Strategies" comes first and keeps the name.
    assert rendered["gaddis-strategies-2005"][1] == (
        "Gaddis, John Lewis. Strategies of Containment. Oxford University Press, 2005."
    )
    assert rendered["gaddis-2005"][1] == "———. The Cold War: A New History. Penguin Press, 2005."


NOTE_STYLE = b"""<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><title>Positions</title><id>positions</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation>
    <layout suffix=".">
      <choose>
        <if position="ibid-with-locator">
          <group delimiter=", "><text term="ibid"/><text variable="locator"/></group>
        </if>
        <else-if position="ibid"><text term="ibid"/></else-if>
        <else-if position="near-note"><text variable="title" form="short" prefix="near "/></else-if>
        <else-if position="subsequent"><text variable="title" form="short" prefix="far "/></else-if>
        <else><group delimiter=", "><text variable="title"/><text variable="locator"/></group></else>
      </choose>
    </layout>
  </citation>
</style>
"""

BOOKS = [
    {"id": "a", "type": "book", "title": "Alpha"},
    {"id": "b", "type": "book", "title": "Beta"},
]


def _note(item_id: str, note: int, page: str | None = None, prefix: str = "") -> CitationInput:
    locator = Locator("page", page) if page else None
    return CitationInput([Cite(item_id, locator=locator, prefix=prefix)], note_index=note)


def test_ibid_and_ibid_with_locator_are_capitalised_at_the_start_of_a_note() -> None:
    notes = [_note("a", 1, "5"), _note("a", 2, "5"), _note("a", 3, "9"), _note("a", 4)]
    document = render_document(BOOKS, NOTE_STYLE, notes)
    # A cite without a locator after one with a locator is not ibid (CSL 1.0.2 "position").
    assert document.citations == ["Alpha, 5.", "Ibid.", "Ibid., 9.", "near Alpha."]


def test_ibid_after_a_prefix_stays_lower_case() -> None:
    document = render_document(BOOKS, NOTE_STYLE, [_note("a", 1), _note("a", 2, prefix="See ")])
    assert document.citations == ["Alpha.", "See ibid."]


def test_near_note_depends_on_the_note_distance() -> None:
    notes = [_note("a", 1), _note("b", 2), _note("a", 3), _note("b", 20)]
    document = render_document(BOOKS, NOTE_STYLE, notes)
    assert document.citations == ["Alpha.", "Beta.", "near Alpha.", "far Beta."]


def test_ibid_needs_the_previous_citation_to_cite_only_that_item() -> None:
    two = CitationInput([Cite("a"), Cite("b")], note_index=2)
    document = render_document(BOOKS, NOTE_STYLE, [_note("b", 1), two, _note("b", 3)])
    assert document.citations[2] == "near Beta."


def test_compute_positions_follows_the_csl_rules() -> None:
    def facts(*cites: tuple[str, str | None]) -> CitationFacts:
        return CitationFacts([CiteFacts(key, ("page", page) if page else None) for key, page in cites], None)

    computed = compute_positions(
        [facts(("a", None)), facts(("a", None)), facts(("a", "3")), facts(("a", "3")), facts(("b", None), ("a", None))],
        near_note_distance=5,
    )
    assert [[p.position for p in citation] for citation in computed] == [
        [Position.FIRST],
        [Position.IBID],
        [Position.IBID_WITH_LOCATOR],
        [Position.IBID],
        [Position.FIRST, Position.SUBSEQUENT],
    ]


@pytest.mark.parametrize(("number", "suffix"), [(0, "a"), (1, "b"), (25, "z"), (26, "aa"), (27, "ab"), (51, "az")])
def test_year_suffixes_run_a_to_z_then_aa(number: int, suffix: str) -> None:
    assert year_suffix(number) == suffix


def test_citing_an_unknown_id_is_a_clear_error() -> None:
    from archcite.errors import UnknownNameError

    with pytest.raises(UnknownNameError, match="nope"):
        render_document(BOOKS, NOTE_STYLE, [_note("nope", 1)])


def test_document_reports_the_items_disambiguated_together() -> None:
    from archcite.styles.names import resolve_style

    path = resolve_style("mla").path
    assert path is not None
    notes = [CitationInput([Cite("bekes-2015")]), CitationInput([Cite("bekes-2002")])]
    document = render_document(BEKES, str(path), notes)
    assert [sorted(group) for group in document.ambiguous] == [["bekes-2002", "bekes-2015"]]
    assert document.expanded == {"bekes-2002", "bekes-2015"}


@pytest.mark.parametrize(
    ("rule", "second"),
    [
        ("complete-all", "———. Book B."),
        ("complete-each", "———, ———. Book B."),
        ("partial-each", "———, ———. Book B."),
        ("partial-first", "———, Roe. Book B."),
    ],
)
def test_subsequent_author_substitute_rules(rule: str, second: str) -> None:
    from archcite.styles.csl.author_substitute import substitute_authors

    entries = ["Doe, Roe. Book A.", "Doe, Roe. Book B."]
    names = ["Doe, Roe", "Doe, Roe"]
    assert substitute_authors(entries, names, "———", rule) == ["Doe, Roe. Book A.", second]


def test_partial_substitution_stops_at_the_first_different_name() -> None:
    from archcite.styles.csl.author_substitute import substitute_authors

    entries = ["Doe, Roe. Book A.", "Doe, Poe. Book B."]
    result = substitute_authors(entries, ["Doe, Roe", "Doe, Poe"], "———", "partial-each")
    assert result == ["Doe, Roe. Book A.", "———, Poe. Book B."]


def test_et_al_subsequent_applies_to_names_in_a_macro(render_csl):
    # citeproc-js 2.4.63 with the same style: the cs:citation's et-al-subsequent-* reach the
    # cs:name inside a macro (issue 15, cause 7; ASA and DGPs put their names in macros)
    item = {
        "id": "a",
        "type": "book",
        "issued": {"date-parts": [[1993]]},
        "author": [
            {"family": "Goncharov", "given": "Sergei N."},
            {"family": "Lewis", "given": "John W."},
            {"family": "Xue", "given": "Litai"},
        ],
    }
    [out] = render_csl(
        [item],
        macros='<macro name="author"><names variable="author">'
        '<name form="short" and="symbol" delimiter=", "/></names></macro>',
        citation_attrs='et-al-min="6" et-al-use-first="1" et-al-subsequent-min="3" et-al-subsequent-use-first="1"',
        layout_attrs='prefix="(" suffix=")"',
        cite='<group delimiter=" "><text macro="author"/>'
        '<date variable="issued"><date-part name="year"/></date></group>',
    )
    assert (out.cite, out.cite_sub) == ("(Goncharov, Lewis, &amp; Xue 1993)", "(Goncharov et al. 1993)")


def test_partial_first_compares_whole_names_not_the_text_between_commas() -> None:
    # citeproc-js 2.4.63, MHRA (partial-first): "——, Telegram to James F. Byrnes" after an entry by
    # "Kennan, George F."; "Fursenko, Aleksandr" after "Fursenko, A. A." is a different name
    # (tests/data/reference/styles/mhra-notes.plain.jsonl; issue 15, cause 8).
    from archcite.styles.csl.author_substitute import substitute_authors

    entries = [
        "Kennan, George F., American Diplomacy",
        "Kennan, George F., Telegram to James F. Byrnes",
        "Fursenko, A. A. (ed.), Президиум ЦК КПСС",
        "Fursenko, Aleksandr, and Timothy Naftali, ‘One Hell of a Gamble’",
        "Békés, Csaba, and others (eds), Soviet Occupation",
        "Békés, Csaba, Malcolm Byrne, and János M. Rainer (eds), The 1956 Hungarian Revolution",
    ]
    # (names output, its name lists' part, the names one by one)
    bekes = ("Békés, Csaba", "Malcolm Byrne", "János M. Rainer")
    names = [
        ("Kennan, George F.", "Kennan, George F.", "Kennan, George F."),
        ("Kennan, George F.", "Kennan, George F.", "Kennan, George F."),
        ("Fursenko, A. A. (ed.)", "Fursenko, A. A.", "Fursenko, A. A."),
        (fursenko := "Fursenko, Aleksandr, and Timothy Naftali", fursenko, "Fursenko, Aleksandr", "Timothy Naftali"),
        ("Békés, Csaba, and others (eds)", "Békés, Csaba, and others", *bekes),
        ((all_three := "Békés, Csaba, Malcolm Byrne, and János M. Rainer") + " (eds)", all_three, *bekes),
    ]
    result = substitute_authors(entries, names, "——", "partial-first")
    assert result[1] == "——, Telegram to James F. Byrnes"
    assert result[3] == entries[3]
    assert result[5] == "——, Malcolm Byrne, and János M. Rainer (eds), The 1956 Hungarian Revolution"


def test_a_cite_suffix_ending_in_punctuation_takes_the_delimiters_punctuation() -> None:
    # CSL test suite, affix_WithCommas (citeproc-js): "Smith is one source, Jones is another."
    style = (
        b'<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0"><info><id/><title/>'
        b"<updated>2009-08-10T04:49:00+09:00</updated></info>"
        b'<citation><layout suffix="." delimiter="; "><text variable="title"/></layout></citation></style>'
    )
    items = [{"id": "a", "type": "book", "title": "Smith"}, {"id": "b", "type": "book", "title": "Jones"}]
    cites = [Cite("a", suffix=" is one source,"), Cite("b", suffix=" is another.")]
    document = render_document(items, style, [CitationInput(cites, note_index=1)])
    assert document.citations == ["Smith is one source, Jones is another."]


def test_complete_all_compares_the_names_not_their_label() -> None:
    # citeproc-js 2.4.63 (the CSL suite's sort_SeparateAuthorsAndOthers): the editor's entry after
    # the author's is "——— ed.", the label kept.
    from archcite.styles.csl.author_substitute import substitute_authors

    entries = ["Doe, John. Hello 4.", "Doe, John ed. Hello 1.", "Doe, John. Hello 5."]
    names = [("Doe, John",) * 3, ("Doe, John ed", "Doe, John", "Doe, John"), ("Doe, John",) * 3]
    result = substitute_authors(entries, names, "———", "complete-all")
    assert result == ["Doe, John. Hello 4.", "——— ed. Hello 1.", "———. Hello 5."]


@pytest.mark.parametrize("rule", ["complete-all", "complete-each"])
def test_under_et_al_the_substitute_replaces_names_and_et_al_term_not_the_label(rule: str) -> None:
    # citeproc-js 2.4.63 (render_js.js, journal-of-emerging-investigators, complete-all; the
    # corpus's bekes-et-al-2015 after bekes-byrne-rainer-2002): "---, editors.", where the shown
    # names are all one and the et-al term hides the others (tests/data/reference/unseen3, AD).
    from archcite.styles.csl.author_substitute import substitute_authors

    entries = ["Békés, Csaba, et al., editors. The 1956.", "Békés, Csaba, et al., editors. Soviet."]
    output = ("Békés, Csaba, et al., editors", "Békés, Csaba, et al.", "Békés, Csaba", "Malcolm Byrne")
    result = substitute_authors(entries, [output, output], "---", rule)
    assert result == [entries[0], "---, editors. Soviet."]


BEKES_EDITED = ("bekes-byrne-rainer-2002", "bekes-et-al-2015")
# citeproc-js 2.4.63 (render_js.js, journal-of-emerging-investigators; the corpus's two books)
BEKES_EDITED_ENTRIES = [
    "1) Békés, Csaba, et al., editors. The 1956 Hungarian Revolution: A History in Documents. "
    "Central European University Press, 2002.",
    "2) ---, editors. Soviet Occupation of Romania, Hungary, and Austria 1944/45-1948/49. "
    "Central European University Press, 2015.",
]


def bekes_edited_items() -> list[dict[str, Any]]:
    """The corpus's two books edited by Békés and others (issue AD of tests/data/reference/unseen3)."""
    from tests.styles.conftest import CORPUS

    items = json.loads(CORPUS.read_text(encoding="utf-8"))
    return [next(item for item in items if item["id"] == key) for key in BEKES_EDITED]


def test_the_substitute_keeps_the_label_after_et_al_in_a_rendered_bibliography() -> None:
    rendered = render_items(bekes_edited_items(), _style("journal-of-emerging-investigators"))
    assert [to_plain(entry.bib or "") for entry in rendered] == BEKES_EDITED_ENTRIES


def test_complete_all_compares_the_names_shown_not_the_et_al_term() -> None:
    # citeproc-js 2.4.63 (render_js.js, MLA): "Akrich, Madeleine, et al." shows the one name of the
    # entry before it and is "———."; the next, which shows two names, is not (CSL 1.0.2: "all
    # rendered names"; real records of ../shared/realworld, MLA).
    def person(family: str, given: str) -> dict[str, str]:
        return {"family": family, "given": given}

    akrich, callon, latour = person("Akrich", "Madeleine"), person("Callon", "Michel"), person("Latour", "Bruno")
    items = [
        {"id": "b1", "type": "book", "title": "De-Scription", "author": [akrich], "issued": {"date-parts": [[1992]]}},
        {"id": "b2", "type": "book", "title": "Key to Success", "author": [akrich, callon, latour]}
        | {"issued": {"date-parts": [[2002]]}},
        {"id": "b3", "type": "book", "title": "Key to Success II", "author": [akrich, latour]}
        | {"issued": {"date-parts": [[2003]]}},
    ]
    rendered = _cites(items, "modern-language-association")
    assert [rendered[key][1] for key in ("b1", "b2", "b3")] == [
        "Akrich, Madeleine. De-Scription. 1992.",
        "———. Key to Success. 2002.",
        "Akrich, Madeleine, and Bruno Latour. Key to Success II. 2003.",
    ]


def test_the_author_substitute_compares_names_as_unicode_text() -> None:
    # citeproc-js 2.4.63 (render_js.js, MLA and MHRA): "Kimberlé" with a combining accent (NFD) is
    # the "Kimberlé" of a precomposed é (NFC) of the entry before, as its localeCompare reads them
    # (real records: bbt-mendeley-export, Crenshaw1995 and Crenshaw2019, both styles).
    decomposed, composed = _person("Crenshaw", "Kimberle\u0301"), _person("Crenshaw", "Kimberl\u00e9")
    others = [_person("Harris", "Luke Charles"), _person("HoSang", "Daniel")]
    items = [
        {"id": "c1", "type": "book", "title": "Critical Race Theory", "author": [decomposed]}
        | {"issued": {"date-parts": [[1995]]}},
        {"id": "c2", "type": "book", "title": "Seeing Race Again", "author": [composed, *others]}
        | {"issued": {"date-parts": [[2019]]}},
        {"id": "c3", "type": "book", "title": "On Intersectionality", "author": [decomposed]}
        | {"issued": {"date-parts": [[2020]]}},
    ]
    mla = _cites(items, "modern-language-association")
    assert [mla[key][1] for key in ("c1", "c2", "c3")] == [
        "Crenshaw, Kimberle\u0301. Critical Race Theory. 1995.",
        "\u2014\u2014\u2014. Seeing Race Again. 2019.",
        "\u2014\u2014\u2014. On Intersectionality. 2020.",
    ]
    mhra = _cites(items, "mhra-notes")  # partial-first: the first name alone
    assert [mhra[key][1] for key in ("c1", "c2", "c3")] == [
        "Crenshaw, Kimberle\u0301, Critical Race Theory (1995)",
        "\u2014\u2014, Luke Charles Harris, and Daniel HoSang, Seeing Race Again (2019)",
        "\u2014\u2014, On Intersectionality (2020)",
    ]


def test_an_item_without_an_entry_does_not_part_the_author_substitute() -> None:
    # citeproc-js 2.4.63 (render_js.js, MHRA, whose bibliography prints no manuscript): the book
    # after the article is "——", though the manuscript sorts between them (real records: socbib).
    florida = [{"family": "Florida", "given": "Richard"}]
    items = [
        {"id": "a1", "type": "article-journal", "title": "Bohemia and Economic Geography"}
        | {"container-title": "Journal of Economic Geography", "author": florida, "issued": {"date-parts": [[2002]]}},
        {"id": "a2", "type": "manuscript", "title": "The Geography of Talent", "author": florida}
        | {"issued": {"date-parts": [[2000]]}},
        {"id": "a3", "type": "book", "title": "The Rise of the Creative Class", "publisher": "Basic Books"}
        | {"author": florida, "issued": {"date-parts": [[2002]]}},
    ]
    rendered = _cites(items, "mhra-notes")
    assert [rendered[key][1] for key in ("a1", "a2", "a3")] == [
        "Florida, Richard, ‘Bohemia and Economic Geography’, Journal of Economic Geography, 2002",
        None,
        "——, The Rise of the Creative Class (Basic Books, 2002)",
    ]


# citeproc-js 2.4.63 (render_js.js --locator L, APA) on a book by Gaddis, 2005: a locator is
# plural only when CSL's separators join its numbers; "3:16" (a verse) and "12/13" are one.
@pytest.mark.parametrize(
    ("locator", "expected"),
    [
        ("3:16", "(Gaddis, 2005, p. 3:16)"),
        ("12/13", "(Gaddis, 2005, p. 12/13)"),
        ("3 & 5", "(Gaddis, 2005, pp. 3 & 5)"),
        ("10 and 12", "(Gaddis, 2005, pp. 10 and 12)"),
        ("33 n. 4", "(Gaddis, 2005, p. 33 n. 4)"),
    ],
)
def test_a_locator_is_plural_only_for_several_numbers(locator: str, expected: str) -> None:
    (rendered,) = render_items([GADDIS[1]], _style("apa"), locator=Locator("page", locator))
    assert rendered.cite is not None
    assert to_plain(rendered.cite) == expected


def _same_author_items(dates: str) -> list[dict[str, Any]]:
    author = [{"family": "Doe", "given": "J"}]
    return [
        {"id": key, "type": "book", "title": key, "author": author, dates: {"date-parts": [[2014, 10, 28]]}}
        for key in "ab"
    ]


def test_a_year_suffix_takes_the_year_date_parts_affixes(render_csl) -> None:
    # citeproc-js 2.4.63: "J Doe (2014)(a)", the suffix a number of its own with the year's affixes
    cite = (
        '<names variable="author"/><date variable="issued" prefix=" ">'
        '<date-part name="year" prefix="(" suffix=")"/></date>'
    )
    out = render_csl(_same_author_items("issued"), cite=cite, citation_attrs='disambiguate-add-year-suffix="true"')
    assert [r.cite for r in out] == ["J Doe (2014)(a)", "J Doe (2014)(b)"]


def test_an_undated_items_year_suffix_follows_the_accessed_year_not_the_no_date_term(render_csl) -> None:
    # citeproc-js 2.4.63 (iso690-author-date-de's pattern): "J Doe no date [ 28 October 2014 a]"
    cite = (
        '<names variable="author"/><text term="no date" prefix=" "/><date variable="accessed" prefix=" [" suffix="]">'
        '<date-part name="day" prefix="&#160;"/><date-part name="month" prefix="&#160;"/>'
        '<date-part name="year" prefix="&#160;"/></date>'
    )
    out = render_csl(_same_author_items("accessed"), cite=cite, citation_attrs='disambiguate-add-year-suffix="true"')
    nbsp = "\u00a0"
    assert [r.cite for r in out] == [f"J Doe no date [{nbsp}28{nbsp}October{nbsp}2014{nbsp}{s}]" for s in "ab"]


def test_a_term_that_opens_a_bibliography_entry_is_capitalised(render_csl) -> None:
    # citeproc-js 2.4.63: "(N.d.)." when the term is the first thing the entry prints, its
    # group's prefix notwithstanding; "T. (n.d.)." after a title; the in-text cite keeps "n.d."
    bib = (
        '<group delimiter=". " suffix="."><text variable="title"/>'
        '<group prefix="(" suffix=")"><text term="no date" form="short"/></group></group>'
    )
    items = [{"id": "a", "type": "book"}, {"id": "b", "type": "book", "title": "T"}]
    out = render_csl(items, cite='<text term="no date" form="short"/>', bib=bib)
    assert [(r.cite, r.bib) for r in out] == [("n.d.", "(N.d.)."), ("n.d.", "T. (n.d.).")]
