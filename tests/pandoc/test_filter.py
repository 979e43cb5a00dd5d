"""The filter's handling of pandoc's citation syntax and metadata, run through real pandoc."""

from __future__ import annotations

import json
import re

import panflute as pf
import pytest

from archcite.pandoc import engine
from archcite.pandoc.filter import inlines, parse_suffix
from archcite.pandoc.locators import split_locator
from tests.conftest import DATA, EXAMPLE, SHARED
from tests.pandoc.running import CORPUS, FILTER, filtered, notes, pandoc, paragraphs

BOOK = """\
references:
- id: doe2000
  type: book
  title: "The *Emphasised* Book"
  author:
  - family: Doe
    given: Jane
  - family: Roe
    given: Rick
  issued: 2000
  publisher: Pub
  publisher-place: Paris
"""


def _document(body: str, **metadata: str) -> str:
    lines = "".join(f"{key.replace('_', '-')}: {value}\n" for key, value in metadata.items())
    return f"---\n{BOOK}{lines}---\n\n{body}\n"


# Every locator label of the en-US locale (as pandoc reads citations), in each form, and the
# CSL locator it names (CSL 1.0.2, "Locators"); "l."/"ll." are archcite's folios (--locator).
LOCALE_LABELS = [
    ("p.", "page"), ("pp.", "page"), ("page", "page"), ("pages", "page"),
    ("chap.", "chapter"), ("chaps.", "chapter"), ("chapter", "chapter"), ("chapters", "chapter"),
    ("bk.", "book"), ("book", "book"), ("col.", "column"), ("cols.", "column"), ("column", "column"),
    ("fig.", "figure"), ("figs.", "figure"), ("figure", "figure"), ("fol.", "folio"), ("fols.", "folio"),
    ("folio", "folio"), ("no.", "issue"), ("nos.", "issue"), ("line", "line"),
    ("n.", "note"), ("nn.", "note"), ("note", "note"), ("op.", "opus"), ("opp.", "opus"), ("opus", "opus"),
    ("para.", "paragraph"), ("paras.", "paragraph"), ("paragraph", "paragraph"), ("pt.", "part"),
    ("pts.", "part"), ("part", "part"), ("sec.", "section"), ("secs.", "section"), ("section", "section"),
    ("v.", "verse"), ("vv.", "verse"), ("verse", "verse"), ("vol.", "volume"), ("vols.", "volume"),
    ("volume", "volume"), ("§", "section"), ("§§", "section"), ("¶", "paragraph"), ("¶¶", "paragraph"),
    ("l.", "folio"), ("ll.", "folio"),
]  # fmt: skip


@pytest.mark.parametrize(("label", "csl"), LOCALE_LABELS)
def test_every_locale_locator_label_is_read(label: str, csl: str) -> None:
    assert split_locator(f", {label} 12", engine.locator_terms()) == (engine.Locator(csl, "12"), "")


@pytest.mark.parametrize(
    ("suffix", "locator", "rest"),
    [
        (", 33", ("page", "33"), ""),
        (", pp. 33-35, emphasis added", ("page", "33-35"), ", emphasis added"),
        (", p. 3, 5", ("page", "3, 5"), ""),
        (", chap. xii", ("chapter", "xii"), ""),
        (", sec. {A.2}", ("section", "A.2"), ""),
        (", and passim", None, ", and passim"),
        (" chapter 4", ("chapter", "4"), ""),
        # A locator in braces (pandoc's manual): without a label inside, it prints none.
        (", {ii, A, D-Z}", ("", "ii, A, D-Z"), ""),
        (", {iv}, and more", ("", "iv"), ", and more"),
        (", {p. IX} and more", ("page", "IX"), " and more"),
        (", note the date", None, ", note the date"),
    ],
)
def test_suffix_splits_as_pandoc_reads_it(suffix: str, locator: tuple[str, str] | None, rest: str) -> None:
    expected = engine.Locator(*locator) if locator else None
    assert parse_suffix(suffix, engine.locator_terms()) == (expected, rest)


def test_german_locale_labels_are_read_with_lang() -> None:
    assert split_locator(", S. 3", engine.locator_terms("de-DE"))[0] == engine.Locator("page", "3")


def test_markup_becomes_pandoc_elements_not_raw_text() -> None:
    result = inlines("<i>Book</i> by <sc>Doe</sc>, x<sup>2</sup> at https://example.org/a.")
    doc = pf.Doc(pf.Para(*result))
    assert [type(e).__name__ for e in result] == [
        "Emph", "Space", "Str", "Space", "SmallCaps", "Str", "Space", "Str", "Superscript", "Space", "Str",
        "Space", "Link", "Str",
    ]  # fmt: skip
    html = pandoc("-f", "json", "-t", "html", "--wrap=none", text=json.dumps(doc.to_json())).stdout
    assert html.strip() == (
        '<p><em>Book</em> by <span class="smallcaps">Doe</span>, x<sup>2</sup> at '
        '<a href="https://example.org/a">https://example.org/a</a>.</p>'
    )


def test_author_in_text_and_suppressed_author_in_author_date() -> None:
    plain = filtered(_document("@doe2000 [p. 4] argues; so does the book [-@doe2000, 5].")).stdout
    # pandoc 3.9 --citeproc, chicago-author-date: "Doe and Roe (2000, 4) argues; so does the book (2000, 5)."
    assert paragraphs(plain)[0] == "Doe and Roe (2000, 4) argues; so does the book (2000, 5)."


def test_note_style_notes_author_in_text_and_citations_in_footnotes() -> None:
    body = (
        "As @doe2000 [p. 4] argues. Text.^[As shown [see @doe2000, 3].] More. @doe2000 [p. 4] argues; "
        "so does the book [-@doe2000, 5]."
    )
    plain = filtered(_document(body, csl="chicago")).stdout
    # pandoc 3.9 --citeproc, chicago-notes-bibliography, prints exactly this: names in the text and
    # the rest in a note; a citation in an author's footnote stays there, in parentheses.
    assert paragraphs(plain)[0] == (
        "As Jane Doe and Rick Roe[1] argues. Text.[2] More. Doe and Roe[3] argues; so does the book.[4]"
    )
    assert notes(plain) == {
        1: "The Emphasised Book (Pub, 2000), 4.",
        2: "As shown (see Doe and Roe, The Emphasised Book, 3).",
        3: "The Emphasised Book, 4.",
        4: "The Emphasised Book, 5.",
    }


def test_unknown_key_is_warned_by_name_and_left_visible() -> None:
    result = filtered(_document("Text [@nobody2000] and [@doe2000]."))
    assert "[WARNING] archcite-pandoc: citation nobody2000 not found" in result.stderr
    assert paragraphs(result.stdout)[0] == "Text (nobody2000?) and (Doe and Roe 2000)."
    markdown = filtered(_document("Text [@nobody2000]."), to="markdown-citations").stdout
    assert "**nobody2000?**" in markdown


def test_nocite_and_suppress_bibliography() -> None:
    with_nocite = filtered(_document("No citations.", nocite="'@*'"), "-M", f"bibliography={EXAMPLE}").stdout
    assert paragraphs(with_nocite)[1:] == [
        "Doe, Jane, and Rick Roe. 2000. The Emphasised Book. Pub.",
        "Kim Il Sung. 1966. Letter to Władysław Gomułka, February 3. Translated by Vojtech Mastny. KC PZPR "
        "2263/175-233, pp. 209–33. Modern Records Archives, Warsaw. History and Public Policy Program Digital "
        "Archive, Wilson Center. https://digitalarchive.wilsoncenter.org/document/113390.",
    ]
    suppressed = filtered(_document("Text [@doe2000].", suppress_bibliography="true")).stdout
    assert paragraphs(suppressed) == ["Text (Doe and Roe 2000)."]


def test_refs_div_and_section_title_place_the_bibliography() -> None:
    body = "Text [@doe2000].\n\n# Sources\n\n::: {#refs}\n:::\n\n# Appendix\n\nEnd."
    plain = filtered(_document(body)).stdout
    assert paragraphs(plain) == [
        "Text (Doe and Roe 2000).", "Sources", "Doe, Jane, and Rick Roe. 2000. The Emphasised Book. Pub.",
        "Appendix", "End.",
    ]  # fmt: skip
    titled = filtered(_document("Text [@doe2000].", reference_section_title="Works Cited"), to="markdown")
    assert "# Works Cited {#bibliography .unnumbered}" in titled.stdout
    # pandoc's citeproc: with a #refs div the title is not added; without citations, nothing is.
    assert paragraphs(filtered(_document(body, reference_section_title="Works Cited")).stdout) == paragraphs(plain)
    assert paragraphs(filtered(_document("No citations.", reference_section_title="Works Cited")).stdout) == [
        "No citations."
    ]


def test_link_citations_and_lang() -> None:
    html = filtered(
        _document("See [@doe2000, S. 3] and @doe2000.", lang="de-DE", link_citations="true"), to="html"
    ).stdout
    # pandoc 3.9 --citeproc gives the same citations.
    assert html.splitlines()[0] == (
        '<p>See <span class="citation" data-cites="doe2000">(<a href="#ref-doe2000" role="doc-biblioref">Doe '
        'und Roe 2000, 3</a>)</span> and <span class="citation" data-cites="doe2000">Doe und Roe (<a '
        'href="#ref-doe2000" role="doc-biblioref">2000</a>)</span>.</p>'
    )


def test_archival_records_in_another_language_print_as_the_localised_style_prints_them() -> None:
    # The house rules give the English manuals' forms; with lang fr-FR the archival letter prints as
    # the style prints it in French. Expected: citeproc-js 2.4.63 on `archcite export --to csljson`
    # of the example (render_js.js chicago-notes-bibliography.csl --locale fr-FR --locator 3).
    plain = filtered(
        _document("Text [@kimilsung1966letter, p. 3].", csl="chicago", lang="fr-FR"), "-M", f"bibliography={EXAMPLE}"
    ).stdout
    title = "\xab\xa0Letter to Wladyslaw Gomulka from Kim Il Sung\xa0\xbb"
    url = "https://digitalarchive.wilsoncenter.org/document/113390."
    assert notes(plain)[1] == (
        f"Kim Il Sung, {title}, Letter \xe0 W\u0142adys\u0142aw Gomu\u0142ka, Pyongyang, trad. par Vojtech Mastny "
        f"(3 f\xe9vrier 1966), 2263/175-233, p. 3, KC PZPR, Modern Records Archives, Warsaw, {url}"
    )
    assert paragraphs(plain.split("\n\n[1] ")[0])[-1] == (
        f"Kim Il Sung. {title}. Letter \xe0 W\u0142adys\u0142aw Gomu\u0142ka, Pyongyang. Traduit par Vojtech Mastny. "
        f"3 f\xe9vrier 1966. 2263/175-233, p. 209\u201133. KC PZPR. Modern Records Archives, Warsaw. {url}"
    )


def test_archival_sections_group_the_bibliography() -> None:
    plain = filtered(
        _document("[@doe2000; @kimilsung1966letter]", csl="chicago", archcite_sections="true"),
        "-M", f"bibliography={EXAMPLE}",
    ).stdout  # fmt: skip
    body = plain.split("\n\n[1] ")[0]
    assert paragraphs(body)[1:] == [
        "Archival sources",
        "Modern Records Archives, Warsaw",
        "Kim Il Sung. Letter to Władysław Gomułka, February 3, 1966. Translated by Vojtech Mastny. KC PZPR "
        "2263/175-233, pp. 209–33. Modern Records Archives, Warsaw. History and Public Policy Program Digital "
        "Archive, Wilson Center. https://digitalarchive.wilsoncenter.org/document/113390.",
        "Published sources",
        "Doe, Jane, and Rick Roe. The Emphasised Book. Pub, 2000.",
    ]


@pytest.mark.parametrize(
    ("metadata", "code", "message"),
    [
        ({"csl": "no-such-style"}, 4, "unknown style 'no-such-style'"),
        ({"bibliography": "missing.json"}, 3, "missing.json"),
        ({"csl": "bibtex"}, 4, "bibtex is not a CSL style"),
    ],
)
def test_bad_metadata_is_a_clear_error_with_the_exit_code(metadata: dict[str, str], code: int, message: str) -> None:
    source = pandoc("-f", "markdown", "-t", "json", text=_document("Text [@doe2000].", **metadata)).stdout
    import subprocess

    result = subprocess.run([FILTER], input=source, capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == code
    assert result.stdout == ""
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_corpus_bibliography_loads_with_pandoc_reading_it() -> None:
    # The corpus holds one record of type "letter", which CSL does not know: skipped when asked.
    plain = filtered(
        "Text [@kramer-1998, 170].", "-M", f"bibliography={CORPUS}", "-M", "archcite-skip-invalid=true"
    ).stdout
    assert paragraphs(plain)[0] == "Text (Kramer 1998, 170)."


def test_an_invalid_bibliography_record_stops_the_filter_naming_it_and_the_metadata_that_skips_it() -> None:
    result = pandoc(
        "-f", "markdown", "--filter", FILTER, "-t", "plain", "-M", f"bibliography={CORPUS}", text="[@kramer-1998]"
    )  # fmt: skip
    assert result.returncode == 83  # pandoc's code for a filter that failed
    assert "record 'letter-type-eisenhower-1959': unknown record type 'letter'" in result.stderr
    assert "or set archcite-skip-invalid: true to leave out invalid records" in result.stderr
    assert "Traceback" not in result.stderr


def test_input_that_is_not_pandoc_json_is_a_clear_error() -> None:
    import subprocess

    result = subprocess.run([FILTER, "plain"], input="# not JSON\n", capture_output=True, text=True, check=False)
    assert result.returncode == 3
    assert "standard input is not a pandoc JSON document" in result.stderr
    assert "pandoc thesis.md --filter archcite-pandoc" in result.stderr
    assert "Traceback" not in result.stderr


def test_archcite_ibid_applies_to_published_works_too() -> None:
    body = "One [@doe2000, 3]. Two [@doe2000, 4]. Three [@doe2000, 4]. Four [see @doe2000, chap. 2]."
    plain = filtered(_document(body, csl="chicago", archcite_ibid="true")).stdout
    # CMOS 18 14.34: "Ibid." alone for the same page, with the new page number otherwise.
    assert notes(plain) == {
        1: "Jane Doe and Rick Roe, The Emphasised Book (Pub, 2000), 3.",
        2: "Ibid., 4.",
        3: "Ibid.",
        4: "See ibid., chap. 2.",
    }


HISTORYBIB = SHARED / "realworld" / "files" / "bib" / "historybib-master.bib"


def test_warnings_name_only_the_records_the_document_uses() -> None:
    # A real bibliography of 300 records, many with fields no record has (lccn, copyright): pandoc
    # says nothing about records a document never cites, and neither does the filter. Its two
    # entries under keys used before add nothing to the first entries: they are read once, and
    # said only when cited.
    document = f"---\nbibliography: {HISTORYBIB}\ncsl: chicago\n---\n\nText.[@brown1997family]\n"
    result = filtered(document)
    assert result.stderr == ""
    assert "Brown" in result.stdout
    cited = filtered(document.replace("@brown1997family", "@gilbert1920judaism")).stderr.splitlines()
    assert len(cited) == 1
    assert cited[0].endswith(
        "historybib-master.bib:1370, record 'gilbert1920judaism': has the key of the entry at line 1360 and "
        "nothing that entry lacks; read once"
    )
    # Citing every record: one line per kind of warning, not one per record.
    everything = filtered(document.replace("csl: chicago\n", "csl: chicago\nnocite: '@*'\n")).stderr
    # Fields no record has (lccn, copyright) are kept in custom: one warning per record, one line.
    kept = [line for line in everything.splitlines() if "kept in 'custom'" in line]
    assert len(kept) == 1
    assert "lccn" in kept[0]
    assert re.search(r"\(and \d+ more like it\)$", kept[0])


@pytest.mark.parametrize("text", ["{}", "[]", "null", '{"t": null}'])
def test_json_that_is_no_pandoc_document_is_refused_clearly(text: str, capsys: pytest.CaptureFixture[str]) -> None:
    import io

    from archcite.pandoc.filter import main

    with pytest.raises(SystemExit) as exit_:
        main([], stdin=io.StringIO(text), stdout=io.StringIO())
    assert exit_.value.code == 3
    assert capsys.readouterr().err.startswith("archcite-pandoc: error: standard input is not a pandoc JSON document")


def test_a_lang_that_is_no_language_tag_is_ignored_with_a_warning() -> None:
    result = pandoc(
        "-f", "markdown", "--filter", FILTER, "-t", "plain", text=_document("See [@doe2000].", lang="Deutsch (Schweiz)")
    )  # fmt: skip
    assert result.returncode == 0
    assert (
        "lang 'Deutsch (Schweiz)' is no language tag (such as en-US or fr-FR); the style's own locale is used"
        in result.stderr
    )
    assert result.stdout.startswith("See (Doe and Roe 2000).")


def test_a_type_test_that_is_never_true_is_named_for_the_cited_records() -> None:
    # As `archcite cite` says it (tests/cli/test_conventions.py): the style's <if type="book
    # thesis"> is never true under CSL 1.0.2, and the document cites a book.
    style = DATA / "styles" / "type-tests.csl"
    result = pandoc(
        "-f", "markdown", "--filter", FILTER, "-t", "plain", text=_document("See [@doe2000].", csl=str(style))
    )
    assert (result.returncode, result.stdout) == (0, "See other.\n")
    assert (
        'type-tests tests several types without match="any" (line 6): never true, since an item has one type'
        in result.stderr
    )
    assert "so 1 record(s) skip a branch (doe2000) that citeproc-js and Zotero take" in result.stderr
