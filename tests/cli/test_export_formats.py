"""``archcite export --to bibtex|biblatex|ris`` and ``--ascii``: data on stdout, lost fields on stderr."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from archcite.cli.app import cli
from archcite.errors import ExitCode
from tests.conftest import EXAMPLE

RECORD = "record 'kimilsung1966letter'"


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_ris_export_keeps_the_archive_in_db_an_and_warns_per_field_kept_in_m2() -> None:
    code, out, err = run("export", str(EXAMPLE), "--to", "ris", "-v")
    assert code == ExitCode.OK
    assert out.startswith("TY  - PCOMM\nID  - kimilsung1966letter\nAU  - Kim Il Sung,\nA2  - Gomułka, Władysław\n")
    for line in (
        "DB  - Modern Records Archives",
        "AN  - 2263/175-233",
        "M2  - archive-place: Warsaw",
        "M2  - archive_collection: KC PZPR",
    ):
        assert line + "\n" in out
    assert "AV  - " not in out
    assert "N1  - " not in out
    assert (
        f"archcite: warning: {EXAMPLE}:4, {RECORD}, field 'archive-place': RIS has no field for 'archive-place'; "
        "kept in M2 as the line 'archive-place: ...'\n"
    ) in err
    assert (
        f"archcite: warning: {EXAMPLE}:4, {RECORD}, field 'translator': Zotero's RIS import of PCOMM has no field "
        "for 'translator'; kept in M2 as the line 'translator: ...'\n"
    ) in err
    # Nine fields kept only in M2 (the collection, a letter's translator); 'Kim Il Sung,' reads back as itself.
    assert err.count("archcite: warning: ") == 9


def test_export_warnings_are_one_line_per_kind_without_verbose() -> None:
    code, _, err = run("export", str(EXAMPLE), "--to", "ris")
    assert (code, err) == (
        ExitCode.OK,
        f"archcite: warning: {EXAMPLE}:4, {RECORD}, field 'title-is-description': RIS has no field for "
        "'title-is-description'; kept in M2 as the line 'title-is-description: ...' "
        "(and 7 more like it; -v shows each)\n"
        f"archcite: warning: {EXAMPLE}:4, {RECORD}, field 'translator': Zotero's RIS import of PCOMM has no field "
        "for 'translator'; kept in M2 as the line 'translator: ...'\n",
    )


def test_quiet_export_prints_no_warnings() -> None:
    code, out, err = run("export", str(EXAMPLE), "--to", "ris", "-q")
    assert (code, err) == (ExitCode.OK, "")
    assert out.startswith("TY  - PCOMM\n")


def test_quiet_and_verbose_together_are_a_usage_error() -> None:
    code, _, err = run("export", str(EXAMPLE), "--to", "ris", "-q", "-v")
    assert code == ExitCode.USAGE
    assert "-q/--quiet and -v/--verbose contradict each other" in err


def test_strict_export_exits_1_and_writes_nothing() -> None:
    code, out, err = run("export", str(EXAMPLE), "--to", "bibtex", "--strict")
    assert (code, out) == (ExitCode.ERROR, "")
    assert err.endswith("archcite: error: 11 warning(s) and --strict given\n")


def test_ascii_export_writes_latex_for_non_ascii_letters() -> None:
    code, out, _ = run("export", str(EXAMPLE), "--to", "biblatex", "--ascii")
    assert code == ExitCode.OK
    assert out.isascii()
    # Note lines end with LaTeX's line break.
    assert "recipient: Gomu{\\l}ka || W{\\l}adys{\\l}aw\\\\" in out
    code, utf8, _ = run("export", str(EXAMPLE), "--to", "biblatex")
    assert "recipient: Gomułka || Władysław\\\\" in utf8


def test_bibtex_style_of_cite_renders_through_the_writer() -> None:
    code, out, _ = run("cite", str(EXAMPLE), "--style", "biblatex", "--ascii")
    assert code == ExitCode.OK
    assert out == run("export", str(EXAMPLE), "--to", "biblatex", "--ascii")[1]


def test_every_export_reads_back_through_stdin_as_the_same_records() -> None:
    _, expected, _ = run("export", str(EXAMPLE), "--to", "yaml")
    for fmt in ("bibtex", "biblatex", "ris", "csljson", "cslyaml"):
        _, exported, _ = run("export", str(EXAMPLE), "--to", fmt)
        code, back, err = run("export", "-", "--from", fmt, "--to", "yaml", input=exported)
        # The same fields, not necessarily in the same order.
        assert (code, yaml.safe_load(back), err) == (ExitCode.OK, yaml.safe_load(expected), ""), fmt


def test_bad_bibtex_entries_stop_the_export_unless_skipped_then_the_good_ones_export(tmp_path: Path) -> None:
    path = tmp_path / "mixed.bib"
    path.write_text("@book{good, title = {Fine}, year = {1990}}\n@book{bad,\n  title = {Unclosed\n", encoding="utf-8")
    code, out, err = run("export", str(path), "--to", "csljson")
    assert (code, out) == (ExitCode.INPUT, "")
    assert err == (
        f"archcite: error: {path}:2, record 'bad': malformed entry: Unexpectedly reached end of file. "
        "(fix it, or pass --skip-invalid to leave out invalid records)\n"
    )
    code, out, err = run("export", str(path), "--to", "csljson", "--skip-invalid")
    assert code == ExitCode.OK
    assert '"id": "good"' in out
    assert err == (
        f"archcite: warning: {path}:2, record 'bad': malformed entry skipped: Unexpectedly reached end of file.\n"
        "archcite: warning: 1 invalid record(s) skipped (--skip-invalid)\n"
    )
    assert run("export", str(path), "--to", "csljson", "--skip-invalid", "--strict")[0] == ExitCode.ERROR


def test_bibtex_and_ris_on_stdin_are_told_apart_by_their_content() -> None:
    # "{Cold War}" braced: an English BibTeX title is read in sentence case, a RIS title as written.
    bib = "@book{gaddis2005, author = {Gaddis, John Lewis}, title = {The {Cold War}}, year = {2005}}\n"
    ris = "TY  - BOOK\nID  - gaddis2005\nAU  - Gaddis, John Lewis\nTI  - The Cold War\nPY  - 2005\nER  - \n"
    expected = (
        "- id: gaddis2005\n  type: book\n  author:\n  - family: Gaddis\n    given: John Lewis\n"
        "  title: The Cold War\n  issued:\n    date-parts: [[2005]]\n"
    )
    for text in (bib, ris):
        code, out, err = run("export", "-", "--to", "yaml", input=text)
        assert (code, yaml.safe_load(out), err) == (ExitCode.OK, yaml.safe_load(expected), "")
