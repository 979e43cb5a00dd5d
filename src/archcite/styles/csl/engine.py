"""The citeproc-py adapter: loading styles, and items in, archcite markup out.

It renders CSL-JSON items with a CSL style into archcite's markup (see ``markup.py``): for each
item the first citation, the subsequent citation and the bibliography entry with its rank.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from archcite.records.model import ARCHIVAL_FIELDS, DATE_VARIABLES, KNOWN_FIELDS
from archcite.styles.types import Locator, Rendered


def _mark(tag: str) -> Any:
    def formatted(text: Any) -> str:
        from archcite.styles.csl.fixes import _marks

        return _marks.wrap(tag, str(text))

    return formatted


class MarkupFormatter:
    """A citeproc-py output format (used as a module) whose formatting is private-use marks.

    The marks become archcite markup in :func:`finish` (``fixes.richtext.to_markup``), after
    the fixes resolved quotes and the field values' own formatting; escaping happens there too,
    so terms, affixes and field values are all escaped exactly once.
    """

    Italic = staticmethod(_mark("i"))
    Oblique = staticmethod(_mark("i"))
    Bold = staticmethod(_mark("b"))
    Light = str
    Underline = str
    SmallCaps = staticmethod(_mark("sc"))
    Superscript = staticmethod(_mark("sup"))
    Subscript = staticmethod(_mark("sub"))

    @staticmethod
    def preformat(text: str) -> str:
        return str(text)


def finish(rendered: Any) -> str | None:
    """citeproc-py's output (with the fixes' marks) as archcite markup; None when empty."""
    from archcite.styles.csl.fixes.display import without_display

    text = finish_with_display(rendered)
    return None if text is None else without_display(text)


def finish_with_display(rendered: Any) -> str | None:
    """As :func:`finish`, with the display tags of the parts a ``display`` sets apart."""
    from archcite.styles.csl.fixes.display import end_lines, lay_out, settle_parts
    from archcite.styles.csl.fixes.richtext import to_markup

    if rendered is None:
        return None
    text = settle_parts(end_lines(to_markup(lay_out(str(rendered)))))
    return text if text.strip() else None


def load_style(style_path: str, locale: str | None = None) -> Any:
    """A citeproc ``CitationStylesStyle`` of archcite's elements from an untrusted CSL file, in
    ``locale`` (see :func:`parse_style`)."""
    from archcite.errors import InputError

    try:
        with open(style_path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise InputError(f"cannot read style: {error.strerror}", where=style_path) from None
    return parse_style(data, style_path, locale)


def parse_style(data: bytes, where: str = "<style>", locale: str | None = None) -> Any:
    """A citeproc ``CitationStylesStyle`` of archcite's elements from the bytes of a CSL style.

    ``locale`` (a CSL locale such as ``de-DE``; None: the style's ``default-locale``, else en-US)
    is the locale the style renders in, as citeproc-py's ``CitationStylesStyle(style, locale)``
    and citeproc-js's ``CSL.Engine(sys, style, lang, forceLang=true)`` take it: it replaces the
    style's ``default-locale`` in the parsed tree, where whatever asks the style's language (the
    title case of terms, for one) reads it. The file itself is never changed.

    The XML is parsed without entity expansion, DTD loading or network access; a DOCTYPE or
    malformed XML is an :class:`InputError`. The checked tree becomes the style itself: parsing
    the 6,000-line Chicago style a second time in citeproc-py cost more than formatting a citation.
    """
    from io import BytesIO

    from citeproc import CitationStylesStyle
    from lxml import etree

    from archcite.errors import InputError
    from archcite.styles.csl.classes import csl_parser

    parser = csl_parser()
    try:
        tree = etree.parse(BytesIO(data), parser)
    except etree.XMLSyntaxError as error:
        raise InputError(f"not a valid CSL style: {error}", hint="a CSL style is an XML file", where=where) from None
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise InputError("CSL styles may not declare a DOCTYPE", hint="remove the <!DOCTYPE ...> line", where=where)
    root = tree.getroot()
    if etree.QName(root).localname != "style":
        raise InputError("not a CSL style (the root element is not <style>)", where=where)
    # What CitationStylesStyle.__init__ does after its own parse (citeproc-py 0.11.1).
    style = CitationStylesStyle.__new__(CitationStylesStyle)
    style.parser = parser
    style.xml = tree
    style.root = root
    style.source = data  # the file's bytes, for cheap searches of the whole style
    if locale:
        root.set("default-locale", locale)
    try:
        root.set_locale_list(root.get("default-locale", "en-US"), validate=False)
    except (ValueError, etree.XMLSyntaxError) as error:
        raise InputError(f"not a usable CSL style: {error}", where=where) from None
    return style


def prepare_item(item: Mapping[str, Any]) -> dict[str, Any]:
    """The item as citeproc-py reads it: CSL fields only, raw dates as date-parts."""
    from archcite.records.validate import parse_raw_date

    # Fields no style can name are left out: citeproc-py passes each field as a keyword argument,
    # so one named like a parameter of its own (``self``, ``key``) would break it.
    prepared = {k: v for k, v in item.items() if k in KNOWN_FIELDS and k not in ARCHIVAL_FIELDS}
    for variable in DATE_VARIABLES & prepared.keys():
        date = prepared[variable]
        if isinstance(date, Mapping) and "raw" in date and "date-parts" not in date:
            prepared[variable] = {**parse_raw_date(str(date["raw"]), variable, None)}
        elif isinstance(date, Mapping) and isinstance(date.get("date-parts"), list):
            prepared[variable] = {**date, "date-parts": [_date_parts(parts) for parts in date["date-parts"]]}
    return prepared


def _date_parts(parts: Any) -> Any:
    """A date's parts up to the first empty one, numbers as integers: CSL-JSON allows
    ``["2000", "", ""]``, which is the year 2000 (citeproc-js prints "2000")."""
    if not isinstance(parts, list):
        return parts
    cleaned: list[Any] = []
    for part in parts:
        if part is None or (isinstance(part, str) and not part.strip()):
            break
        if isinstance(part, str) and part.strip().lstrip("-").isdecimal():
            part = int(part)
        cleaned.append(part)
    return cleaned


def render_items(
    items: Sequence[Mapping[str, Any]],
    style_path: str,
    *,
    locator: Locator | None = None,
    locale: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[Rendered]:
    """Render every item: one bibliography, each item cited once in order, then cited again.

    ``locale`` is the CSL locale to render in (None: the style's own); ``progress(n)`` is called
    as work is done: three steps per item (two citations, one entry).
    """
    # Positions, disambiguation and the author substitute need the whole document (document.py).
    from archcite.styles.csl.document import render_reference_protocol

    return render_reference_protocol(items, style_path, locator=locator, locale=locale, progress=progress)
