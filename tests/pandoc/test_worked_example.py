"""The Bar of issue 17: ``pandoc chapter.md --filter archcite-pandoc -t plain`` on the worked example of
docs/pandoc.md prints the archival notes exactly as ``archcite cite`` prints them, with ibid. and
short notes in the right places; and the formatting survives into HTML and docx."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLE
from tests.pandoc.running import CHAPTER, FILTER, archcite_cite, notes, pandoc, paragraphs

SOURCES = str(CHAPTER / "sources.yaml")
KIM = str(EXAMPLE)

# The published books' notes are pandoc's own --citeproc output for the same CSL style (checked
# by test_published_parity too); they are cited here only to sit between the archival notes.
GADDIS_FIRST = "John Lewis Gaddis, The Cold War: A New History (Penguin Press, 2005), 28–29."
WESTAD_FIRST = (
    "Odd Arne Westad, The Global Cold War: Third World Interventions and the Making of Our Times "
    "(Cambridge University Press, 2005), 110."
)
GADDIS_IN_NOTE = "On the telegram’s reception, see Gaddis, The Cold War: A New History, 30."


def _run(*args: str) -> str:
    result = pandoc("chapter.md", "--filter", FILTER, "-t", "plain", "--wrap=none", *args, cwd=CHAPTER)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


@pytest.fixture(scope="module")
def plain() -> str:
    return _run()


def _without_period(note: str) -> str:
    return note.removesuffix(".")


def test_first_notes_are_archcite_cite_notes(plain: str) -> None:
    found = notes(plain)
    kennan = archcite_cite(SOURCES, "kennan1946longtelegram", "note")
    assert found[1] == f"{_without_period(kennan)}; see also {GADDIS_FIRST}"
    assert found[2] == archcite_cite(SOURCES, "mao1950filippov", "note", locator="l. 105")
    assert found[4] == archcite_cite(SOURCES, "pzpr1956politburo", "note", locator="p. 14")
    assert found[5] == archcite_cite(SOURCES, "bundy1961berlin", "note")
    assert found[6] == WESTAD_FIRST
    assert found[7] == archcite_cite(KIM, "kimilsung1966letter", "note", locator="p. 212")
    assert found[10] == GADDIS_IN_NOTE
    assert len(found) == 10


def test_ibid_follows_the_same_source_in_the_note_before(plain: str) -> None:
    # CMOS 18 14.34: "Ibid." stands for the source of the immediately preceding note; with a
    # different page it takes the page ("Ibid., 215"); archival folios keep their label.
    found = notes(plain)
    assert found[3] == "Ibid., l. 106."
    assert found[8] == "Ibid., p. 215."


def test_a_source_cited_again_later_gets_archcite_cite_short_note(plain: str) -> None:
    assert notes(plain)[9] == archcite_cite(SOURCES, "kennan1946longtelegram", "short-note")


def test_without_ibid_the_style_gives_short_notes(plain: str) -> None:
    # Without archcite-ibid the CSL style decides, and CMOS 18's style prints short notes where
    # ibid. could stand (the manual discourages ibid.).
    found = notes(_run("-M", "archcite-ibid=false"))
    assert found[3] == archcite_cite(SOURCES, "mao1950filippov", "short-note", locator="l. 106")
    assert found[8] == archcite_cite(KIM, "kimilsung1966letter", "short-note", locator="p. 215")
    assert {n: found[n] for n in found if n not in (3, 8)} == {n: t for n, t in notes(plain).items() if n not in (3, 8)}


def test_notes_stand_after_the_punctuation(plain: str) -> None:
    text = paragraphs(plain)[0]
    assert text.startswith("Historians of the early Cold War have long read Kennan’s “long telegram” as the")
    assert "charter of containment.[1] The view" in text
    assert "he hedged,[2] and the hedge was deliberate.[3] Six years" in text


def test_bibliography_is_archcite_cite_bibliography(plain: str) -> None:
    body = plain.split("\n\n[1] ")[0]
    heading, *entries = paragraphs(body.split("\n\nBibliography\n\n", 1)[1].join(["Bibliography\n\n", ""]))
    assert heading == "Bibliography"
    archival = {
        record_id: archcite_cite(source, record_id, "bibliography")
        for source, record_id in [
            (SOURCES, "kennan1946longtelegram"),
            (SOURCES, "mao1950filippov"),
            (SOURCES, "pzpr1956politburo"),
            (SOURCES, "bundy1961berlin"),
            (KIM, "kimilsung1966letter"),
        ]
    }
    assert entries == [
        archival["bundy1961berlin"],
        "Gaddis, John Lewis. The Cold War: A New History. Penguin Press, 2005.",
        archival["kennan1946longtelegram"],
        archival["kimilsung1966letter"],
        archival["mao1950filippov"],
        archival["pzpr1956politburo"],
        "Westad, Odd Arne. The Global Cold War: Third World Interventions and the Making of Our Times. "
        "Cambridge University Press, 2005.",
    ]


def test_the_bar_command_exactly_as_documented() -> None:
    # The command of docs/pandoc.md, wrapping included: the same words as the unwrapped run.
    result = pandoc("chapter.md", "--filter", FILTER, "-t", "plain", cwd=CHAPTER)
    assert result.returncode == 0, result.stderr
    assert " ".join(result.stdout.split()) == " ".join(_run().split())


def test_html_keeps_italics_links_and_notes() -> None:
    result = pandoc("chapter.md", "--filter", FILTER, "-t", "html", "--wrap=none", cwd=CHAPTER)
    assert result.returncode == 0, result.stderr
    html = result.stdout
    assert html.count('role="doc-noteref"') == 10
    assert "<em>The Cold War: A New History</em> (Penguin Press, 2005), 28–29" in html
    assert '<a href="https://digitalarchive.wilsoncenter.org/document/113390"' in html
    assert '<div id="refs" class="references csl-bib-body hanging-indent"' in html
    assert '<div id="ref-kimilsung1966letter" class="csl-entry"' in html
    assert "&lt;i&gt;" not in html


def test_docx_reads_back_with_the_same_notes_and_italics(tmp_path: Path, plain: str) -> None:
    docx = tmp_path / "chapter.docx"
    result = pandoc("chapter.md", "--filter", FILTER, "-o", str(docx), cwd=CHAPTER)
    assert result.returncode == 0, result.stderr
    back = pandoc(str(docx), "-t", "plain", "--wrap=none")
    assert notes(back.stdout) == notes(plain)
    markdown = pandoc(str(docx), "-t", "markdown", "--wrap=none").stdout
    assert "*The Cold War: A New History* (Penguin Press, 2005), 28--29" in markdown


def test_docs_show_the_example_and_its_output_as_they_are() -> None:
    docs = (CHAPTER.parents[1] / "docs" / "pandoc.md").read_text(encoding="utf-8")
    assert (CHAPTER / "chapter.md").read_text(encoding="utf-8").strip() in docs
    result = pandoc("chapter.md", "--filter", FILTER, "-t", "plain", cwd=CHAPTER)
    assert f"```\n{result.stdout.strip()}\n```" in docs
