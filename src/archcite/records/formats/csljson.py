"""CSL-JSON: the hub format. Archcite's JSON record files are CSL-JSON plus archival fields."""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, BinaryIO

from archcite.errors import InputError
from archcite.records.extra import encode_value, fold_into_note, unfold_note
from archcite.records.model import ARCHIVAL_FIELDS, DATE_VARIABLES, NAME_VARIABLES, Origin, Record, RecordWarning
from archcite.records.registry import Dumped, Format, Parsed
from archcite.records.zotero_schema import zotero_has_field


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
        return Parsed(
            [(without_restatements(unfold_note(data)), Origin(source, line=_line_of(text, text.index("{")), index=0))]
        )
    if not isinstance(data, list):
        raise InputError("CSL-JSON must be a list of items or one item", where=source)
    lines = _lines_of(text, _item_offsets(text))
    return Parsed(
        [
            (
                without_restatements(unfold_note(item)) if isinstance(item, dict) else item,
                Origin(source, line=line, index=i),
            )
            for i, (item, line) in enumerate(zip(data, lines, strict=True))
        ]
    )


class NotStreamable(Exception):
    """The file is not one well-formed top-level array; the caller loads it whole instead, which
    gives the one canonical error message (or handles a single item or an ``items`` wrapper)."""


# Bytes read at a time: big enough that reading costs little, small enough that memory is bounded
# by the largest record rather than by the file.
_CHUNK = 1 << 16
# One item larger than this stops the streaming reader, so that memory stays bounded by a record.
MAX_ITEM_CHARS = 16 * 1024 * 1024


class _ChunkedText:
    """A byte stream's text read a chunk at a time: only what is not consumed yet is held, and the
    line of the read position is counted."""

    def __init__(self, stream: BinaryIO, chunk_size: int) -> None:
        self.stream = stream
        self.chunk_size = chunk_size
        self.wanted = chunk_size
        self.text_decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.buffer, self.position, self.line, self.at_end = "", 0, 1, False

    def read_more(self) -> None:
        data = self.stream.read(self.wanted)
        try:
            text = self.text_decoder.decode(data, final=not data)
        except UnicodeDecodeError:
            raise NotStreamable from None
        self.at_end = not data
        # Keep only what is not consumed yet, so the buffer never grows with the file.
        self.buffer = self.buffer[self.position :] + text
        self.position = 0

    def next_char(self) -> str:
        """The first character after white space (consumed); "" at the end of the text."""
        while True:
            buffer, position, length = self.buffer, self.position, len(self.buffer)
            while position < length and buffer[position] in " \t\r\n":
                self.line += buffer[position] == "\n"
                position += 1
            self.position = position
            if position < length or self.at_end:
                return self.buffer[self.position : self.position + 1]
            self.read_more()

    def json_value(self, decoder: json.JSONDecoder) -> tuple[Any, int]:
        """The JSON value at the read position, and where it ends in the buffer."""
        while True:
            try:
                value, end = decoder.raw_decode(self.buffer, self.position)
            except json.JSONDecodeError:
                if self.at_end:
                    raise NotStreamable from None
            else:
                # A value that reaches the end of the buffer may go on in the next chunk (a number).
                if end < len(self.buffer) or self.at_end:
                    self.wanted = self.chunk_size
                    return value, end
            if len(self.buffer) - self.position > MAX_ITEM_CHARS:
                raise NotStreamable  # no record is this large: the whole-file reader's limit applies
            # Read ever larger chunks so that a record much larger than a chunk is not
            # re-parsed once per chunk.
            self.read_more()
            self.wanted *= 2

    def consume(self, end: int) -> None:
        self.line += self.buffer.count("\n", self.position, end)
        self.position = end


def iter_items(stream: BinaryIO, source: str, *, chunk_size: int = _CHUNK) -> Iterator[tuple[Any, Origin]]:
    """The items of a top-level CSL-JSON array read in chunks, each with its :class:`Origin` as
    :func:`load` gives it; memory holds one item at a time, plus a chunk.

    Raises :class:`NotStreamable` for anything else (a single item, a wrapper object, malformed
    JSON, text that is not UTF-8), possibly after some items were yielded.
    """
    decoder = json.JSONDecoder()
    text = _ChunkedText(stream, chunk_size)
    if text.next_char() != "[":
        raise NotStreamable
    text.consume(text.position + 1)
    index = 0
    expect_item = True
    while True:
        char = text.next_char()
        if not char:
            raise NotStreamable  # unterminated array
        if char == "]":
            text.consume(text.position + 1)
            if text.next_char():
                raise NotStreamable  # extra data after the array
            return
        if char == "," and not expect_item:
            text.consume(text.position + 1)
            expect_item = True
            continue
        if not expect_item or char == ",":
            raise NotStreamable  # a missing comma, or a comma with no item before it
        item, end = text.json_value(decoder)
        yield (
            without_restatements(unfold_note(item)) if isinstance(item, dict) else item,
            Origin(source, line=text.line, index=index),
        )
        text.consume(end)
        index += 1
        expect_item = False


def sniff(text: str) -> bool:
    return text.lstrip("\ufeff \t\r\n")[:1] in ("[", "{")


def items_for_csl(records: Sequence[Record]) -> list[dict[str, Any]]:
    """Strict CSL items: archival fields kept as ``name: value`` lines of ``note``."""
    return [fold_into_note(record.fields) for record in records]


# A key pandoc's citeproc reads from a leading line of note (it reads no ``_``) and takes out of
# the note it prints.
_CITEPROC_KEY = re.compile(r"[A-Za-z][A-Za-z-]*")
_NOT_RESTATED = frozenset({"id", "type", "note"}) | NAME_VARIABLES | DATE_VARIABLES | frozenset(ARCHIVAL_FIELDS)


def zotero_restatements(record: Record) -> list[str]:
    """``name: value`` lines restating the text variables Zotero's CSL JSON import drops: those
    with no Zotero field, or none in the record's item type (a letter's pages, a document's genre,
    a manuscript's publisher: ``Zotero.Utilities.Item.itemFromCSLJSON`` sets a field only where
    the item type has it). The import makes ``note`` Extra, where they stay and citeproc-js reads
    them; pandoc's citeproc reads them as the variables they restate and prints none of them."""
    lines = []
    for name, value in record.fields.items():
        if name in _NOT_RESTATED or not _CITEPROC_KEY.fullmatch(name) or isinstance(value, bool):
            continue
        if zotero_has_field(record.type, name):
            continue
        text = str(value) if isinstance(value, str | int | float) else None
        if text is not None and text.strip() == text and encode_value(text) == text:
            lines.append(f"{name}: {text}")
    return lines


def item_for_csljson(record: Record) -> dict[str, Any]:
    """A strict CSL item whose note leads with archcite's own fields (:func:`items_for_csl`),
    then :func:`zotero_restatements`, then the note's own text."""
    lines = zotero_restatements(record)
    if not lines:
        return fold_into_note(record.fields)
    note = record.fields.get("note")
    return fold_into_note({**record.fields, "note": "\n".join(lines + ([str(note)] if note else []))})


def without_restatements(item: dict[str, Any]) -> dict[str, Any]:
    """``item`` without the note lines that restate one of its variables (what
    :func:`zotero_restatements` adds)."""
    note = item.get("note")
    if not isinstance(note, str) or ":" not in note:
        return item
    kept = [
        line
        for line in note.split("\n")
        if not ((m := _RESTATED_LINE.match(line)) and str(item.get(m["name"], "\0")) == m["value"])
    ]
    if len(kept) == len(note.split("\n")):
        return item
    rest = {k: v for k, v in item.items() if k != "note"}
    return {**rest, "note": "\n".join(kept)} if any(kept) else rest


_RESTATED_LINE = re.compile(r"^(?P<name>[A-Za-z][A-Za-z-]*): (?P<value>.*)$")


def dump(records: Sequence[Record]) -> Dumped:
    items = [item_for_csljson(record) for record in records]
    return Dumped(json.dumps(items, ensure_ascii=False, indent=2) + "\n")


def stream(records: Iterable[Record], warnings: list[RecordWarning]) -> Iterator[str]:
    """:func:`dump`'s text one record at a time."""
    return stream_items(item_for_csljson(record) for record in records)


def stream_items(items: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A JSON list one item at a time: each item indented as ``json.dumps`` indents the items of
    a list (no line of an item is blank: line breaks in strings are escaped, so every line takes
    the indent)."""
    opened = False
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=2)
        yield ("[\n  " if not opened else ",\n  ") + text.replace("\n", "\n  ")
        opened = True
    yield "\n]\n" if opened else "[]\n"


FORMATS = [
    Format(
        name="csljson",
        description="CSL-JSON (citeproc-js, Zotero, pandoc); archcite JSON record files",
        suffixes=(".json", ".csl.json"),
        aliases=("json", "csl-json"),
        sniff=sniff,
        load=load,
        dump=dump,
        stream=stream,
    )
]
