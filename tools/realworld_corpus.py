#!/usr/bin/env python3
"""Write the real-world bibliographies (../shared/realworld/files) as CSL-JSON, as archcite reads them.

usage: realworld_corpus.py OUT_DIR [--chunk N] [--check-with STYLE.csl]

Every file of the shared real-world manifest is read with archcite (``tests.realworld.runner``'s
``read_with_archcite``: a record archcite refuses is that record's miss, reported on stderr) and
written as one CSL-JSON file per source file (``OUT_DIR/items/ris__zotero-ris__case01.ris.json``), split into
chunks of at most N records (default 500: ``...case01.ris.1.json``, ``.2.json``) so that
citeproc-js renders each in reasonable time; disambiguation then acts within a chunk, the same
chunk on both sides. Item ids are as archcite reads them. Zotero's synthetic placeholder cases
(``ris/zotero-ris/case03.ris``, ``case05.ris``: field labels as values) are left out.
A ``MANIFEST.json`` lists the chunks with their source file, format and record count.

``--check-with STYLE.csl`` renders each chunk's bibliography with citeproc-js (the reference
folder's ``render_js.js --bib-only``; ``NODE_PATH`` and ``CSL_LOCALES_DIR`` as its README says):
a record it refuses (``CSL data error: element mismatch in date range input``) is found by
halving the chunk, reported on stderr and in the manifest (``refused``: id and citeproc-js's
message) and left out of the chunk, so that both processors render the same records.
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


def js_error(items: list[dict[str, Any]], style: Path) -> str | None:
    """citeproc-js's message when it refuses to render ``items``' bibliography, else None."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as handle:
        json.dump(items, handle, ensure_ascii=False)
        handle.flush()
        command = ["node", str(RENDER_JS), str(style), handle.name, "--bib-only", "--out", "/dev/null"]
        result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    if result.returncode == 0:
        return None
    lines = [line for line in result.stderr.splitlines() if "error" in line.lower()]
    return lines[-1].strip() if lines else result.stderr.strip()[-200:]


def refused(items: list[dict[str, Any]], style: Path) -> list[tuple[dict[str, Any], str]]:
    """The records of ``items`` citeproc-js refuses, each with its message (found by halving)."""
    error = js_error(items, style)
    if error is None:
        return []
    if len(items) == 1:
        return [(items[0], error)]
    half = len(items) // 2
    return refused(items[:half], style) + refused(items[half:], style)


def chunk_name(path: str, index: int, count: int) -> str:
    """``ris/zotero-ris/case01.ris`` -> ``ris__zotero-ris__case01.ris.json`` (``.2.json``...)."""
    stem = path.replace("/", "__")
    return f"{stem}.json" if count == 1 else f"{stem}.{index + 1}.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--chunk", type=int, default=500)
    parser.add_argument("--check-with", type=Path, default=None, help="a CSL style citeproc-js renders with")
    args = parser.parse_args(argv)
    out = Path(args.out)
    (out / "items").mkdir(parents=True, exist_ok=True)
    listing: list[dict[str, Any]] = []
    total = 0
    for entry in manifest():
        if entry.path in PLACEHOLDERS:
            continue
        reading = read_with_archcite(entry.path, entry.format)
        if reading.internal_error or reading.refused:
            print(f"{entry.path}: not read: {reading.internal_error or reading.refused}", file=sys.stderr)
            continue
        # CSL-JSON, as ``archcite export --to csljson`` writes it: without archcite's own fields.
        items = [{k: v for k, v in item.items() if k not in ARCHIVAL_FIELDS} for item in reading.items]
        if not items:
            print(f"{entry.path}: no records", file=sys.stderr)
            continue
        chunks = [items[i : i + args.chunk] for i in range(0, len(items), args.chunk)]
        for index, chunk in enumerate(chunks):
            name = chunk_name(entry.path, index, len(chunks))
            refusals = refused(chunk, args.check_with) if args.check_with else []
            for item, message in refusals:
                print(f"{entry.path}: record {item.get('id')}: citeproc-js refuses it: {message}", file=sys.stderr)
                chunk.remove(item)
            (out / "items" / name).write_text(json.dumps(chunk, ensure_ascii=False, indent=1), encoding="utf-8")
            listing.append(
                {"file": name, "source": entry.path, "format": entry.format, "records": len(chunk)}
                | {"refused": [{"id": item.get("id"), "error": message} for item, message in refusals]}
            )
        total += len(items)
    (out / "MANIFEST.json").write_text(json.dumps(listing, indent=1), encoding="utf-8")
    print(f"{total} records in {len(listing)} files under {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
