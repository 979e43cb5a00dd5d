"""The filter reads a cite's locator as pandoc's own citeproc reads it, checked against pandoc.

Each suffix below is cited through ``pandoc --citeproc`` and through ``--filter archcite-pandoc``
with a probe style that prints the label and value of the locator in square brackets after the
title, and the rest of the suffix as it is: what pandoc's citeproc takes as the locator (and its
label) and what it leaves as the suffix becomes visible, and the two must print alike. The few
suffixes archcite reads otherwise, on purpose, are listed with why; the test also checks that
they still differ, so that the list stays true.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pandoc.running import filtered, pandoc, paragraphs

PROBE_STYLE = """\
<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Locator probe</title><id>locator-probe</id><updated>2026-12-06T00:00:00+00:00</updated></info>
  <citation>
    <layout prefix="(" suffix=")" delimiter="; ">
      <text variable="title"/>
      <group prefix=" [" suffix="]" delimiter=" ">
        <label variable="locator" form="short"/>
        <text variable="locator"/>
      </group>
    </layout>
  </citation>
</style>
"""

SUFFIXES = [
    # a label, a value, and what stays the suffix
    ", 33",
    ", pp. 33, 35-37, and nowhere else",
    ", chap. 3",
    " p. 34-35",
    ", 12-14 and *passim*",
    ", fig. 3a",
    ", p. iv-vi",
    ", 33 n. 2",
    ", op. 27",
    ", § 4",
    ", §§ 4-5",
    ", vol. 2, p. 3",
    ", c. 1950",
    # a label needs its period (an abbreviation) and a number or roman numeral after it
    ", no comment here",
    ", line of argument",
    ", note the date",
    ", section three",
    ", p 33",
    ", para 4",
    ", vol two",
    ", sec. A",
    ", xii, 4",
    ", suffix only",
    # the whole locator in braces: no label (none printed), a label inside, nested braces
    " {12-40, 77}",
    " {xyz987}",
    ", {{}}",
    " {p. b}",
    ", {p. IX}",
    ", {, p. (no label)}",
    " {no digits, no label}",
    ", {}",
    " {} 12-15 is the suffix",
    " {12-15} and text after",
    " {blue}after}after",
    " {p. open{never closed",
]

# Suffixes archcite reads otherwise than pandoc 3.9, on purpose.
KNOWN = {
    # The engine formats a locator as citeproc-js 2.4.63 does (the reference for every style):
    # a range of things that are not numbers keeps its hyphen; pandoc's citeproc makes it a dash
    # (and here, unlike "{12-40, 77}", prints a label though the braces hold none).
    ", {5(2)b-9(3.14{2})}": "(Title [pp. 5(2)b–9(3.14{2})])",
    # A braced value after a label is read without its braces (pandoc prints the braces, or reads
    # no locator when the value holds no digit).
    ", sec. {A.2}": "(Title [sec. {A.2}])",
    ", p. {(b)}": "(Title, p.\u00a0{(b)})",
    # "ff." ends with the abbreviation's period (pandoc leaves it to the suffix: "[p. 3ff].").
    ", pp. 3ff.": "(Title [p. 3ff].)",
    # One page is "p." (pandoc 3.9 prints "pp." when the braces hold spaces around the value).
    ", { p. 9 }": "(Title [pp. 9])",
}


def _cite_all(suffixes: list[str], tmp_path: Path, *args: str) -> list[str]:
    (tmp_path / "probe.csl").write_text(PROBE_STYLE, encoding="utf-8")
    body = "\n\n".join(f"[@citekey{suffix}]" for suffix in suffixes)
    document = (
        "---\ncsl: probe.csl\nreferences:\n- id: citekey\n  title: Title\n  type: article-journal\n"
        f"suppress-bibliography: true\n---\n\n{body}\n"
    )
    if args:
        result = pandoc("-f", "markdown", *args, "-t", "plain", "--wrap=none", text=document, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    else:
        result = filtered(document, cwd=tmp_path)
    return paragraphs(result.stdout)


def test_the_filter_reads_locators_as_pandoc_does(tmp_path: Path) -> None:
    theirs = _cite_all(SUFFIXES, tmp_path, "--citeproc")
    ours = _cite_all(SUFFIXES, tmp_path)
    assert len(theirs) == len(ours) == len(SUFFIXES)
    differing = {suffix: (t, o) for suffix, t, o in zip(SUFFIXES, theirs, ours, strict=True) if t != o}
    assert differing == {}


@pytest.mark.parametrize("suffix", list(KNOWN))
def test_pandoc_still_reads_the_known_differences_otherwise(suffix: str, tmp_path: Path) -> None:
    (theirs,) = _cite_all([suffix], tmp_path, "--citeproc")
    (ours,) = _cite_all([suffix], tmp_path)
    assert theirs == KNOWN[suffix]
    assert ours != theirs
