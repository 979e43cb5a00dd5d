"""The command line: exact output, exit codes (DESIGN.md), stdout for data, stderr for people."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from archcite.cli.app import cli
from archcite.errors import ExitCode
from tests.conftest import DATA, EXAMPLE

TELEGRAMS = str(DATA / "records" / "two-telegrams.json")


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_every_command_has_help_with_an_example() -> None:
    from archcite.cli import COMMANDS

    for name in COMMANDS:
        command = cli.get_command(click.Context(cli), name)
        assert command is not None, name
        code, out, _ = run(name, "--help")
        assert code == 0, name
        assert command.help, name
        assert "Example" in command.help, name
        assert f"archcite {name}" in out, name


def test_version() -> None:
    code, out, _ = run("--version")
    assert (code, out) == (0, "archcite, version 0.1.0\n")


# An archival record follows archcite's archival rules (README, "Archival house rules"): CMOS 18's
# short note for correspondence, "Sender to Recipient, date", not the CSL style's.
def test_short_note_of_an_archival_record_follows_the_manual() -> None:
    code, out, err = run("cite", TELEGRAMS, "--id", "kennan-long-telegram-1946", "--form", "short-note")
    assert (code, out, err) == (0, "Kennan to Byrnes, February 22, 1946.\n", "")


def test_in_text_citation_matches_the_reference_processor() -> None:
    code, out, _ = run(
        "cite", TELEGRAMS, "--id", "kennan-long-telegram-1946", "-s", "chicago-author-date", "--form", "in-text"
    )
    assert (code, out) == (0, "(Kennan 1946)\n")


def test_piped_default_prints_each_form_as_a_block() -> None:
    code, out, _ = run("cite", TELEGRAMS, "-s", "chicago-author-date")
    assert code == 0
    blocks = out.split("\n\n")
    assert len(blocks) == 2
    assert blocks[0].splitlines()[0] == "(Kennan 1946)"
    # The reference-list block is sorted as the style says: Kennan before Ministerrat.
    assert [line.split(".")[0].split(",")[0] for line in blocks[1].splitlines()] == [
        "Kennan",
        "Ministerrat der Deutschen Demokratischen Republik",
    ]


def test_html_output_escapes_field_values(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    # German, so that English title case leaves the title as typed.
    path.write_text("id: a\ntype: book\nlanguage: de\ntitle: 'Arms & <script>alert(1)</script>'\n", encoding="utf-8")
    code, out, _ = run("cite", str(path), "-s", "chicago-author-date", "--form", "bibliography", "--format", "html")
    assert code == 0
    assert "<script>" not in out
    assert "Arms &amp; &lt;script&gt;alert(1)&lt;/script&gt;" in out


def test_form_that_the_style_lacks_is_a_usage_error() -> None:
    code, out, err = run("cite", TELEGRAMS, "--form", "in-text")
    assert (code, out) == (ExitCode.USAGE, "")
    assert err == (
        "archcite: error: chicago-notes-bibliography is a note style: it has no in-text citations (use --form note)\n"
    )


def test_export_writes_csljson_to_stdout() -> None:
    code, out, _ = run("export", str(EXAMPLE), "--to", "csljson")
    assert code == 0
    assert json.loads(out)[0]["author"] == [{"literal": "Kim Il Sung"}]


def test_stdin_is_a_source() -> None:
    code, out, _ = run("export", "-", "--to", "yaml", input='[{"id": "x", "type": "book", "title": "T"}]')
    assert (code, out) == (0, "- id: x\n  type: book\n  title: T\n")


def test_output_file_is_not_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("keep me", encoding="utf-8")
    code, _, err = run("export", str(EXAMPLE), "--to", "csljson", "-o", str(target))
    assert code == ExitCode.ERROR
    assert err == f"archcite: error: {target}: file exists (pass --force to overwrite it)\n"
    assert target.read_text(encoding="utf-8") == "keep me"
    assert run("export", str(EXAMPLE), "--to", "csljson", "-o", str(target), "--force")[0] == 0
    assert json.loads(target.read_text(encoding="utf-8"))[0]["id"] == "kimilsung1966letter"


def test_styles_search_and_formats_list_are_plain_when_piped() -> None:
    code, out, _ = run("styles", "modern", "language", "association", "notes", "no-url")
    assert (code, out) == (
        0,
        "modern-language-association-notes-no-url\tMLA Handbook 9th edition (notes, without URLs)\n",
    )
    code, out, _ = run("formats")
    assert code == 0
    assert out.splitlines()[0].startswith("csljson, json, csl-json\tread/write\t.json .csl.json\t")


# One test per exit code (DESIGN.md).
def test_exit_1_for_warnings_under_strict(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("id: a\ntype: book\ntitel: T\n", encoding="utf-8")
    assert run("export", str(path), "--to", "yaml")[0] == ExitCode.OK
    code, out, err = run("export", str(path), "--to", "yaml", "--strict")
    assert (code, out) == (ExitCode.ERROR, "")
    assert err.endswith("archcite: error: 1 warning(s) and --strict given\n")


def test_exit_2_for_usage_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("archcite.cli.console.is_terminal", lambda stream: True)
    assert run("cite")[0] == ExitCode.USAGE
    assert run("cite", TELEGRAMS, "--locator", "xyz. 4")[0] == ExitCode.USAGE


def test_no_source_reads_piped_standard_input(example_path: str) -> None:
    with open(example_path, encoding="utf-8") as handle:
        piped = CliRunner().invoke(cli, ["cite", "--form", "short-note"], input=handle.read())
    assert (piped.exit_code, piped.stdout) == (0, "Kim Il Sung to Gomułka, February 3, 1966.\n")


def test_no_source_on_a_terminal_says_what_to_give(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("archcite.cli.console.is_terminal", lambda stream: True)
    code, _, err = run("list")
    assert code == ExitCode.USAGE
    assert "Error: give a SOURCE: a record file, a folder, a page, or - for standard input\n" in err


def test_exit_3_for_a_missing_file() -> None:
    code, out, err = run("cite", "no-such-file.yaml")
    assert (code, out, err) == (
        ExitCode.INPUT,
        "",
        "archcite: error: no-such-file.yaml: no such file (check the path)\n",
    )


def test_exit_3_for_invalid_input(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("id: a\ntype: book\nauthor: [Kim Il Sung]\n", encoding="utf-8")
    code, _, err = run("cite", str(path))
    assert code == ExitCode.INPUT
    assert err == (
        f"archcite: error: {path}:1, record 'a': name 1 of 'author' is the bare string 'Kim Il Sung' "
        "(write {family: ..., given: ...} for a person or {literal: 'Kim Il Sung'}; "
        "or pass --skip-invalid to leave out invalid records)\n"
    )


def test_exit_4_for_an_unknown_style_with_suggestions() -> None:
    code, _, err = run("cite", TELEGRAMS, "--style", "chicgo")
    assert code == ExitCode.UNKNOWN
    assert err.startswith("archcite: error: unknown style 'chicgo' (did you mean chicago, ")


def test_exit_4_for_an_unknown_record_id() -> None:
    code, _, err = run("cite", TELEGRAMS, "--id", "kennan-long-telegram-1964")
    assert code == ExitCode.UNKNOWN
    assert err.startswith(
        "archcite: error: no record with id 'kennan-long-telegram-1964' (did you mean kennan-long-telegram-1946?"
    )


def test_exit_4_when_nothing_tells_the_format(tmp_path: Path) -> None:
    path = tmp_path / "records.txt"
    path.write_text("just some words\n", encoding="utf-8")
    code, _, err = run("cite", str(path))
    assert code == ExitCode.UNKNOWN
    assert "cannot tell the format of this source (name it with --from (one of: csljson, yaml, cslyaml" in err


def test_exit_130_when_interrupted(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("archcite.records.io.load_sources", interrupted)
    assert run("cite", TELEGRAMS)[0] == ExitCode.INTERRUPTED


def test_internal_errors_are_one_line_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.delenv("ARCHCITE_DEBUG", raising=False)
    monkeypatch.setattr("archcite.records.io.load_sources", broken)
    code, _, err = run("cite", TELEGRAMS)
    assert (code, err) == (
        ExitCode.ERROR,
        "archcite: error: internal error: RuntimeError: boom (set ARCHCITE_DEBUG=1 for details)\n",
    )


def test_terminal_output_is_labelled_paragraphs_that_copy_cleanly(monkeypatch: pytest.MonkeyPatch) -> None:
    # No borders and no line breaks inside a citation, however narrow the terminal: a note
    # copied from it is the note. The strings are CMOS 18 ch. 14's telegram form (see the
    # archival golden tests).
    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.setattr("archcite.cli.cite.stdout_is_terminal", lambda: True)
    code, out, _ = run("cite", TELEGRAMS, "--id", "kennan-long-telegram-1946")
    assert code == 0
    assert out == (
        "Note\n"
        "George F. Kennan to James F. Byrnes, telegram, February 22, 1946, 861.00/2-2246, Record Group 59, "
        "General Records of the Department of State, Central Decimal File, 1945–49, National Archives and "
        "Records Administration, College Park, MD.\n"
        "\n"
        "Short note\n"
        "Kennan to Byrnes, February 22, 1946.\n"
        "\n"
        "Bibliography\n"
        "Kennan, George F. Telegram to James F. Byrnes, February 22, 1946. 861.00/2-2246. Record Group 59, "
        "General Records of the Department of State, Central Decimal File, 1945–49. National Archives and "
        "Records Administration, College Park, MD.\n"
    )


def test_each_run_draws_at_the_terminal_width_it_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    # A console kept from an earlier run in the same process drew at that run's width: after a
    # run at 60 columns, check's table titles wrapped at 60 in an 80-column terminal.
    from archcite.cli.console import err_console, out_console

    monkeypatch.setenv("COLUMNS", "60")
    assert (out_console().width, err_console().width) == (60, 60)
    monkeypatch.setenv("COLUMNS", "100")
    assert (out_console().width, err_console().width) == (100, 100)


def test_show_keeps_field_values_readable_at_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setattr("archcite.cli.show.stdout_is_terminal", lambda: True)
    code, out, _ = run("show", str(EXAMPLE))
    assert code == 0
    assert "│ archive_location          │ 2263/175-233" in out
    assert "│ title-is-description      │ true" in out


def test_piped_show_draws_no_table() -> None:
    code, out, _ = run("show", str(EXAMPLE))
    assert code == 0
    assert not set("│─╭╰┃━") & set(out)
    assert out.startswith("kimilsung1966letter\n  id: kimilsung1966letter\n  type: personal_communication\n")
    assert "\n  archive_location: 2263/175-233\n" in out


def test_a_mistyped_command_suggests_the_closest() -> None:
    code, _, err = run("cit", "x.yaml")
    assert code == ExitCode.USAGE
    assert err.endswith("Error: No such command 'cit'. Did you mean cite?\n")


# Issue 5's golden case, end to end: the saved page goes through the importer and the archival
# rules in one `archcite cite` run (expected strings are the README's "Archival house rules").
WILSON_PAGE = str(DATA / "pages" / "wilson-113390.txt")


def test_imported_wilson_page_cites_as_the_manuals_say() -> None:
    code, out, err = run("cite", WILSON_PAGE, "--form", "note")
    assert code == 0
    assert out == (
        "Kim Il Sung to Wladyslaw Gomulka, February 3, 1966, trans. Vojtech Mastny, KC PZPR 2263/175-233, "
        "pp. 209–33, Modern Records Archives, Warsaw, History and Public Policy Program Digital Archive, "
        "Wilson Center, https://digitalarchive.wilsoncenter.org/document/113390.\n"
    )
    assert "may have lost their diacritics" in err
    code, out, _ = run("cite", WILSON_PAGE, "--style", "mla", "--form", "bibliography")
    assert code == 0
    assert out.startswith("Kim Il Sung. Letter to Wladyslaw Gomulka. Translated by Vojtech Mastny, 3 Feb. 1966.")
    assert "“" not in out


# APA Publication Manual (7th ed.), 8.13: "(Shimamura, 2017, Chapter 3)"; a chapter locator
# keeps its label (it was dropped: "(Shimamura, 2017, 3)").
def test_a_chapter_locator_keeps_its_label_in_apa(tmp_path: Path) -> None:
    book = tmp_path / "book.json"
    book.write_text(
        json.dumps(
            [
                {
                    "id": "shimamura2017",
                    "type": "book",
                    "title": "Get smart! Five steps toward a healthy brain",
                    "author": [{"family": "Shimamura", "given": "Arthur P."}],
                    "issued": {"date-parts": [[2017]]},
                }
            ]
        ),
        encoding="utf-8",
    )
    code, out, _ = run("cite", str(book), "-s", "apa", "--form", "in-text", "--locator", "chap. 3")
    assert (code, out) == (0, "(Shimamura, 2017, Chapter 3)\n")
