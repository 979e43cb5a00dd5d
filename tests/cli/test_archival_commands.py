"""archcite cite on archival records (end to end from an archive page), --sections,
--collection-level, archcite show and archcite check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from archcite.cli.app import cli
from archcite.errors import ExitCode
from tests.conftest import DATA, SHARED
from tests.styles.archival_records import BENTON, CREEL, GOMULKA_STRIPPED, KHRUSHCHEV_TITLED, record
from tests.styles.test_archival_golden import WILSON_BIBLIOGRAPHY, WILSON_MLA, WILSON_NOTE

PAGE = str(DATA / "pages" / "wilson-113390.txt")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def records_file(tmp_path: Path) -> str:
    second = record(CREEL, id="creel-house-1918-10", issued={"date-parts": [[1918, 10, 2]]})
    book = {
        "id": "gaddis-2005",
        "type": "book",
        "title": "The Cold War: A New History",
        "author": [{"family": "Gaddis", "given": "John Lewis"}],
        "publisher": "Penguin Press",
        "publisher-place": "New York",
        "issued": {"date-parts": [[2005]]},
    }
    path = tmp_path / "records.yaml"
    path.write_text(yaml.safe_dump([CREEL, second, book, BENTON], allow_unicode=True), encoding="utf-8")
    return str(path)


def test_imported_wilson_page_cites_by_the_house_rules() -> None:
    # Issue 5's golden case: the page imported, then cited (README, "Archival house rules").
    code, out, _ = run("cite", PAGE, "--style", "chicago")
    assert code == 0
    assert out == f"{WILSON_NOTE}\n\nKim Il Sung to Gomulka, February 3, 1966.\n\n{WILSON_BIBLIOGRAPHY}\n"
    code, out, _ = run("cite", PAGE, "--style", "mla", "--form", "bibliography")
    assert (code, out) == (0, f"{WILSON_MLA}\n")


def test_sections_divide_archival_from_published_sources(records_file: str) -> None:
    code, out, _ = run("cite", records_file, PAGE, "--form", "bibliography", "--sections")
    assert code == 0
    headings = [block.splitlines()[0] for block in out.strip().split("\n\n")]
    assert headings == [
        "Archival sources: Modern Records Archives, Warsaw",
        "Archival sources: Southwest Museum Library, Los Angeles",
        "Archival sources: Yale University Library, New Haven, CT",
        "Published sources",
    ]
    assert out.strip().split("\n\n")[3] == (
        "Published sources\nGaddis, John Lewis. The Cold War: A New History. Penguin Press, 2005."
    )


def test_collection_level_lists_each_collection_once(records_file: str) -> None:
    # CMOS 18 ch. 14: a collection cited in many notes appears once in the bibliography.
    code, out, _ = run("cite", records_file, "--form", "bibliography", "--collection-level")
    assert code == 0
    assert out.splitlines() == [
        "Edward M. House Papers. Yale University Library, New Haven, CT.",
        "Gaddis, John Lewis. The Cold War: A New History. Penguin Press, 2005.",
        "John Charles Fremont Papers. Southwest Museum Library, Los Angeles.",
    ]


def test_show_prints_fields_and_every_citation() -> None:
    code, out, _ = run("show", PAGE)
    assert code == 0
    for title in (
        "Chicago note",
        "Chicago short note",
        "Chicago bibliography",
        "Author-date citation",
        "Author-date reference",
        "MLA works cited",
        "MLA in-text",
    ):
        assert title in out
    assert "archive_location" in out
    assert "Kim Il Sung to Gomulka, February 3, 1966." in out
    assert "(Kim Il Sung 1966)" in out
    # The importer's warning about diacritics, underneath.
    assert "may have lost their diacritics" in " ".join(out.split())


def test_check_reports_archival_problems_as_json(tmp_path: Path) -> None:
    path = tmp_path / "letters.yaml"
    unsent = record(CREEL, id="no-recipient", recipient=None, archive=None, **{"archive-place": None})
    records = [unsent, KHRUSHCHEV_TITLED, GOMULKA_STRIPPED]
    path.write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")
    code, out, err = run("check", str(path), "--json")
    assert code == 0
    found = [(f["record_id"], f["code"], f["field"]) for f in json.loads(out)["findings"]]
    assert found == [
        ("no-recipient", "missing-repository", "archive"),
        ("no-recipient", "letter-without-recipient", "recipient"),
        ("khrushchev-kennedy-1962-10-26", "description-not-marked", "title-is-description"),
        ("gomulka-stripped", "translation-without-translator", "translator"),
        ("gomulka-stripped", "stripped-diacritics", "author"),
        ("gomulka-stripped", "stripped-diacritics", "author"),
    ]
    messages = [f["message"] for f in json.loads(out)["findings"]]
    assert messages[4] == "'Gomulka' may have lost its diacritics: the record also has Gomułka (title)"
    assert "3 record(s) checked, 6 finding(s)" in err


def test_check_strict_exits_1_when_anything_is_found(tmp_path: Path) -> None:
    path = tmp_path / "letter.yaml"
    path.write_text(yaml.safe_dump([record(CREEL, archive=None)]), encoding="utf-8")
    assert run("check", str(path), "--strict")[0] == ExitCode.ERROR
    path.write_text(yaml.safe_dump([CREEL]), encoding="utf-8")
    assert run("check", str(path), "--strict")[0] == ExitCode.OK


def test_check_diffs_the_archive_citation_line_with_the_chicago_note() -> None:
    code, out, _ = run("check", PAGE, "--json")
    assert code == 0
    rows = {row["field"]: row for row in json.loads(out)["diffs"]["kimilsung1966letter"]}
    assert rows["issued"] == {
        "field": "issued",
        "archive": "February 03, 1966",
        "archcite": "February 3, 1966",
        "status": "reformatted",
    }
    assert rows["page"]["archive"] == "pp. 209-233"
    assert rows["page"]["archcite"] == "pp. 209–33"
    assert rows["archive_location"]["archcite"] == "KC PZPR 2263/175-233"
    assert rows["translator"] == {
        "field": "translator",
        "archive": "Translated by Vojtech Mastny",
        "archcite": "trans. Vojtech Mastny",
        "status": "reformatted",
    }
    assert json.loads(out)["findings"] == []


def test_show_leaves_the_bibtex_panel_out_without_a_bibtex_writer(monkeypatch: pytest.MonkeyPatch) -> None:
    from archcite.records import registry

    without = [f for f in registry.all_formats() if f.name != "bibtex"]
    monkeypatch.setattr(registry, "_formats", without)
    code, out, _ = run("show", PAGE)
    assert code == 0
    assert "no BibTeX panel: this build has no BibTeX writer" in " ".join(out.split())


def test_show_draws_the_bibtex_writer_output_when_there_is_one() -> None:
    code, out, _ = run("show", PAGE)
    assert code == 0
    assert "BibTeX" in out
    # The BibTeX writer (records/formats/bibtex.py) writes a letter as @letter; its own tests pin the rest.
    assert "@letter{kimilsung1966letter," in out
    assert "no BibTeX panel" not in out


def test_terminal_sections_are_titled_panels(monkeypatch: pytest.MonkeyPatch, records_file: str) -> None:
    monkeypatch.setattr("archcite.cli.cite.stdout_is_terminal", lambda: True)
    code, out, _ = run("cite", records_file, "--form", "bibliography", "--sections")
    assert code == 0
    titles = [line for line in out.splitlines() if line.endswith(("Library, Los Angeles", "CT", "sources"))]
    assert titles == [
        "Archival sources: Southwest Museum Library, Los Angeles",
        "Archival sources: Yale University Library, New Haven, CT",
        "Published sources",
    ]


def test_terminal_check_draws_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("archcite.cli.check.stdout_is_terminal", lambda: True)
    code, out, _ = run("check", PAGE, "-v")
    assert code == 0
    assert "No archival problems found." in out
    assert "kimilsung1966letter: the archive's citation line and archcite's Chicago note" in out
    assert "February 03, 1966" in out


def test_piped_check_prints_findings_only_without_verbose() -> None:
    code, out, err = run("check", PAGE)
    assert (code, out) == (0, "")
    assert err.endswith("archcite: info: 1 record(s) checked, 0 finding(s)\n")


def test_quiet_check_prints_nothing_on_stderr() -> None:
    assert run("check", PAGE, "-q") == (0, "", "")


def test_verbose_piped_check_prints_one_tab_separated_line_per_fact() -> None:
    code, out, _ = run("check", PAGE, "-v")
    assert code == 0
    assert (
        "kimilsung1966letter\tdiff\tissued\treformatted: 'February 03, 1966' → 'February 3, 1966'" in out.splitlines()
    )


def test_check_reports_a_document_nothing_names() -> None:
    # A CIA reading-room page saved from its print view: no title, no kind of document. Its
    # Chicago note would begin "n.d., CIA-RDP80B01676R001700130009-3, ..."; check says so.
    page = str(SHARED / "archive-pages" / "cia-crest" / "004.txt")
    code, out, _ = run("check", page, "--json")
    assert code == 0
    found = [(f["code"], f["field"]) for f in json.loads(out)["findings"]]
    assert ("missing-title", "title") in found
