"""Readers take what real bibliographies contain, each rule as one case: a small file and the fields
it reads as. The expected values are pandoc 3's readings (the second test runs pandoc on the same
file and checks them), except where marked: there the biblatex manual or the RIS specification
says what the value is, and pandoc reads it otherwise (docs/mapping-differences.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from archcite.errors import InputError
from archcite.records.io import load_sources
from tests.records.reading_helpers import pandoc_first_item, write_case

# (name, format, file text, expected fields of the first record, pandoc reads it the same)
CASES: list[tuple[str, str, str, dict[str, Any], bool]] = [
    (
        "field-names-in-any-case",
        "bibtex",
        "@Article{a, Author = {Doe, Jane}, TITLE = {On Archives}, Journal = {J}, Year = 2001}",
        {"author": [{"family": "Doe", "given": "Jane"}], "title": "On archives", "container-title": "J"},
        True,
    ),
    (
        "string-macros-and-concatenation",
        "bibtex",
        '@string{dtv = {dtv}}\n@STRING{wdg = "Walter de Gruyter"}\n'
        "@book{a, title={T}, publisher = dtv # { and } # wdg}",
        {"publisher": "dtv and Walter de Gruyter"},
        True,
    ),
    (
        "string-in-parentheses",  # BibTeX allows @string(...) and @book(...); pandoc refuses the file
        "bibtex",
        '@STRING(wdg = "Walter de Gruyter")\n@book(a, title={T}, publisher = wdg)',
        {"publisher": "Walter de Gruyter"},
        False,
    ),
    (
        "crossref-book-lends-its-title-as-booktitle",
        "biblatex",
        "@inbook{c, crossref={b}, title={Chapter}, pages={1--2}}\n"
        "@book{b, title={The Book}, author={Doe, Jane}, editor={Roe, Rita}, publisher={P}, date={2001}}",
        {
            "type": "chapter",
            "title": "Chapter",
            "container-title": "The book",
            "container-author": [{"family": "Doe", "given": "Jane"}],
            "editor": [{"family": "Roe", "given": "Rita"}],
            "publisher": "P",
            "issued": {"date-parts": [[2001]]},
        },
        True,
    ),
    (
        "xdata-lends-every-field",
        "biblatex",
        "@xdata{x, publisher={P}, location={L}}\n@book{a, xdata={x}, title={T}}",
        {"publisher": "P", "publisher-place": "L"},
        True,
    ),
    (
        "latex-to-unicode-and-italics",
        "biblatex",
        "@book{a, langid={ngerman}, title={{\\\"U}ber das \\emph{Buch} -- {\\'E}tudes}}",
        {"title": "Über das <i>Buch</i> – Études", "language": "de-DE"},
        True,
    ),
    (
        "protected-words-keep-their-case",
        "bibtex",
        "@book{a, title={The {NASA} Mission to {Mars} and the {Kennedy} Years}}",
        {"title": "The NASA mission to Mars and the Kennedy years"},
        True,
    ),
    (
        "tex-quotations-are-quotations",
        "bibtex",
        "@article{a, title={The Meaning of `Theory' and ``Practice''}}",
        {"title": "The meaning of “theory” and “practice”"},
        True,
    ),
    (
        "a-lower-case-name-with-digits-starts-a-title-as-written",
        "bibtex",
        "@book{a, title={ggplot2: Elegant Graphics for Data Analysis}}",
        {"title": "ggplot2: Elegant graphics for data analysis"},
        True,
    ),
    (
        "words-with-digits-keep-their-case",
        "bibtex",
        "@article{a, title={Burst Properties of SGR J1935+2154 on the Space T1,1}}",
        {"title": "Burst properties of SGR J1935+2154 on the space T1,1"},
        True,
    ),
    (
        "url-verbatim",
        "bibtex",
        "@misc{a, title={T}, note={See \\url{http://a.org/x_y~z}}}",
        {"note": "See http://a.org/x_y~z"},
        True,
    ),
    (
        "wrapped-values-on-one-line",
        "bibtex",
        "@book{a, title={A Title Wrapped\n        over Two Lines}, publisher={Alfred\n   Knopf}}",
        {"title": "A title wrapped over two lines", "publisher": "Alfred Knopf"},
        True,
    ),
    (
        "subtitle-and-titleaddon",
        "biblatex",
        "@book{a, title={Main}, subtitle={The Sub}, titleaddon={Addon}}",
        {"title": "Main: The sub. Addon", "title-short": "Main"},
        True,
    ),
    (
        "maintitle-of-a-volume",
        "biblatex",
        "@book{a, maintitle={Collected Works}, title={The First Volume}, volume={1}}",
        {"title": "Collected works", "volume-title": "The first volume", "volume": "1"},
        True,
    ),
    (
        "number-and-issue-of-an-article",
        "biblatex",
        "@article{a, title={T}, journaltitle={J}, number={3}, issue={Spring}}",
        {"issue": "3, Spring"},
        True,
    ),
    (
        "organization-is-a-publisher",
        "biblatex",
        "@manual{a, title={T}, organization={UNESCO}}",
        {"publisher": "UNESCO"},
        True,
    ),
    (
        "eprint-as-url",
        "biblatex",
        "@online{a, title={T}, eprint={1234.5678}, eprinttype={arXiv}}",
        {"URL": "https://arxiv.org/abs/1234.5678"},
        True,
    ),
    (
        "archiveprefix-is-eprinttype",
        "bibtex",
        "@article{a, title={T}, eprint={2101.00001}, archivePrefix={arXiv}}",
        {"URL": "https://arxiv.org/abs/2101.00001"},
        True,
    ),
    (
        "biblatex-extended-name-format",
        "biblatex",
        "@book{a, title={T}, author={family=Goethe, given=Johann Wolfgang, prefix=von, useprefix=true}}",
        {"author": [{"family": "Goethe", "given": "Johann Wolfgang", "non-dropping-particle": "von"}]},
        True,
    ),
    (
        "a-control-word-after-and-starts-the-next-name",  # \O is Ø, not lost at the "and" before it
        "bibtex",
        "@book{a, title={T}, author={P. {\\'A}smundsson and \\O. Bentdal}}",
        {"author": [{"family": "Ásmundsson", "given": "P."}, {"family": "Bentdal", "given": "Ø."}]},
        True,
    ),
    (
        "small-capitals-keep-the-case-written",  # \textsc{aids}: lower-case letters printed as capitals
        "bibtex",
        "@book{a, title={Blood Feuds: \\textsc{aids}, Blood, and \\textsc{Unos}}}",
        {
            "title": 'Blood feuds: <span style="font-variant:small-caps;">aids</span>, blood, and '
            '<span style="font-variant:small-caps;">Unos</span>'
        },
        True,
    ),
    (
        "trailing-comma-in-a-name",
        "bibtex",
        "@book{a, title={T}, author={Dawson, and Smith, Ann}}",
        {"author": [{"family": "Dawson"}, {"family": "Smith", "given": "Ann"}]},
        True,
    ),
    (
        "von-part-is-a-dropping-particle",
        "biblatex",
        "@book{a, title={T}, author={von Goethe, Johann and de la Fontaine, Jean}}",
        {
            "author": [
                {"family": "Goethe", "given": "Johann", "dropping-particle": "von"},
                {"family": "Fontaine", "given": "Jean", "dropping-particle": "de la"},
            ]
        },
        True,
    ),
    (
        "von-part-in-bibtex-too",
        "bibtex",
        "@book{a, title={T}, author={van Gogh, Vincent}}",
        {"author": [{"family": "Gogh", "given": "Vincent", "dropping-particle": "van"}]},
        True,
    ),
    (
        "useprefix-option-makes-it-non-dropping",
        "biblatex",
        "@book{a, title={T}, author={van Gogh, Vincent}, options={useprefix}}",
        {"author": [{"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"}]},
        True,
    ),
    (
        "a-names-useprefix-decides-for-it",
        "biblatex",
        "@book{a, title={T}, options={useprefix=true}, "
        "author={family=Goethe, given=Johann, prefix=von, useprefix=false and van Gogh, Vincent}}",
        {
            "author": [
                {"family": "Goethe", "given": "Johann", "dropping-particle": "von"},
                {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"},
            ]
        },
        True,
    ),
    (
        "a-counter-prints-no-counter-name",
        "biblatex",
        "@book{a, title={T}, annotation={With \\arabic{author} authors}}",
        {"annote": "With  authors"},  # the spaces on either side kept, as pandoc keeps them
        True,
    ),
    ("video", "biblatex", "@video{a, title={T}}", {"type": "motion_picture"}, True),
    ("artwork", "biblatex", "@artwork{a, title={T}}", {"type": "graphic"}, True),
    ("audio", "biblatex", "@audio{a, title={T}}", {"type": "song"}, True),
    ("legislation", "biblatex", "@legislation{a, title={T}}", {"type": "legislation"}, True),
    (
        "edtf-unspecified-and-approximate",
        "biblatex",
        "@book{a, title={T}, date={20uu}, origdate={1723?~}}",
        {"issued": {"date-parts": [[2000], [2099]]}, "original-date": {"date-parts": [[1723]], "circa": True}},
        True,
    ),
    (
        "ris-a1-and-au-both-authors",
        "ris",
        "TY  - BOOK\nID  - a\nA1  - Doe, Jane\nAU  - Roe, Rita\nTI  - T\nER  - \n",
        {"author": [{"family": "Doe", "given": "Jane"}, {"family": "Roe", "given": "Rita"}]},
        True,
    ),
    (
        "ris-place-published",
        "ris",
        "TY  - BOOK\nID  - a\nTI  - T\nPP  - Amsterdam\nER  - \n",
        {"publisher-place": "Amsterdam"},
        True,
    ),
]
IDS = [case[0] for case in CASES]


@pytest.mark.parametrize(("name", "fmt", "text", "expected", "as_pandoc"), CASES, ids=IDS)
def test_archcite_reads_it(
    name: str, fmt: str, text: str, expected: dict[str, Any], as_pandoc: bool, tmp_path: Path
) -> None:
    record = load_sources([str(write_case(tmp_path, name, fmt, text))], fmt=fmt).records[0]
    assert {field: record.fields.get(field) for field in expected} == expected


@pytest.mark.parametrize(
    ("name", "fmt", "text", "expected", "as_pandoc"), [c for c in CASES if c[4]], ids=[c[0] for c in CASES if c[4]]
)
def test_pandoc_reads_it_so_too(
    name: str, fmt: str, text: str, expected: dict[str, Any], as_pandoc: bool, tmp_path: Path
) -> None:
    item = pandoc_first_item(write_case(tmp_path, name, fmt, text), fmt)
    assert {field: item.get(field) for field in expected} == expected


def test_ris_entries_sharing_an_id_are_all_read(tmp_path: Path) -> None:
    text = "TY  - BOOK\nID  - x\nTI  - One\nER  - \n\nTY  - BOOK\nID  - x\nTI  - Two\nER  - \n"
    result = load_sources([str(write_case(tmp_path, "twice", "ris", text))])
    assert [(r.id, r.fields["title"]) for r in result.records] == [("x", "One"), ("x-2", "Two")]
    assert [w.message for w in result.warnings] == ["ID 'x' is also the ID of the entry at line 1; read as 'x-2'"]


def test_ris_entry_repeating_an_earlier_one_is_read_once(tmp_path: Path) -> None:
    entry = "TY  - BOOK\nID  - x\nTI  - One\nER  - \n\n"
    result = load_sources([str(write_case(tmp_path, "again", "ris", entry * 2))])
    assert [(r.id, r.fields["title"]) for r in result.records] == [("x", "One")]
    assert [w.message for w in result.warnings] == [
        "has the ID of the entry at line 1 and nothing that entry lacks; read once"
    ]


# Mendeley and hand-merged libraries reuse keys (four of the real-world libraries do, 216 entries):
# BibTeX and biber cite the first entry of a key and pandoc reads them all; refusing the file, or
# leaving an entry out, lost a library or a work.
REPEATED_KEYS = """@book{x, title = {One}, year = 2000}
@article{x, title = {Two}, journal = {J}, year = 2001}
@book{y, title = {Three}, year = 2002, edition = {2}}
@book{y, title = {Three}, year = {2002}, editor = {}}
@incollection{z, crossref = {x}, title = {Part}}
@book{x, title = {Four}}
@book{x-2, title = {Five}}
"""


def test_bibtex_entries_sharing_a_key_are_each_read_under_a_key_of_their_own(tmp_path: Path) -> None:
    result = load_sources([str(write_case(tmp_path, "again", "bibtex", REPEATED_KEYS))])
    assert [(r.id, r.fields["title"]) for r in result.records] == [
        ("x", "One"),
        ("x-2", "Two"),
        ("y", "Three"),  # the second y adds nothing (an empty editor): read once
        ("z", "Part"),
        ("x-3", "Four"),
        ("x-2-2", "Five"),
    ]
    # A crossref to a repeated key names the first entry, as in BibTeX and biber.
    assert result.records[3].fields["issued"] == {"date-parts": [[2000]]}
    assert [str(w.origin.line if w.origin else "") + ": " + w.message for w in result.warnings] == [
        "2: key 'x' is also the key of the entry at line 1; read as 'x-2'",
        "4: has the key of the entry at line 3 and nothing that entry lacks; read once",
        "6: key 'x' is also the key of the entry at line 1; read as 'x-3'",
        "7: key 'x-2' is also the key of the entry at line 2; read as 'x-2-2'",
    ]


def test_csl_yaml_list_dates_read_as_ranges(tmp_path: Path) -> None:
    # As Better BibTeX and pandoc before 2.11 write CSL-YAML.
    path = tmp_path / "refs.yaml"
    path.write_text(
        "references:\n- id: a\n  type: book\n  title: T\n  issued:\n  - year: 2014\n    month: 12\n  - year: 2015\n"
        "  accessed:\n  - year: 2017\n    month: 6\n    day: 29\n",
        encoding="utf-8",
    )
    record = load_sources([str(path)], fmt="cslyaml").records[0]
    assert record.fields["issued"] == {"date-parts": [[2014, 12], [2015]]}
    assert record.fields["accessed"] == {"date-parts": [[2017, 6, 29]]}


def test_csl_yaml_list_of_one_literal_date_is_that_date(tmp_path: Path) -> None:
    # Better BibTeX's YAML (realworld bbt-seasons-860.yaml) writes a date it cannot split as a list
    # of one literal; its CSL-JSON of the same library has {"literal": "2017-14/2017-99"}.
    path = tmp_path / "refs.yaml"
    path.write_text(
        "- id: a\n  type: webpage\n  title: T\n  original-date:\n    - literal: 2017-14/2017-99\n", encoding="utf-8"
    )
    record = load_sources([str(path)], fmt="cslyaml").records[0]
    assert record.fields["original-date"] == {"literal": "2017-14/2017-99"}


def test_a_name_bibtex_cannot_split_is_kept_whole_with_a_warning(tmp_path: Path) -> None:
    result = load_sources([str(write_case(tmp_path, "n", "bibtex", "@book{a, title={T}, author={A, B, C, D}}"))])
    assert result.records[0].fields["author"] == [{"literal": "A, B, C, D"}]
    assert "kept whole as a literal name" in result.warnings[0].message


def test_deep_braces_are_an_input_error_naming_line_record_and_field(tmp_path: Path) -> None:
    # Issue 13: deep nesting is a clear error (as for JSON and YAML), not a value silently changed.
    deep = "@book{ok, title={Fine}}\n@book{a,\n  title={" + "{" * 3000 + "Deep" + "}" * 3000 + "}}\n"
    path = write_case(tmp_path, "hostile", "bibtex", deep)
    with pytest.raises(InputError) as error:
        load_sources([str(path)])
    assert str(error.value) == (
        f"{path}:2: record 'a', field 'title': braces nested more than 32 levels deep; nested too deeply to "
        "read (real values nest braces a few levels; remove the extra braces)"
    )
    # 32 levels, the limit, still read.
    edge = "@book{a, title={" + "{" * 31 + "Deep" + "}" * 31 + "}}\n"
    assert load_sources([str(write_case(tmp_path, "edge", "bibtex", edge))]).records[0].fields["title"] == "Deep"


def test_long_crossref_chains_are_read_with_warnings(tmp_path: Path) -> None:
    chain = "\n".join(f"@book{{k{i}, crossref={{k{i + 1}}}, title={{T{i}}}}}" for i in range(200))
    result = load_sources([str(write_case(tmp_path, "hostile", "bibtex", chain))])
    assert len(result.records) == 200
    messages = [w.message for w in result.warnings]
    assert "crossref/xdata chain longer than 32 entries; 'k33' inherits nothing" in messages


def test_a_crossref_cycle_is_a_warning(tmp_path: Path) -> None:
    text = "@book{a, crossref={b}, title={A}}\n@book{b, crossref={a}, title={B}, publisher={P}}"
    result = load_sources([str(write_case(tmp_path, "cycle", "biblatex", text))], fmt="biblatex")
    assert [r.fields.get("publisher") for r in result.records] == ["P", "P"]
    assert [w.message for w in result.warnings] == ["'a' is its own crossref or xdata ancestor; that link is ignored"]


def test_a_field_written_twice_reads_its_last_value_with_a_warning(tmp_path: Path) -> None:
    # pandoc 3.9 reads "U" too (biblatex's last value); bibtexparser alone sets the entry apart.
    text = "@book{a, title={T}, year={2000},\n  Title={U}}\n@book{b, title={V}}\n"
    result = load_sources([str(write_case(tmp_path, "twice", "biblatex", text))])
    assert [(r.id, r.fields["title"]) for r in result.records] == [("a", "U"), ("b", "V")]
    assert [(w.record_id, w.origin.line if w.origin else None, w.message) for w in result.warnings] == [
        (
            "a",
            1,
            "field 'title' is written more than once; its last value is read, as biblatex and pandoc read it "
            "(remove the other values)",
        )
    ]
    assert pandoc_first_item(write_case(tmp_path, "twice", "biblatex", text), "biblatex")["title"] == "U"


@pytest.mark.parametrize(
    ("written", "expected"), [("0000", {"literal": "0000"}), ("1993/00/00/", {"date-parts": [[1993]]})]
)
def test_a_ris_year_0000_or_month_00_is_no_date_part(written: str, expected: dict[str, Any], tmp_path: Path) -> None:
    # RIS (the RIS specification's YYYY/MM/DD/) has no year 0 and no month 0: 0000 is kept as the
    # text it is, with a warning; a month 00 (ADS writes it) ends the date before it.
    text = f"TY  - BOOK\nID  - a\nTI  - T\nPY  - {written}\nER  - \n"
    result = load_sources([str(write_case(tmp_path, "zero", "ris", text))])
    assert result.records[0].fields["issued"] == expected
    assert [w.field for w in result.warnings] == (["issued"] if written == "0000" else [])


@pytest.mark.parametrize(
    ("ty", "csl_type"),
    [
        # The RIS specification's type names and CSL 1.0.2's definitions: "standard", "regulation"
        # ("LEGAL: Legal Rule or Regulation"), "classic" ("a classical or ancient work"); pandoc
        # 3.9 reads ENCYC, MUSIC and STAT so too; GEN is the generic type, a document.
        ("STAND", "standard"),
        ("LEGAL", "regulation"),
        ("CLSWK", "classic"),
        ("ENCYC", "entry-encyclopedia"),
        ("MUSIC", "musical_score"),
        ("STAT", "legislation"),
        ("VIDEO", "motion_picture"),
        ("GEN", "document"),
    ],
)
def test_every_ris_type_of_the_specification_is_known(ty: str, csl_type: str, tmp_path: Path) -> None:
    text = f"TY  - {ty}\nID  - a\nTI  - T\nER  - \n"
    result = load_sources([str(write_case(tmp_path, ty, "ris", text))])
    assert (result.records[0].type, result.warnings) == (csl_type, [])


def test_a_series_of_a_digit_that_is_no_number_is_read_as_written(tmp_path: Path) -> None:
    # Found by the fuzz campaign: "²" is a digit to str.isdigit but no number to int.
    text = "@incollection{a, title={T}, booktitle={B}, series={²}, year=2000}\n@book{b, title={T}, series={3}}\n"
    records = load_sources([str(write_case(tmp_path, "series", "bibtex", text))]).records
    assert [r.fields["collection-title"] for r in records] == ["²", "3rd series"]
