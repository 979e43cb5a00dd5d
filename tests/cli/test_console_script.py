"""The console script (``archcite.cli.run``) ends the process as soon as the command is done,
without Python's teardown, and loses nothing by it: output, files and exit codes are main's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from archcite.errors import ExitCode

PROBE = """
import atexit, sys
atexit.register(print, "teardown ran", file=sys.stderr)
from archcite.cli import run
sys.argv = ["archcite", *{args!r}]
run()
"""


def run_console_script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROBE.format(args=list(args))], capture_output=True, text=True, timeout=120, check=False
    )


def book(tmp_path: Path, count: int = 1) -> str:
    path = tmp_path / "books.json"
    items = [{"id": f"b{n}", "type": "book", "title": f"Alpha {n}"} for n in range(count)]
    path.write_text(json.dumps(items), encoding="utf-8")
    return str(path)


def test_the_process_ends_after_the_command_without_python_teardown(tmp_path: Path) -> None:
    done = run_console_script("cite", book(tmp_path), "--form", "bibliography", "--format", "plain", "--no-cache")
    assert done.returncode == ExitCode.OK
    assert "Alpha 0" in done.stdout  # the citation, flushed before the process ended
    assert "teardown ran" not in done.stderr


def test_every_line_of_a_long_output_reaches_the_pipe(tmp_path: Path) -> None:
    done = run_console_script("export", book(tmp_path, 2000), "--to", "csljson")
    assert done.returncode == ExitCode.OK
    assert [item["id"] for item in json.loads(done.stdout)] == [f"b{n}" for n in range(2000)]


def test_a_file_written_with_o_is_complete(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    done = run_console_script("export", book(tmp_path, 2000), "--to", "csljson", "-o", str(target))
    assert done.returncode == ExitCode.OK
    assert len(json.loads(target.read_text(encoding="utf-8"))) == 2000


def test_exit_codes_and_messages_are_those_of_main(tmp_path: Path) -> None:
    missing = run_console_script("cite", str(tmp_path / "missing.json"))
    assert missing.returncode == ExitCode.INPUT
    assert missing.stderr.startswith("archcite: error: ")
    usage = run_console_script("cite", "--no-such-option")
    assert usage.returncode == ExitCode.USAGE
    assert "No such option" in usage.stderr
