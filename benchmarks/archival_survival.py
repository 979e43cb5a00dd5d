"""Print, per export format, the share of the reference corpus's archival facts that survive.

Run by hand (never by the test suite): ``python benchmarks/archival_survival.py [SOURCE...]``
(default: the reference corpus and the bundled example, which has archcite's own fields).
Archival facts are ``archive``, ``archive-place``, ``archive_collection``, ``archive_location``
and archcite's own fields (``ARCHIVAL_FIELDS``). "archcite" is an export read back by archcite;
"pandoc" is the export read by pandoc 3 (``-t csljson``), counting a fact kept when it is the
same CSL variable ("as field") or when its value appears anywhere in the item ("as text"),
typographic apostrophes (which pandoc makes of straight ones) counted as straight.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from archcite.records.io import dump_records, load_sources
from archcite.records.mapping import ARCHIVAL_VARIABLES
from archcite.records.registry import get_format
from archcite.records.validate import build_records

FORMATS = ("bibtex", "biblatex", "ris", "csljson", "cslyaml", "yaml")
PANDOC_READERS = {"bibtex": "bibtex", "biblatex": "biblatex", "ris": "ris", "csljson": "csljson"}


def main(source: Path) -> None:
    result = load_sources([str(source)], skip_invalid=True)  # its one item of type "letter" is left out
    for warning in result.warnings:
        print(f"left out: {warning}")
    records = result.records
    facts = [(r, name) for r in records for name in ARCHIVAL_VARIABLES if name in r.fields]
    print(f"\n{source.name}: {len(records)} records, {len(facts)} archival facts\n")
    print("| format | archcite round trip | pandoc: as field | pandoc: as text |")
    print("|---|---|---|---|")
    for fmt in FORMATS:
        text = dump_records(records, fmt).text
        reader = get_format(fmt, purpose="load")
        assert reader.load is not None
        back = {r.id: r for r in build_records(reader.load(text, fmt).items)[0]}
        kept = sum(1 for r, name in facts if back[r.id].fields.get(name) == r.fields[name])
        row = f"| {fmt} | {kept}/{len(facts)} ({100 * kept / len(facts):.0f}%) |"
        if fmt in PANDOC_READERS:
            as_field, as_text = pandoc_survival(text, PANDOC_READERS[fmt], facts)
            row += f" {as_field}/{len(facts)} | {as_text}/{len(facts)} |"
        else:
            row += " – | – |"
        print(row)


def pandoc_survival(text: str, reader: str, facts: list) -> tuple[int, int]:  # type: ignore[type-arg]
    import pypandoc

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "export"
        source.write_text(text, encoding="utf-8")
        out = subprocess.run(
            [pypandoc.get_pandoc_path(), "-f", reader, "-t", "csljson", str(source)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    # pandoc makes apostrophes typographic (President's -> President’s); that loses no fact.
    items = {item["id"]: json.loads(json.dumps(item, ensure_ascii=False).replace("’", "'")) for item in json.loads(out)}
    as_field = as_text = 0
    for record, name in facts:
        item = items.get(record.id, {})
        value = record.fields[name]
        as_field += item.get(name) == value
        flat = json.dumps(item, ensure_ascii=False)
        as_text += json.dumps(value, ensure_ascii=False).strip('"') in flat
    return as_field, as_text


if __name__ == "__main__":
    repo = Path(__file__).resolve().parents[1]
    defaults = [
        repo / "tests" / "data" / "exports" / "corpus.json",
        repo / "examples" / "kim-il-sung-to-gomulka-1966.yaml",
    ]
    for path in [Path(a) for a in sys.argv[1:]] or defaults:
        main(path)
