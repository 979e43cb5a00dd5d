"""Faults while writing, in a real process: a signal mid-export leaves no temporary file, and a
full disk as standard output is an error message, not a traceback or a silent truncation."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archcite.errors import ExitCode
from tests.conftest import EXAMPLE

ARCHCITE = [sys.executable, "-m", "archcite"]


def _many_records(path: Path, count: int) -> None:
    item = {"type": "book", "author": [{"family": "Kennan", "given": "George F."}], "issued": {"date-parts": [[1946]]}}
    path.write_text(json.dumps([{"id": f"r{n}", "title": f"Title {n}", **item} for n in range(count)]), "utf-8")


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGHUP"])
def test_a_termination_signal_mid_export_leaves_no_temporary_file(tmp_path: Path, signal_name: str) -> None:
    if not hasattr(signal, signal_name):
        pytest.skip(f"no {signal_name} on this system")  # pragma: no cover
    source = tmp_path / "many.json"
    _many_records(source, 20_000)
    target = tmp_path / "out" / "many.bib"
    target.parent.mkdir()
    process = subprocess.Popen(
        [*ARCHCITE, "export", str(source), "--to", "bibtex", "-o", str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # The second pass writes the temporary file; wait until it exists, then signal.
        limit = time.monotonic() + 120
        while not any(target.parent.iterdir()) and process.poll() is None and time.monotonic() < limit:
            time.sleep(0.005)
        assert process.poll() is None, "the export ended before the signal could be sent"
        process.send_signal(getattr(signal, signal_name))
        _, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == ExitCode.INTERRUPTED
    assert err.endswith(f"archcite: error: interrupted ({signal_name})\n")
    assert list(target.parent.iterdir()) == []


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize(
    "command",
    [["export", str(EXAMPLE), "--to", "yaml"], ["cite", str(EXAMPLE)], ["export", str(EXAMPLE), "--to", "bibtex"]],
)
def test_a_full_disk_as_standard_output_is_an_error_message(command: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run([*ARCHCITE, *command], stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert result.returncode == ExitCode.ERROR
    assert "archcite: error: <stdout>: cannot write to standard output: No space left on device\n" in result.stderr
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr
