"""Print, per export format, the share of the reference corpus's facts that survive.

Run by hand (never by the test suite), from the repository root:
``python benchmarks/archival_survival.py [SOURCE...]`` (default: the reference corpus and the
bundled example, which has archcite's own fields). Archival facts are ``archive``,
``archive-place``, ``archive_collection``, ``archive_location`` and archcite's own fields
(``ARCHIVAL_FIELDS``); "archcite" is an export read back by archcite. "pandoc" counts every fact
(each field of each record) that pandoc 3 reads into the place the mapping tables name, as
``tests/records/pandoc_readback.py`` defines it (the CSL variable pandoc gives the target field,
or the line of pandoc's note).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.records.pandoc_readback import PANDOC_READERS, facts, survey

from archcite.records.io import dump_records, load_sources
from archcite.records.mapping import ARCHIVAL_VARIABLES
from archcite.records.registry import get_format
from archcite.records.validate import build_records

FORMATS = ("bibtex", "biblatex", "ris", "csljson", "cslyaml", "yaml")


def main(source: Path) -> None:
    result = load_sources([str(source)], skip_invalid=True)  # its one item of type "letter" is left out
    for warning in result.warnings:
        print(f"left out: {warning}")
    records = result.records
    archival = [(r, name) for r in records for name in ARCHIVAL_VARIABLES if name in r.fields]
    every = facts(records)
    print(f"\n{source.name}: {len(records)} records, {len(every)} facts, {len(archival)} archival\n")
    print("| format | archcite round trip (archival) | pandoc: facts in place | pandoc: archival facts in place |")
    print("|---|---|---|---|")
    for fmt in FORMATS:
        text = dump_records(records, fmt).text
        reader = get_format(fmt, purpose="load")
        assert reader.load is not None
        back = {r.id: r for r in build_records(reader.load(text, fmt).items)[0]}
        kept = sum(1 for r, name in archival if back[r.id].fields.get(name) == r.fields[name])
        row = f"| {fmt} | {kept}/{len(archival)} |"
        if fmt in PANDOC_READERS:
            in_place, missed = survey(records, fmt, text)
            archival_missed = sum(1 for _, name in missed if name in ARCHIVAL_VARIABLES)
            row += f" {in_place}/{len(every)} ({100 * in_place / len(every):.1f}%) |"
            row += f" {len(archival) - archival_missed}/{len(archival)} |"
        else:
            row += " – | – |"
        print(row)


if __name__ == "__main__":
    repo = Path(__file__).resolve().parents[1]
    defaults = [
        repo / "tests" / "data" / "exports" / "corpus.json",
        repo / "examples" / "kim-il-sung-to-gomulka-1966.yaml",
    ]
    for path in [Path(a) for a in sys.argv[1:]] or defaults:
        main(path)
