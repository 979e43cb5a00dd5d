"""The two consoles: stdout carries data, stderr carries people's messages.

rich is imported only when a stream is a terminal, so piped runs stay fast and plain;
``NO_COLOR`` is honoured (rich reads it, and plain output has no colour anyway).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, TextIO

import click

if TYPE_CHECKING:
    from rich.console import Console


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False


def stdout_is_terminal() -> bool:
    return is_terminal(sys.stdout)


def _console(stderr: bool) -> Console:
    # Made for each use, not kept: a console reads the width (COLUMNS) and NO_COLOR when it is
    # made, and a process may run commands again after they changed (a test, a program calling
    # the CLI in-process). Making one costs far less than the rich import already paid.
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def out_console() -> Console:
    return _console(False)


def err_console() -> Console:
    return _console(True)


def message(kind: str, text: str) -> None:
    """One message line on stderr: ``archcite: warning: ...``; user text is never markup."""
    if is_terminal(sys.stderr):
        from rich.text import Text

        colour = {"error": "bold red", "warning": "yellow"}.get(kind)
        line = Text("archcite: ")
        line.append(f"{kind}: ", style=colour)
        line.append(text)
        err_console().print(line)
    else:
        click.echo(f"archcite: {kind}: {text}", err=True)
