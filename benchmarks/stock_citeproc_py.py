"""Stock citeproc-py (no archcite, no fixes): the same work as the other contenders.

    python benchmarks/stock_citeproc_py.py STYLE.csl RECORDS.json > out.jsonl

Each record is cited once in order (first notes), then again (subsequent notes), and the sorted
bibliography is made; one JSON line per record on stdout.
"""

from __future__ import annotations

import json
import sys
import warnings

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON


def main() -> None:
    style_path, records_path = sys.argv[1:3]
    with open(records_path, encoding="utf-8") as handle:
        items = json.load(handle)
    warnings.simplefilter("ignore")  # one "unsupported argument" warning per archival field
    style = CitationStylesStyle(style_path, validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    keys = [str(item["id"]).lower() for item in items]
    bibliography.register(Citation([CitationItem(key) for key in keys]))

    def cite(key: str) -> str:
        citation = Citation([CitationItem(key)])
        bibliography.register(citation)
        return str(bibliography.cite(citation, lambda item: None))

    first = [cite(key) for key in keys]
    subsequent = [cite(key) for key in keys]
    bibliography.sort()
    entries = {
        key: (str(entry), rank)
        for rank, (key, entry) in enumerate(zip(bibliography.keys, bibliography.bibliography(), strict=True))
    }
    for n, key in enumerate(keys):
        bib, rank = entries.get(key, (None, None))
        line = {"id": key, "bib": bib, "cite": first[n], "cite_sub": subsequent[n], "bib_rank": rank}
        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
