"""Stand-in for `archcite cite` / `archcite export` in a checkout whose CLI lacks them.

    python benchmarks/archcite_fallback.py cite RECORDS.json
    python benchmarks/archcite_fallback.py export RECORDS.json FORMAT

The same library calls the commands make: load, then render or export; plain text to stdout.
"""

from __future__ import annotations

import sys


def main() -> None:
    from archcite import export, load

    command, source = sys.argv[1:3]
    records = load(source)
    if command == "export":
        sys.stdout.write(export(records, sys.argv[3]))
        return
    from archcite import render
    from archcite.styles.markup import to_plain

    rendered = render(records, "chicago")
    blocks = [
        [to_plain(r.cite) for r in rendered if r.cite],
        [to_plain(r.cite_sub) for r in rendered if r.cite_sub],
        [to_plain(r.bib) for r in sorted(rendered, key=lambda r: r.bib_rank or 0) if r.bib],
    ]
    sys.stdout.write("\n\n".join("\n".join(block) for block in blocks if block) + "\n")


if __name__ == "__main__":
    main()
