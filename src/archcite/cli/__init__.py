"""The ``archcite`` command line. Commands register here explicitly, one module each; the click
group that runs them is ``app.cli``; :func:`run` is the console script, :func:`main` what it runs
(for programs and tests that call the command line)."""

from __future__ import annotations

import gc
import os
import sys
from contextlib import suppress
from typing import NoReturn

# One module per command: command name → (module in archcite.cli, the module's command), in the
# order of the README's tour (`archcite --help` lists them so): import a page, check it, cite it,
# export it; then the commands that look things up.
# A command's module is imported only when that command runs (or help lists it): importing
# every command's dependencies cost more than formatting one citation.
COMMANDS: dict[str, tuple[str, str]] = {
    "import": ("importer", "import_command"),
    "check": ("check", "check"),
    "cite": ("cite", "cite"),
    "export": ("export", "export"),
    "list": ("listing", "list_command"),
    "show": ("show", "show"),
    "styles": ("styles", "styles"),
    "formats": ("formats", "formats"),
}


def main() -> None:
    """Run ``archcite`` with the process's arguments."""
    # Start-up (click, citeproc-py, the engine fixes, the parsed style) builds tens of thousands
    # of objects that live until exit, and hardly any garbage cycles: the cyclic collector would
    # walk them again and again (4% of a one-record run). It resumes, with those objects frozen
    # out of its way, once a command's work grows with its input (`resume_garbage_collection`).
    gc.disable()
    from archcite.cli.app import cli

    _stop_on_termination_signals()
    try:
        cli(prog_name="archcite")
    finally:
        # The interpreter's exit (for a program that calls main: :func:`run` skips it) collects
        # garbage once more, walking every object left: frozen, they are skipped.
        gc.freeze()


def run() -> NoReturn:
    """The console script: :func:`main`, then the process ends without tearing the interpreter
    down.

    Python's exit frees every object start-up built, one by one (the modules of click,
    citeproc-py and the engine, the parsed style): 6 ms of a one-record run, for memory the system
    takes back at once. So once the command is done and its output flushed, the process ends
    there (``os._exit``). Nothing is left to do by then: files are written and closed by the
    commands, worker processes waited for, and archcite registers no exit handlers. ``main``
    itself still ends with ``SystemExit``, for programs and tests that call it."""
    try:
        main()
    except SystemExit as done:
        code = done.code
    else:
        code = None
    if code is not None and not isinstance(code, int):
        sys.exit(code)  # a message for stderr: Python prints it and exits 1
    for stream in (sys.stdout, sys.stderr):
        # Output goes out flushed (``output.emit``), a failure said and in the exit code: a
        # stream that still fails here (a pipe whose reader left) has nothing more to say.
        with suppress(OSError, ValueError):
            stream.flush()
    os._exit(code or 0)


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised where the program is, so that what is unwinding (a temporary
    file of an atomic write) is cleaned up as for Ctrl-C."""


def _stop_on_termination_signals() -> None:
    """Turn SIGTERM and SIGHUP into :class:`Terminated`; only the command line does this, for
    its own process (the library changes no signal handling)."""
    import signal

    def terminate(signum: int, _frame: object) -> None:
        raise Terminated(signal.Signals(signum).name)

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), terminate)


def resume_garbage_collection() -> None:
    """Turn the cyclic collector back on for work that grows with its input.

    What start-up built is frozen first (``gc.freeze``), so later collections skip it. Does
    nothing where the collector is on already (in a program or test that calls the commands)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
