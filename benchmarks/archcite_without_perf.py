"""`archcite` with the correctness fixes but without the speed fix: the "before" of the benchmarks.

python benchmarks/archcite_without_perf.py cite RECORDS.json --format plain
"""

from __future__ import annotations

import sys


def main() -> None:
    from archcite.styles.csl.fixes import perf

    perf.apply = lambda overrides: None  # archcite's classes with the correctness fixes only
    from archcite.cli import main as archcite_main

    sys.argv[0] = "archcite"
    archcite_main()


if __name__ == "__main__":
    main()
