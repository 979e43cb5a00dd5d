"""Archcite's citation markup and its conversion to every output format.

The engine renders into one small markup: text HTML-escaped (``&amp; &lt; &gt;``) plus the tags
``<i> <b> <sc> <sup> <sub>`` and the tags that cancel them inside them (CSL's "flip-flop" and
``font-style="normal"`` and the like): ``<ni>`` roman, ``<nb>`` normal weight, ``<nsc>`` normal
variant, ``<base>`` baseline. Every output format is a conversion of that markup, so a field
value can never inject formatting into HTML, RTF or the terminal. Formats without a way to cancel
formatting get the markup flattened (:func:`flatten`: ``<i>a <ni>b</ni></i>`` as ``<i>a </i>b``).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from archcite.patterns import lazy

if TYPE_CHECKING:
    from rich.text import Text

_TOKEN = re.compile(r"<(/?)(i|b|sc|sup|sub|ni|nb|nsc|base|block|indent|left-margin|right-inline)>|([^<]+)|(<)")
# The display tags: an element's output set apart (CSL ``display``). Only HTML shows them as
# structure; every other format prints the text-format layout the markup already holds.
DISPLAY_TAGS = frozenset({"block", "indent", "left-margin", "right-inline"})
# What each cancelling tag removes from the formatting in force.
_CANCELS = {"ni": ("i",), "nb": ("b",), "nsc": ("sc",), "base": ("sup", "sub")}
_ORDER = ("i", "b", "sc", "sup", "sub")


def _tokens(markup: str) -> list[tuple[str, str]]:
    """("open"|"close", tag) and ("text", unescaped text) tokens."""
    result = []
    for match in _TOKEN.finditer(markup):
        closing, tag, text, stray = match.groups()
        if tag:
            result.append(("close" if closing else "open", tag))
        else:
            result.append(("text", html.unescape(text or stray)))
    return result


def to_plain(markup: str) -> str:
    return "".join(value for kind, value in _tokens(markup) if kind == "text")


def _runs(markup: str) -> list[tuple[str, frozenset[str]]]:
    """(unescaped text, the formatting in force) for each text of the markup."""
    runs: list[tuple[str, frozenset[str]]] = []
    states: list[frozenset[str]] = [frozenset()]
    for kind, value in _tokens(markup):
        if kind == "text":
            runs.append((value, states[-1]))
        elif kind == "open":
            states.append(states[-1].difference(_CANCELS[value]) if value in _CANCELS else states[-1] | {value})
        elif len(states) > 1:
            states.pop()
    return runs


def flatten(markup: str) -> str:
    """The markup without cancelling tags: the formatting of each text as plain open tags."""
    out: list[str] = []
    open_tags: list[str] = []
    for text, tags in _runs(markup):
        if not text:
            continue
        while any(tag not in tags for tag in open_tags):
            out.append(f"</{open_tags.pop()}>")
        for tag in _ORDER:
            if tag in tags and tag not in open_tags:
                open_tags.append(tag)
                out.append(f"<{tag}>")
        out.append(html.escape(text, quote=False))
    out.extend(f"</{tag}>" for tag in reversed(open_tags))
    return "".join(out)


def to_light(markup: str) -> str:
    """Tags kept, text unescaped: the reference files' "light" format (citeproc-js's text format
    with tags for italics and the like, which prints nothing for a cancelling tag)."""
    return "".join(
        value if kind == "text" else f"<{'/' if kind == 'close' else ''}{value}>"
        for kind, value in _tokens(markup)
        if kind == "text" or (value not in _CANCELS and value not in DISPLAY_TAGS)
    )


# The Unicode superscript characters (Unicode TR30's SuperscriptFolding list) that citeproc-js's
# HTML and RTF output formats write as superscript markup of their base characters, since fonts
# often lack them (the CSL test suite's magic_SuperscriptChars): "1ᵉʳ" as 1<sup>e</sup><sup>r</sup>.
# The base character is the compatibility decomposition, except for four modifier letters.
_SUPERSCRIPTS = lazy(
    "[\u00aa\u00b2\u00b3\u00b9\u00ba\u02b0-\u02b8\u02c0\u02c1\u02e0-\u02e4\u1d2c-\u1d2e"
    "\u1d30-\u1d3a\u1d3c-\u1d4d\u1d4f-\u1d61\u2070\u2071\u2074-\u207f\u2120\u2122"
    "\u3192-\u319f\u06e5\u06e6]"
)
_SUPERSCRIPT_BASES = {"\u02c0": "\u0294", "\u02c1": "\u0295", "\u06e5": "\u0648", "\u06e6": "\u064a"}


def fold_superscripts(markup: str) -> str:
    """The markup with each superscript character as ``<sup>`` markup of its base character."""

    def folded(match: re.Match[str]) -> str:
        char = match.group(0)
        base = _SUPERSCRIPT_BASES.get(char) or unicodedata.normalize("NFKC", char)
        return f"<sup>{html.escape(base, quote=False)}</sup>"

    return _SUPERSCRIPTS().sub(folded, markup)


# The spans of citeproc-js's HTML format (its "@font-variant/small-caps" and the like), except
# baseline, which it writes as style="baseline", not CSS.
_HTML_SPANS = {
    "sc": "font-variant:small-caps;",
    "ni": "font-style:normal;",
    "nb": "font-weight:normal;",
    "nsc": "font-variant:normal;",
    "base": "vertical-align:baseline;",
}
# citeproc-js's HTML format: what a display part's opening and closing tags print ("@display/...").
_HTML_DISPLAY = {
    "block": ('\n\n    <div class="csl-block">', "</div>\n"),
    "indent": ('<div class="csl-indent">', "</div>\n  "),
    "left-margin": ('\n    <div class="csl-left-margin">', "</div>"),
    "right-inline": ('<div class="csl-right-inline">', "</div>\n  "),
}
# The text-format layout around a display part (a block's line break, an indent's line break and
# four spaces, the space after a margin), which the HTML's divs replace.
_DISPLAY_LAYOUT = lazy(r"\n(?=<block>)|\n    (?=<indent>)|(?<=</left-margin>) ")
# citeproc-js's HTML keeps runs of spaces from collapsing: each pair becomes a no-break space
# and a space (its text_escape; line breaks are not its data's, and stay).
_SPACE_PAIR = lazy("  ")


def to_html(markup: str) -> str:
    """HTML: formatting as tags and citeproc-js's spans, display parts as citeproc-js's divs."""
    out = []
    if "\n" in markup or "</left-margin>" in markup:
        markup = _DISPLAY_LAYOUT().sub("", markup)
    for kind, value in _tokens(fold_superscripts(markup)):
        if kind == "text":
            out.append(_SPACE_PAIR().sub("\u00a0 ", html.escape(value, quote=False)))
        elif value in _HTML_SPANS:
            out.append(f'<span style="{_HTML_SPANS[value]}">' if kind == "open" else "</span>")
        elif value in _HTML_DISPLAY:
            out.append(_HTML_DISPLAY[value][kind == "close"])
        else:
            out.append(f"<{'/' if kind == 'close' else ''}{value}>")
    return "".join(out)


class BibliographyLayout(NamedTuple):
    """How a style lays its bibliography out (CSL ``cs:bibliography`` options), as citeproc-js's
    ``makeBibliography`` hands them over beside the entries."""

    hanging_indent: bool = False
    second_field_align: str | None = None
    """``flush`` or ``margin``: the entries' first fields stand in a margin."""
    line_spacing: float = 1
    entry_spacing: float = 1


def html_entry(markup: str) -> str:
    """One bibliography entry as citeproc-js's HTML writes it: a ``csl-entry`` div, two spaces in."""
    return f'  <div class="csl-entry">{to_html(markup)}</div>\n'


def html_bibliography(entries: Sequence[str], layout: BibliographyLayout | None = None) -> str:
    """A bibliography (entries in archcite markup) as citeproc-js's HTML: ``csl-entry`` divs in a
    ``csl-bib-body`` div. The layout is carried as pandoc carries it: ``hanging-indent`` a class
    of the body, line and entry spacing its ``data-line-spacing`` and ``data-entry-spacing``
    when the style sets them."""
    return _html_body_open(layout or BibliographyLayout()) + "".join(html_entry(e) for e in entries) + "</div>"


def _html_body_open(layout: BibliographyLayout) -> str:
    classes = "csl-bib-body" + (" hanging-indent" if layout.hanging_indent else "")
    attributes = "".join(
        f' data-{name}="{value:g}"'
        for name, value, default in (
            ("line-spacing", layout.line_spacing, 1),
            ("entry-spacing", layout.entry_spacing, 1),
        )
        if value != default
    )
    return f'<div class="{classes}"{attributes}>\n'


def html_document(body: str, layout: BibliographyLayout, *, title: str, language: str | None) -> str:
    """A minimal standalone HTML5 page around ``body`` (archcite's HTML), UTF-8, with a small
    style sheet that lays the bibliography out as ``layout`` says: hanging indent, line and
    entry spacing, margin labels beside their entries."""
    rules = [
        "body { max-width: 42em; margin: 2em auto; padding: 0 1em; font-family: serif; }",
        f".csl-bib-body {{ line-height: {1.2 * layout.line_spacing:g}; }}",
        f".csl-entry {{ margin-bottom: {layout.entry_spacing:g}em; }}",
        ".csl-entry::after { content: ''; display: block; clear: both; }",
        ".hanging-indent .csl-entry { padding-left: 2em; text-indent: -2em; }",
        ".csl-left-margin { float: left; min-width: 2.5em; padding-right: 0.5em; }",
        ".csl-right-inline { margin-left: 3em; }",
        ".csl-indent { margin-left: 2em; }",
    ]
    # CSL's default locale when the style names none
    lang = html.escape(language or "en-US", quote=True)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title, quote=False)}</title>\n"
        "<style>\n" + "\n".join(rules) + "\n</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n"
    )


_MARKDOWN_SPECIAL = lazy(r"([\\`*_\[\]<>#|~^])")
_MARKDOWN_TAGS = {"i": ("*", "*"), "b": ("**", "**"), "sup": ("^", "^"), "sub": ("~", "~"), "sc": ("", "")}


def to_markdown(markup: str) -> str:
    """Pandoc Markdown: *italic*, **bold**, ^sup^, ~sub~; small caps as plain text.

    Emphasis may not begin or end with a space in Markdown, so spaces at the edges of a
    formatted run are moved outside its delimiters ("*Reading* Pravda", not "*Reading *Pravda").
    """
    out: list[str] = []
    pending_open: list[str] = []
    for kind, value in _tokens(flatten(markup)):
        if kind == "text":
            text = _MARKDOWN_SPECIAL().sub(r"\\\1", value)
            if pending_open:
                stripped = text.lstrip(" ")
                out.append(text[: len(text) - len(stripped)] + "".join(pending_open))
                pending_open.clear()
                text = stripped
            out.append(text)
            continue
        opening, closing = _MARKDOWN_TAGS[value]
        if kind == "open":
            pending_open.append(opening)
        elif pending_open and pending_open[-1] == opening:
            pending_open.pop()  # an empty run: drop both delimiters
        else:
            trailing = len(out[-1]) - len(out[-1].rstrip(" ")) if out else 0
            if trailing:
                out[-1] = out[-1][:-trailing]
            out.append(closing + " " * trailing)
    out.extend(pending_open)
    return "".join(out)


_RTF_TAGS = {"i": r"{\i ", "b": r"{\b ", "sc": r"{\scaps ", "sup": r"{\super ", "sub": r"{\sub "}


def _rtf_escape(text: str) -> str:
    out = []
    for char in text:
        if char in "\\{}":
            out.append("\\" + char)
        elif ord(char) < 128:
            out.append(char)
        else:
            # RTF \uN takes a signed 16-bit number; characters outside the BMP become surrogate pairs.
            data = char.encode("utf-16-le")
            for i in range(0, len(data), 2):
                unit = int.from_bytes(data[i : i + 2], "little", signed=True)
                out.append(f"\\u{unit}?")
    return "".join(out)


def to_rtf(markup: str) -> str:
    """An RTF fragment (paste into a word processor inside ``{\\rtf1 ... }``)."""
    out = []
    for kind, value in _tokens(flatten(fold_superscripts(markup))):
        if kind == "text":
            out.append(_rtf_escape(value))
        else:
            out.append(_RTF_TAGS[value] if kind == "open" else "}")
    return "".join(out)


def rtf_document(fragments: list[str]) -> str:
    return "{\\rtf1\\ansi\\deff0\n" + "".join(f"{{\\pard {f}\\par}}\n" for f in fragments) + "}\n"


_RICH_STYLES = {"i": "italic", "b": "bold"}


def to_rich(markup: str) -> Text:
    """A rich Text: italics and bold as such; small caps drawn in upper case (terminals have none)."""
    from rich.text import Text

    text = Text()
    for value, tags in _runs(markup):
        style = " ".join(_RICH_STYLES[t] for t in _ORDER if t in tags and t in _RICH_STYLES)
        text.append(value.upper() if "sc" in tags else value, style=style or None)
    return text


CONVERTERS: dict[str, Callable[[str], str]] = {
    "plain": to_plain,
    "light": to_light,
    "html": to_html,
    "markdown": to_markdown,
    "rtf": to_rtf,
}
