"""The progress bar: drawn on a terminal for long runs, never into pipes and files."""

from __future__ import annotations

import io

import pytest

from archcite.cli.progress import THRESHOLD, progress_bar


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
