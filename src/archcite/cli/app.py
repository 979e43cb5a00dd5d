"""The ``archcite`` command group: archcite's errors and exit codes, the commands of ``COMMANDS``."""

from __future__ import annotations

import os
import sys
from importlib import import_module
from typing import Any

import click

from archcite import __version__
from archcite.cli import COMMANDS
from archcite.cli.console import message
from archcite.errors import ArchciteError, ExitCode


class ArchciteGroup(click.Group):
    """Turns archcite's errors into one stderr line and DESIGN.md's exit codes, never a traceback."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attribute = COMMANDS[cmd_name]
        command: click.Command = getattr(import_module(f"archcite.cli.{module}"), attribute)
        return command

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and not args[0].startswith("-") and args[0] not in COMMANDS:
            import difflib

            close = difflib.get_close_matches(args[0], list(COMMANDS), n=2)
            ctx.fail(f"No such command {args[0]!r}." + (f" Did you mean {' or '.join(close)}?" if close else ""))
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ArchciteError as error:
            message("error", str(error))
            ctx.exit(int(error.exit_code))
        except KeyboardInterrupt as interrupt:
            message("error", f"interrupted ({interrupt})" if str(interrupt) else "interrupted")
            ctx.exit(int(ExitCode.INTERRUPTED))
        except BrokenPipeError:
            # The reader of a pipe went away (`archcite ... | head`): not an error worth a message.
            sys.stderr.close()
            ctx.exit(int(ExitCode.OK))
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as error:
            if os.environ.get("ARCHCITE_DEBUG"):
                raise
            message("error", f"internal error: {type(error).__name__}: {error} (set ARCHCITE_DEBUG=1 for details)")
            ctx.exit(int(ExitCode.ERROR))


@click.group(cls=ArchciteGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="archcite")
def cli() -> None:
    """Correct citations and lossless exports of archival documents.

    \b
    The README's tour, a command a step (from the repository's folder):
      archcite import tests/data/pages/wilson-113390.txt -o letter.yaml
      archcite check letter.yaml
      archcite cite letter.yaml
      archcite export letter.yaml -o letter.json

    Each command's --help has examples. On every command -q prints errors only
    and -v every warning; with no SOURCE, piped standard input is read.
    """
    from archcite.programs import quiet_dependency_logs

    quiet_dependency_logs()
