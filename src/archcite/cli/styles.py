"""``archcite styles``: the aliases and the installed CSL styles."""

from __future__ import annotations

import click

from archcite.cli.console import out_console, stdout_is_terminal
from archcite.cli.options import verbosity_options


@click.command()
@click.argument("query_words", nargs=-1, metavar="[WORDS]...")
@verbosity_options
def styles(query_words: tuple[str, ...]) -> None:
    """List archcite's style aliases and search the installed CSL styles.

    WORDS must all appear in a style's name or title; without them, every style is listed.
    Piped output is one `name<TAB>title` line per style.

    \b
    Example:
      archcite styles chicago notes
    """
    from archcite.styles.names import ALIASES, NATIVE_STYLES, search_styles

    query = " ".join(query_words)
    words = query.lower().split()
    aliases = [
        (alias, f"= {target}")
        for alias, target in ALIASES.items()
        if alias != target and all(w in f"{alias} {target}" for w in words)
    ]
    native = [
        (name, title) for name, title in NATIVE_STYLES.items() if all(w in f"{name} {title}".lower() for w in words)
    ]
    rows = aliases + native + search_styles(query)
    if not rows:
        from archcite.cli.report import info

        info(f"no style matches {query!r}; `archcite styles` lists them all, or give a .csl file to --style")
        return
    if not stdout_is_terminal():
        for name, title in rows:
            click.echo(f"{name}\t{title}")
        return
    from rich.table import Table

    table = Table("style", "title", title=f"{len(rows)} style(s)" + (f" matching {query!r}" if query else ""))
    for name, title in rows:
        table.add_row(name, title)
    out_console().print(table)
