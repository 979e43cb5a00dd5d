"""Print the share of archival facts Zotero's import puts in their proper field, per export format.

Run by hand (never by the test suite), from the repository root:
``python benchmarks/zotero_share.py`` measures records the tests were not written against: the
saved archive pages of ``../shared/archive-pages`` as archcite imports them, and the archival
entries of ``../shared/realworld`` (those with an archive field or an archival type). Zotero's
import is simulated from the translators' and the schema's tables, as the tests read them
(``tests/records/test_exports_zotero_ris.py`` for RIS.js, ``test_exports_zotero_bibtex.py`` for
BibTeX.js, ``test_exports_zotero_json.py`` for the CSL JSON translator), then the client's save
step, which every import goes through (``tests/records/zotero_save.py``: ``fromJSON`` reads Extra's
``type:`` and field lines and moves the fields an item type lacks into Extra).

A fact is one of the issue's: type, title, each creator role, date, archive, location in the
archive, collection, places, URL, pages, publisher, genre. It is in its proper place when Zotero
holds it in the field of its CSL variable (the type's own type field for the genre), or, where
the item type has no such field, in a line of Extra that citeproc-js reads as that variable (the
client's ``extraToCSL``). The item type counts as one fact: it is proper when it is the Zotero
item type the schema maps the record's CSL type to.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.records import test_exports_zotero_bibtex as bibtex_sim
from tests.records import test_exports_zotero_json as csl_json_sim
from tests.records import test_exports_zotero_ris as ris_sim
from tests.records import zotero_save

from archcite.errors import ArchciteError
from archcite.records.io import dump_records, load_sources
from archcite.records.mapping import ARCHIVAL_VARIABLES, date_to_text
from archcite.records.model import Record
from archcite.records.zotero_schema import CREATOR_TYPES, ITEM_CREATOR_TYPES, ITEM_VARIABLES, ZOTERO_TYPES

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FACTS = (
    "type", "title", "issued", "archive", "archive_location", "archive_collection", "archive-place",
    "publisher-place", "event-place", "URL", "page", "publisher", "genre",
)  # fmt: skip
ARCHIVAL_TYPES = {"manuscript", "personal_communication", "interview", "document", "speech"}
# The Zotero base field of each CSL variable (schema csl.fields), and RIS.js's type-specific names.
BASE_FIELDS = {
    "title": "title", "issued": "date", "archive": "archive", "archive_location": "archiveLocation",
    "publisher-place": "place", "event-place": "place", "URL": "url", "page": "pages", "publisher": "publisher",
    "genre": "type",
}  # fmt: skip


def unseen_records() -> list[Record]:
    """The saved archive pages as archcite imports them, and the real-world archival entries."""
    pages = sorted((SHARED / "archive-pages").glob("*/*.txt")) + sorted((SHARED / "archive-pages").glob("*/*.html"))
    records = list(load_sources([str(p) for p in pages], skip_invalid=True).records)
    manifest = json.loads((SHARED / "realworld" / "files" / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest:
        path = SHARED / "realworld" / "files" / entry["path"]
        try:
            found = load_sources([str(path)], fmt=entry["format"], skip_invalid=True).records
        except ArchciteError:  # a file archcite refuses is not measured here
            continue
        records += [
            r for r in found if r.type in ARCHIVAL_TYPES or any(name in r.fields for name in ARCHIVAL_VARIABLES)
        ]
    # Only the CSL types whose Zotero item type the tables here describe (the schema's fields).
    records = [r for r in records if r.type in ZOTERO_TYPES]
    seen: set[str] = set()
    unique = []
    for record in records:  # ids must be unique within one export
        if record.id not in seen:
            seen.add(record.id)
            unique.append(record)
    return unique


def facts(record: Record) -> list[str]:
    names = [name for name in record.fields if name in CREATOR_TYPES]
    return [name for name in FACTS if name in record.fields or name == "type"] + names


def _extra_has(extra: Iterable[str], variable: str) -> bool:
    """A line of Extra that citeproc-js reads as the variable (the client's ``extraToCSL``)."""
    return any(zotero_save.extra_variable(line) == variable for line in extra)


def in_place(record: Record, variable: str, item: dict[str, Any]) -> bool:
    """Whether Zotero's saved item (``zotero_save.save``: item type, fields by base name,
    creators, Extra lines) holds the record's fact where it belongs."""
    zotero_type = item["itemType"]
    if variable == "type":
        return zotero_type == ZOTERO_TYPES.get(record.type, zotero_type)
    value = record.fields[variable]
    extra = item["extra"]
    if variable in CREATOR_TYPES:
        creator_type = CREATOR_TYPES[variable]
        if creator_type != "author" and creator_type not in ITEM_CREATOR_TYPES.get(zotero_type, {creator_type}):
            return _extra_has(extra, variable)
        wanted = [str(n.get("family") or n.get("literal") or "") for n in value]
        return all(any(kind == creator_type and w in name for kind, name in item["creators"]) for w in wanted)
    has_field = variable in ITEM_VARIABLES.get(zotero_type, frozenset({variable}))
    if not has_field or variable not in BASE_FIELDS:
        return _extra_has(extra, variable)
    held = item["fields"].get(BASE_FIELDS[variable])
    if variable == "issued":
        text = (date_to_text(value) or value.get("literal")) if isinstance(value, dict) else None
        return held is not None and text is not None and str(held).startswith(text.split("/")[0].rstrip("~"))
    return held is not None and str(held) == str(value)


def via_csl_json(record: Record, fmt: str) -> dict[str, Any]:
    """CSL JSON.js (``itemFromCSLJSON``, which sets a field only where the item type has it and
    makes ``note`` Extra), then the client's save step."""
    (csl,) = json.loads(dump_records([record], fmt).text)
    imported = csl_json_sim.zotero_import(csl)
    zotero_type = imported.pop("itemType")
    creators = [(kind, str(family or "")) for kind, family, _ in imported.pop("creators")]
    extra = str(imported.pop("extra", ""))
    fields = {
        zotero_save.TYPE_FIELD_NAMES.get((zotero_type, base), base): value
        for base, value in imported.items()
        if zotero_save.has_field(zotero_type, base)
    }
    if "issued" in csl and "date" in fields:
        fields["date"] = date_to_text(csl["issued"]) or csl["issued"].get("literal", "")
    return zotero_save.save({"itemType": zotero_type, "fields": fields, "creators": creators, "extra": extra})


def via_ris(record: Record) -> dict[str, Any]:
    """RIS.js, then the client's save step."""
    imported = ris_sim.zotero_import(dump_records([record], "ris").text)
    zotero_type = imported.pop("itemType")
    creators = [
        (key.split("/", 1)[1], name) for key, names in imported.items() if key.startswith("creators/") for name in names
    ]
    extra = "\n".join(imported.pop("extra", []))
    fields = {key: values[0] for key, values in imported.items() if not key.startswith("creators/") and key != "notes"}
    if "date" in fields:
        fields["date"] = re.sub(r"/+$", "", str(fields["date"])).replace("/", "-")
        fields["date"] = "-".join(part.zfill(2) if i else part for i, part in enumerate(fields["date"].split("-")))
    return zotero_save.save({"itemType": zotero_type, "fields": fields, "creators": creators, "extra": extra})


def via_bibtex(record: Record, fmt: str) -> dict[str, Any]:
    """BibTeX.js, then the client's save step; an entry type it discards keeps nothing."""
    translated = bibtex_sim.zotero_import(dump_records([record], fmt).text)
    if translated is None:
        return {"itemType": None, "fields": {}, "creators": [], "extra": []}
    return zotero_save.save(translated)


def main() -> None:
    records = unseen_records()
    total = sum(len(facts(r)) for r in records)
    print(f"{len(records)} unseen records (archive pages and real-world archival entries), {total} facts\n")
    print("| export | facts in their proper Zotero field (or Extra line) | lost most |")
    print("|---|---|---|")
    for label, simulate in (
        ("csljson", lambda r: via_csl_json(r, "csljson")),
        ("zotero", lambda r: via_csl_json(r, "zotero")),
        ("ris", via_ris),
        ("bibtex", lambda r: via_bibtex(r, "bibtex")),
        ("biblatex", lambda r: via_bibtex(r, "biblatex")),
    ):
        kept = 0
        lost: Counter[str] = Counter()
        for record in records:
            item = simulate(record)
            for variable in facts(record):
                if in_place(record, variable, item):
                    kept += 1
                else:
                    lost[variable] += 1
        worst = ", ".join(f"{name} {count}" for name, count in lost.most_common(4))
        print(f"| {label} | {kept}/{total} ({100 * kept / total:.1f}%) | {worst} |")


if __name__ == "__main__":
    main()
