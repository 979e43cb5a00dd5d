"""The progress bar: drawn on a terminal for long runs, never into pipes and files."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from archcite.cli import progress
from archcite.cli.app import cli
from archcite.cli.progress import THRESHOLD, each_advancing, progress_bar


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_draws_nothing_when_stderr_is_not_a_terminal() -> None:
    stream = io.StringIO()
    with progress_bar(10_000, "formatting", stream=stream) as advance:
        for _ in range(10_000):
            advance(1)
    assert stream.getvalue() == ""


def test_progress_bar_draws_nothing_for_a_few_records_even_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    stream = FakeTerminal()
    with progress_bar(THRESHOLD - 1, "formatting", stream=stream) as advance:
        advance(THRESHOLD - 1)
    assert stream.getvalue() == ""


def test_progress_bar_draws_on_a_terminal_for_many_records(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    stream = FakeTerminal()
    with progress_bar(THRESHOLD, "formatting", stream=stream) as advance:
        advance(THRESHOLD)
    assert "formatting" in stream.getvalue()


def test_progress_bar_is_off_on_a_dumb_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "dumb")
    stream = FakeTerminal()
    with progress_bar(10_000, "formatting", stream=stream) as advance:
        advance(10_000)
    assert stream.getvalue() == ""


def test_rendering_reports_three_steps_per_record_for_the_progress_bar() -> None:
    from archcite.records.validate import build_records
    from archcite.styles import render

    items = [
        {"id": "a", "type": "book", "title": "Alpha", "issued": {"date-parts": [[1990]]}},
        {"id": "b", "type": "book", "title": "Beta", "issued": {"date-parts": [[1991]]}},
    ]
    records, _ = build_records([(item, None) for item in items])
    steps: list[int] = []
    render(records, "chicago", progress=steps.append)
    assert sum(steps) == 3 * len(records)


def test_the_bar_counts_records_whatever_steps_the_work_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    stream = FakeTerminal()
    with progress_bar(THRESHOLD, "formatting", steps_per_record=3, stream=stream) as advance:
        advance(3 * THRESHOLD)
    assert f"{THRESHOLD}/{THRESHOLD}" in stream.getvalue()
    assert f"{3 * THRESHOLD}" not in stream.getvalue()


def test_a_bar_leaves_stdout_to_the_data(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    stdout = sys.stdout
    with progress_bar(THRESHOLD, "exporting", stream=FakeTerminal()):
        assert sys.stdout is stdout  # not routed through the bar's console on stderr


def test_each_advancing_counts_an_item_once_the_next_is_asked_for() -> None:
    steps: list[int] = []
    items = each_advancing(["a", "b"], steps.append)
    assert (next(items), steps) == ("a", [])
    assert (next(items), steps) == ("b", [1])
    assert (list(items), steps) == ([], [1, 1])


def many_records(tmp_path: Path) -> str:
    path = tmp_path / "many.json"
    items = [
        {"id": f"r{n}", "type": "book", "title": f"Title {n}", "author": [{"family": "Nowak", "given": "Jan"}]}
        for n in range(THRESHOLD)
    ]
    path.write_text(json.dumps(items), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("arguments", "description"),
    [
        (["export", "--to", "bibtex"], "exporting"),
        (["export", "--to", "ris"], "exporting"),
        (["check"], "checking"),
        (["cite", "--format", "plain", "--no-cache"], "formatting"),
    ],
)
def test_commands_draw_a_bar_for_many_records_and_print_the_same_data(
    arguments: list[str], description: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = many_records(tmp_path)
    command = [arguments[0], source, *arguments[1:]]
    plain = CliRunner().invoke(cli, command, catch_exceptions=False)
    # stderr as a terminal for the bar only: what is printed must not change
    monkeypatch.setattr(progress, "is_terminal", lambda stream: True)
    monkeypatch.setenv("FORCE_COLOR", "1")  # rich draws as on a terminal
    with_bar = CliRunner().invoke(cli, command, catch_exceptions=False)
    assert with_bar.exit_code == plain.exit_code == 0
    assert with_bar.stdout == plain.stdout
    assert description in with_bar.stderr
    assert description not in plain.stderr


def test_show_reports_its_steps_per_record_for_the_bar() -> None:
    from archcite.cli.show import panels_for, steps_per_record
    from archcite.records.validate import build_records

    items = [{"id": n, "type": "book", "title": n} for n in ("alpha", "beta")]
    records, _ = build_records([(item, None) for item in items])
    steps: list[int] = []
    panels_for(records, steps.append)
    assert sum(steps) == steps_per_record() * len(records)


@pytest.mark.parametrize("fmt", ["bibtex", "ris", "csljson"])
def test_an_export_read_whole_draws_a_bar_too_and_prints_the_same_data(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = Path(many_records(tmp_path)).read_text(encoding="utf-8")
    command = ["export", "-", "--to", fmt]  # standard input is read whole, not streamed
    plain = CliRunner().invoke(cli, command, input=text, catch_exceptions=False)
    monkeypatch.setattr(progress, "is_terminal", lambda stream: True)
    monkeypatch.setenv("FORCE_COLOR", "1")
    with_bar = CliRunner().invoke(cli, command, input=text, catch_exceptions=False)
    assert with_bar.exit_code == plain.exit_code == 0
    assert with_bar.stdout == plain.stdout
    assert "exporting" in with_bar.stderr
