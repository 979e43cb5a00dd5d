"""What the reading tests share: a case written to a file, and pandoc 3's reading of it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

SUFFIXES = {"bibtex": ".bib", "biblatex": ".bib", "ris": ".ris"}


def write_case(tmp_path: Path, name: str, fmt: str, text: str) -> Path:
    path = tmp_path / f"{name}{SUFFIXES[fmt]}"
    path.write_text(text, encoding="utf-8")
    return path


def pandoc_items(path: Path, fmt: str) -> list[dict[str, Any]]:
    """pandoc's CSL-JSON for the file's entries, date parts as numbers."""
    pypandoc = pytest.importorskip("pypandoc", reason="pypandoc_binary is a test dependency")
    result = subprocess.run(
        [pypandoc.get_pandoc_path(), "-f", fmt, "-t", "csljson", str(path)], capture_output=True, text=True, check=True
    )
    items: list[dict[str, Any]] = json.loads(result.stdout)
    for item in items:
        for value in item.values():
            if isinstance(value, dict) and "date-parts" in value:
                value["date-parts"] = [[int(part) for part in parts] for parts in value["date-parts"]]
    return items


def pandoc_first_item(path: Path, fmt: str) -> dict[str, Any]:
    """pandoc's CSL-JSON for the file's first entry, date parts as numbers."""
    return pandoc_items(path, fmt)[0]
