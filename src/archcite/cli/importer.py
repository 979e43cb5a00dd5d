"""``archcite import``: archive pages (saved text or HTML, or URLs) into record files."""

from __future__ import annotations

import os
import re
from pathlib import Path

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
from archcite.errors import InputError, OutputError


def record_file_suffix(format_name: str) -> str:
    """The suffix of one record file written in ``format_name``."""
    from archcite.records.registry import get_format

    fmt = get_format(format_name, purpose="dump")
    if fmt.suffixes:
        return fmt.suffixes[0]
    return FALLBACK_SUFFIXES.get(fmt.name, f".{fmt.name}")


def file_stem(record_id: str) -> str:
    """A file name for a record id that stays inside the folder, whatever the id holds."""
    return re.sub(r"[^\w.-]", "_", record_id).lstrip(".") or "record"


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
@click.option("--force", is_flag=True, help="Overwrite files that exist.")
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
    to_format = output_format_for(None if folder_output else output, to_format, "yaml")
    try:
        loaded = load(sources, from_format, skip_invalid=skip_invalid)
    except UndecidedFormatError as error:
        raise InputError("not an archive page archcite imports", hint=PAGES_EXPECTED, where=error.where) from None
    if output and folder_output:
        suffix = record_file_suffix(to_format)
        folder = Path(output)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(f"cannot make the folder: {error.strerror}", where=output) from None
        texts = []
        named: dict[str, str] = {}
        for record in loaded.records:
            path = str(folder / f"{file_stem(record.id)}{suffix}")
            # Case folded: on macOS and Windows, A.yaml and a.yaml are one file.
            other = named.setdefault(path.casefold(), record.id)
            if other != record.id:
                raise OutputError(
                    f"records '{other}' and '{record.id}' would both be written to {path}",
                    hint="give one of them another id, or import into one file with -o FILE",
                    where=output,
                )
            dumped = dump_records([record], to_format)
            loaded.warnings.extend(dumped.warnings)
            texts.append((path, dumped.text))
        report_warnings(loaded.warnings, strict=False)
        for path, text in texts:
            write_atomic(path, text, force=force)
            info(f"wrote {path}")
        return
    dumped = dump_records(loaded.records, to_format)
    report_warnings(loaded.warnings + dumped.warnings, strict=False)
    if output:
        write_atomic(output, dumped.text, force=force)
    else:
        emit(dumped.text)
