"""``archcite formats``: input and output formats with their suffixes."""

from __future__ import annotations

import click

from archcite.cli.console import out_console, stdout_is_terminal
from archcite.cli.options import verbosity_options


@click.command()
@verbosity_options
def formats() -> None:
    """List the record formats archcite reads and writes, with suffixes and aliases.

    Piped output is one `name<TAB>read/write<TAB>suffixes<TAB>description` line per format.

    \b
    Example:
      archcite formats
    """
    from archcite.records.registry import all_formats

    rows = []
    for fmt in all_formats():
        modes = "/".join(m for m, f in (("read", fmt.load), ("write", fmt.dump)) if f is not None)
        names = ", ".join((fmt.name, *fmt.aliases))
        rows.append((names, modes, " ".join(fmt.suffixes), fmt.description))
    if not stdout_is_terminal():
        for row in rows:
            click.echo("\t".join(row))
        return
    from rich.table import Table

    table = Table("format (aliases)", "can", "suffixes", "what")
    for row in rows:
        table.add_row(*row)
    out_console().print(table)
