"""Reading sources (files, folders, stdin) into records, and writing outputs safely."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, BinaryIO

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
from archcite.records.validate import assign_ids, check_item

if TYPE_CHECKING:
    from archcite.records.keyset import DiskKeySet

STDIN = "-"


# Formats other than a CSL-JSON array are read whole, so their size is bounded: a larger file (or
# a device such as /dev/zero, or a pipe that never ends) stops with a clear error instead of
# exhausting memory.
MAX_INPUT_BYTES = 64 * 1024 * 1024


def read_text(path: str) -> str:
    """A source's text; ``-`` reads standard input. A byte-order mark is dropped."""
    if path == STDIN:
        name = "<stdin>"
        data = _read_bounded(sys.stdin.buffer, name)
    else:
        name = path
        try:
            mode = os.stat(path).st_mode
            if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
                raise InputError("is a device, not a file", hint="name a record file, or - for stdin", where=path)
            with open(path, "rb") as handle:
                data = _read_bounded(handle, path)
        except FileNotFoundError:
            raise InputError("no such file", hint="check the path", where=path) from None
        except IsADirectoryError:
            raise InputError("is a folder", where=path) from None
        except OSError as error:
            raise InputError(f"cannot read: {error.strerror}", where=path) from None
        except ValueError:  # a NUL or a lone surrogate (from JSON metadata), which no file name holds
            raise InputError(
                "is no file name (it holds a NUL or an unpaired surrogate)",
                where=path.encode("utf-8", "backslashreplace").decode("utf-8").replace("\0", "\\0"),
            ) from None
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


def _read_bounded(handle: BinaryIO, name: str) -> bytes:
    data = handle.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(
            f"larger than {MAX_INPUT_BYTES // (1024 * 1024)} MiB, the limit for a source read whole",
            hint="split it into several files, or export it to CSL-JSON, which is read a record at a time",
            where=name,
        )
    return data


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
    """One source's raw items and warnings; a source that holds no record is an error."""
    if is_url(source):
        from archcite.records.fetch import load_url

        parsed = load_url(source, fmt)
    else:
        text = read_text(source)
        chosen = choose_format(source, text, fmt)
        assert chosen.load is not None
        name = "<stdin>" if source == STDIN else source
        try:
            parsed = chosen.load(text, name)
        except RecursionError:
            raise InputError(
                "nested too deeply to read", hint="no record nests more than a few levels; check the file", where=name
            ) from None
    if not parsed.items and not parsed.warnings:
        raise no_records_error(source)
    return parsed


def no_records_error(source: str) -> InputError:
    name = "<stdin>" if source == STDIN else source
    return InputError(f"no records in {name}", hint="add records to it, or leave it out")


def invalid_entry_error(warning: RecordWarning) -> InputError:
    """The error a skipped entry's warning stands for, when invalid records stop the run."""
    where = str(warning).removesuffix(f": {warning.message}")
    message = warning.message.replace("malformed entry skipped: ", "malformed entry: ").replace(
        "malformed RIS entry skipped: ", "malformed RIS entry: "
    )
    return InputError(
        message,
        hint=SKIP_HINT,
        where=where if where != warning.message else None,
    )


SKIP_HINT = "fix it, or pass --skip-invalid to leave out invalid records"


def load_sources(
    sources: Sequence[str], fmt: str | None = None, *, strict: bool = False, skip_invalid: bool = False
) -> LoadResult:
    """Load and check every source; ids are derived and checked across all of them.

    The first invalid record (or malformed entry) is an :class:`InputError`; with
    ``skip_invalid`` each is left out with a warning, followed by one warning that counts them.
    With ``strict`` the first warning of any source is an :class:`InputError` too.
    """
    items: list[tuple[object, Origin]] = []
    result = LoadResult()
    for source in expand_sources(sources):
        parsed = parse_source(source, fmt)
        if strict and parsed.warnings:
            first = parsed.warnings[0]
            where = str(first).removesuffix(f": {first.message}")
            raise InputError(first.message, where=where if where != first.message else None)
        skipped = [warning for warning in parsed.warnings if warning.skipped]
        if skipped and not skip_invalid:
            raise invalid_entry_error(skipped[0])
        items.extend(parsed.items)
        result.warnings.extend(parsed.warnings)
    if not items and result.warnings and result.warnings[0].origin is not None:
        first = result.warnings[0]
        raise InputError(first.message, where=str(first.origin))
    checked: list[tuple[dict[str, Any], Origin | None]] = []
    check_warnings: list[RecordWarning] = []
    checker = _ItemChecker(skip_invalid, result.warnings)
    for raw, origin in items:
        if (outcome := checker.check(raw, origin)) is not None:
            checked.append((outcome[0], origin))
            check_warnings.extend(outcome[1])
    checker.raise_if_none_kept(len(checked))
    result.records.extend(assign_ids(checked))
    result.warnings.extend(check_warnings)
    if skip_invalid:
        _count_skipped(result.warnings)
    return result


class _ItemChecker:
    """Checks raw items one by one. An invalid item is an error with the --skip-invalid hint or,
    with ``skip_invalid``, left out with a warning appended to ``skip_warnings``."""

    def __init__(self, skip_invalid: bool, skip_warnings: list[RecordWarning]) -> None:
        self.skip_invalid = skip_invalid
        self.skip_warnings = skip_warnings
        self.first_error: InputError | None = None
        self.skipped = 0

    def check(self, raw: Any, origin: Origin) -> tuple[dict[str, Any], list[RecordWarning]] | None:
        """The item's fields and warnings, or None for an item left out."""
        try:
            return check_item(raw, origin)
        except InputError as error:
            if not self.skip_invalid:
                _add_skip_hint(error)
                raise
            self.first_error = self.first_error or error
            self.skipped += 1
            self.skip_warnings.append(_skip_warning(raw, origin, error))
            return None

    def raise_if_none_kept(self, kept: int) -> None:
        """The first invalid item's error when every item was left out: nothing to go on with."""
        if self.first_error is not None and not kept:
            raise self.first_error


def _add_skip_hint(error: InputError) -> None:
    error.hint = f"{error.hint}; or pass --skip-invalid to leave out invalid records" if error.hint else SKIP_HINT


def _count_skipped(warnings: list[RecordWarning]) -> None:
    count = sum(1 for warning in warnings if warning.skipped)
    if count:
        warnings.append(RecordWarning(f"{count} invalid record(s) skipped (--skip-invalid)"))


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
    except (csljson.NotStreamable, OSError, RecursionError):
        # The whole-file reader gives the error (or reads the forms an array reader does not).
        yield from _parsed_items(parse_source(source, fmt), warnings, skip=yielded)


def _parsed_items(parsed: Parsed, warnings: list[RecordWarning], *, skip: int = 0) -> Iterator[tuple[Any, Origin]]:
    warnings.extend(parsed.warnings)
    yield from parsed.items[skip:]


def stream_records(
    sources: Sequence[str],
    fmt: str | None = None,
    record_warnings: list[RecordWarning] | None = None,
    *,
    skip_invalid: bool = False,
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
        loaded = load_sources(sources, fmt, skip_invalid=skip_invalid)
        return loaded.warnings, len(loaded.records), iter(loaded.records)
    from archcite.records.keyset import DiskKeySet

    given = DiskKeySet()
    try:
        warnings, count = _first_pass(expanded, fmt, given, record_warnings, skip_invalid=skip_invalid)
    except BaseException:
        given.close()
        raise
    return warnings, count, _second_pass(expanded, fmt, given, record_warnings)


def _first_pass(
    sources: Sequence[str],
    fmt: str | None,
    given: DiskKeySet,
    record_warnings: list[RecordWarning] | None,
    *,
    skip_invalid: bool,
) -> tuple[list[RecordWarning], int]:
    """Check every item and fill ``given``; the warnings of sources and of skipped records, and
    the number of records."""
    parse_warnings: list[RecordWarning] = []
    skip_warnings: list[RecordWarning] = []
    check_warnings: list[RecordWarning] = []
    checker = _ItemChecker(skip_invalid, skip_warnings)
    duplicate: tuple[str, Origin] | None = None
    total = 0
    for source in sources:
        source_total = 0
        source_warnings: list[RecordWarning] = []
        for raw, origin in _stream_source_items(source, fmt, source_warnings):
            source_total += 1
            outcome = checker.check(raw, origin)
            if outcome is None:
                continue
            fields, item_warnings = outcome
            if record_warnings is None:
                check_warnings.extend(item_warnings)
            if "id" in fields and duplicate is None and not given.add_new(fields["id"]):
                duplicate = (fields["id"], origin)
        invalid = [warning for warning in source_warnings if warning.skipped]
        if invalid and not skip_invalid:
            raise invalid_entry_error(invalid[0])
        if not source_total and not source_warnings:
            raise no_records_error(source)
        total += source_total
        parse_warnings.extend(source_warnings)
    # The same checks, in the same order, as load_sources.
    if not total and parse_warnings and parse_warnings[0].origin is not None:
        raise InputError(parse_warnings[0].message, where=str(parse_warnings[0].origin))
    checker.raise_if_none_kept(total - checker.skipped)
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
    warnings = parse_warnings + skip_warnings + check_warnings
    if skip_invalid:
        _count_skipped(warnings)
    return warnings, total - checker.skipped


def _skip_warning(raw: Any, origin: Origin, error: InputError) -> RecordWarning:
    record_id = raw.get("id") if isinstance(raw, dict) else None
    return RecordWarning(
        f"record skipped: {error.message}" + (f" ({error.hint})" if error.hint else ""),
        record_id=str(record_id) if record_id not in (None, "") else None,
        origin=origin,
        skipped=True,
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
    the pieces are produced, or a signal the caller turns into an exception, leaves no file
    behind). Only a regular file is ever replaced, and it keeps its permissions."""
    existing = _existing_target(path, force=force)
    folder, name = os.path.split(path)
    # A prefix no other file has: a signal turned into an exception once the file is made but
    # before its name is returned still finds the file to remove.
    prefix = f".{name}.{os.urandom(4).hex()}."
    try:
        handle, temporary = _new_file(folder or ".", prefix)
    except OSError as error:
        _remove_prefixed(folder or ".", prefix)
        raise OutputError(f"cannot write here: {error.strerror}", where=path) from None
    except BaseException:
        _remove_prefixed(folder or ".", prefix)
        raise
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            for chunk in chunks:
                out.write(chunk)
        if existing is not None:
            os.chmod(temporary, stat.S_IMODE(existing.st_mode))
        os.replace(temporary, path)
    except OSError as error:
        _remove(temporary)
        raise OutputError(f"cannot write: {error.strerror}", hint="no file was written", where=path) from None
    except BaseException:
        _remove(temporary)
        raise


def _new_file(folder: str, prefix: str) -> tuple[int, str]:
    """A new file in ``folder`` (its name starts with ``prefix``), open for writing. It is made
    with mode 0o666, which the process's umask narrows as for any new file: asking the umask
    would mean setting it, which changes it for every thread of the process for a moment."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    while True:
        temporary = os.path.join(folder, f"{prefix}{os.urandom(6).hex()}.tmp")
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue


def _existing_target(path: str, *, force: bool) -> os.stat_result | None:
    """What ``path`` is now: nothing, or a regular file that ``force`` allows to be replaced."""
    try:
        existing = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise OutputError(f"cannot write: {error.strerror}", where=path) from None
    if stat.S_ISDIR(existing.st_mode):
        raise OutputError("is a folder", hint="name a file", where=path)
    if not stat.S_ISREG(existing.st_mode):
        raise OutputError(
            "is not a regular file (a device, FIFO or socket), so it is never replaced",
            hint="name a file, or write to standard output with -o - (or no -o)",
            where=path,
        )
    if not force:
        raise OutputError("file exists", hint="pass --force to overwrite it", where=path)
    return existing


def _remove(temporary: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temporary)


def _remove_prefixed(folder: str, prefix: str) -> None:
    """Remove the temporary file whose name starts with ``prefix``, if it was made."""
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
                _remove(entry.path)
