"""Using archcite as a library changes nothing outside archcite (DESIGN.md, "No global state"):
not the loggers of the libraries it uses, not the warning filters; its programs (the command line,
the pandoc filter) keep those libraries' log records off stderr, where archcite's own messages go.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

MALFORMED = "@incollection{a, title={T, year=2000\n@misc{b, title={U \\'{\\i}}, year=2001}\n"

# Runs in a fresh process, so that nothing done earlier in the test session hides a change.
AROUND_A_LIBRARY_RUN = """
import json, logging, sys, warnings

names = ("bibtexparser", "pylatexenc", "citeproc", "")
def state():
    loggers = {n: [type(h).__name__ for h in logging.getLogger(n).handlers] for n in names}
    levels = {n: logging.getLogger(n).level for n in names}
    return {"loggers": loggers, "levels": levels, "filters": [repr(f) for f in warnings.filters]}

before = state()
from archcite.records.io import load_sources
from archcite.styles import render

result = load_sources([sys.argv[1]], skip_invalid=True)
render(result.records, "chicago")
print(json.dumps({"before": before, "after": state(), "records": [r.id for r in result.records]}))
"""


def test_the_library_leaves_other_libraries_loggers_and_the_warning_filters_alone(tmp_path: Path) -> None:
    source = tmp_path / "malformed.bib"
    source.write_text(MALFORMED, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", AROUND_A_LIBRARY_RUN, str(source)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
        env={"ARCHCITE_NO_CACHE": "1", "PATH": ""},
    )
    found = json.loads(done.stdout)
    assert found["before"] == found["after"]
    assert found["records"] == ["b"]


def test_the_command_line_prints_only_its_own_messages_for_a_malformed_file(tmp_path: Path) -> None:
    # In a process of its own: under pytest, pytest's log capture would hide what Python's
    # last-resort handler prints.
    source = tmp_path / "malformed.bib"
    source.write_text(MALFORMED, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "archcite", "cite", str(source), "--skip-invalid", "--form", "note"],
        capture_output=True,
        text=True,
        timeout=300,
        env={"ARCHCITE_NO_CACHE": "1", "PATH": ""},
    )
    assert done.returncode == 0, done.stderr
    assert "U í" in done.stdout
    assert done.stderr.splitlines() == [
        f"archcite: warning: {source}:1, record 'a': malformed entry skipped: Unexpected block start: `@misc`. Was "
        "still looking for field-value closing `}`",
        "archcite: warning: 1 invalid record(s) skipped (--skip-invalid)",
    ]
