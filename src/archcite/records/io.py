"""Reading sources (files, folders, stdin) into records, and writing outputs safely."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from archcite.errors import InputError, OutputError, UnknownNameError
from archcite.records.keys import UniqueKeys, derive_key
from archcite.records.model import LoadResult, Origin, Record, RecordWarning
from archcite.records.registry import (
    Dumped,
    Format,
    Parsed,
    all_formats,
    format_for_suffix,
    get_format,
    input_suffixes,
    sniff,
)
from archcite.records.validate import build_records, check_item

if TYPE_CHECKING:
    from archcite.records.keyset import DiskKeySet

STDIN = "-"


def read_text(path: str) -> str:
    """A source's text; ``-`` reads standard input. A byte-order mark is dropped."""
    if path == STDIN:
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        name = path
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except FileNotFoundError:
            raise InputError("no such file", hint="check the path", where=path) from None
        except IsADirectoryError:
            raise InputError("is a folder", where=path) from None
        except OSError as error:
            raise InputError(f"cannot read: {error.strerror}", where=path) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            f"not UTF-8 text (byte {data[error.start]:#04x})",
            hint="save the file as UTF-8",
            where=f"{name}:{line}",
        ) from None


class UndecidedFormatError(UnknownNameError):
    """No format claims a source: no ``--from``, no suffix it knows, no content it recognises."""


def choose_format(path: str, text: str, fmt: str | None) -> Format:
    """``--from`` if given, else the file suffix, else the content; exit 4 if nothing decides."""
    if fmt:
        return get_format(fmt, purpose="load")
    chosen = (format_for_suffix(path) if path != STDIN else None) or sniff(text)
    if chosen is None:
        names = ", ".join(f.name for f in all_formats() if f.load is not None)
        raise UndecidedFormatError(
            "cannot tell the format of this source",
            hint=f"name it with --from (one of: {names})",
            where="<stdin>" if path == STDIN else path,
        )
    return chosen


def expand_sources(sources: Sequence[str]) -> list[str]:
    """Files and URLs as given; a folder becomes every record file inside it, sorted, recursively."""
    expanded: list[str] = []
    for source in sources:
        if source != STDIN and not is_url(source) and os.path.isdir(source):
            from pathlib import Path

            suffixes = tuple(input_suffixes())
            found = sorted(
                str(p)
                for p in Path(source).rglob("*")
                if p.is_file() and (p.name.lower().endswith(suffixes) or _is_saved_page(p))
            )
            if not found:
                raise InputError(
                    "folder holds no record files",
                    hint="record files end in " + ", ".join(sorted(suffixes)) + ", or are saved archive pages",
                    where=source,
                )
            expanded.extend(found)
        else:
            expanded.append(source)
    return expanded


# Saved archive pages are text or HTML files recognised by their content, not by a suffix.
_PAGE_SUFFIXES = (".txt", ".html", ".htm")


def _is_saved_page(path: os.PathLike[str]) -> bool:
    """A text or HTML file in a folder that an archive-page format recognises."""
    if not os.fspath(path).lower().endswith(_PAGE_SUFFIXES):
        return False
    try:
        with open(path, "rb") as probe:
            head = probe.read(8192).decode("utf-8-sig", errors="ignore")
    except OSError:
        return False
    found = sniff(head)
    return found is not None and not found.suffixes


def is_url(source: str) -> bool:
    return source[:8].lower().startswith(("http://", "https://"))


def parse_source(source: str, fmt: str | None = None) -> Parsed:
    if is_url(source):
        from archcite.records.fetch import load_url

        return load_url(source, fmt)
    text = read_text(source)
    chosen = choose_format(source, text, fmt)
    assert chosen.load is not None
    return chosen.load(text, "<stdin>" if source == STDIN else source)


def load_sources(sources: Sequence[str], fmt: str | None = None, *, strict: bool = False) -> LoadResult:
    """Load and check every source; ids are derived and checked across all of them.

    A malformed entry is skipped with a warning and the good entries of its file still load;
    with ``strict`` the first one is an :class:`InputError` instead.
    """
    items: list[tuple[object, Origin]] = []
    result = LoadResult()
    for source in expand_sources(sources):
        parsed = parse_source(source, fmt)
        if strict and parsed.warnings:
            first = parsed.warnings[0]
            where = str(first).removesuffix(f": {first.message}")
            raise InputError(first.message, where=where if where != first.message else None)
        items.extend(parsed.items)
        result.warnings.extend(parsed.warnings)
    if not items and result.warnings and result.warnings[0].origin is not None:
        first = result.warnings[0]
        raise InputError(first.message, where=str(first.origin))
    if not strict:
        items = _drop_invalid_items(items, result.warnings)
    records, warnings = build_records(items)
    result.records.extend(records)
    result.warnings.extend(warnings)
    return result


def _drop_invalid_items(
    items: list[tuple[object, Origin]], warnings: list[RecordWarning]
) -> list[tuple[object, Origin]]:
    """The items that pass :func:`check_item`; each other one becomes a warning.

    When no item passes, the first one's error is raised: there is nothing to go on with.
    """
    kept = []
    first_error: InputError | None = None
    for raw, origin in items:
        try:
            check_item(raw, origin)
        except InputError as error:
            first_error = first_error or error
            warnings.append(_skip_warning(raw, origin, error))
        else:
            kept.append((raw, origin))
    if first_error is not None and not kept:
        raise first_error
    return kept


def _stream_source_items(source: str, fmt: str | None, warnings: list[RecordWarning]) -> Iterator[tuple[Any, Origin]]:
    """A source's raw items; a CSL-JSON array file is read a chunk at a time, any other source
    (another format, stdin, a URL) whole as :func:`parse_source` reads it. A whole-file reader's
    warnings go into ``warnings``."""
    from archcite.records.formats import csljson

    chosen: Format | None = None
    if source != STDIN and not is_url(source):
        chosen = get_format(fmt, purpose="load") if fmt else format_for_suffix(source)
        if chosen is None:
            try:
                with open(source, "rb") as probe:
                    head = probe.read(4096).decode("utf-8-sig", errors="ignore")
            except OSError:
                head = ""
            chosen = sniff(head) if head.strip() else None
    if chosen is None or chosen.name != "csljson":
        yield from _parsed_items(parse_source(source, fmt), warnings)
        return
    yielded = 0
    try:
        with open(source, "rb") as stream:
            for item in csljson.iter_items(stream, source):
                yielded += 1
                yield item
    except (csljson.NotStreamable, OSError):
        # The whole-file reader gives the error (or reads the forms an array reader does not).
        yield from _parsed_items(parse_source(source, fmt), warnings, skip=yielded)


def _parsed_items(parsed: Parsed, warnings: list[RecordWarning], *, skip: int = 0) -> Iterator[tuple[Any, Origin]]:
    warnings.extend(parsed.warnings)
    yield from parsed.items[skip:]


def stream_records(
    sources: Sequence[str], fmt: str | None = None, record_warnings: list[RecordWarning] | None = None
) -> tuple[list[RecordWarning], int, Iterator[Record]]:
    """Like :func:`load_sources`, but the records come one at a time and CSL-JSON files are read
    in chunks, so memory is bounded by the largest record rather than by the files.

    Returns the warnings of sources and of skipped records, the number of records to come, and
    the records. The sources are read twice. The first pass checks every item, raises what
    :func:`load_sources` raises before any record is handed out, and counts the records; it
    keeps the set of given ids, because a derived id must avoid an id given further down, in a
    :class:`DiskKeySet` rather than in memory. The second pass yields the records; each
    record's own warnings are appended to ``record_warnings`` just before it is yielded (without
    the list, they are returned with the others), so that a caller can report them as it goes
    instead of holding them all. Stdin, URLs and formats other than CSL-JSON are read whole, one
    source at a time.
    """
    expanded = expand_sources(sources)
    if STDIN in expanded:
        # Standard input can be read only once; it is loaded whole.
        loaded = load_sources(sources, fmt)
        return loaded.warnings, len(loaded.records), iter(loaded.records)
    from archcite.records.keyset import DiskKeySet

    given = DiskKeySet()
    try:
        warnings, count = _first_pass(expanded, fmt, given, record_warnings)
    except BaseException:
        given.close()
        raise
    return warnings, count, _second_pass(expanded, fmt, given, record_warnings)


def _first_pass(
    sources: Sequence[str], fmt: str | None, given: DiskKeySet, record_warnings: list[RecordWarning] | None
) -> tuple[list[RecordWarning], int]:
    """Check every item and fill ``given``; the warnings of sources and of skipped records, and
    the number of records."""
    parse_warnings: list[RecordWarning] = []
    skip_warnings: list[RecordWarning] = []
    check_warnings: list[RecordWarning] = []
    first_error: InputError | None = None
    duplicate: tuple[str, Origin] | None = None
    total = skipped = 0
    for raw, origin in _all_items(sources, fmt, parse_warnings):
        total += 1
        try:
            fields, item_warnings = check_item(raw, origin)
        except InputError as error:
            first_error = first_error or error
            skipped += 1
            skip_warnings.append(_skip_warning(raw, origin, error))
            continue
        if record_warnings is None:
            check_warnings.extend(item_warnings)
        if "id" in fields and duplicate is None and not given.add_new(fields["id"]):
            duplicate = (fields["id"], origin)
    # The same checks, in the same order, as load_sources.
    if not total and parse_warnings and parse_warnings[0].origin is not None:
        raise InputError(parse_warnings[0].message, where=str(parse_warnings[0].origin))
    if first_error is not None and skipped == total:
        raise first_error
    if duplicate is not None:
        record_id, origin = duplicate
        first = next(
            o for raw, o in _all_items(sources, fmt, []) if isinstance(raw, dict) and str(raw.get("id")) == record_id
        )
        raise InputError(
            f"duplicate record id '{record_id}' (first at {first})",
            hint="give each record its own id",
            where=str(origin),
        )
    return parse_warnings + skip_warnings + check_warnings, total - skipped


def _skip_warning(raw: Any, origin: Origin, error: InputError) -> RecordWarning:
    record_id = raw.get("id") if isinstance(raw, dict) else None
    return RecordWarning(
        f"record skipped: {error.message}" + (f" ({error.hint})" if error.hint else ""),
        record_id=str(record_id) if record_id not in (None, "") else None,
        origin=origin,
    )


def _all_items(sources: Sequence[str], fmt: str | None, warnings: list[RecordWarning]) -> Iterator[tuple[Any, Origin]]:
    for source in sources:
        yield from _stream_source_items(source, fmt, warnings)


def _second_pass(
    sources: Sequence[str], fmt: str | None, given: DiskKeySet, record_warnings: list[RecordWarning] | None
) -> Iterator[Record]:
    # Derived ids go into the set of given ids: every given id is taken before any derived one,
    # as validate.assign_ids does.
    ids = UniqueKeys(store=given)
    try:
        for raw, origin in _all_items(sources, fmt, []):  # source warnings: pass 1 has them
            try:
                fields, item_warnings = check_item(raw, origin)
            except InputError:
                continue  # skipped, with its warning, in the first pass
            if record_warnings is not None:
                record_warnings.extend(item_warnings)
            if "id" not in fields:
                fields = {"id": ids.make_unique(derive_key(fields)), **fields}
            yield Record(fields, origin)
    finally:
        given.close()


def select_records(records: Sequence[Record], ids: Sequence[str]) -> list[Record]:
    """The records with the given ids, in the order asked; exit 4 for an unknown id."""
    if not ids:
        return list(records)
    by_id = {record.id: record for record in records}
    missing = [i for i in ids if i not in by_id]
    if missing:
        import difflib

        close = difflib.get_close_matches(missing[0], list(by_id), n=3)
        raise UnknownNameError(
            f"no record with id '{missing[0]}'",
            hint=(f"did you mean {' or '.join(close)}? " if close else "")
            + f"{len(by_id)} record(s) loaded; `archcite list SOURCE` lists their ids",
        )
    return [by_id[i] for i in ids]


def dump_records(records: Sequence[Record], fmt: str, *, ascii_only: bool = False) -> Dumped:
    """The records in format ``fmt``; ``ascii_only`` picks LaTeX-encoded output where it exists."""
    chosen = get_format(fmt, purpose="dump")
    if ascii_only and chosen.dump_ascii is not None:
        return chosen.dump_ascii(records)
    assert chosen.dump is not None
    return chosen.dump(records)


def write_atomic(path: str, text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename; never clobber silently."""
    write_atomic_chunks(path, [text], force=force)


def write_atomic_chunks(path: str, chunks: Iterable[str], *, force: bool = False) -> None:
    """:func:`write_atomic` for text that comes in pieces: the pieces go to the temporary file as
    they come, and the target appears only when the last one is written (an error raised while
    the pieces are produced leaves no file behind)."""
    if os.path.exists(path) and not force:
        raise OutputError("file exists", hint="pass --force to overwrite it", where=path)
    if os.path.isdir(path):
        raise OutputError("is a folder", hint="name a file", where=path)
    folder, name = os.path.split(path)
    import tempfile

    try:
        handle, temporary = tempfile.mkstemp(dir=folder or ".", prefix=f".{name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"cannot write here: {error.strerror}", where=path) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            for chunk in chunks:
                out.write(chunk)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
