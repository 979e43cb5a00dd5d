"""The ``archcite`` command line. Commands register here explicitly, one module each."""

from __future__ import annotations

import os
import sys
from importlib import import_module
from typing import Any

import click

from archcite import __version__
from archcite.cli.console import message
from archcite.errors import ArchciteError, ExitCode


class LazyCommands(dict[str, Any]):
    """The group's commands, each module imported when its command is first looked up.

    Running one command then imports only that command's module: importing every command's
    dependencies cost more than formatting a citation.
    """

    def add_lazy(self, name: str, module: str, attribute: str) -> None:
        super().__setitem__(name, (module, attribute))

    def __getitem__(self, name: str) -> Any:
        value = super().__getitem__(name)
        if isinstance(value, tuple):
            module, attribute = value
            value = getattr(import_module(f"archcite.cli.{module}"), attribute)
            super().__setitem__(name, value)
        return value

    def get(self, name: str, default: Any = None) -> Any:
        if name not in self:
            return default
        return self[name]

    def values(self) -> Any:
        return [self[name] for name in self]

    def items(self) -> Any:
        return [(name, self[name]) for name in self]


class ArchciteGroup(click.Group):
    """Turns archcite's errors into one stderr line and DESIGN.md's exit codes, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ArchciteError as error:
            message("error", str(error))
            ctx.exit(int(error.exit_code))
        except KeyboardInterrupt:
            message("error", "interrupted")
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
    Example:
      archcite cite examples/kim-il-sung-to-gomulka-1966.yaml --style chicago
    """


# One module per command: (command name, module in archcite.cli, the module's command).
cli.commands = _commands = LazyCommands()
_commands.add_lazy("cite", "cite", "cite")
_commands.add_lazy("export", "export", "export")
_commands.add_lazy("styles", "styles", "styles")
_commands.add_lazy("formats", "formats", "formats")
_commands.add_lazy("show", "show", "show")
_commands.add_lazy("check", "check", "check")
_commands.add_lazy("import", "importer", "import_command")


def main() -> None:
    cli(prog_name="archcite")
