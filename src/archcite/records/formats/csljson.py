"""CSL-JSON: the hub format. Archcite's JSON record files are CSL-JSON plus archival fields."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from archcite.errors import InputError
from archcite.records.extra import fold_into_note, unfold_note
from archcite.records.model import Origin, Record
from archcite.records.registry import Dumped, Format, Parsed


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _lines_of(text: str, offsets: Sequence[int]) -> list[int]:
    """The 1-based line of each (ascending) offset, counting each newline once: counting from the
    start for every item made loading quadratic (100,000 records took minutes)."""
    lines: list[int] = []
    line, previous = 1, 0
    for offset in offsets:
        line += text.count("\n", previous, offset)
        previous = offset
        lines.append(line)
    return lines


def _item_offsets(text: str) -> list[int]:
    """Offsets of the items of a top-level JSON array (json gives values, not positions)."""
    decoder = json.JSONDecoder()
    offsets: list[int] = []
    position = text.index("[") + 1
    while True:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text) or text[position] == "]":
            return offsets
        offsets.append(position)
        _, position = decoder.raw_decode(text, position)


def load(text: str, source: str) -> Parsed:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"invalid JSON: {error.msg} (column {error.colno})",
            hint="check the brackets, commas and quotes near that line",
            where=f"{source}:{error.lineno}",
        ) from None
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        data = data["items"]  # CSL-JSON as some tools wrap it
    if isinstance(data, dict):
        return Parsed([(unfold_note(data), Origin(source, line=_line_of(text, text.index("{")), index=0))])
    if not isinstance(data, list):
        raise InputError("CSL-JSON must be a list of items or one item", where=source)
    lines = _lines_of(text, _item_offsets(text))
    return Parsed(
        [
            (
                unfold_note(item) if isinstance(item, dict) else item,
                Origin(source, line=line, index=i),
            )
            for i, (item, line) in enumerate(zip(data, lines, strict=True))
        ]
    )


def sniff(text: str) -> bool:
    return text.lstrip("\ufeff \t\r\n")[:1] in ("[", "{")


def items_for_csl(records: Sequence[Record]) -> list[dict[str, Any]]:
    """Strict CSL items: archival fields kept as ``name: value`` lines of ``note``."""
    return [fold_into_note(record.fields) for record in records]


def dump(records: Sequence[Record]) -> Dumped:
    return Dumped(json.dumps(items_for_csl(records), ensure_ascii=False, indent=2) + "\n")


FORMATS = [
    Format(
        name="csljson",
        description="CSL-JSON (citeproc-js, Zotero, pandoc); archcite JSON record files",
        suffixes=(".json", ".csl.json"),
        aliases=("json", "csl-json"),
        sniff=sniff,
        load=load,
        dump=dump,
    )
]
