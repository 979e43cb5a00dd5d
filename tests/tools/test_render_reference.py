"""tools/render_reference.py speaks render_js.js's protocol, so compare.py can compare the two."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

from tests.tools import load_tool

ITEMS = [
    {
        "id": "B",
        "type": "book",
        "title": "Zeta",
        "author": [{"family": "Doe", "given": "Jane"}],
        "issued": {"date-parts": [[2001]]},
    },
    {
        "id": "a",
        "type": "book",
        "title": "<i>Alpha</i>",
        "author": [{"family": "Roe", "given": "Rick"}],
        "issued": {"date-parts": [[1999]]},
    },
]


def _tool() -> ModuleType:
    return load_tool("render_reference")


def _run(tmp_path: Path, *options: str) -> list[dict]:
    items, out = tmp_path / "items.json", tmp_path / "out.jsonl"
    items.write_text(json.dumps(ITEMS), encoding="utf-8")
    assert _tool().main(["chicago-author-date", str(items), "--out", str(out), *options]) == 0
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_rows_in_input_order_with_ranks_and_subsequent_citations(tmp_path: Path):
    assert _run(tmp_path, "--subsequent", "--locator", "23") == [
        {
            "id": "B",
            "bib": "Doe, Jane. 2001. Zeta.",
            "cite": "(Doe 2001, 23)",
            "bib_rank": 0,
            "cite_sub": "(Doe 2001, 23)",
        },
        {
            "id": "a",
            "bib": "Roe, Rick. 1999. Alpha.",
            "cite": "(Roe 1999, 23)",
            "bib_rank": 1,
            "cite_sub": "(Roe 1999, 23)",
        },
    ]


def test_light_format_keeps_italics_and_cite_sub_needs_subsequent(tmp_path: Path):
    rows = _run(tmp_path, "--format", "light")
    assert rows[0] == {"id": "B", "bib": "Doe, Jane. 2001. <i>Zeta</i>.", "cite": "(Doe 2001)", "bib_rank": 0}
    # the title's own italics inside the style's italic title flip to roman, which citeproc-js's
    # light format does not print (render_js.js --format light: "Roe, Rick. 1999. <i>Alpha</i>.")
    assert rows[1]["bib"] == "Roe, Rick. 1999. <i>Alpha</i>."


def test_unreadable_items_file_exits_3(tmp_path: Path, capsys):
    assert _tool().main(["chicago", str(tmp_path / "missing.json")]) == 3
    assert "missing.json" in capsys.readouterr().err
