"""``archcite cite``: format records as notes, in-text citations and bibliography entries."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

import click

from archcite.cli.console import out_console, stdout_is_terminal
from archcite.cli.options import (
    ascii_option,
    from_option,
    ids_option,
    load,
    no_cache_option,
    output_options,
    report_warnings,
    skip_invalid_option,
    sources_argument,
    strict_option,
)
from archcite.errors import ArchciteError, ExitCode

if TYPE_CHECKING:
    from archcite.records.model import Record
    from archcite.styles.engine import Rendered

FORMS = ("note", "short-note", "bibliography", "in-text", "all")
NOTE_FORMS = ("note", "short-note", "bibliography")
IN_TEXT_FORMS = ("in-text", "bibliography")
FORM_TITLES = {
    "note": "Note",
    "short-note": "Short note",
    "in-text": "In-text citation",
    "bibliography": "Bibliography",
}


class FormError(ArchciteError):
    exit_code = ExitCode.USAGE


class Section(NamedTuple):
    """One form of the output: its title and its lines, in archcite markup."""

    form: str
    lines: list[str]
    # A bibliography part under --sections ("Archival sources: Modern Records Archives, Warsaw").
    heading: str | None = None


def forms_for(form: str, is_note_style: bool, style_name: str) -> Sequence[str]:
    if form == "all":
        return NOTE_FORMS if is_note_style else IN_TEXT_FORMS
    if form in ("note", "short-note") and not is_note_style:
        raise FormError(f"{style_name} is an in-text style: it has no notes", hint="use --form in-text or bibliography")
    if form == "in-text" and is_note_style:
        raise FormError(f"{style_name} is a note style: it has no in-text citations", hint="use --form note")
    return (form,)


def build_sections(
    records: Sequence[Record],
    style_name: str,
    forms: str,
    locator_text: str | None,
    *,
    grouped: bool = False,
    collection_level: bool = False,
    cache: bool | None = None,
) -> tuple[list[Section], bool]:
    """The requested forms of every record, bibliography sorted as the style says."""
    from archcite.styles import render, resolve_style

    style = resolve_style(style_name)
    wanted = forms_for(forms, style.is_note_style, style.name)
    locator = None
    if locator_text:
        from archcite.styles.locators import parse_locator

        locator = parse_locator(locator_text)
    from archcite.cli.progress import progress_bar

    with progress_bar(len(records), "formatting", steps_per_record=3) as advance:
        rendered = render(records, style, locator=locator, progress=advance, cache=cache)
    sections = []
    for form in wanted:
        if form == "bibliography" and (grouped or collection_level):
            sections.extend(historians_bibliography(records, rendered, style.name, grouped, collection_level))
            continue
        if form == "bibliography":
            ranked = sorted((r for r in rendered if r.bib is not None), key=lambda r: r.bib_rank or 0)
            lines = [r.bib for r in ranked if r.bib]
        else:
            lines = [text for r in rendered if (text := r.cite_sub if form == "short-note" else r.cite)]
        sections.append(Section(form, lines))
    return sections, style.is_note_style


def historians_bibliography(
    records: Sequence[Record], rendered: Sequence[Rendered], style_name: str, grouped: bool, collection_level: bool
) -> list[Section]:
    """The bibliography as historians divide it (--sections) or by collection (--collection-level)."""
    from archcite.styles.archival.bibliography import entries, sections

    listed = entries(records, rendered, style_name, collection_level=collection_level)
    if not grouped:
        return [Section("bibliography", [entry.text for entry in listed])]
    return [
        Section(
            "bibliography",
            [entry.text for entry in group.entries],
            f"{part.title}: {group.heading}" if group.heading else part.title,
        )
        for part in sections(listed)
        for group in part.groups
    ]


def plain_text(sections: Sequence[Section], output_format: str) -> str:
    """Sections one line per citation, separated by a blank line (what pipes and files get)."""
    from archcite.styles.markup import CONVERTERS, rtf_document

    convert = CONVERTERS[output_format]
    if output_format == "rtf":
        return rtf_document([convert(line) for section in sections for line in section.lines])
    blocks = [
        "\n".join(([convert(section.heading)] if section.heading else []) + [convert(line) for line in section.lines])
        for section in sections
        if section.lines
    ]
    return "\n\n".join(blocks) + "\n" if blocks else ""


def draw(sections: Sequence[Section]) -> None:
    """Labelled panels with real italics, for a terminal."""
    from rich.panel import Panel
    from rich.text import Text

    from archcite.styles.markup import to_rich

    console = out_console()
    for section in sections:
        body = Text("\n").join(to_rich(line) for line in section.lines) if section.lines else Text("(none)")
        title = to_rich(section.heading) if section.heading else Text(FORM_TITLES[section.form])
        console.print(Panel(body, title=title, title_align="left", expand=True))


@click.command()
@sources_argument
@click.option(
    "-s",
    "--style",
    "style_name",
    default="chicago",
    show_default=True,
    metavar="NAME|PATH",
    help="chicago, chicago-author-date, mla, bibtex, biblatex, any installed CSL style, or a .csl file.",
)
@click.option(
    "--form",
    type=click.Choice(FORMS),
    default="all",
    show_default=True,
    help="What to print; 'all' is what the style is for (notes and bibliography, or in-text and references).",
)
@click.option(
    "--locator", "locator_text", metavar="TEXT", help='Pinpoint for the citations, e.g. "p. 212" or "ll. 193-194".'
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["plain", "html", "markdown", "rtf", "light"]),
    help="Text format; default: labelled rich output on a terminal, plain text otherwise.",
)
@click.option(
    "--sections",
    "grouped",
    is_flag=True,
    help="Bibliography in sections: archival sources by repository (then collection), then published sources.",
)
@click.option(
    "--collection-level",
    is_flag=True,
    help="Bibliography lists each cited archival collection once instead of every document in it.",
)
@from_option
@ids_option
@ascii_option
@output_options
@strict_option
@skip_invalid_option
@no_cache_option
def cite(
    sources: tuple[str, ...],
    style_name: str,
    form: str,
    locator_text: str | None,
    output_format: str | None,
    grouped: bool,
    collection_level: bool,
    from_format: str | None,
    ids: tuple[str, ...],
    ascii_only: bool,
    output: str | None,
    force: bool,
    strict: bool,
    skip_invalid: bool,
    no_cache: bool,
) -> None:
    """Format records as citations: notes, short notes, in-text citations, bibliography.

    SOURCE is a record file, a folder (every record file inside it) or - for stdin.
    On a terminal each form is drawn in a labelled panel with italics; piped or written
    with -o, each form is a block of plain lines (one per record; the bibliography sorted
    as the style says), blocks separated by a blank line.

    \b
    Examples:
      archcite cite examples/kim-il-sung-to-gomulka-1966.yaml
      archcite cite records/ --style mla --form bibliography
      archcite cite letter.yaml --form note --locator "p. 212" --format html
      archcite cite records/ --form bibliography --sections --collection-level
    """
    from archcite.cli.output import emit, output_path
    from archcite.records.io import dump_records, write_atomic
    from archcite.styles.names import NATIVE_STYLES

    output = output_path(output)

    loaded = load(sources, from_format, ids, skip_invalid=skip_invalid)
    report_warnings(loaded.warnings, strict=strict)
    if style_name.lower() in NATIVE_STYLES:
        dumped = dump_records(loaded.records, style_name.lower(), ascii_only=ascii_only)
        report_warnings(dumped.warnings, strict=strict)
        text = dumped.text
    else:
        sections, _ = build_sections(
            loaded.records,
            style_name,
            form,
            locator_text,
            grouped=grouped,
            collection_level=collection_level,
            cache=False if no_cache else None,
        )
        if output is None and output_format is None and stdout_is_terminal():
            draw(sections)
            return
        text = plain_text(sections, output_format or "plain")
    if output:
        write_atomic(output, text, force=force)
    else:
        emit(text)
