"""Exact notes, in-text citations and bibliographies through the filter, in Chicago notes, Chicago
author-date, MLA and a numeric style. Published works are expected as citeproc-js prints them
(../shared/reference/expected), archival records as ``archcite cite`` prints them; the numeric
style as pandoc's citeproc prints it."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLE
from tests.pandoc.running import CORPUS, SKIP_INVALID, archcite_cite, citeproc_js, filtered, notes, paragraphs

PUBLISHED = ["kramer-1998", "chen-chapter-1998", "zubok-2007"]
KIM = "kimilsung1966letter"
# Each source cited once, then again in the same order: the second round is the subsequent form.
DOCUMENT = " ".join(f"Text [@{key}]." for key in [*PUBLISHED, KIM] * 2) + "\n"
# Alphabetical by the first word of the entry (CMOS 18 and MLA 9): Chen, Kim, Kramer, Zubok.
BIBLIOGRAPHY_ORDER = ["chen-chapter-1998", KIM, "kramer-1998", "zubok-2007"]


def _run(style: str) -> str:
    # Repeated -M options make a list, as a YAML list in the document would.
    return filtered(
        DOCUMENT, "-M", f"bibliography={CORPUS}", "-M", f"bibliography={EXAMPLE}", "-M", f"csl={style}", *SKIP_INVALID
    ).stdout


def _bibliography(plain: str, style: str, archcite_style: str) -> list[str]:
    expected = {key: citeproc_js(style, key)["bib"] for key in PUBLISHED}
    expected[KIM] = archcite_cite(str(EXAMPLE), KIM, "bibliography", style=archcite_style)
    return [expected[key] for key in BIBLIOGRAPHY_ORDER]


def test_chicago_notes() -> None:
    plain = _run("chicago")
    kim_first = archcite_cite(str(EXAMPLE), KIM, "note")
    kim_short = archcite_cite(str(EXAMPLE), KIM, "short-note")
    first = [citeproc_js("chicago-notes-bibliography", key)["cite"] for key in PUBLISHED]
    subsequent = [citeproc_js("chicago-notes-bibliography", key)["cite_sub"] for key in PUBLISHED]
    assert list(notes(plain).values()) == [*first, kim_first, *subsequent, kim_short]
    assert paragraphs(plain)[0] == " ".join(f"Text.[{n}]" for n in range(1, 9))
    body = plain.split("\n\n[1] ")[0]
    assert paragraphs(body)[1:] == _bibliography(plain, "chicago-notes-bibliography", "chicago")


@pytest.mark.parametrize(
    ("style", "reference_style"),
    [("chicago-author-date", "chicago-author-date"), ("mla", "modern-language-association")],
)
def test_in_text_styles(style: str, reference_style: str) -> None:
    plain = _run(style)
    cites = [citeproc_js(reference_style, key)["cite"] for key in PUBLISHED]
    kim = archcite_cite(str(EXAMPLE), KIM, "in-text", style=style)
    assert paragraphs(plain)[0] == " ".join(f"Text {cite}." for cite in [*cites, kim] * 2)
    assert paragraphs(plain)[1:] == _bibliography(plain, reference_style, style)


def test_numeric_style_numbers_by_first_citation() -> None:
    plain = filtered(
        " ".join(f"Text [@{key}]." for key in PUBLISHED * 2),
        "-M",
        f"bibliography={CORPUS}",
        "-M",
        "csl=ieee",
        *SKIP_INVALID,
    )
    # pandoc 3.9 --citeproc with the same ieee.csl.
    assert paragraphs(plain.stdout) == [
        "Text [1]. Text [2]. Text [3]. Text [1]. Text [2]. Text [3].",
        "[1] M. Kramer, “The Soviet Union and the 1956 Crises in Hungary and Poland: Reassessments and New "
        "Findings,” Journal of Contemporary History, vol. 33, no. 2, pp. 163–214, Apr. 1998, doi: "
        "10.1177/002200949803300201.",
        "[2] Chen Jian, “The Sino-Soviet Alliance and China’s Entry into the Korean War,” in Brothers in Arms: The "
        "Rise and Fall of the Sino-Soviet Alliance, 1945-1963, O. A. Westad, Ed., Washington, DC: Woodrow Wilson "
        "Center Press, 1998, pp. 105–129.",
        "[3] V. M. Zubok, A Failed Empire: The Soviet Union in the Cold War from Stalin to Gorbachev. in The New "
        "Cold War History. Chapel Hill: University of North Carolina Press, 2007.",
    ]
