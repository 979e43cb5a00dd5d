"""Where archcite reads a field otherwise than pandoc 3 does, on purpose (docs/mapping-differences.md).

Each case is a small file, the field, archcite's reading and pandoc's: the first test pins
archcite's reading, the second runs pandoc (pypandoc_binary) on the same file and checks that pandoc
really reads it the other way, so that the table stays true of pandoc too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from archcite.records.io import load_sources
from archcite.styles.csl.engine import render_items
from archcite.styles.markup import to_plain
from archcite.styles.names import resolve_style
from tests.realworld.runner import FILES as SHARED_REALWORLD
from tests.records.reading_helpers import pandoc_first_item, pandoc_items, write_case

# (name, format, file text, field, archcite's reading, pandoc's reading; None: no such field)
DIFFERENCES: list[tuple[str, str, str, str, Any, Any]] = [
    ("misc-is-a-document", "bibtex", "@misc{a, title={T}}", "type", "document", ""),
    # CSL's DOI is the bare DOI ("10.1128/AEM.02591-07", the specification's example).
    (
        "doi-link-is-the-doi",
        "biblatex",
        "@article{a, title={T}, doi={http://doi.acm.org/10.1145/1137627.1137631}}",
        "DOI",
        "10.1145/1137627.1137631",
        "http://doi.acm.org/10.1145/1137627.1137631",
    ),
    (
        "doi-prefix-is-no-part-of-it",
        "ris",
        "TY  - JOUR\nTI  - T\nDO  - doi:10.1201/b19107-2\nER  - \n",
        "DOI",
        "10.1201/b19107-2",
        "doi:10.1201/b19107-2",
    ),
    # JabRef's RisImporterTest5a (SciFinder): the DOI in M3, as Zotero's RIS.js reads it.
    (
        "ris-m3-doi",
        "ris",
        "TY  - JOUR\nTI  - T\nM3  - 10.1016/j.powtec.2012.01.008\nER  - \n",
        "DOI",
        "10.1016/j.powtec.2012.01.008",
        None,
    ),
    (
        "periodical-issue",
        "biblatex",
        "@periodical{a, title={J}, issuetitle={I}}",
        "type",
        "periodical",
        "article-journal",
    ),
    (
        "season",
        "biblatex",
        "@book{a, date={2004-22}, title={T}}",
        "issued",
        {"date-parts": [[2004]], "season": 2},
        {"date-parts": [[2004, 22]]},
    ),
    (
        "month-name",
        "bibtex",
        "@book{a, year={1990}, month={September}, title={T}}",
        "issued",
        {"date-parts": [[1990, 9]]},
        {"date-parts": [[1990]]},
    ),
    (
        "tex-formula",
        "biblatex",
        "@article{a, title={Production of $\\Sigma^{0}$ hyperons}}",
        "title",
        "Production of Σ<sup>0</sup> hyperons",
        "Production of $\\Sigma^{0}$ hyperons",
    ),
    (
        "editor-roles",
        "biblatex",
        "@book{a, title={T}, editor={Doe, Jane}, editortype={compiler}, "
        "editora={Roe, Rita}, editoratype={collaborator}}",
        "compiler",
        [{"family": "Doe", "given": "Jane"}],
        None,
    ),
    (
        "editora-collaborator",
        "biblatex",
        "@book{a, title={T}, editora={Roe, Rita}, editoratype={collaborator}}",
        "contributor",
        [{"family": "Roe", "given": "Rita"}],
        None,
    ),
    (
        "month-with-a-day",
        "bibtex",
        "@book{a, year={2002}, month={July 30th}, title={T}}",
        "issued",
        {"date-parts": [[2002, 7, 30]]},
        {"date-parts": [[2002]]},
    ),
    (
        "pubmed-eprint-is-a-pmid",
        "biblatex",
        "@article{a, title={T}, eprint={5500723}, eprinttype={pubmed}, url={https://example.org/a}}",
        "PMID",
        "5500723",
        None,
    ),
    (
        "publication-state-as-year",
        "bibtex",
        "@book{a, year={Forthcoming}, title={T}}",
        "status",
        "forthcoming",
        None,
    ),
    (
        "publication-state-is-no-date",
        "bibtex",
        "@book{a, year={Forthcoming}, title={T}}",
        "issued",
        None,
        {"date-parts": []},
    ),
    (
        "empty-year",
        "bibtex",
        "@book{a, year={}, title={T}}",
        "issued",
        None,
        {"date-parts": [[0]]},
    ),
    (
        "no-date-as-year",
        "bibtex",
        "@book{a, year={n.d.}, title={T}}",
        "issued",
        None,
        {"date-parts": []},
    ),
    (
        "date-in-words",
        "biblatex",
        "@book{a, date={March 2010}, title={T}}",
        "issued",
        {"date-parts": [[2010, 3]]},
        None,
    ),
    (
        "year-in-words",
        "bibtex",
        "@book{a, year={July 30th, 2002}, title={T}}",
        "issued",
        {"date-parts": [[2002, 7, 30]]},
        {"date-parts": []},
    ),
    (
        "reprint-years",
        "bibtex",
        "@book{a, year={[1907] 1978}, title={T}}",
        "original-date",
        {"date-parts": [[1907]]},
        None,
    ),
    (
        "season-as-month",
        "bibtex",
        "@article{a, year={2002}, month={winter}, title={T}}",
        "issued",
        {"date-parts": [[2002]], "season": 4},
        {"date-parts": [[2002]]},
    ),
    (
        "months-range-as-month",
        "bibtex",
        "@article{a, year={2002}, month={jul-aug}, title={T}}",
        "issued",
        {"date-parts": [[2002, 7], [2002, 8]]},
        {"date-parts": [[2002]]},
    ),
    (
        "year-zero",
        "biblatex",
        "@book{a, date={0000}, title={T}}",
        "issued",
        {"date-parts": [[-1]]},
        {"date-parts": [[0]]},
    ),
    # CSL's language is a BCP 47 tag (a style title-cases an item whose tag starts with "en"):
    # a name (babel's first, then langcodes') or an ISO 639-2 code is read as one; pandoc drops
    # the field, and keeps RIS LA as written.
    ("language-field", "biblatex", "@book{a, language={Dutch}, title={T}}", "language", "nl-NL", None),
    ("language-field-iso-639-2", "bibtex", "@book{a, Language={Eng}, title={T}}", "language", "en", None),
    ("language-field-native-name", "bibtex", "@book{a, language={Deutsch}, title={T}}", "language", "de", None),
    ("ris-language-code", "ris", "TY  - BOOK\nTI  - T\nLA  - ger\nER  - \n", "language", "de", "ger"),
    ("library", "biblatex", "@book{a, library={Box 4}, title={T}}", "archive_location", "Box 4", None),
    # The rows of issue 12's classification of every difference from pandoc in the real-world
    # files (tests/realworld/pandoc_differences.txt), one case each.
    ("empty-field-is-absent", "bibtex", "@book{a, title={T}, publisher={}}", "publisher", None, ""),
    (
        "a-dutch-title-keeps-its-capitals",
        "biblatex",
        "@book{a, title={Encyclopedie van Planten}, language={Dutch}}",
        "title",
        "Encyclopedie van Planten",
        "Encyclopedie van planten",
    ),
    (
        "biblatex-field-in-bibtex",
        "bibtex",
        "@book{a, title={T}, location={Chicago}}",
        "publisher-place",
        "Chicago",
        None,
    ),
    (
        "a-lower-case-first-word-is-a-given-name",
        "bibtex",
        "@book{a, title={T}, author={sudhin jacob}}",
        "author",
        [{"family": "jacob", "given": "sudhin"}],
        [{"dropping-particle": "sudhin", "family": "jacob"}],
    ),
    (
        "markup-in-a-name",
        "bibtex",
        "@book{a, title={T}, author={{\\emph{Wired} Magazine}}}",
        "author",
        [{"literal": "<i>Wired</i> Magazine"}],
        [{"literal": "Wired Magazine"}],
    ),
    (
        "a-word-with-digits-keeps-its-case",
        "bibtex",
        "@book{a, title={The U(1)_A Symmetries}}",
        "title",
        "The u(1)_A symmetries",
        "The u(1)_a symmetries",
    ),
    (
        "tex-dash-in-every-field",
        "bibtex",
        "@article{a, title={T}, issn={1077--2626}}",
        "ISSN",
        "1077–2626",
        "1077--2626",
    ),
    ("bookinbook-is-a-book", "biblatex", "@bookinbook{a, title={T}, booktitle={B}}", "type", "book", "chapter"),
    ("titleaddon-without-title", "biblatex", "@book{a, titleaddon={Directions}}", "title", "Directions", None),
    (
        "ris-name-without-comma",
        "ris",
        "TY  - JOUR\nAU  - Catarina Barata\nTI  - T\nER  - \n",
        "author",
        [{"literal": "Catarina Barata"}],
        [{"family": "Barata", "given": "Catarina"}],
    ),
    (
        "ris-sn-of-a-book",
        "ris",
        "TY  - BOOK\nTI  - T\nSN  - 978-1-4822-5326-9\nER  - \n",
        "ISBN",
        "978-1-4822-5326-9",
        None,
    ),
    (
        "ris-urls-one-a-line",
        "ris",
        "TY  - JOUR\nTI  - T\nUR  - http://a.org/x; http://b.org/y\nER  - \n",
        "URL",
        "http://a.org/x\nhttp://b.org/y",
        "http://a.org/x; http://b.org/y",
    ),
    # howpublished says how a work was published, not by whom: beside an institution it is kept
    # in custom (with a warning), where pandoc joins the two as publishers ("U; manunpub").
    (
        "howpublished-beside-an-institution",
        "biblatex",
        "@unpublished{a, title={T}, institution={U}, howpublished={manunpub}, date={2016}}",
        "publisher",
        "U",
        "U; manunpub",
    ),
    ("no-short-title-from-a-colon", "bibtex", "@book{a, title={Cuba: A History}}", "title-short", None, "Cuba"),
    (
        "unknown-command-keeps-its-argument",
        "biblatex",
        "@book{a, title={T}, annotation={With \\mkfoo{three} authors}}",
        "annote",
        "With three authors",
        "With  authors",
    ),
    (
        "eprint-of-unknown-type",
        "biblatex",
        "@book{a, title={T}, eprint={X1}, eprinttype={hal}}",
        "custom",
        {"eprint": "X1", "eprinttype": "hal"},
        None,
    ),
    (
        "field-with-no-record-field",
        "bibtex",
        '@book{a, title={T}, City={M{\\"u}nchen}, file={:C\\:/x.pdf:PDF}, timestamp={2019-01-02}}',
        "custom",
        {"City": "München", "file": ":C:/x.pdf:PDF", "timestamp": "2019-01-02"},
        None,
    ),
    (
        "ris-tag-with-no-record-field",
        "ris",
        "TY  - BOOK\nID  - a\nTI  - T\nAD  - Leiden University\nLB  - 42\nER  - \n",
        "custom",
        {"AD": "Leiden University", "LB": "42"},
        None,
    ),
    ("unpublished-talk", "biblatex", "@unpublished{a, title={T}, venue={Oslo}}", "type", "manuscript", "speech"),
    (
        "number-of-a-book-without-series",
        "biblatex",
        "@inbook{a, title={T}, booktitle={B}, number={89}}",
        "number",
        "89",
        None,
    ),
    ("straight-apostrophe", "bibtex", "@book{a, title={Cat's cradle}}", "title", "Cat's cradle", "Cat’s cradle"),
    (
        "ris-keywords-in-file-order",
        "ris",
        "TY  - BOOK\nID  - a\nTI  - T\nKW  - war\nKW  - archives\nER  - \n",
        "keyword",
        "war, archives",
        "archives, war",
    ),
    (
        "ris-year-0000",
        "ris",
        "TY  - BOOK\nID  - a\nTI  - T\nPY  - 0000\nER  - \n",
        "issued",
        {"literal": "0000"},
        {"date-parts": [[0]]},
    ),
    ("ris-standard", "ris", "TY  - STAND\nID  - a\nTI  - T\nER  - \n", "type", "standard", "report"),
    ("ris-regulation", "ris", "TY  - LEGAL\nID  - a\nTI  - T\nER  - \n", "type", "regulation", "legal_case"),
    ("ris-generic", "ris", "TY  - GEN\nID  - a\nTI  - T\nER  - \n", "type", "document", "entry"),
    (
        "ris-letter-recipient",
        "ris",
        "TY  - PCOMM\nID  - a\nTI  - T\nAU  - Kim, Il Sung\nA2  - Gomułka, Władysław\nER  - \n",
        "recipient",
        [{"family": "Gomułka", "given": "Władysław"}],
        None,
    ),
    (
        "ris-name-with-a-trailing-comma",
        "ris",
        "TY  - PCOMM\nID  - a\nTI  - T\nAU  - Kim Il Sung,\nER  - \n",
        "author",
        [{"literal": "Kim Il Sung"}],
        [{"family": "Kim Il Sung"}],
    ),
    (
        "ris-m1-as-endnote-writes-it",
        "ris",
        "TY  - EJOUR\nID  - a\nTI  - T\nM1  - 7\nER  - \n",
        "issue",
        "7",
        None,
    ),
    # RIS-TY-TAGS: EndNote's labels of a book's tags (Zotero's RIS case 3: "Editor, Series",
    # "Series Title", "Series Volume") and a thesis's ("Number of Pages"), as RIS.js reads them.
    (
        "ris-book-series",
        "ris",
        "TY  - BOOK\nID  - a\nTI  - T\nT2  - Bibliothek des Eigentums\nER  - \n",
        "collection-title",
        "Bibliothek des Eigentums",
        None,
    ),
    (
        "ris-book-series-editor",
        "ris",
        "TY  - BOOK\nID  - a\nTI  - T\nA2  - Lepsius, Oliver\nT2  - S\nER  - \n",
        "collection-editor",
        [{"family": "Lepsius", "given": "Oliver"}],
        None,
    ),
    ("ris-thesis-pages", "ris", "TY  - THES\nID  - a\nTI  - T\nSP  - 312\nER  - \n", "number-of-pages", "312", None),
    (
        "ris-book-series-volume",
        "ris",
        "TY  - BOOK\nID  - a\nTI  - T\nT2  - S\nM1  - 7\nER  - \n",
        "collection-number",
        "7",
        None,
    ),
    (
        "ris-da-over-deprecated-y1",
        "ris",
        "TY  - JOUR\nID  - a\nTI  - T\nY1  - 1900\nDA  - 1950/01/01\nER  - \n",
        "issued",
        {"date-parts": [[1950, 1, 1]]},
        {"date-parts": [[1900]]},
    ),
    (
        "one-body-in-two-fields",
        "bibtex",
        "@techreport{a, title={T}, institution={Internet Engineering Task Force},"
        " publisher={Internet Engineering Task Force}, year={2021}}",
        "publisher",
        "Internet Engineering Task Force",
        "Internet Engineering Task Force; Internet Engineering Task Force",
    ),
    (
        "ris-month-with-year",
        "ris",
        "TY  - JOUR\nID  - a\nTI  - T\nPY  - 1948\nDA  - July\nER  - \n",
        "issued",
        {"date-parts": [[1948, 7]]},
        {"date-parts": [[1948]]},
    ),
]


@pytest.mark.parametrize(
    ("name", "fmt", "text", "field", "ours", "theirs"), DIFFERENCES, ids=[d[0] for d in DIFFERENCES]
)
def test_archcite_reads_it_its_way(
    name: str, fmt: str, text: str, field: str, ours: Any, theirs: Any, tmp_path: Path
) -> None:
    record = load_sources([str(write_case(tmp_path, name, fmt, text))], fmt=fmt).records[0]
    assert record.fields.get(field) == ours


@pytest.mark.parametrize(
    ("name", "fmt", "text", "field", "ours", "theirs"), DIFFERENCES, ids=[d[0] for d in DIFFERENCES]
)
def test_pandoc_reads_it_the_other_way(
    name: str, fmt: str, text: str, field: str, ours: Any, theirs: Any, tmp_path: Path
) -> None:
    value = pandoc_first_item(write_case(tmp_path, name, fmt, text), fmt).get(field)
    assert value == theirs
    assert value != ours


@pytest.mark.parametrize(("fmt", "pandoc_ids"), [("bibtex", ["x", "x"]), ("ris", ["x", "xa"])])
def test_entries_repeating_a_key_are_each_read_under_a_key_of_their_own(
    fmt: str, pandoc_ids: list[str], tmp_path: Path
) -> None:
    text = {
        "bibtex": "@book{x, title={One}}\n@book{x, title={Two}}\n",
        "ris": "TY  - BOOK\nID  - x\nTI  - One\nER  - \nTY  - BOOK\nID  - x\nTI  - Two\nER  - \n",
    }[fmt]
    path = write_case(tmp_path, "again", fmt, text)
    assert [r.id for r in load_sources([str(path)], fmt=fmt).records] == ["x", "x-2"]
    assert [item["id"] for item in pandoc_items(path, fmt)] == pandoc_ids


# citeproc-js 2.4.63 (render_js.js of shared/reference) on pandoc's own @periodical test entry as
# archcite reads it: the styles print a whole issue as a special issue, not as an article.
PERIODICAL = SHARED_REALWORLD / "pandoc-suite" / "biblatex-periodical.bib"


@pytest.mark.skipif(not PERIODICAL.is_file(), reason="shared/realworld is not beside the repository")
@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("chicago-author-date", "“Semantic 3D Media and Content.” 2011. Special issue, Computers and Graphics 35 (4)."),
        ("apa", "Semantic 3D media and content. (2011). [Special issue]. Computers and Graphics, 35(4)."),
        (
            "modern-language-association",
            "Semantic 3D Media and Content. Special issue of Computers and Graphics, vol. 35, no. 4, 2011.",
        ),
    ],
)
def test_a_periodical_prints_as_the_special_issue_it_is(style: str, expected: str) -> None:
    items = [dict(r.fields) for r in load_sources([str(PERIODICAL)]).records]
    (rendered,) = render_items(items, str(resolve_style(style).path))
    assert rendered.bib is not None
    assert to_plain(rendered.bib) == expected
