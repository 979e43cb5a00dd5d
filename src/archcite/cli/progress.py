"""A progress bar for commands that handle many records: rich, on stderr, only on a terminal.

Piped or redirected, nothing is drawn and rich is not imported, so scripts see exactly the
same stderr as before; below :data:`THRESHOLD` records a bar would only flicker, so none either.

    with progress_bar(len(records), "formatting") as advance:
        for record in records:
            ...
            advance(1)
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TextIO, TypeVar

from archcite.cli.console import is_terminal

# "More than a few hundred records": below this a run takes about a second at most.
THRESHOLD = 300

Advance = Callable[[int], None]
T = TypeVar("T")


def _ignore(steps: int = 1) -> None:
    """The advance function when nothing is drawn."""


@contextmanager
def progress_bar(
    records: int,
    description: str,
    *,
    steps_per_record: int = 1,
    stream: TextIO | None = None,
    threshold: int = THRESHOLD,
) -> Iterator[Advance]:
    """Yield ``advance(steps)``; a transient bar on ``stream`` (stderr) if it is a terminal and
    ``records`` reaches ``threshold``, else a function that does nothing. The bar counts records;
    the work reports ``steps_per_record`` steps for each."""
    target = stream if stream is not None else sys.stderr
    if records < threshold or not is_terminal(target):
        yield _ignore
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(file=target, highlight=False)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,  # the bar goes away when done: stderr keeps only messages
        # stdout is data, even while the bar is drawn (a streamed export writes as it goes);
        # messages on stderr are printed above the bar.
        redirect_stdout=False,
    ) as bar:
        task = bar.add_task(description, total=records)

        def advance(steps: int = 1) -> None:
            bar.advance(task, steps / steps_per_record)

        yield advance


def each_advancing(items: Iterable[T], advance: Advance) -> Iterator[T]:
    """``items`` one at a time, advancing the bar by one as the next is asked for (so when the
    one before it is done)."""
    for item in items:
        yield item
        advance(1)
