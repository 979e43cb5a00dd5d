"""One registry of record formats: name, aliases, suffixes, content sniffing, reader, writer.

Formats register here explicitly (no discovery by scanning folders); each format module keeps
its parser, detector and writer together and exposes one :class:`Format` named ``FORMAT``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from archcite.errors import UnknownNameError
from archcite.records.model import Origin, Record, RecordWarning


# Parsed and Dumped are plain classes, not dataclasses, for the reason given in records.model.
class Parsed:
    """What a reader returns: raw items (checked later, all sources together) and warnings."""

    __slots__ = ("items", "warnings")

    def __init__(
        self, items: list[tuple[Any, Origin]] | None = None, warnings: list[RecordWarning] | None = None
    ) -> None:
        self.items: list[tuple[Any, Origin]] = [] if items is None else items
        self.warnings: list[RecordWarning] = [] if warnings is None else warnings

    def __repr__(self) -> str:
        return f"Parsed(items={self.items!r}, warnings={self.warnings!r})"


class Dumped:
    """What a writer returns: the text and the fields it could not keep."""

    __slots__ = ("text", "warnings")

    def __init__(self, text: str, warnings: list[RecordWarning] | None = None) -> None:
        self.text = text
        self.warnings: list[RecordWarning] = [] if warnings is None else warnings

    def __repr__(self) -> str:
        return f"Dumped(text={self.text!r}, warnings={self.warnings!r})"


class Format(NamedTuple):
    name: str
    description: str
    suffixes: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    sniff: Callable[[str], bool] | None = None
    load: Callable[[str, str], Parsed] | None = None
    dump: Callable[[Sequence[Record]], Dumped] | None = None
    # LaTeX-encoded (ASCII) output, for formats that have one (``--ascii``).
    dump_ascii: Callable[[Sequence[Record]], Dumped] | None = None
    # The same text as ``dump`` (and ``dump_ascii``), one piece per record, for records that come
    # one at a time; the fields it could not keep are appended to the list as it goes.
    stream: Callable[[Iterable[Record], list[RecordWarning]], Iterator[str]] | None = None
    stream_ascii: Callable[[Iterable[Record], list[RecordWarning]], Iterator[str]] | None = None
    # A document page (an archive's web page), recognised by its words rather than by a syntax:
    # content is tried on it only after no record format's signature matched, so that a record
    # file (archcite's own exports included) is never read as a page.
    page: bool = False


# The modules that define formats, in sniffing order (most specific first). Record formats know
# their file by how it opens; archive pages are known by words anywhere in the text, which a
# record exported from a page quotes (its archive-citation), so pages are tried last.
_FORMAT_MODULES = (
    "archcite.records.formats.csljson",
    "archcite.records.formats.yaml",
    "archcite.records.formats.bibtex",
    "archcite.records.formats.ris",
    "archcite.records.formats.zotero",
    "archcite.records.formats.wilson",
    "archcite.records.importers",
)

_formats: list[Format] | None = None


def all_formats() -> list[Format]:
    global _formats
    if _formats is None:
        formats: list[Format] = []
        for module_name in _FORMAT_MODULES:
            module = importlib.import_module(module_name)
            formats.extend(module.FORMATS)
        _formats = formats
    return _formats


def _formats_in_order() -> Iterator[Format]:
    """The formats in registry order, each module imported only when the search reaches it: a
    ``.json`` file is matched without importing the YAML or archive-page readers."""
    if _formats is not None:
        yield from _formats
        return
    for module_name in _FORMAT_MODULES:
        yield from importlib.import_module(module_name).FORMATS


def get_format(name: str, *, purpose: str | None = None) -> Format:
    """The format called ``name`` (or one of its aliases) that can ``load`` or ``dump``."""
    wanted = name.lower().lstrip(".")
    candidates = [f for f in all_formats() if purpose is None or getattr(f, purpose) is not None]
    for fmt in candidates:
        if wanted == fmt.name or wanted in fmt.aliases:
            return fmt
    names = [f.name for f in candidates]
    import difflib

    close = difflib.get_close_matches(wanted, names + [a for f in candidates for a in f.aliases], n=3)
    verb = {"load": "input ", "dump": "output "}.get(purpose or "", "")
    raise UnknownNameError(
        f"unknown {verb}format '{name}'",
        hint=(f"did you mean {' or '.join(close)}? " if close else "") + "formats: " + ", ".join(names),
    )


def format_for_suffix(path: str) -> Format | None:
    lower = path.lower()
    for fmt in _formats_in_order():
        if fmt.load is not None and any(lower.endswith(suffix) for suffix in fmt.suffixes):
            return fmt
    return None


def sniff(text: str) -> Format | None:
    """The format whose signature ``text`` has: record formats first, pages last."""
    pages: list[Format] = []
    for fmt in _formats_in_order():
        if fmt.load is None or fmt.sniff is None:
            continue
        if fmt.page:
            pages.append(fmt)
        elif fmt.sniff(text):
            return fmt
    return next((page for page in pages if page.sniff is not None and page.sniff(text)), None)


def input_suffixes() -> set[str]:
    return {s for f in all_formats() if f.load is not None for s in f.suffixes}
