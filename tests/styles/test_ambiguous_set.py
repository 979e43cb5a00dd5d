"""Sets of ambiguous cites walked as citeproc-js walks them (styles/csl/ambiguous_set.py).

Every expected string is citeproc-js 2.4.63's output for the same items
(shared/reference/tools/render_js.js, the locales of citeproc-py), not archcite's.
"""

from __future__ import annotations

from typing import Any

import pytest

from archcite.styles.csl.engine import render_items
from archcite.styles.markup import to_light, to_plain
from archcite.styles.names import resolve_style


def _person(family: str, given: str, suffix: str | None = None) -> dict[str, str]:
    return {"family": family, "given": given} | ({"suffix": suffix} if suffix else {})


def _rendered(items: list[dict[str, Any]], style: str) -> dict[str, tuple[str, str]]:
    path = resolve_style(style).path
    assert path is not None
    return {r.id: (to_plain(r.cite or ""), to_plain(r.bib or "")) for r in render_items(items, str(path))}


def _article(key: str, title: str, year: int, *names: dict[str, str], role: str = "author") -> dict[str, Any]:
    return {"id": key, "type": "article-journal", role: list(names), "title": title, "issued": {"date-parts": [[year]]}}


HARAWAY = [
    _article("haraway-cradle", "A Game of Cat's Cradle", 1994, _person("Haraway", "Donna Jeanne")),
    _article("haraway-cyborgs", "A Manifesto for Cyborgs", 1985, _person("Haraway", "D.")),
    {**_article("haraway-primate", "Primate Visions", 1989, _person("Haraway", "D. J.")), "type": "book"},
    {
        **_article("haraway-simians", "Simians, Cyborgs and Women", 1991, _person("Haraway", "Donna Jeanne")),
        "type": "book",
    },
    {**_article("haraway-monsters", "The Promises of Monsters", 1992, _person("Haraway", "Donna")), "type": "chapter"},
]


ETZIONI = [
    _article(
        "etzioni-1992",
        "An Approach to Planning with Incomplete Information",
        1992,
        *(_person(*name) for name in (("Etzioni", "Oren"), ("Hanks", "Steve"), ("Weld", "Daniel S."))),
        *(_person(*name) for name in (("Draper", "Denise"), ("Lesh", "Neal"), ("Williamson", "Mike"))),
    ),
    {
        **_article(
            "etzioni-agents",
            "Software Agents",
            1994,
            *(_person(*name) for name in (("Etzioni", "Oren"), ("Maes", "Pattie"), ("Mitchell", "Tom"))),
            _person("Shoham", "Yoav"),
            role="editor",
        ),
        "type": "book",
    },
    _article(
        "etzioni-softbots",
        "Building Softbots for UNIX",
        1993,
        *(_person(*name) for name in (("Etzioni", "Oren"), ("Lesh", "Neal"), ("Segal", "Richard"))),
    ),
    _article(
        "etzioni-1994",
        "Tractable Closed World Reasoning",
        1994,
        *(_person(*name) for name in (("Etzioni", "Oren"), ("Golden", "Keith"), ("Weld", "Daniel"))),
    ),
    _article(
        "etzioni-1997",
        "Sound and Efficient Closed-World Reasoning",
        1997,
        *(_person(*name) for name in (("Etzioni", "Oren"), ("Golden", "Keith"), ("Weld", "Daniel S."))),
    ),
]


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        # The initials split the five cites in two sets; "D. Haraway" and "Donna Haraway" differ
        # once the full given names are tried, but their set goes on to the title (MLA's
        # disambiguate condition) with the initials that split it; "D. J. Haraway" was settled alone.
        (
            HARAWAY,
            {
                "haraway-cradle": "(Donna Jeanne Haraway, A Game of Cat’s Cradle)",
                "haraway-cyborgs": "(D. Haraway, A Manifesto for Cyborgs)",
                "haraway-primate": "(D. J. Haraway)",
                "haraway-simians": "(Donna Jeanne Haraway, Simians, Cyborgs and Women)",
                "haraway-monsters": "(Donna Haraway, The Promises of Monsters)",
            },
        ),
        # One configuration for the whole set: the given names of each name added are tried
        # before the next name; a cite settled keeps what the set reached, and a cite with fewer
        # names lowers the number of names the next cites of the scan are shown with.
        (
            ETZIONI,
            {
                "etzioni-1992": "(Etzioni, Steve Hanks, D. S. Weld, et al.)",
                "etzioni-agents": "(Etzioni, Pattie Maes, T. Mitchell, et al.)",
                "etzioni-softbots": "(Etzioni, Neal Lesh, and R. Segal)",
                "etzioni-1994": "(Etzioni, Golden, and D. Weld)",
                "etzioni-1997": "(Etzioni, Golden, and D. S. Weld)",
            },
        ),
    ],
    ids=["title-after-initials", "names-with-given-names"],
)
def test_a_set_of_ambiguous_cites_is_walked_as_citeproc_js_walks_it(
    items: list[dict[str, Any]], expected: dict[str, str]
) -> None:
    cites = {key: cite for key, (cite, _bib) in _rendered(items, "modern-language-association").items()}
    assert cites == expected


PRIMARY = [
    _article("crosby-2002", "A Good Try", 2002, _person("Crosby", "Alfred W.")),
    {**_article("crosby-2004", "Ecological Imperialism", 2004, _person("Crosby", "Alfred W")), "type": "book"},
    {"id": "maccallum-ii", "type": "book", "author": [_person("MacCallum", "T.", "II")], "title": "Letters"},
    {"id": "maccallum-iii", "type": "book", "author": [_person("MacCallum", "T.", "III")], "title": "Papers"},
]


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (
            "chicago-author-date",
            {
                "crosby-2002": ("(Crosby 2002)", "Crosby, Alfred W. 2002. A Good Try."),
                "crosby-2004": ("(Crosby 2004)", "Crosby, Alfred W. 2004. Ecological Imperialism."),
                "maccallum-ii": ("(MacCallum, n.d.-a)", "MacCallum, T., II. n.d.-a. Letters."),
                "maccallum-iii": ("(MacCallum, n.d.-b)", "MacCallum, T., III. n.d.-b. Papers."),
            },
        ),
        (
            "apa",
            {
                "crosby-2002": ("(Crosby, 2002)", "Crosby, A. W. (2002). A Good Try."),
                "crosby-2004": ("(Crosby, 2004)", "Crosby, A. W. (2004). Ecological Imperialism."),
                "maccallum-ii": ("(MacCallum, n.d.-a)", "MacCallum, T., II. (n.d.-a). Letters."),
                "maccallum-iii": ("(MacCallum, n.d.-b)", "MacCallum, T., III. (n.d.-b). Papers."),
            },
        ),
    ],
)
def test_primary_name_rules_add_no_given_names_to_a_set_and_a_name_is_one_person_however_written(
    style: str, expected: dict[str, tuple[str, str]]
) -> None:
    # "Alfred W." and "Alfred W" are one person, so no initials; "T. MacCallum II" and "III" are
    # one name to the primary-name rules (a suffix is no given name), so a year suffix.
    assert _rendered(PRIMARY, style) == expected


def _hobbs(key: str, kind: str, third: tuple[str, str], fourth: tuple[str, str], given: str) -> dict[str, Any]:
    authors = [_person("Hobbs", given), _person("Stickel", "Mark"), _person(*third), _person(*fourth)]
    return {"id": key, "type": kind, "title": "Interpretation as abduction", "author": authors}


HOBBS = [
    _hobbs("Hobbs:88", "paper-conference", ("Martin", "Paul"), ("Edwards", "Douglas"), "Jerry R.")
    | {"container-title": "ACL-88", "issued": {"date-parts": [[1988]]}, "page": "95-103"},
    _hobbs("Hobbs:IasATR", "report", ("Edwards", "Douglas"), ("Martin", "Paul"), "Jerry R.")
    | {"issued": {"date-parts": [[1990, 12]]}, "number": "499", "publisher": "SRI International"},
    _hobbs("hobbs-etal:1993a", "article-journal", ("Appelt", "Douglas"), ("Martin", "Paul"), "Jerry")
    | {"container-title": "Artificial Intelligence", "issued": {"date-parts": [[1993]]}, "volume": "63"},
]


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (
            "modern-language-association",
            {
                "Hobbs:88": "(J. R. Hobbs, Stickel, Martin, et al.)",
                "Hobbs:IasATR": "(J. R. Hobbs, Stickel, Edwards, et al.)",
                "hobbs-etal:1993a": "(J. Hobbs et al.)",
            },
        ),
        # The short notes differ only in the report's title in italics and the papers' in
        # quotation marks: one ambiguous cite to citeproc-js, which compares cites without their
        # decorations. A note style with disambiguate conditions walks the set again as each item
        # is first cited, from what the walk before settled: the 1993 article takes the names too.
        (
            "chicago-notes-bibliography",
            {
                "Hobbs:88": "Jerry R. Hobbs, Mark Stickel, Paul Martin, et al., “Interpretation as Abduction,”"
                " ACL-88, 1988, 95–103.",
                "Hobbs:IasATR": "Jerry R. Hobbs, Mark Stickel, Douglas Edwards, et al., Interpretation as Abduction,"
                " no. 499 (SRI International, 1990).",
                "hobbs-etal:1993a": "Jerry Hobbs, Mark Stickel, Douglas Appelt, et al., “Interpretation as Abduction,”"
                " Artificial Intelligence 63 (1993).",
            },
        ),
    ],
)
def test_cites_differing_only_in_formatting_are_ambiguous_and_a_note_style_walks_again(
    style: str, expected: dict[str, str]
) -> None:
    assert {key: cite for key, (cite, _bib) in _rendered(HOBBS, style).items()} == expected


HAYES = [
    _article("Hayes:77", "On semantic nets, frames and associations", 1977, _person("Hayes", "Philip J.")),
    _article("Hayes:77a", "In defense of logic", 1977, _person("Hayes", "Patrick J.")),
]


def test_the_bibliography_shows_the_given_names_the_cites_were_given() -> None:
    # Harvard's entries initialise given names; the cites needed them in full, and citeproc-js
    # prints the entries with them.
    assert _rendered(HAYES, "harvard-cite-them-right") == {
        "Hayes:77": ("(Philip J. Hayes, 1977)", "Hayes, Philip J. (1977) “On semantic nets, frames and associations.”"),
        "Hayes:77a": ("(Patrick J. Hayes, 1977)", "Hayes, Patrick J. (1977) “In defense of logic.”"),
    }


OWN_NAMES = [
    {**_article("tilly-1997", "Work under capitalism", 1997, _person("Tilly", "Chris"), _person("Tilly", "Charles"))},
    {
        **_article("christensen-2006", "Bysystem og urbanisme", 2006, _person("Christensen", "Søren Bitch")),
        "type": "chapter",
        "editor": [_person("Christensen", "Søren Bitsch")],
        "container-title": "Den moderne by",
    },
]


def test_names_of_one_item_with_the_same_initials_are_written_in_full_where_given_names_show() -> None:
    # Harvard initialises given names in its entries; two names of one item that share family
    # name and initials print in full, in the entry only (the cite's short names stay), and an
    # editor is compared with the author printed before it, not the author with the editor.
    assert _rendered(OWN_NAMES, "harvard-cite-them-right") == {
        "tilly-1997": ("(Tilly and Tilly, 1997)", "Tilly, Chris and Tilly, Charles (1997) “Work under capitalism.”"),
        "christensen-2006": (
            "(Christensen, 2006)",
            "Christensen, S.B. (2006) “Bysystem og urbanisme,” in Søren Bitsch Christensen (ed.) Den moderne by.",
        ),
    }


FURSENKO_NAMES = [
    {
        "id": "a",
        "type": "book",
        "title": "One Hell",
        "author": [_person("Fursenko", "Aleksandr"), _person("Naftali", "Timothy")],
    }
    | {"issued": {"date-parts": [[1997]]}},
    {"id": "b", "type": "book", "title": "Prezidium", "author": [_person("Fursenko", "Andrei")]}
    | {"issued": {"date-parts": [[1997]]}},
]


# citeproc-js 2.4.63 (render_js.js --format light) on the same two items and cs:name: a given name
# added to a short name prints the name as a long name, inverted where name-as-sort-order says,
# each part with its own cs:name-part's formatting (issue AA of tests/data/reference/unseen3:
# "FURSENKO, Aleksandr" in associacao-brasileira-de-normas-tecnicas-eceme).
@pytest.mark.parametrize(
    ("order", "expected"),
    [
        (
            'name-as-sort-order="all" sort-separator=", "',
            ["(FURSENKO, <i>Aleksandr</i> and NAFTALI 1997)", "(FURSENKO, <i>Andrei</i> 1997)"],
        ),
        (
            'name-as-sort-order="first" sort-separator=", "',
            ["(FURSENKO, <i>Aleksandr</i> and NAFTALI 1997)", "(FURSENKO, <i>Andrei</i> 1997)"],
        ),
        ("", ["(<i>Aleksandr</i> FURSENKO and NAFTALI 1997)", "(<i>Andrei</i> FURSENKO 1997)"]),
    ],
)
def test_a_given_name_added_to_a_short_name_prints_it_long_with_its_parts_formatting(
    render_csl: Any, order: str, expected: list[str]
) -> None:
    rendered = render_csl(
        FURSENKO_NAMES,
        cite=f'<group delimiter=" "><names variable="author"><name form="short" {order} delimiter=" e " and="text">'
        '<name-part name="family" text-case="uppercase"/><name-part name="given" font-style="italic"/></name>'
        '</names><date variable="issued"><date-part name="year"/></date></group>',
        citation_attrs='disambiguate-add-givenname="true" givenname-disambiguation-rule="primary-name"',
        layout_attrs='prefix="(" suffix=")"',
    )
    assert [to_light(entry.cite or "") for entry in rendered] == expected


def test_with_initials_rules_add_initials_also_without_initialize_with(render_csl: Any) -> None:
    # CSL 1.0.2: under "*-with-initials" given names "are limited to initials"; citeproc-js writes
    # them with the cs:name's initialize-with, else "" (civitas-revista-de-ciencias-sociais)
    items = [
        {"id": "a", "type": "book", "title": "A", "author": [_person("Jensen", "Bernard Eric")]},
        {"id": "b", "type": "book", "title": "B", "author": [_person("Jensen", "Casper Bruun")]},
    ]
    for item, year in zip(items, (2004, 2006), strict=True):
        item["issued"] = {"date-parts": [[year]]}
    first, second = render_csl(
        items,
        citation_attrs='disambiguate-add-givenname="true" givenname-disambiguation-rule="primary-name-with-initials"',
        cite='<group delimiter=", "><names variable="author"><name form="short" name-as-sort-order="all"'
        ' sort-separator=", "/></names><date variable="issued"><date-part name="year"/></date></group>',
    )
    assert (first.cite, second.cite) == ("Jensen, BE, 2004", "Jensen, CB, 2006")


def _six_authors() -> list[dict[str, Any]]:
    def person(family: str) -> dict[str, str]:
        return {"family": family, "given": "A"}

    first = [person("One"), person("Two"), person("Three")]
    return [
        {"id": "a", "type": "book", "title": "T", "issued": {"date-parts": [[2000]]}}
        | {"author": [*first, person("Four"), person("Seven"), person("Eight")]},
        {"id": "b", "type": "book", "title": "U", "issued": {"date-parts": [[2000]]}}
        | {"author": [*first, person("Five"), person("Six"), person("Nine")]},
    ]


_CITE = (
    '<group delimiter=" "><names variable="author"><name form="short"/></names>'
    '<date variable="issued"><date-part name="year"/></date></group>'
)
_BIB = '<group delimiter=". "><names variable="author"><name/></names><text variable="title"/></group>'


def test_names_added_to_the_cites_show_in_the_bibliography_with_given_names_added_too(render_csl) -> None:
    # citeproc-js 2.4.63 (render_js.js, this style): with disambiguate-add-givenname its entries take
    # the names its cites were given (MLA's "Békés, Csaba, Malcolm Byrne, et al."), and under
    # et-al-use-last at most et-al-min minus two before "… last" (its _imposeNameConstraints)
    citation = 'disambiguate-add-names="true" disambiguate-add-givenname="true" et-al-min="3" et-al-use-first="1"'
    plain = render_csl(
        _six_authors(),
        citation_attrs=citation,
        cite=_CITE,
        bib=_BIB,
        bibliography_attrs='et-al-min="3" et-al-use-first="1"',
    )
    assert [(to_plain(r.cite or ""), to_plain(r.bib or "")) for r in plain] == [
        ("One, Two, Three, Four, et al. 2000", "A One, A Two, A Three, A Four, et al. T"),
        ("One, Two, Three, Five, et al. 2000", "A One, A Two, A Three, A Five, et al. U"),
    ]
    last = render_csl(
        _six_authors(),
        citation_attrs=citation,
        cite=_CITE,
        bib=_BIB,
        bibliography_attrs='et-al-min="5" et-al-use-first="1" et-al-use-last="true"',
    )
    assert [to_plain(r.bib or "") for r in last] == [
        "A One, A Two, A Three, … A Eight. T",
        "A One, A Two, A Three, … A Nine. U",
    ]


def test_names_added_to_tell_cites_apart_stay_out_of_the_bibliography(render_csl) -> None:
    # citeproc-js 2.4.63 (render_js.js, this style): disambiguate-add-names alone shows the third
    # name in the cites ("ambiguous cites", CSL 1.0.2), and the entries keep their own et-al
    def person(family: str) -> dict[str, str]:
        return {"family": family, "given": "A"}

    items = [
        {"id": "a", "type": "book", "title": "T", "issued": {"date-parts": [[2000]]}}
        | {"author": [person("One"), person("Two"), person("Three"), person("Four")]},
        {"id": "b", "type": "book", "title": "U", "issued": {"date-parts": [[2000]]}}
        | {"author": [person("One"), person("Two"), person("Five"), person("Six")]},
    ]
    rendered = render_csl(
        items,
        citation_attrs='disambiguate-add-names="true" et-al-min="3" et-al-use-first="1"',
        cite='<group delimiter=" "><names variable="author"><name form="short"/></names>'
        '<date variable="issued"><date-part name="year"/></date></group>',
        bibliography_attrs='et-al-min="3" et-al-use-first="1"',
        bib='<group delimiter=". "><names variable="author"><name/></names><text variable="title"/></group>',
    )
    assert [(to_plain(r.cite or ""), to_plain(r.bib or "")) for r in rendered] == [
        ("One, Two, Three, et al. 2000", "A One et al. T"),
        ("One, Two, Five, et al. 2000", "A One et al. U"),
    ]
