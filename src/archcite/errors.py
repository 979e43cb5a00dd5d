"""Errors raised by archcite's library code; only ``archcite.cli`` turns them into exit codes."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Every exit status the command line can end with (DESIGN.md, "Exit codes")."""

    OK = 0
    ERROR = 1
    USAGE = 2
    INPUT = 3
    UNKNOWN = 4
    FETCH = 5
    INTERRUPTED = 130


class ArchciteError(Exception):
    """A failure the user can act on: what went wrong, where, and how to fix it."""

    exit_code: ExitCode = ExitCode.ERROR

    def __init__(self, message: str, *, hint: str | None = None, where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.where = where

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        return f"{text} ({self.hint})" if self.hint else text


class InputError(ArchciteError):
    """A source is missing, unreadable or invalid."""

    exit_code = ExitCode.INPUT


class UnknownNameError(ArchciteError):
    """An unknown style, format or record id."""

    exit_code = ExitCode.UNKNOWN


class FetchError(ArchciteError):
    """A URL could not be fetched."""

    exit_code = ExitCode.FETCH


class OutputError(ArchciteError):
    """An output file could not be written, or would be overwritten without --force."""

    exit_code = ExitCode.ERROR
