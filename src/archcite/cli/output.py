"""Writing to standard output so that a failure is an error message, never a silent truncation.

``-o -`` names standard output, as ``-`` names standard input among the sources.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable

import click

from archcite.errors import OutputError

STDOUT = "-"


def output_path(output: str | None) -> str | None:
    """The file ``-o`` names, or None for standard output (no ``-o``, or ``-o -``)."""
    return None if output in (None, STDOUT) else output


def emit(text: str) -> None:
    """Write ``text`` to standard output and flush it; a failed write (a full disk, ``/dev/full``)
    is an :class:`OutputError`. A closed pipe stays a ``BrokenPipeError`` (not worth a message)."""
    try:
        click.echo(text, nl=False)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputError(f"cannot write to standard output: {error.strerror}", where="<stdout>") from None


def emit_records(chunks: Iterable[str], records_read: Callable[[], int], total: int) -> None:
    """Write a stream of record texts to standard output; when anything fails part way, say how
    far the output got before the error propagates. ``records_read()`` is how many records the
    writer has taken so far: each one's text is written before the next is taken."""
    done = 0
    try:
        for chunk in chunks:
            emit(chunk)
            done = records_read()
    except BrokenPipeError:
        raise
    except (Exception, KeyboardInterrupt):
        from archcite.cli.console import message

        message("error", f"standard output is incomplete: it ends after record {done} of {total}")
        raise
