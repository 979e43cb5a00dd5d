"""Options shared by several commands, as decorators."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from archcite.cli import resume_garbage_collection
from archcite.cli.console import message
from archcite.cli.progress import THRESHOLD
from archcite.errors import ArchciteError, ExitCode
from archcite.records.model import LoadResult, RecordWarning

F = TypeVar("F", bound=Callable[..., Any])


def sources_argument(function: F) -> F:
    return click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")(function)


def from_option(function: F) -> F:
    return click.option(
        "--from",
        "from_format",
        metavar="FORMAT",
        help="Input format, when neither the suffix nor the content tells (see `archcite formats`).",
    )(function)


def ids_option(function: F) -> F:
    return click.option(
        "--id", "ids", multiple=True, metavar="ID", help="Only the record with this id (repeatable, in this order)."
    )(function)


def output_options(function: F) -> F:
    function = click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")(function)
    return click.option(
        "-o", "--output", metavar="FILE", help="Write to FILE (atomically) instead of standard output."
    )(function)


def ascii_option(function: F) -> F:
    return click.option(
        "--ascii",
        "ascii_only",
        is_flag=True,
        help="BibTeX/BibLaTeX: write non-ASCII letters as LaTeX (ł → {\\l}) instead of UTF-8.",
    )(function)


def no_cache_option(function: F) -> F:
    return click.option(
        "--no-cache",
        is_flag=True,
        help="Format every record afresh: neither read nor write the render cache "
        "(in the user cache folder, or ARCHCITE_CACHE_DIR; ARCHCITE_NO_CACHE=1 also turns it off).",
    )(function)


def skip_invalid_option(function: F) -> F:
    return click.option(
        "--skip-invalid",
        is_flag=True,
        help="Leave out invalid records (each reported, then their count) instead of stopping (exit 3); "
        "with --strict the run still fails.",
    )(function)


def strict_option(function: F) -> F:
    return click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1).")(function)


class WarningsAsErrors(ArchciteError):
    exit_code = ExitCode.ERROR


def report_warnings(warnings: Sequence[RecordWarning], *, strict: bool) -> None:
    """Print warnings on stderr; under --strict, stop with exit 1 after printing them."""
    for warning in warnings:
        message("warning", str(warning))
    if strict and warnings:
        raise WarningsAsErrors(f"{len(warnings)} warning(s) and --strict given")


def load(
    sources: Sequence[str], from_format: str | None, ids: Sequence[str] = (), *, skip_invalid: bool = False
) -> LoadResult:
    from archcite.records.io import load_sources, select_records

    result = load_sources(sources, fmt=from_format, skip_invalid=skip_invalid)
    result.records = select_records(result.records, ids)
    if len(result.records) >= THRESHOLD:
        resume_garbage_collection()
    return result
