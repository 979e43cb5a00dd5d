"""The ``archcite`` command line. Commands register here explicitly, one module each."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from archcite import __version__
from archcite.cli import check, cite, export, formats, importer, show, styles
from archcite.cli.console import message
from archcite.errors import ArchciteError, ExitCode


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


# One module per command; each module's command is named after it.
cli.add_command(cite.cite)
cli.add_command(export.export)
cli.add_command(styles.styles)
cli.add_command(formats.formats)
cli.add_command(show.show)
cli.add_command(check.check)
cli.add_command(importer.import_command)


def main() -> None:
    cli(prog_name="archcite")
