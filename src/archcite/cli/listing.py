"""``archcite list``: the records of sources, one line each (id, type, date, title)."""

from __future__ import annotations

import json

import click

from archcite.cli.console import out_console, stdout_is_terminal
from archcite.cli.options import from_option, load, report_warnings, sources_argument, verbosity_options

COLUMNS = ("id", "type", "issued", "title")


@click.command(name="list")
@sources_argument
@click.option(
    "--json", "as_json", is_flag=True, help="Print a JSON list of {id, type, issued, title} (null where absent)."
)
@from_option
@verbosity_options
def list_command(sources: tuple[str, ...], as_json: bool, from_format: str | None) -> None:
    """List the records of the sources: id, type, date and title.

    The ids are what --id takes in cite, export, show and check. Piped output is one
    `id<TAB>type<TAB>date<TAB>title` line per record; the date as `1966-02-03`.

    \b
    Examples:
      archcite list examples/kim-il-sung-to-gomulka-1966.yaml
      archcite list records/ --json
    """
    from archcite.cli.show import field_value

    loaded = load(sources, from_format)
    report_warnings(loaded.warnings, strict=False)
    rows = [
        {name: field_value(name, record.fields[name]) if name in record.fields else None for name in COLUMNS}
        for record in loaded.records
    ]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    cells = [[(row[name] or "").replace("\t", " ").replace("\n", " ") for name in COLUMNS] for row in rows]
    if stdout_is_terminal():
        from rich.table import Table
        from rich.text import Text

        table = Table(*COLUMNS, title=f"{len(rows)} record(s)", title_justify="left")
        for line in cells:
            table.add_row(*(Text(cell) for cell in line))
        out_console().print(table)
    else:
        for line in cells:
            click.echo("\t".join(line))
