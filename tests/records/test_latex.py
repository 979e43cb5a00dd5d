"""BibTeX values: each case's LaTeX was written by hand from the escaping rules in the README."""

from __future__ import annotations

import pytest

from archcite.records import latex
from archcite.records.io import dump_records
from archcite.records.model import Record

# The first word with a letter is protected when it is in lower case: pandoc capitalises it.
CASES = [
    # (record text, UTF-8 output, ASCII output), titles (case-protected)
    ("Letter to Władysław Gomułka", "Letter to {Władysław} {Gomułka}", "Letter to {W{\\l}adys{\\l}aw} {Gomu{\\l}ka}"),
    ("50% & $5 #1 a_b", "50\\% \\& \\$5 \\#1 a\\_b", "50\\% \\& \\$5 \\#1 a\\_b"),
    ("{x} \\ ~ ^", "{\\{x\\}} \\textbackslash{} \\textasciitilde{} \\textasciicircum{}", None),
    ("unpaired { brace", "{unpaired} \\textbraceleft{} brace", None),
    ("a--b ``q'' 1958–1961", "{a-{}-b} \\`{}\\`{}q'{}' 1958–1961", "{a-{}-b} \\`{}\\`{}q'{}' 1958--1961"),
    ("Reading <i>Pravda</i> in Washington", "Reading {\\textit{{Pravda}}} in {Washington}", None),
    ("NSC 68 and the ExComm", "{NSC} 68 and the {ExComm}", None),
    # A first word keeps its capital under sentence-casing; it is protected only for later ones.
    ("Łódź", "Łódź", "{\\L}{\\'o}d{\\'z}"),
    ("in Łódź", "{in} {Łódź}", "{in} {{\\L}{\\'o}d{\\'z}}"),
    ("a\u00a0b", "{a}~b", None),
    ("line one\n@line two", "{line} one\n{@}line two", None),
]


# A title's first word is protected when it starts lower-case: pandoc, citeproc and archcite read
# an English BibTeX title in sentence case, which capitalises it ("in {Łódź}" reads "In Łódź").
@pytest.mark.parametrize(("text", "utf8", "ascii_only"), CASES)
def test_title_values_are_escaped_and_read_back(text: str, utf8: str, ascii_only: str | None) -> None:
    assert latex.encode(text, protect_case=True) == utf8
    assert latex.decode(utf8) == text
    if ascii_only is not None:
        assert latex.encode(text, ascii_only=True, protect_case=True) == ascii_only
        assert latex.decode(ascii_only) == text


@pytest.mark.parametrize(
    ("latex_text", "text"),
    [
        ('{\\"o} \\"{u} \\\'e \\c{c} {\\ss} \\v{c}', "ö ü é ç ß č"),
        ("\\emph{x} \\textbf{y}", "<i>x</i> <b>y</b>"),
        ("pages 1--2, an --- dash", "pages 1–2, an — dash"),
        ("Schlo{\\ss} {Bellevue}", "Schloß Bellevue"),
        # Formulas: TeX's symbols as their Unicode characters (U+03A3, U+03B1, U+03BC, U+2192,
        # U+1D40F MATHEMATICAL BOLD CAPITAL P), ^ and _ as CSL's <sup> and <sub> markup.
        ("$\\Sigma^{0}$ hyperons", "Σ<sup>0</sup> hyperons"),
        ("H$_2$O and $\\alpha$-decay", "H<sub>2</sub>O and α-decay"),
        ("$A_{ij}$ in $\\mathbf{P}^{1}$", "A<sub>ij</sub> in 𝐏<sup>1</sup>"),
        ("the 5${}^{\\mbox{th}}$ workshop", "the 5<sup>th</sup> workshop"),
        ("radix-2\\({}^{k}\\), $D\\rightarrow4$, 0.35 $\\mathrm{\\mu}$m", "radix-2<sup>k</sup>, D→4, 0.35 μm"),
        ("$$x^2$$", "x<sup>2</sup>"),
        ("a \\$5 bill, or $5 alone", "a $5 bill, or $5 alone"),  # a dollar that opens no formula
        # An accent over nothing is the accent mark (pandoc 3.9: "tilde operator: ~", "^ and ~";
        # Zotero's BibTeX test case 6), never a combining mark on no letter.
        ("tilde operator: {\\~}", "tilde operator: ~"),
        ("\\^{} and \\~{}", "^ and ~"),
        # TeX's quotes: `x' is a quotation in single marks, ``x'' in double ones (The TeXbook,
        # ch. 2): a quotation, as pandoc 3.9 reads both ("The meaning of “theory”" for socbib's
        # `Theory'), which CSL processors print with the marks of its level. An apostrophe inside
        # a word closes nothing; a grave accent that opens no quotation is TeX's opening mark.
        ("The Meaning of `Theory'", "The Meaning of “Theory”"),
        ("``Theory''", "“Theory”"),
        ("`Don't put my name on it': trust", "“Don't put my name on it”: trust"),
        ("the `economics of {X}", "the ‘economics of X"),
        ("\\`{} and \\textasciigrave{}", "` and `"),
    ],
)
def test_latex_from_other_tools_reads_as_text(latex_text: str, text: str) -> None:
    assert latex.decode(latex_text) == text


def test_ascii_output_warns_per_field_for_letters_latex_lacks() -> None:
    record = Record({"id": "m", "type": "book", "title": "建国以来 Łódź"})
    dumped = dump_records([record], "biblatex", ascii_only=True)
    assert "title = {建国以来 {{\\L}{\\'o}d{\\'z}}}" in dumped.text
    assert [str(w) for w in dumped.warnings] == [
        "record 'm', field 'title': LaTeX has no ASCII form for '建国以来'; written as UTF-8 in 'title'"
    ]
