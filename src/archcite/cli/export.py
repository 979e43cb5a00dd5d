"""``archcite export``: records in another format, to stdout or a file."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

import click

from archcite.cli.options import (
    WarningsAsErrors,
    ascii_option,
    format_names,
    from_option,
    ids_option,
    load,
    output_format_for,
    output_options,
    report_warnings,
    skip_invalid_option,
    sources_argument,
    strict_option,
    verbosity_options,
)

if TYPE_CHECKING:
    from archcite.records.model import Record, RecordWarning


@click.command()
@sources_argument
@click.option(
    "--to",
    "to_format",
    metavar="FORMAT",
    shell_complete=format_names("dump"),
    help="Output format (see `archcite formats`); default: what -o FILE's suffix names.",
)
@from_option
@ids_option
@ascii_option
@output_options
@strict_option
@skip_invalid_option
@verbosity_options
def export(
    sources: tuple[str, ...],
    to_format: str | None,
    from_format: str | None,
    ids: tuple[str, ...],
    ascii_only: bool,
    output: str | None,
    force: bool,
    strict: bool,
    skip_invalid: bool,
) -> None:
    """Write records in another format: csljson, cslyaml, yaml, bibtex, biblatex, ...

    SOURCE is a record file, a folder (every record file inside it) or - for stdin.
    Fields the target format cannot hold are reported on stderr.

    \b
    Examples:
      archcite export examples/kim-il-sung-to-gomulka-1966.yaml --to csljson
      archcite export records/ -o archive.bib
      archcite export records/ --to biblatex --ascii
    """
    from archcite.cli.output import emit, output_path
    from archcite.records.io import STDIN, dump_records, write_atomic
    from archcite.records.registry import Dumped, get_format

    output = output_path(output)
    to_format = output_format_for(output, to_format, None)
    chosen = get_format(to_format, purpose="dump")
    writer = chosen.stream_ascii if ascii_only and chosen.dump_ascii is not None else chosen.stream
    # Streamed unless the records are picked by id (in the order asked), the input is stdin
    # (read once, so loaded whole anyway), or --strict must stop before anything reaches stdout.
    if writer is not None and not ids and STDIN not in sources and (output or not strict):
        _export_streaming(sources, from_format, writer, output, force=force, strict=strict, skip_invalid=skip_invalid)
        return
    loaded = load(sources, from_format, ids, skip_invalid=skip_invalid)
    if writer is not None:
        # The streaming writer, for the progress bar: the same text and warnings as the whole
        # writer (a test compares the two on the reference corpus in every format).
        from archcite.cli.progress import each_advancing, progress_bar

        warnings: list[RecordWarning] = []
        with progress_bar(len(loaded.records), "exporting") as advance:
            dumped = Dumped("".join(writer(each_advancing(loaded.records, advance), warnings)), warnings)
    else:
        dumped = dump_records(loaded.records, to_format, ascii_only=ascii_only)
    report_warnings(loaded.warnings + dumped.warnings, strict=strict)
    if output:
        write_atomic(output, dumped.text, force=force)
    else:
        emit(dumped.text)


def _export_streaming(
    sources: tuple[str, ...],
    from_format: str | None,
    writer: Callable[[Iterable[Record], list[RecordWarning]], Iterator[str]],
    output: str | None,
    *,
    force: bool,
    strict: bool,
    skip_invalid: bool,
) -> None:
    """Export record by record: memory is bounded by the largest record, not by the files.

    Each record's warnings are printed right after it is written, rather than all before the
    output, since holding them would make memory grow with the file again; --strict still
    prints them all and then fails, and with -o no file appears.
    """
    from archcite.cli import resume_garbage_collection
    from archcite.cli.output import emit_records
    from archcite.cli.progress import each_advancing, progress_bar
    from archcite.records.io import stream_records, write_atomic_chunks

    resume_garbage_collection()  # the count is unknown until the first pass ends: assume many
    pending: list[RecordWarning] = []
    load_warnings, count, records = stream_records(sources, from_format, pending, skip_invalid=skip_invalid)
    report_warnings(load_warnings, strict=strict)
    reported = 0

    taken = 0

    def counted() -> Iterator[Record]:
        nonlocal taken
        for record in records:
            taken += 1
            yield record

    with progress_bar(count, "exporting") as advance:

        def chunks() -> Iterator[str]:
            nonlocal reported
            for chunk in writer(each_advancing(counted(), advance), pending):
                yield chunk
                report_warnings(pending, strict=False, final=False)
                reported += len(pending)
                pending.clear()
            if strict and reported:
                # Raised before the rename, so --strict leaves no file behind.
                raise WarningsAsErrors(f"{reported} warning(s) and --strict given")

        if output:
            write_atomic_chunks(output, chunks(), force=force)
        else:
            emit_records(chunks(), lambda: taken, count)
