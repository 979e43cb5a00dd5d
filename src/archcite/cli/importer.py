"""``archcite import``: archive pages (saved text or HTML, or URLs) into record files."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

import click

from archcite.cli.options import (
    FALLBACK_SUFFIXES,
    format_names,
    from_option,
    load,
    output_format_for,
    report_warnings,
    skip_invalid_option,
    sources_argument,
    verbosity_options,
)
from archcite.cli.report import info
from archcite.errors import ArchciteError, InputError, OutputError

if TYPE_CHECKING:
    from archcite.records.model import LoadResult, Record
    from archcite.records.registry import Dumped


def record_file_suffix(format_name: str) -> str:
    """The suffix of one record file written in ``format_name``."""
    from archcite.records.registry import get_format

    fmt = get_format(format_name, purpose="dump")
    if fmt.suffixes:
        return fmt.suffixes[0]
    return FALLBACK_SUFFIXES.get(fmt.name, f".{fmt.name}")


# File systems take names of at most 255 bytes; a stem this long leaves room for any suffix.
_MAX_STEM_BYTES = 200


def file_stem(record_id: str) -> str:
    """A file name for a record id that stays inside the folder, whatever the id holds. An id too
    long for a file name is cut, and ends with a digest of the whole id, so two long ids that
    begin alike still name two files (the file's record keeps the whole id)."""
    stem = re.sub(r"[^\w.-]", "_", record_id).lstrip(".") or "record"
    if len(stem.encode("utf-8", "surrogatepass")) <= _MAX_STEM_BYTES:
        return stem
    digest = hashlib.sha256(record_id.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    head = stem.encode("utf-8", "surrogatepass")[: _MAX_STEM_BYTES - len(digest) - 1]
    return head.decode("utf-8", "ignore") + "-" + digest


def writes_a_folder(output: str) -> bool:
    """``-o`` names a folder when it is one already or ends with a path separator."""
    return os.path.isdir(output) or output.endswith(("/", os.sep))


@click.command(name="import")
@sources_argument
@click.option(
    "--to",
    "to_format",
    metavar="FORMAT",
    shell_complete=format_names("dump"),
    help="Output format: yaml, csljson, cslyaml, bibtex, ... (see `archcite formats`); "
    "default: what -o FILE's suffix names, else yaml.",
)
@from_option
@click.option(
    "-o",
    "--output",
    metavar="FILE|FOLDER",
    help="Write to FILE, or one file per record into FOLDER (an existing folder, or a path ending in /).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace what exists: with -o FILE, the file; with -o FOLDER, a record imported before from the same "
    "address (a record of another document is never replaced: the new one takes the next free id).",
)
@skip_invalid_option
@verbosity_options
def import_command(
    sources: tuple[str, ...],
    to_format: str | None,
    from_format: str | None,
    output: str | None,
    force: bool,
    skip_invalid: bool,
) -> None:
    """Import archive document pages (Wilson Center, FRUS, CIA reading room, ArchivesSpace,
    Founders Online, Gilder Lehrman, National Security Archive) as archcite records.

    SOURCE is a page saved as text or HTML, a folder of them, its address
    (e.g. https://digitalarchive.wilsoncenter.org/document/...), or - for stdin;
    docs/archives.md lists what each archive's page gives. Each page becomes one
    record, every fact in its own field: title, date, sender, recipient, archive,
    place, collection, call number, pages, credits. Warnings (fields left out, a
    cut page, Wilson names that may have lost their diacritics) go to stderr;
    the diacritics one concerns every Wilson page, so import has no --strict. The
    format is --to's, else the one -o FILE's suffix names, else YAML.

    \b
    Examples:
      archcite import wilson-113390.txt
      archcite import https://digitalarchive.wilsoncenter.org/document/113390 -o records/
      archcite import page.html -o letter.json
    """
    from archcite.cli.output import emit, output_path
    from archcite.records.importers import PAGES_EXPECTED
    from archcite.records.io import UndecidedFormatError, dump_records, write_atomic

    output = output_path(output)
    folder_output = bool(output) and writes_a_folder(output or "")
    if output and not folder_output and not force and os.path.isfile(output):
        # The usual next step, --force, would lose the file's records: say so, and what keeps them.
        raise OutputError(
            "file exists",
            hint="import into a folder (-o records/), one file per record, or pass --force to replace the file "
            "and the records it holds",
            where=output,
        )
    to_format = output_format_for(None if folder_output else output, to_format, "yaml")
    try:
        loaded = load(sources, from_format, skip_invalid=skip_invalid)
    except UndecidedFormatError as error:
        raise InputError("not an archive page archcite imports", hint=PAGES_EXPECTED, where=error.where) from None
    if output and folder_output:
        _write_folder(Path(output), loaded, to_format, force=force)
        return
    dumped = dump_records(loaded.records, to_format)
    report_warnings(loaded.warnings + dumped.warnings, strict=False)
    if output:
        write_atomic(output, dumped.text, force=force)
    else:
        emit(dumped.text)


def _write_folder(folder: Path, loaded: LoadResult, to_format: str, *, force: bool) -> None:
    """One file per record in ``folder``, each named by its record's id.

    Pages are imported into a folder one at a time, so a new record may meet the records of
    earlier imports there. The same record is left as it is. An earlier import of the same page
    (its address), or a record of the same given id, is replaced only with ``force``. A record
    whose id was derived from the page and is taken by another document (undated FRUS telegrams
    of the Secretary of State to an ambassador all derive ``secretaryofstateambassador``) takes
    the next free form of its key, as within one import: no record is overwritten, and the folder
    cites."""
    from archcite.records.io import dump_records
    from archcite.records.keys import UniqueKeys, derive_key
    from archcite.records.model import Record, RecordWarning

    suffix = record_file_suffix(to_format)
    present = _records_in(folder)
    held = {_content(record): path for path, record in present.values() if record is not None}
    by_url = {record.get("URL"): (path, record) for path, record in present.values() if record and record.get("URL")}
    owner = {name: record.id if record else Path(path).stem for name, (path, record) in present.items()}
    taken = _FileNames()
    ids = UniqueKeys(present, store=taken)
    texts: list[tuple[str, Dumped | None, bool]] = []  # None: the file holds the record already
    for record in loaded.records:
        if (path := held.get(_content(record))) is not None:
            texts.append((path, None, False))
            continue
        key = derive_key(record.fields)
        derived = record.id.startswith(key)
        name = _file_name(record.id)
        earlier = by_url.get(record.get("URL")) or (None if derived else present.get(name))
        if earlier is not None:
            path, before = earlier
            same = "imported before from " + str(record.get("URL")) if record.get("URL") else "of the same id"
            if not force:
                raise OutputError(
                    f"holds record '{before.id if before else record.id}', {same}",
                    hint="pass --force to replace it with this import",
                    where=path,
                )
            record = Record({**record.fields, "id": before.id if before else record.id}, record.origin)
            texts.append((path, dump_records([record], to_format), True))
            continue
        path = str(folder / f"{file_stem(record.id)}{suffix}")
        if name in taken:
            if not derived:
                raise OutputError(
                    f"records '{owner[name]}' and '{record.id}' would both be written to {path}",
                    hint="give one of them another id, or import into one file with -o FILE",
                    where=f"{folder}{os.sep}",
                )
            new_id = ids.make_unique(key)
            by = f"{present[name][0]}, " if name in present else ""
            loaded.warnings.append(
                RecordWarning(
                    f"id taken by {by}another record ('{owner[name]}'); written as '{new_id}'",
                    record_id=record.id,
                    origin=record.origin,
                )
            )
            record = Record({**record.fields, "id": new_id}, record.origin)
            path = str(folder / f"{file_stem(new_id)}{suffix}")
        else:
            ids.make_unique(record.id)
        owner[_file_name(record.id)] = record.id
        held[_content(record)] = path
        texts.append((path, dump_records([record], to_format), False))
    for _, dumped, _ in texts:
        loaded.warnings.extend(dumped.warnings if dumped else ())
    report_warnings(loaded.warnings, strict=False)
    _write_planned(folder, texts)


def _write_planned(folder: Path, texts: list[tuple[str, Dumped | None, bool]]) -> None:
    """Write each (path, dumped, may replace) of :func:`_write_folder`; None: say it is there."""
    from archcite.records.io import write_atomic

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot make the folder: {error.strerror}", where=str(folder)) from None
    for path, dumped, replace in texts:
        if dumped is None:
            info(f"{path} holds this record already; left as it is")
        else:
            write_atomic(path, dumped.text, force=replace)
            info(f"wrote {path}")


def _file_name(record_id: str) -> str:
    """The name of a record's file, compared as file systems compare names: the id's file stem,
    case folded (on macOS and Windows A.yaml is a.yaml)."""
    return file_stem(record_id).casefold()


class _FileNames(set[str]):
    """The ids :class:`UniqueKeys` hands out, as file names: two ids that name one file are one."""

    def add_new(self, key: str) -> bool:
        name = _file_name(key)
        if name in self:
            return False
        self.add(name)
        return True


def _content(record: Record) -> str:
    """The record's fields but its id, as one comparable text."""
    return json.dumps({k: v for k, v in record.fields.items() if k != "id"}, sort_keys=True, default=str)


def _records_in(folder: Path) -> dict[str, tuple[str, Record | None]]:
    """The records of ``folder``'s record files (in its subfolders too, as ``cite`` reads them)
    by :func:`_file_name` of their ids, each with its file; a file that does not load still takes
    the name it has."""
    from archcite.records.io import expand_sources, load_sources

    if not folder.is_dir():
        return {}
    try:
        files = expand_sources([str(folder)])
    except ArchciteError:
        return {}
    present: dict[str, tuple[str, Record | None]] = {}
    for path in files:
        present.setdefault(_file_name(Path(path).stem), (path, None))
        try:
            records = load_sources([path]).records
        except ArchciteError:
            continue
        for record in records:
            present[_file_name(record.id)] = (path, record)
    return present
