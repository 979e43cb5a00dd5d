"""CSL-JSON for Zotero's import (``--to zotero``): what Zotero has no field for as Extra lines.

Zotero imports CSL-JSON through its "CSL JSON" translator, which maps each CSL variable by the
CSL mappings of the Zotero schema (zotero/zotero-schema ``schema.json``, section ``csl``) and
drops a variable with no mapping; the item's ``note`` becomes Extra, where the client moves a
line naming a field into that field and citeproc-js reads the other ``name: value`` lines as CSL
variables when citing. So this writer keeps as leading ``note`` lines (the ``csljson`` writer
keeps them as CSL variables, which pandoc and citeproc-js read):

- the variables the schema maps to no Zotero field (``archive-place``, ``archive_collection``,
  ``event-date``, ...) and archcite's own fields;
- a variable the item type has no field for (a letter's pages, a document's genre, a speech's
  archive) and a creator the item type has no creator type for (a recipient of anything but a
  letter, the translator of a letter): Zotero drops the first and makes the second an author
  (``records.zotero_schema``);
- nothing of a name is dropped: Zotero keeps family and given only, so a particle is written as
  Zotero users enter it, "de Gaulle" and "Richard von", and a suffix after the given name and a
  comma ("Arthur M., Jr."), which citeproc-js reads back as particle and suffix.

archcite reads the file back (``--from zotero``) with names as Zotero keeps them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from archcite.records.formats import csljson
from archcite.records.mapping import fold_leftovers, lost_field_warning, unfold_leftovers
from archcite.records.model import ARCHIVAL_FIELDS, Record, RecordWarning
from archcite.records.registry import Dumped, Format, Parsed
from archcite.records.zotero_schema import ZOTERO_VARIABLES, zotero_has_field

_ITEM_KEYS = frozenset({"id", "type"})


def zotero_name(name: Mapping[str, Any]) -> dict[str, Any]:
    """A CSL name with only the parts Zotero keeps: family and given (or a literal)."""
    if name.get("literal") or "family" not in name:
        return dict(name)
    family = " ".join(str(name[p]) for p in ("non-dropping-particle", "family") if name.get(p))
    given = " ".join(str(name[p]) for p in ("given", "dropping-particle") if name.get(p))
    if name.get("suffix"):
        given = f"{given}, {name['suffix']}" if given else str(name["suffix"])
    return {"family": family, **({"given": given} if given else {})}


def item_for_zotero(record: Record) -> tuple[dict[str, Any], list[RecordWarning]]:
    fields = dict(record.fields)
    extra = [
        name
        for name, value in fields.items()
        if name not in _ITEM_KEYS and (name in ARCHIVAL_FIELDS or not zotero_has_field(record.type, name))
    ]
    warnings = [lost_field_warning(record, name, "Zotero", "Extra") for name in extra if name not in ARCHIVAL_FIELDS]
    item = fold_leftovers(fields, extra)
    for name, value in item.items():
        if name in ZOTERO_VARIABLES and isinstance(value, list) and all(isinstance(n, Mapping) for n in value):
            item[name] = [zotero_name(n) for n in value]
            if item[name] != value:
                warnings.append(
                    RecordWarning(
                        f"Zotero keeps a name's family and given parts only; particles and suffixes of "
                        f"'{name}' written in them ('de Gaulle', 'Arthur M., Jr.')",
                        record_id=record.id,
                        origin=record.origin,
                        field=name,
                    )
                )
    return item, warnings


def dump(records: Sequence[Record]) -> Dumped:
    items: list[dict[str, Any]] = []
    warnings: list[RecordWarning] = []
    for record in records:
        item, record_warnings = item_for_zotero(record)
        items.append(item)
        warnings.extend(record_warnings)
    return Dumped(json.dumps(items, ensure_ascii=False, indent=2) + "\n", warnings)


def stream(records: Iterable[Record], warnings: list[RecordWarning]) -> Iterator[str]:
    """:func:`dump`'s text one record at a time."""

    def items() -> Iterator[dict[str, Any]]:
        for record in records:
            item, record_warnings = item_for_zotero(record)
            warnings.extend(record_warnings)
            yield item

    return csljson.stream_items(items())


def load(text: str, source: str) -> Parsed:
    """A Zotero export of archcite's: CSL-JSON whose note lines are fields again."""
    parsed = csljson.load(text, source)
    parsed.items = [
        (unfold_leftovers(item) if isinstance(item, dict) else item, origin) for item, origin in parsed.items
    ]
    return parsed


FORMATS = [
    Format(
        name="zotero",
        description="CSL-JSON for Zotero's import: what Zotero has no field for as lines of Extra",
        aliases=("zotero-json",),
        load=load,
        dump=dump,
        stream=stream,
    )
]
