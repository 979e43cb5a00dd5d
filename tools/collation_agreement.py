#!/usr/bin/env python3
"""How many bibliography entries archcite puts where citeproc-js puts them, per style and language.

usage: collation_agreement.py [--no-icu] [--diffs] [STYLE.LOCALE ...]

Every ``STYLE.LOCALE.jsonl`` in tests/data/collation (citeproc-js 2.4.63's bibliography of
``items.json`` in that locale; see the README there) is compared with archcite's engine rendering
the same items in the same locale: an entry agrees when its position (``bib_rank``) is the one
citeproc-js gives it. ``--no-icu`` sorts with archcite's own approximation of the root collation,
as archcite does where the ``icu`` extra is not installed; ``--diffs`` prints both orders where
they differ.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from contextlib import nullcontext
from pathlib import Path

if __package__ in (None, ""):  # run as a script: the package sits beside it
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from archcite.styles import collation
from archcite.styles.csl.engine import render_items
from archcite.styles.names import resolve_style

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "collation"


def expected_ranks(path: Path) -> dict[str, int | None]:
    """citeproc-js's position of each item's entry, by item id."""
    with path.open(encoding="utf-8") as handle:
        return {row["id"]: row["bib_rank"] for row in map(json.loads, handle)}


def archcite_ranks(style: str, locale: str, items: list[dict[str, object]]) -> dict[str, int | None]:
    """archcite's position of each item's entry, by item id."""
    path = resolve_style(style).path
    assert path is not None, style
    return {row.id: row.bib_rank for row in render_items(items, path, locale=locale)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-icu", action="store_true", help="sort without ICU, as without the icu extra")
    parser.add_argument("--diffs", action="store_true", help="print the entries out of place")
    parser.add_argument("only", nargs="*", help="STYLE.LOCALE to compare (default: every file)")
    args = parser.parse_args(argv)
    items = json.loads((DATA / "items.json").read_text(encoding="utf-8"))
    labels = {item["id"]: (item.get("author") or [{"family": item["title"]}])[0]["family"] for item in items}
    table: dict[str, dict[str, str]] = defaultdict(dict)
    styles: list[str] = []
    with collation.without_icu() if args.no_icu else nullcontext():
        for path in sorted(DATA.glob("*.jsonl")):
            style, locale = path.name.removesuffix(".jsonl").rsplit(".", 1)
            if args.only and f"{style}.{locale}" not in args.only:
                continue
            expected = expected_ranks(path)
            actual = archcite_ranks(style, locale, items)
            same = sum(1 for key, rank in expected.items() if actual.get(key) == rank)
            table[locale][style] = f"{same}/{len(expected)}"
            styles += [style] if style not in styles else []
            if args.diffs and same != len(expected):
                by_rank_js = sorted((r, labels[k]) for k, r in expected.items() if r is not None)
                by_rank_py = sorted((r, labels[k]) for k, r in actual.items() if r is not None)
                print(f"## {style} {locale}")
                for (rank, js), (_, py) in zip(by_rank_js, by_rank_py, strict=False):
                    print(f"{rank:4} {'  ' if js == py else '!='} {js:30} {py}")
    print("| locale | " + " | ".join(styles) + " |")
    print("|---|" + "---|" * len(styles))
    for locale, row in table.items():
        print(f"| {locale} | " + " | ".join(row.get(style, "") for style in styles) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
