"""The console script runs start-up without the cyclic collector and turns it back on for big inputs."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from archcite.cli import resume_garbage_collection
from archcite.cli.options import load
from archcite.cli.progress import THRESHOLD


@pytest.fixture
def collector_off() -> Iterator[None]:
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.enable()


def records_file(tmp_path: Path, count: int) -> str:
    path = tmp_path / f"{count}.json"
    items = [{"id": f"r{n}", "type": "book", "title": f"Title {n}"} for n in range(count)]
    path.write_text(json.dumps(items), encoding="utf-8")
    return str(path)


@pytest.mark.usefixtures("collector_off")
def test_loading_many_records_turns_the_collector_back_on_with_start_up_frozen(tmp_path: Path) -> None:
    assert len(load([records_file(tmp_path, THRESHOLD - 1)], None).records) == THRESHOLD - 1
    assert not gc.isenabled()
    assert len(load([records_file(tmp_path, THRESHOLD)], None).records) == THRESHOLD
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0


def test_resuming_leaves_a_running_collector_as_it_is() -> None:
    frozen = gc.get_freeze_count()
    resume_garbage_collection()
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


PROBE = """
import gc, sys
from archcite.cli import main
seen = []
import archcite.cli.app as app
original = app.cli.invoke
def invoke(ctx):
    seen.append(gc.isenabled())
    return original(ctx)
app.cli.invoke = invoke
sys.argv = ["archcite", "cite", {path!r}, "--format", "plain", "--no-cache"]
try:
    main()
except SystemExit as stop:
    print(stop.code, seen, gc.isenabled(), gc.get_freeze_count() > 0, file=sys.stderr)
"""


def test_the_console_script_runs_without_the_collector_and_freezes_what_is_left(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(path=records_file(tmp_path, 1))],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert "Title 0" in done.stdout  # it did cite the record
    # exit 0; off when the command ran, still off at the end, and what was left frozen
    assert done.stderr.strip().splitlines()[-1] == "0 [False] False True"
