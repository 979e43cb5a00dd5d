"""How much a command says on stderr: ``-q`` (errors only), the default (one line per kind of
warning, with a count and one example) or ``-v`` (every warning, with its record).

The level and the warnings seen live on the running command's click context, not in module
state, so two commands run in one process (or in two threads) never share them."""

from __future__ import annotations

from collections.abc import Iterable

import click

from archcite.cli.console import message
from archcite.records.model import RecordWarning

QUIET, NORMAL, VERBOSE = -1, 0, 1
_LEVEL = "archcite.verbosity"
_REPORT = "archcite.warnings"

# Kinds held back at most: a file whose every record warns differently must not make memory grow
# with its size (a streamed export holds nothing else per record). Further kinds are counted only.
MAX_KINDS = 50
MAX_PLACES = 20


def warning_kind(warning: RecordWarning) -> str:
    """The message with its quoted particulars blanked: ``BibTeX has no field for '…'; ...``."""
    return warning.kind


def verbosity() -> int:
    context = click.get_current_context(silent=True)
    return int(context.meta.get(_LEVEL, NORMAL)) if context is not None else NORMAL


def set_verbosity(context: click.Context, level: int) -> None:
    if context.meta.get(_LEVEL, level) != level:
        raise click.UsageError("-q/--quiet and -v/--verbose contradict each other; give one", ctx=context)
    context.meta[_LEVEL] = level


def info(text: str) -> None:
    """A message that is not a warning (``wrote FILE``, a count): not under ``-q``."""
    if verbosity() > QUIET:
        message("info", text)


class WarningReport:
    """The warnings of one run. By default each kind is held back and printed once, when the
    command ends, as its first example plus how many more there were; under ``-v`` each is
    printed as it comes, except that a source-wide notice repeated word for word for several
    sources (the diacritics notice of every imported page) is printed once with where it
    applies; under ``-q`` none is printed."""

    def __init__(self, level: int) -> None:
        self.level = level
        # kind → (first warning, how many)
        self.kinds: dict[str, tuple[RecordWarning, int]] = {}
        # a notice's message → the first places it applies to, and how many places in all
        self.notices: dict[str, tuple[list[str], int]] = {}
        # warnings of kinds beyond MAX_KINDS
        self.uncounted = 0

    def add(self, warnings: Iterable[RecordWarning]) -> None:
        for warning in warnings:
            if self.level == QUIET:
                continue
            if self.level == VERBOSE:
                self._add_verbose(warning)
                continue
            kind = warning_kind(warning)
            if kind not in self.kinds and len(self.kinds) >= MAX_KINDS:
                self.uncounted += 1
                continue
            first, count = self.kinds.get(kind, (warning, 0))
            self.kinds[kind] = (first, count + 1)

    def _add_verbose(self, warning: RecordWarning) -> None:
        """Print a record's warning now; hold a source-wide notice to print once with its places
        (at most MAX_PLACES of them named, and MAX_KINDS notices held: the rest print now)."""
        if warning.record_id is not None or warning.field is not None:
            message("warning", str(warning))
            return
        if warning.message not in self.notices and len(self.notices) >= MAX_KINDS:
            message("warning", str(warning))
            return
        places, count = self.notices.get(warning.message, ([], 0))
        if len(places) < MAX_PLACES and warning.origin is not None:
            places.append(str(warning.origin))
        self.notices[warning.message] = (places, count + 1)

    def finish(self) -> None:
        """Print what was held back, once."""
        for text, (places, count) in self.notices.items():
            where = "; ".join(places) + (f" and {count - len(places)} more" if count > len(places) else "")
            message("warning", f"{where}: {text}" if places else text)
        for first, count in self.kinds.values():
            more = f" (and {count - 1} more like it; -v shows each)" if count > 1 else ""
            message("warning", f"{first}{more}")
        if self.uncounted:
            message("warning", f"{self.uncounted} more warning(s) of other kinds; -v shows each")
        self.notices.clear()
        self.kinds.clear()
        self.uncounted = 0


def report(warnings: Iterable[RecordWarning], *, final: bool = True) -> None:
    """Hand warnings to the running command's report (printed as ``-q``/``-v`` say). With
    ``final``, what is held back is printed now; else when the command ends (a streamed export
    adds each record's warnings as it goes and sums them up at the end)."""
    context = click.get_current_context(silent=True)
    if context is None:
        for warning in warnings:
            message("warning", str(warning))
        return
    current = context.meta.get(_REPORT)
    if current is None:
        current = context.meta[_REPORT] = WarningReport(verbosity())
        context.call_on_close(current.finish)
    current.add(warnings)
    if final:
        current.finish()
