"""tools/style_sweep.py: every style renders, or the sweep names it."""

from __future__ import annotations

import json

from tools import style_sweep


def test_the_sweep_reports_each_style_and_resumes(tmp_path, capsys):
    items = tmp_path / "items.json"
    items.write_text(json.dumps([{"id": "a", "type": "book", "title": "A. B.", "issued": {"date-parts": [[2001]]}}]))
    out = tmp_path / "sweep.jsonl"
    # the citation number under strip-periods once stopped this style with an internal error
    styles = ["--style", "revista-da-sociedade-brasileira-de-medicina-tropical", "--style", "apa"]
    assert style_sweep.main([str(items), *styles, "--out", str(out)]) == 0
    assert capsys.readouterr().out == "2 styles, 1 records: 2 ok\n"
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(row["style"], row["status"], row["empty"]) for row in rows] == [
        ("revista-da-sociedade-brasileira-de-medicina-tropical", "ok", 0),
        ("apa", "ok", 0),
    ]
    assert style_sweep.main([str(items), *styles, "--out", str(out)]) == 0  # resumed: nothing to render
    assert len(out.read_text().splitlines()) == 2
