#!/usr/bin/env python3
"""Agreement of archcite's CSL engine with citeproc-js on the real-world corpus, per style.

usage: realworld_agreement.py CORPUS_DIR JS_DIR [--style S ...] [--diffs N] [--dump FILE]

CORPUS_DIR is what ``realworld_corpus.py`` wrote (``items/*.json``, one CSL-JSON file per source
file or chunk of one). JS_DIR holds citeproc-js 2.4.63's rows for them, one folder per style:
``JS_DIR/STYLE/NAME.jsonl`` made from ``CORPUS_DIR/items/NAME.json`` with the reference folder's
``render_js.js`` (plain format, first citations, no ``--subsequent``; the recipe is in
tests/data/reference/realworld/README.md). Each chunk is rendered with archcite's engine by the
same protocol (``render_reference.py``: one bibliography of the chunk, each item cited once in
order) and compared row by row: the share of identical ``bib`` and ``cite`` strings per style;
then the differing fields grouped by the suggested cause (``reference_agreement.suggest_cause``),
with ``--diffs N`` examples of each. A chunk citeproc-js has no rows for (it refused it, or it has
not been rendered yet) is reported and left out of both sides. ``--dump FILE`` writes every
difference as JSON lines ``{"style", "file", "id", "field", "js", "ac", "cause"}``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: the protocol module sits beside it
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from archcite.styles.csl.engine import render_items
from archcite.styles.names import resolve_style
from tools.reference import rows
from tools.reference_agreement import SUBSTITUTE, suggest_cause

STYLES = (
    "chicago-notes-bibliography",
    "chicago-author-date",
    "modern-language-association",
    "apa",
    "ieee",
    "harvard-cite-them-right",
    "nature",
    "elsevier-vancouver",
    "american-sociological-association",
    "mhra-notes",
    "iso690-author-date-de",
    "springer-basic-author-date",
)
FIELDS = ("bib", "cite")
Row = dict[str, Any]


def read_rows(path: Path) -> list[Row]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _entries_before(expected: list[Row]) -> dict[str, tuple[str | None, str | None]]:
    """For each entry of citeproc-js's bibliography, the entry before it and the last one before it
    that printed its names (not the author substitute), for ``suggest_cause``."""
    ordered = sorted((row for row in expected if row.get("bib_rank") is not None), key=lambda row: row["bib_rank"])
    found: dict[str, tuple[str | None, str | None]] = {}
    previous: str | None = None
    named: str | None = None
    for row in ordered:
        found[row["id"]] = (previous, named)
        previous = row.get("bib")
        if previous and not SUBSTITUTE.match(previous):
            named = previous
    return found


def compare_style(style: str, corpus: Path, js: Path) -> tuple[dict[str, int], int, list[Row], list[str]]:
    """(identical count per field, rows compared, differences, chunks left out) for one style."""
    path = resolve_style(style).path or style
    same = dict.fromkeys(FIELDS, 0)
    compared = 0
    found: list[Row] = []
    missing: list[str] = []
    for chunk in sorted((corpus / "items").glob("*.json")):
        expected_path = js / style / (chunk.stem + ".jsonl")
        if not expected_path.is_file():
            missing.append(f"{chunk.name}: no citeproc-js rows")
            continue
        expected = read_rows(expected_path)
        items = json.loads(chunk.read_text(encoding="utf-8"))
        try:
            actual = rows(render_items(items, path))
        except Exception as error:  # a developer tool: report and go on with the next chunk
            missing.append(f"{chunk.name}: archcite raises {type(error).__name__}: {error}")
            continue
        if len(actual) != len(expected):
            missing.append(f"{chunk.name}: {len(expected)} citeproc-js rows, {len(actual)} archcite rows")
            continue
        compared += len(expected)
        before = _entries_before(expected)
        for want, got in zip(expected, actual, strict=True):
            for field in FIELDS:
                if want.get(field) == got.get(field):
                    same[field] += 1
                    continue
                cause = suggest_cause(field, want.get(field), got.get(field), *before.get(want["id"], (None, None)))
                found.append(
                    {"style": style, "file": chunk.stem, "id": want["id"], "field": field}
                    | {"js": want.get(field), "ac": got.get(field), "cause": cause}
                )
    return same, compared, found, missing


def _short_cause(cause: str) -> str:
    """The cause without the first difference's text (``not yet analysed: ...`` groups as one)."""
    return cause.split(": citeproc-js “")[0] if cause.startswith("not yet analysed") else cause


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("js", type=Path)
    parser.add_argument("--style", action="append", default=None, help="only this style (repeatable)")
    parser.add_argument("--diffs", type=int, default=0, help="print N examples of each cause")
    parser.add_argument("--dump", type=Path, default=None)
    args = parser.parse_args(argv)
    every: list[Row] = []
    print(f"{'style':40} {'records':>7} " + " ".join(f"{field:>7}" for field in FIELDS))
    for style in args.style or STYLES:
        same, compared, found, missing = compare_style(style, args.corpus, args.js)
        every += found
        shares = " ".join(f"{same[field] / compared:7.1%}" if compared else "      -" for field in FIELDS)
        print(f"{style:40} {compared:7} {shares}", flush=True)
        for line in missing:
            print(f"    left out: {line}")
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in every:
        for cause in row["cause"].split("; "):
            groups[_short_cause(cause)].append(row)
    print(f"\n{'fields':>7} {'styles':>6}  cause")
    for cause, found_rows in sorted(groups.items(), key=lambda entry: -len(entry[1])):
        print(f"{len(found_rows):7} {len({row['style'] for row in found_rows}):6}  {cause}")
        for row in found_rows[: args.diffs]:
            print(f"      {row['style']} {row['file']} {row['id']} {row['field']}")
            print(f"        js: {row['js']}\n        ac: {row['ac']}")
    if args.dump:
        text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in every)
        args.dump.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
