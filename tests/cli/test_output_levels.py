"""-q, the default and -v: how many lines of warnings a run of archival records prints."""

from __future__ import annotations

from click.testing import CliRunner

from archcite.cli.app import cli
from archcite.records.formats.wilson import DIACRITICS_WARNING
from tests.conftest import DATA

PAGES = sorted(str(path) for path in (DATA / "pages").glob("*.txt"))


def stderr_of(*args: str) -> list[str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stderr.splitlines()


def test_bibtex_export_of_archival_pages_prints_one_line_per_kind_of_warning() -> None:
    lines = stderr_of("export", *PAGES, "--to", "bibtex")
    kept_in_note = [line for line in lines if "BibTeX has no field for" in line]
    assert len(kept_in_note) == 1
    assert kept_in_note[0].endswith("(and 73 more like it; -v shows each)")
    assert len(lines) <= 8


def test_verbose_export_prints_every_record_field_kept_in_note() -> None:
    lines = stderr_of("export", *PAGES, "--to", "bibtex", "-v")
    assert sum("BibTeX has no field for" in line for line in lines) == 74
    for record_id in ("kimilsung1966letter", "malin1956working", "roshchin1950ciphered"):
        assert any(f"record '{record_id}'" in line for line in lines), record_id


def test_the_diacritics_notice_is_printed_once_per_run_at_every_level() -> None:
    for level in ((), ("-v",)):
        lines = stderr_of("import", *PAGES, *level)
        assert sum(DIACRITICS_WARNING in line for line in lines) == 1, level
    assert stderr_of("import", *PAGES, "-q") == []


def test_verbose_notice_names_every_page_it_applies_to() -> None:
    (line,) = [line for line in stderr_of("import", *PAGES, "-v") if DIACRITICS_WARNING in line]
    assert all(page in line for page in PAGES)


def test_kinds_held_back_are_bounded() -> None:
    from archcite.cli.report import MAX_KINDS, NORMAL, WarningReport
    from archcite.records.model import RecordWarning

    report = WarningReport(NORMAL)
    report.add(RecordWarning(f"malformed entry skipped: reason {n}") for n in range(MAX_KINDS + 7))
    assert len(report.kinds) == MAX_KINDS
    assert report.uncounted == 7


def test_a_verbose_notice_names_at_most_twenty_places() -> None:
    from archcite.cli.report import MAX_PLACES, VERBOSE, WarningReport
    from archcite.records.model import Origin, RecordWarning

    report = WarningReport(VERBOSE)
    report.add(RecordWarning("a notice", origin=Origin(f"page-{n}.txt", line=1)) for n in range(MAX_PLACES + 5))
    places, count = report.notices["a notice"]
    assert (len(places), count) == (MAX_PLACES, MAX_PLACES + 5)
