"""`archcite --help` and `--version` stay fast: they never import the citation engine or rich.

Each check runs in a fresh interpreter, since the test process itself has imported everything.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("citeproc", "lxml", "rich", "yaml", "bibtexparser")

PROBE = """
import json, sys
{body}
print(json.dumps(sorted({{name.split(".")[0] for name in sys.modules}})))
"""

INVOKE = """
from archcite.cli import main
sys.argv = ["archcite", *{args!r}]
try:
    main()
except SystemExit:
    pass
sys.stdout.flush()
print()
"""


def imported_after(body: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(body=body)], capture_output=True, text=True, check=True, timeout=60
    )
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_importing_the_cli_imports_no_engine_and_no_rich() -> None:
    assert imported_after("import archcite.cli").isdisjoint(HEAVY)


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["cite", "--help"], ["export", "--help"]])
def test_help_and_version_import_no_engine_and_no_rich(args: list[str]) -> None:
    assert imported_after(INVOKE.format(args=args)).isdisjoint(HEAVY)


def test_citing_a_csl_json_file_loads_no_other_format_and_no_rich(tmp_path: Path) -> None:
    record = tmp_path / "book.json"
    record.write_text(json.dumps([{"id": "a", "type": "book", "title": "Alpha"}]), encoding="utf-8")
    imported = imported_after(INVOKE.format(args=["cite", str(record), "--format", "plain"]))
    # Not the readers and writers of other formats, nor rich when stdout is not a terminal.
    assert imported.isdisjoint({"yaml", "bibtexparser", "rispy", "rich"}), sorted(imported)
    assert "citeproc" in imported  # it did format the record


def test_the_archive_page_reader_is_imported_only_when_a_source_needs_it(tmp_path: Path) -> None:
    record = tmp_path / "book.json"
    record.write_text(json.dumps([{"id": "a", "type": "book", "title": "Alpha"}]), encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys\nfrom archcite.records.io import load_sources\n"
            f"load_sources([{str(record)!r}])\nprint('archcite.records.formats.wilson' in sys.modules)",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert done.stdout.strip() == "False"


def test_citing_a_book_imports_only_the_cite_command_and_no_archival_style(tmp_path: Path) -> None:
    record = tmp_path / "book.json"
    record.write_text(json.dumps([{"id": "a", "type": "book", "title": "Alpha"}]), encoding="utf-8")
    body = "import json, sys\n" + INVOKE.format(args=["cite", str(record), "--format", "plain"])
    done = subprocess.run(
        [sys.executable, "-c", body + "print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    imported = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "archcite.cli.cite" in imported
    assert "citeproc" in imported  # it did format the record
    unneeded = {
        "archcite.cli.check",
        "archcite.cli.export",
        "archcite.cli.importer",
        "archcite.cli.show",
        "archcite.styles.archival.chicago",
        "archcite.styles.archival.mla",
        "archcite.styles.locators",
        "difflib",
        "hashlib",
        "tempfile",
    }
    assert imported.isdisjoint(unneeded), sorted(imported & unneeded)
