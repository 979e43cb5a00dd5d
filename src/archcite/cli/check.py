"""``archcite check``: archival lint of records, as a table or JSON."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import click

from archcite.cli.console import out_console, stdout_is_terminal
from archcite.cli.options import (
    from_option,
    ids_option,
    load,
    report_warnings,
    skip_invalid_option,
    sources_argument,
    strict_option,
    verbosity_options,
)
from archcite.cli.report import VERBOSE, info, verbosity
from archcite.errors import ArchciteError, ExitCode

if TYPE_CHECKING:
    from archcite.records.model import Record
    from archcite.styles.archival.check import DiffRow, Finding


class FindingsUnderStrict(ArchciteError):
    exit_code = ExitCode.ERROR


def check_records(
    records: Sequence[Record], progress: Callable[[int], None] | None = None
) -> tuple[list[Finding], dict[str, list[DiffRow]]]:
    """Every record's findings, and the citation-line diff of each imported record;
    ``progress(1)`` hears of each record checked."""
    from archcite.styles.archival.check import citation_diff, lint

    findings: list[Finding] = []
    diffs: dict[str, list[DiffRow]] = {}
    for record in records:
        findings += lint(record.fields)
        if rows := citation_diff(record.fields):
            diffs[record.id] = rows
        if progress is not None:
            progress(1)
    return findings, diffs


def _draw(findings: Sequence[Finding], diffs: dict[str, list[DiffRow]]) -> None:
    from rich.table import Table
    from rich.text import Text

    console = out_console()
    if findings:
        table = Table(title="Archival check", title_justify="left")
        for column in ("Record", "Problem", "Field", "What to do"):
            table.add_column(column, overflow="fold")
        for finding in findings:
            table.add_row(*(Text(v) for v in (finding.record_id, finding.code, finding.field, finding.message)))
        console.print(table)
    else:
        console.print(Text("No archival problems found."))
    for record_id, rows in diffs.items():
        table = Table(
            title=f"{record_id}: the archive's citation line and archcite's Chicago note", title_justify="left"
        )
        for column in ("Field", "Archive", "archcite", ""):
            table.add_column(column, overflow="fold")
        styles = {"same": "dim", "reformatted": "", "only in archive line": "bold yellow", "only in archcite": ""}
        for row in rows:
            table.add_row(
                Text(row.field),
                Text(row.archive),
                Text(row.archcite),
                Text(row.status, style=styles.get(row.status, "")),
            )
        console.print(table)


def _plain(findings: Sequence[Finding], diffs: dict[str, list[DiffRow]]) -> str:
    lines = [f"{f.record_id}\t{f.code}\t{f.field}\t{f.message}" for f in findings]
    for record_id, rows in diffs.items():
        lines += [f"{record_id}\tdiff\t{row.field}\t{row.status}: {row.archive!r} → {row.archcite!r}" for row in rows]
    return "".join(f"{line}\n" for line in lines)


@click.command()
@sources_argument
@click.option("--json", "as_json", is_flag=True, help="Print the findings and citation-line diffs as JSON.")
@from_option
@ids_option
@strict_option
@skip_invalid_option
@verbosity_options
def check(
    sources: tuple[str, ...],
    as_json: bool,
    from_format: str | None,
    ids: tuple[str, ...],
    strict: bool,
    skip_invalid: bool,
) -> None:
    """Check archival records: what a citation by the manuals still needs.

    Reports a missing repository, place or shelfmark; a letter without recipient; a
    translation without translator; a title that reads like the archive's description but is
    not marked `title-is-description`; names that look stripped of diacritics compared with
    the rest of the record; and, for imported archive pages, the archive's own citation line
    against archcite's Chicago note (-v prints the comparison fact by fact, --json always
    has it). With --strict, exit 1 if anything is found.

    \b
    Examples:
      archcite check letter.yaml
      archcite check page.html records/ --json
      archcite check records/ --strict
    """
    from archcite.cli.progress import progress_bar

    loaded = load(sources, from_format, ids, skip_invalid=skip_invalid)
    report_warnings(loaded.warnings, strict=False)
    if strict and any(warning.skipped for warning in loaded.warnings):
        raise FindingsUnderStrict("invalid records skipped and --strict given")
    with progress_bar(len(loaded.records), "checking") as advance:
        findings, diffs = check_records(loaded.records, advance)
    if as_json:
        document = {
            "findings": [f.as_dict() for f in findings],
            "diffs": {record_id: [row.as_dict() for row in rows] for record_id, rows in diffs.items()},
        }
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        # The fact-by-fact comparison behind the citation-line findings is detail: -v shows it.
        shown = diffs if verbosity() == VERBOSE else {}
        if stdout_is_terminal():
            _draw(findings, shown)
        else:
            click.echo(_plain(findings, shown), nl=False)
    info(f"{len(loaded.records)} record(s) checked, {len(findings)} finding(s)")
    if strict and findings:
        raise FindingsUnderStrict(f"{len(findings)} finding(s) and --strict given")
