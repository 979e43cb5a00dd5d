"""``archcite show``: one terminal view per record, its fields and every citation of it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import click

from archcite.cli.console import out_console, stdout_is_terminal
from archcite.cli.options import from_option, ids_option, load, sources_argument, verbosity_options

if TYPE_CHECKING:
    from rich.console import RenderableType

    from archcite.records.model import Record


@dataclass(frozen=True)
class Panel:
    """One labelled citation of a record, in archcite markup (or plain text for BibTeX)."""

    title: str
    text: str
    markup: bool = True


def _names(value: Sequence[Mapping[str, Any]]) -> str:
    from archcite.styles.archival import names

    return "; ".join(
        names.natural(n) if names.is_family_first(n) else names.inverted(n, demote_particle=False) for n in value
    )


def field_value(name: str, value: Any) -> str:
    """A field as one line of the fields table."""
    from archcite.records.model import NAME_VARIABLES

    if name in NAME_VARIABLES and isinstance(value, list):
        return _names([n for n in value if isinstance(n, Mapping)])
    if isinstance(value, Mapping) and "date-parts" in value:
        shown = "/".join("-".join(f"{int(p):02d}" for p in date) for date in value["date-parts"])
        return ("ca. " if value.get("circa") else "") + shown
    if isinstance(value, Mapping) and "literal" in value:
        return str(value["literal"])
    if isinstance(value, bool):
        return "true" if value else "false"  # as the record file says it
    if isinstance(value, Mapping):  # custom: the values a reader could not map, by name
        return "; ".join(f"{key}: {field_value(str(key), item)}" for key, item in value.items())
    return str(value)


def bibtex_writer_available() -> bool:
    from archcite.errors import ArchciteError
    from archcite.records.registry import get_format

    try:
        return get_format("bibtex", purpose="dump") is not None
    except ArchciteError:
        return False


def panels_for(records: Sequence[Record], progress: Callable[[int], None] | None = None) -> dict[str, list[Panel]]:
    """Every record's citations: Chicago note, short note and bibliography; author-date citation
    and entry; MLA entry and in-text citation; BibTeX (when the BibTeX writer is installed).
    ``progress(n)`` hears of the steps done: :func:`steps_per_record` for each record."""
    from archcite.records.io import dump_records
    from archcite.styles import render

    panels: dict[str, list[Panel]] = {record.id: [] for record in records}
    forms = (
        ("chicago", (("Chicago note", "cite"), ("Chicago short note", "cite_sub"), ("Chicago bibliography", "bib"))),
        ("chicago-author-date", (("Author-date citation", "cite"), ("Author-date reference", "bib"))),
        ("mla", (("MLA works cited", "bib"), ("MLA in-text", "cite"))),
    )
    for style, wanted in forms:
        # As the CLI does everywhere: the render cache (unless ARCHCITE_NO_CACHE) and every CPU.
        for rendered in render(records, style, progress=progress, cache=None, jobs=None):
            for title, attribute in wanted:
                text = getattr(rendered, attribute)
                panels[rendered.id].append(Panel(title, text or "(none)"))
    if bibtex_writer_available():
        for record in records:
            panels[record.id].append(Panel("BibTeX", dump_records([record], "bibtex").text.strip(), markup=False))
            if progress is not None:
                progress(1)
    return panels


def steps_per_record() -> int:
    """What :func:`panels_for` reports per record: three renders in each of three styles, and
    the BibTeX entry."""
    return 10 if bibtex_writer_available() else 9


# Below this width the fields table and the citations are stacked: side by side, the field
# names alone would fill the left column and leave the values no room.
SIDE_BY_SIDE_WIDTH = 140


def _view(record: Record, panels: Sequence[Panel], notes: Sequence[str], width: int) -> RenderableType:
    from rich.console import Group
    from rich.panel import Panel as RichPanel
    from rich.table import Table
    from rich.text import Text

    from archcite.styles.markup import to_rich

    fields = Table(title=Text(record.id, style="bold"), title_justify="left", show_header=False)
    fields.add_column("Field", style="bold", no_wrap=True)
    fields.add_column("Value", overflow="fold")
    for name, value in record.fields.items():
        fields.add_row(Text(name), Text(field_value(name, value)))
    citations = Group(
        *(
            RichPanel(to_rich(p.text) if p.markup else Text(p.text), title=Text(p.title), title_align="left")
            for p in panels
        )
    )
    parts: list[RenderableType]
    if width >= SIDE_BY_SIDE_WIDTH:
        view = Table.grid(padding=(0, 1), expand=True)
        view.add_column(ratio=2)
        view.add_column(ratio=3)
        view.add_row(fields, citations)
        parts = [view]
    else:
        parts = [fields, citations]
    if notes:
        parts.append(Text("\n".join(notes), style="yellow"))
    return Group(*parts)


@click.command()
@sources_argument
@from_option
@ids_option
@verbosity_options
def show(sources: tuple[str, ...], from_format: str | None, ids: tuple[str, ...]) -> None:
    """Show each record: its fields and, side by side, all its citations.

    The Chicago note, short note and bibliography entry, the Chicago author-date citation and
    reference, the MLA works-cited entry and in-text citation, and the BibTeX entry; warnings
    and archival check findings underneath. Tables are drawn on a terminal only: piped, each
    record is its id, then indented `name: value` lines.

    \b
    Example:
      archcite show examples/kim-il-sung-to-gomulka-1966.yaml
    """
    from archcite.cli.progress import progress_bar
    from archcite.styles.archival.check import lint

    loaded = load(sources, from_format, ids)
    with progress_bar(len(loaded.records), "formatting", steps_per_record=steps_per_record()) as advance:
        panels = panels_for(loaded.records, advance)
    terminal = stdout_is_terminal()
    for record in loaded.records:
        notes = [f"warning: {w.message}" for w in loaded.warnings if w.record_id in (record.id, None)]
        notes += [f"check: {f.message}" for f in lint(record.fields)]
        if not bibtex_writer_available():
            notes.append("note: no BibTeX panel: this build has no BibTeX writer")
        if terminal:
            console = out_console()
            console.print(_view(record, panels[record.id], notes, console.width))
        else:
            click.echo(plain_view(record, panels[record.id], notes))


def plain_view(record: Record, panels: Sequence[Panel], notes: Sequence[str]) -> str:
    """What ``show`` prints piped: no table; the record id, then one ``name: value`` line per
    field and per citation (indented), then the notes; records separated by a blank line."""
    from archcite.styles.markup import CONVERTERS

    plain = CONVERTERS["plain"]
    lines = [record.id]
    lines += [f"  {name}: {field_value(name, value)}" for name, value in record.fields.items()]
    for panel in panels:
        text = plain(panel.text) if panel.markup else panel.text
        lines.append(f"  {panel.title}: " + text.replace("\n", "\n    "))
    lines += [f"  {note}" for note in notes]
    return "\n".join(lines) + "\n"
