"""``archcite export``: records in another format, to stdout or a file."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

import click

from archcite.cli.options import (
    ascii_option,
    from_option,
    ids_option,
    load,
    output_options,
    report_warnings,
    sources_argument,
    strict_option,
)

if TYPE_CHECKING:
    from archcite.records.model import Record, RecordWarning


@click.command()
@sources_argument
@click.option("--to", "to_format", required=True, metavar="FORMAT", help="Output format (see `archcite formats`).")
@from_option
@ids_option
@ascii_option
@output_options
@strict_option
def export(
    sources: tuple[str, ...],
    to_format: str,
    from_format: str | None,
    ids: tuple[str, ...],
    ascii_only: bool,
    output: str | None,
    force: bool,
    strict: bool,
) -> None:
    """Write records in another format: csljson, cslyaml, yaml, bibtex, biblatex, ...

    SOURCE is a record file, a folder (every record file inside it) or - for stdin.
    Fields the target format cannot hold are reported on stderr.

    \b
    Examples:
      archcite export examples/kim-il-sung-to-gomulka-1966.yaml --to csljson
      archcite export records/ --to bibtex -o archive.bib
      archcite export records/ --to biblatex --ascii
    """
    from archcite.records.io import STDIN, dump_records, write_atomic
    from archcite.records.registry import get_format

    chosen = get_format(to_format, purpose="dump")
    writer = chosen.stream_ascii if ascii_only and chosen.dump_ascii is not None else chosen.stream
    # Streamed unless the records are picked by id (in the order asked), the input is stdin
    # (read once, so loaded whole anyway), or --strict must stop before anything reaches stdout.
    if writer is not None and not ids and STDIN not in sources and (output or not strict):
        _export_streaming(sources, from_format, writer, output, force=force, strict=strict)
        return
    loaded = load(sources, from_format, ids)
    dumped = dump_records(loaded.records, to_format, ascii_only=ascii_only)
    report_warnings(loaded.warnings + dumped.warnings, strict=strict)
    if output:
        write_atomic(output, dumped.text, force=force)
    else:
        click.echo(dumped.text, nl=False)


def _export_streaming(
    sources: tuple[str, ...],
    from_format: str | None,
    writer: Callable[[Iterable[Record], list[RecordWarning]], Iterator[str]],
    output: str | None,
    *,
    force: bool,
    strict: bool,
) -> None:
    """Export record by record: memory is bounded by the largest record, not by the files."""
    from archcite.records.io import stream_records, write_atomic_chunks

    load_warnings, records = stream_records(sources, from_format)
    report_warnings(load_warnings, strict=strict)
    dump_warnings: list[RecordWarning] = []
    chunks = writer(records, dump_warnings)
    if output:

        def checked() -> Iterator[str]:
            yield from chunks
            # Raised before the rename, so --strict leaves no file behind.
            report_warnings(dump_warnings, strict=strict)

        write_atomic_chunks(output, checked(), force=force)
    else:
        for chunk in chunks:
            click.echo(chunk, nl=False)
        report_warnings(dump_warnings, strict=strict)
