"""``archcite export``: records in another format, to stdout or a file."""

from __future__ import annotations

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
    from archcite.records.io import dump_records, write_atomic

    loaded = load(sources, from_format, ids)
    dumped = dump_records(loaded.records, to_format, ascii_only=ascii_only)
    report_warnings(loaded.warnings + dumped.warnings, strict=strict)
    if output:
        write_atomic(output, dumped.text, force=force)
    else:
        click.echo(dumped.text, nl=False)
