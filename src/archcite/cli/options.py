"""Options shared by several commands, as decorators."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from archcite.cli import resume_garbage_collection
from archcite.cli.progress import THRESHOLD
from archcite.cli.report import QUIET, VERBOSE, report, set_verbosity
from archcite.errors import ArchciteError, ExitCode
from archcite.records.model import LoadResult, RecordWarning

F = TypeVar("F", bound=Callable[..., Any])


def _sources_or_stdin(context: click.Context, _: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    """No SOURCE reads standard input when something is piped in (as pandoc and sqlite-utils do)."""
    import sys

    from archcite.cli.console import is_terminal

    if value:
        return value
    if sys.stdin is None or is_terminal(sys.stdin):
        raise click.UsageError("give a SOURCE: a record file, a folder, a page, or - for standard input", ctx=context)
    return ("-",)


def sources_argument(function: F) -> F:
    return click.argument("sources", nargs=-1, callback=_sources_or_stdin, metavar="[SOURCE]...")(function)


# The file suffix of output formats that register none of their own (their files share another's).
FALLBACK_SUFFIXES = {
    "cslyaml": ".yaml",
    "yaml": ".yaml",
    "csljson": ".json",
    "zotero": ".json",
    "bibtex": ".bib",
    "biblatex": ".bib",
}


def output_format_for(output: str | None, given: str | None, default: str | None) -> str:
    """The output format: ``--to`` if given, else the one ``-o FILE``'s suffix names, else the
    default. ``-o letter.bib --to yaml`` is refused: the file would hold what its name denies."""
    from archcite.records.registry import all_formats, get_format

    by_suffix = None
    if output:
        lower = output.lower()
        matches = [
            (len(suffix), fmt.name)
            for fmt in all_formats()
            if fmt.dump is not None
            for suffix in fmt.suffixes
            if lower.endswith(suffix)
        ]
        by_suffix = max(matches)[1] if matches else None
    if given is None:
        if by_suffix is not None:
            return by_suffix
        if default is not None:
            return default
        raise click.UsageError("give --to FORMAT, or -o FILE with a suffix that names one (see `archcite formats`)")
    chosen = get_format(given, purpose="dump")
    own = chosen.suffixes or ((FALLBACK_SUFFIXES[chosen.name],) if chosen.name in FALLBACK_SUFFIXES else ())
    if output and by_suffix is not None and not any(output.lower().endswith(suffix) for suffix in own):
        raise click.UsageError(f"-o {output} names {by_suffix} by its suffix, but --to says {chosen.name}; drop one")
    return chosen.name


def format_names(purpose: str) -> Callable[[click.Context, click.Parameter, str], list[str]]:
    """Shell completion of a format name: those that can ``load`` or ``dump``, with aliases."""

    def complete(context: click.Context, parameter: click.Parameter, incomplete: str) -> list[str]:
        from archcite.records.registry import all_formats

        names = [
            name for fmt in all_formats() if getattr(fmt, purpose) is not None for name in (fmt.name, *fmt.aliases)
        ]
        return [name for name in names if name.startswith(incomplete.lower())]

    return complete


def style_names(context: click.Context, parameter: click.Parameter, incomplete: str) -> list[str]:
    """Shell completion of --style: the aliases, the native styles, the installed CSL styles."""
    from archcite.styles.names import ALIASES, NATIVE_STYLES, installed_styles

    names = dict.fromkeys([*ALIASES, *NATIVE_STYLES, *installed_styles()])
    return [name for name in names if name.startswith(incomplete.lower())]


def from_option(function: F) -> F:
    return click.option(
        "--from",
        "from_format",
        metavar="FORMAT",
        shell_complete=format_names("load"),
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


def verbosity_options(function: F) -> F:
    """-q/--quiet and -v/--verbose: how much the command says on stderr (see cli/report.py)."""

    def quiet(context: click.Context, _: click.Parameter, value: bool) -> None:
        if value:
            set_verbosity(context, QUIET)

    def verbose(context: click.Context, _: click.Parameter, value: bool) -> None:
        if value:
            set_verbosity(context, VERBOSE)

    function = click.option(
        "-v",
        "--verbose",
        is_flag=True,
        expose_value=False,
        callback=verbose,
        help="Print every warning with its record (by default one line per kind, with a count).",
    )(function)
    return click.option(
        "-q", "--quiet", is_flag=True, expose_value=False, callback=quiet, help="Print errors only, no warnings."
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


def report_warnings(warnings: Sequence[RecordWarning], *, strict: bool, final: bool = True) -> None:
    """Report warnings on stderr (as -q/-v say, see :func:`archcite.cli.report.report`); under
    --strict, stop with exit 1 after them."""
    report(warnings, final=final)
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
