#!/usr/bin/env python3
"""Write the real-world bibliographies (../shared/realworld/files) as CSL-JSON, as archcite reads them.

usage: realworld_corpus.py OUT_DIR [--chunk N] [--check-with STYLE.csl [--render-js RENDER_JS]]
       realworld_corpus.py --sample SAMPLE.json OUT.json

Every file of the shared real-world manifest is read with archcite (``tests.realworld.runner``'s
``read_with_archcite``: a record archcite refuses is that record's miss, reported on stderr) and
written as one CSL-JSON file per source file (``OUT_DIR/items/ris__zotero-ris__case01.ris.json``), split into
chunks of at most N records (default 500: ``...case01.ris.1.json``, ``.2.json``) so that
citeproc-js renders each in reasonable time; disambiguation then acts within a chunk, the same
chunk on both sides. Item ids are as archcite reads them. Zotero's synthetic placeholder cases
(``ris/zotero-ris/case03.ris``, ``case05.ris``: field labels as values) are left out.
A ``MANIFEST.json`` lists the chunks with their source file, format and record count.

``--check-with STYLE.csl`` renders the records' bibliography with citeproc-js (the reference
folder's ``render_js.js --bib-only``, or the copy ``--render-js`` names, set up as
tests/data/reference/styles/README.md says): a record it refuses (``CSL data error: element
mismatch in date range input``) is found by halving (all records in one document, ids made
unique: a refusal is the record's own), reported on stderr and in the manifest (``refused``: id
and citeproc-js's message) and left out of its chunk, so that both processors render the same
records.
``--sample SAMPLE.json OUT.json`` writes the records a sample names (``[{"file", "ids"}]``, ids
in order, ``"*"`` for all of a file) as one CSL-JSON file: the real-world reference test's items
(tests/data/reference/realworld/sample.json), which citeproc-js renders for its expected files.
The output is derived from ../shared: keep it out of the repository (under /tmp).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: the tests package sits beside tools/
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.realworld.runner import manifest, read_with_archcite

from archcite.records.model import ARCHIVAL_FIELDS

# Zotero's RIS cases whose values are the field labels themselves: no bibliography has them.
PLACEHOLDERS = frozenset({"ris/zotero-ris/case03.ris", "ris/zotero-ris/case05.ris"})


RENDER_JS = Path(__file__).resolve().parents[2] / "shared" / "reference" / "tools" / "render_js.js"


def js_error(items: list[dict[str, Any]], style: Path, render_js: Path) -> str | None:
    """citeproc-js's message when it refuses to render ``items``' bibliography, else None."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as handle:
        json.dump(items, handle, ensure_ascii=False)
        handle.flush()
        command = ["node", str(render_js), str(style), handle.name, "--bib-only", "--out", "/dev/null"]
        result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    if result.returncode == 0:
        return None
    refusal = [line.strip() for line in result.stderr.splitlines() if line.startswith("citeproc-js error")]
    if not refusal:  # not a refusal of the data: node, citeproc or the script is missing
        raise SystemExit(f"realworld_corpus: {render_js} fails: {result.stderr.strip()[-400:]}")
    return refusal[-1]


def refused(items: list[dict[str, Any]], style: Path, render_js: Path) -> list[tuple[dict[str, Any], str]]:
    """The records of ``items`` citeproc-js refuses, each with its message (found by halving)."""
    error = js_error(items, style, render_js)
    if error is None:
        return []
    if len(items) == 1:
        return [(items[0], error)]
    half = len(items) // 2
    return refused(items[:half], style, render_js) + refused(items[half:], style, render_js)


def read_csl(path: str, fmt: str) -> list[dict[str, Any]] | None:
    """A file's records as CSL-JSON, as ``archcite export --to csljson`` writes them (without
    archcite's own fields); None when archcite cannot read it."""
    reading = read_with_archcite(path, fmt)
    if reading.internal_error or reading.refused:
        print(f"{path}: not read: {reading.internal_error or reading.refused}", file=sys.stderr)
        return None
    return [{k: v for k, v in item.items() if k not in ARCHIVAL_FIELDS} for item in reading.items]


def sample_items(sample: Path) -> list[dict[str, Any]]:
    """The records a sample file names, in its order (see ``--sample``)."""
    formats = {entry.path: entry.format for entry in manifest()}
    found: list[dict[str, Any]] = []
    for part in json.loads(sample.read_text(encoding="utf-8")):
        items = read_csl(part["file"], formats[part["file"]]) or []
        by_id = {str(item["id"]): item for item in items}
        found += items if part["ids"] == "*" else [by_id[str(key)] for key in part["ids"]]
    return found


def chunk_name(path: str, index: int, count: int) -> str:
    """``ris/zotero-ris/case01.ris`` -> ``ris__zotero-ris__case01.ris.json`` (``.2.json``...)."""
    stem = path.replace("/", "__")
    return f"{stem}.json" if count == 1 else f"{stem}.{index + 1}.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--sample", type=Path, default=None, help="write only the records this sample names")
    parser.add_argument("--chunk", type=int, default=500)
    parser.add_argument("--check-with", type=Path, default=None, help="a CSL style citeproc-js renders with")
    parser.add_argument("--render-js", type=Path, default=RENDER_JS, help="render_js.js (with citeproc beside it)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    if args.sample:
        out.write_text(json.dumps(sample_items(args.sample), ensure_ascii=False, indent=1), encoding="utf-8")
        return 0
    (out / "items").mkdir(parents=True, exist_ok=True)
    chunks: list[tuple[str, str, str, list[dict[str, Any]]]] = []  # (name, source, format, items)
    for entry in manifest():
        if entry.path in PLACEHOLDERS:
            continue
        items = read_csl(entry.path, entry.format)
        if items is None:
            continue
        if not items:
            print(f"{entry.path}: no records", file=sys.stderr)
            continue
        parts = [items[i : i + args.chunk] for i in range(0, len(items), args.chunk)]
        for index, part in enumerate(parts):
            chunks.append((chunk_name(entry.path, index, len(parts)), entry.path, entry.format, part))
    refusals: dict[int, list[dict[str, Any]]] = {}
    if args.check_with:
        # A refusal is the record's own (its data), whatever document it is in: every record is
        # checked in one corpus-wide document, under an id made unique, halving where it fails.
        tagged = [
            {**item, "id": f"{n}#{k}"} for n, (_, _, _, items) in enumerate(chunks) for k, item in enumerate(items)
        ]
        for item, message in refused(tagged, args.check_with, args.render_js):
            n, k = (int(part) for part in str(item["id"]).split("#"))
            record = chunks[n][3][k]
            print(f"{chunks[n][1]}: record {record.get('id')}: citeproc-js refuses it: {message}", file=sys.stderr)
            refusals.setdefault(n, []).append({"id": record.get("id"), "error": message, "index": k})
    listing: list[dict[str, Any]] = []
    total = 0
    for n, (name, source, fmt, items) in enumerate(chunks):
        left_out = {entry.pop("index") for entry in refusals.get(n, [])}
        kept = [item for k, item in enumerate(items) if k not in left_out]
        (out / "items" / name).write_text(json.dumps(kept, ensure_ascii=False, indent=1), encoding="utf-8")
        listing.append(
            {"file": name, "source": source, "format": fmt, "records": len(kept), "refused": refusals.get(n, [])}
        )
        total += len(kept)
    (out / "MANIFEST.json").write_text(json.dumps(listing, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"{total} records in {len(listing)} files under {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
