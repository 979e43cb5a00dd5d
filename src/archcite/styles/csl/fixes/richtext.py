"""Rich text in field values: ``<i> <b> <sup> <sub> <sc>`` and ``<span class="nocase">``.

CSL 1.0.2, appendix VI "Rich Text Markup Within Fields": field values may carry the HTML-like
tags ``<i>``, ``<b>``, ``<sup>``, ``<sub>``, ``<span style="font-variant:small-caps;">`` and
``<span class="nocase">``; text inside the nocase span escapes text-case transformations, and
italics inside an italic context are rendered roman ("flip-flop"). citeproc-py 0.11.1 only
understands the nocase span (``CiteProcJSON.parse_string``) and prints every other tag literally.

``font-style="normal"`` in the style likewise sets text roman inside an italic context;
citeproc-py treats it as "no formatting".

The fix replaces ``CiteProcJSON.parse_string``: tags become private-use marks (see ``_marks``)
that travel through citeproc's string handling, and :func:`to_markup` turns a rendered string
into archcite markup at the end: text escaped, marks turned into tags, nested italics flipped.
Other fixes add their own transformation of the field text to ``CiteProcJSON.data_transforms``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from archcite.styles.csl.fixes import _marks
from archcite.styles.csl.fixes._patching import Overrides

FIX = "richtext"

NOCASE_OPEN = "\ue030"
_NOCASE_OPEN = NOCASE_OPEN
_NOCASE_CLOSE = "\ue031"
_TAG = re.compile(
    r"<(?P<close>/?)(?P<tag>i|b|sup|sub|sc)>"
    r"|<span\s+class=\"(?P<span_class>nocase|nodecor)\"\s*>"
    r"|<span\s+style=\"font-variant:\s*small-caps;?\"\s*>"
    r"|</span>",
    re.I,
)


_NOCASE_SPLIT = re.compile(f"([{_NOCASE_OPEN}{_NOCASE_CLOSE}])")
# citeproc-js keeps text-case off text in small caps, superscript or subscript (its "implicit
# nocase"; the test suite's textcase_ImplicitNocase).
_IMPLICIT_NOCASE = frozenset({"sc", "sup", "sub"})


def _tag_marks(tag: str) -> tuple[str, str]:
    if tag in _IMPLICIT_NOCASE:
        return _NOCASE_OPEN + _marks.TAG_OPEN[tag], _marks.TAG_CLOSE[tag] + _NOCASE_CLOSE
    return _marks.TAG_OPEN[tag], _marks.TAG_CLOSE[tag]


def _span_marks(span_class: str | None) -> tuple[str, str]:
    if span_class is None:
        return _tag_marks("sc")
    if span_class.lower() == "nocase":
        return _NOCASE_OPEN, _NOCASE_CLOSE
    # citeproc-js keeps text-case off text whose formatting nodecor cancels
    return _NOCASE_OPEN + _marks.NORMAL_OPEN["nodecor"], _marks.NORMAL_CLOSE["nodecor"] + _NOCASE_CLOSE


def mark_tags(text: str) -> str:
    """Field text with its rich-text tags replaced by marks. A closing tag that closes nothing
    open and an unknown tag stay literal text (as in citeproc-js); an unclosed span or tag ends
    with the field."""
    open_tags: list[tuple[str, str]] = []  # (the closing tag that closes it, its closing mark)
    out: list[str] = []
    position = 0
    for match in _TAG.finditer(text):
        out.append(text[position : match.start()])
        position = match.end()
        tag = (match.group("tag") or "").lower()
        if match.group(0).startswith("</"):
            closer = f"</{tag or 'span'}>"
            if open_tags and open_tags[-1][0] == closer:
                out.append(open_tags.pop()[1])
            else:
                out.append(match.group(0))
        elif tag:
            opening, closing = _tag_marks(tag)
            open_tags.append((f"</{tag}>", closing))
            out.append(opening)
        else:
            opening, closing = _span_marks(match.group("span_class"))
            open_tags.append(("</span>", closing))
            out.append(opening)
    out.append(text[position:])
    out.extend(closing for _closer, closing in reversed(open_tags))
    return "".join(out)


def parse_field(text: str, transforms: Sequence[Callable[[str], str]] = ()) -> Any:
    """A field's text as citeproc-py's MixedString: String and NoCase parts carrying marks;
    ``transforms`` are applied to the text once its tags became marks (e.g. typographic quotes)."""
    from citeproc.string import MixedString, NoCase, String

    marked = mark_tags(str(text))
    for transform in transforms:
        marked = transform(marked)
    output = MixedString()
    depth = 0
    for part in _NOCASE_SPLIT.split(marked):
        if part in (_NOCASE_OPEN, _NOCASE_CLOSE):
            depth = depth + 1 if part == _NOCASE_OPEN else max(depth - 1, 0)
        elif part:
            output += NoCase(part) if depth else String(part)
    return output


# The formatting a cancelling mark ends, and archcite's tag that says so.
_CANCELLED = {"i": ("i",), "b": ("b",), "sc": ("sc",), "va": ("sup", "sub"), "nodecor": ("i", "b", "sc")}
_CANCELLING_TAG = {"i": "ni", "b": "nb", "sc": "nsc", "sup": "base", "sub": "base"}
_FLIPS = frozenset({"i", "b", "sc"})


def _opened(mark: str, state: frozenset[str]) -> tuple[tuple[str, ...], frozenset[str]]:
    """The tags an opening mark prints where ``state`` is in force, and the state inside it."""
    if mark in _marks.TAG_OF:
        tag = _marks.TAG_OF[mark]
        if tag not in state:
            return (tag,), state | {tag}
        # Italics, bold or small caps inside themselves cancel them (CSL "flip-flop").
        return ((_CANCELLING_TAG[tag],), state - {tag}) if tag in _FLIPS else ((), state)
    cancelled = [tag for tag in _CANCELLED[_marks.NORMAL_OF[mark]] if tag in state]
    tags = tuple(dict.fromkeys(_CANCELLING_TAG[tag] for tag in cancelled))
    return tags, state.difference(cancelled)


# The display marks as the markup's display tags (``<block>`` ... ``</block>``, see markup.py).
_DISPLAY_TAG = {mark: f"<{kind}>" for kind, mark in _marks.DISPLAY_OPEN.items()} | {
    mark: f"</{kind}>" for kind, mark in _marks.DISPLAY_CLOSE.items()
}


def to_markup(text: str) -> str:
    """A rendered string (with marks) as archcite markup: escaped text and tags nested as the
    marks are, formatting inside itself cancelled, empty and split runs of a tag joined."""
    out: list[str] = []
    stack: list[tuple[tuple[str, ...], frozenset[str]]] = []
    state: frozenset[str] = frozenset()
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            out.append(html.escape("".join(buffer), quote=False))
            buffer.clear()

    for char in text:
        if char not in _marks.ALL:
            buffer.append(char)
        elif char in _marks.OPENING:
            flush()
            tags, inside = _opened(char, state)
            stack.append((tags, state))
            out.extend(f"<{tag}>" for tag in tags)
            state = inside
        elif char in _DISPLAY_TAG:
            flush()
            out.append(_DISPLAY_TAG[char])
        elif char in _marks.CLOSERS and stack:
            flush()
            tags, state = stack.pop()
            for tag in reversed(tags):
                # an empty run prints nothing
                if out and out[-1] == f"<{tag}>":
                    out.pop()
                else:
                    out.append(f"</{tag}>")
    flush()
    while stack:
        out.extend(f"</{tag}>" for tag in reversed(stack.pop()[0]))
    return _join_runs("".join(out))


_SPLIT_RUN = re.compile(r"</(i|b|sc|sup|sub|ni|nb|nsc|base)><\1>")


def _join_runs(markup: str) -> str:
    # "<i>a</i><i>b</i>" -> "<i>ab</i>": a tag closed and opened again at once is one run.
    return _SPLIT_RUN.sub("", markup)


# Formatted's method, the mark it prints, the attribute and its value that cancel formatting.
_NORMALS = {
    "font_style": ("i", "font-style", "normal"),
    "font_weight": ("b", "font-weight", "normal"),
    "font_variant": ("sc", "font-variant", "normal"),
    "vertical_align": ("va", "vertical-align", "baseline"),
}


def _normal(kind: str, attribute: str, normal: str, original: Any) -> Any:
    def formatted(self: Any, text: Any) -> Any:
        if self.get(attribute) == normal:
            return _marks.NORMAL_OPEN[kind] + str(text) + _marks.NORMAL_CLOSE[kind]
        return original(self, text)

    return formatted


def has_value(text: Any) -> bool:
    """Whether a ``cs:text`` has a ``value`` (which it prints when it names no variable, macro or term)."""
    return "value" in text.attrib


def _marked_value(process: Any) -> Any:
    # citeproc-js reads rich-text tags in a style's text values as in field values.
    def text_process(self: Any, *args: Any, **kwargs: Any) -> Any:
        text, language = process(self, *args, **kwargs)
        if text:
            text = parse_field(str(text))
        return text, language

    return text_process


def _name_part(text: str) -> str:
    # A name part is a plain string in citeproc-py (no NoCase parts): its formatting marks only.
    return mark_tags(text).replace(_NOCASE_OPEN, "").replace(_NOCASE_CLOSE, "")


def _parse_names(original: Any) -> Any:
    def parse_names(self: Any, json_data: Any) -> Any:
        # The parts of a name carry rich text too ("Center <sup>for</sup> History", as Zotero
        # writes an institution), kept as marks through the name's rendering.
        marked = [
            {
                key: _name_part(value) if isinstance(value, str) and "<" in value else value
                for key, value in name.items()
            }
            if isinstance(name, dict)
            else name
            for name in json_data
        ]
        return original(self, marked)

    return parse_names


def apply(overrides: Overrides) -> None:
    """Parse rich-text tags in every CSL-JSON string field and text value; honour the style's
    ``font-style="normal"``, ``font-weight="normal"``, ``font-variant="normal"`` and
    ``vertical-align="baseline"``."""
    from citeproc.model import Formatted, Text
    from citeproc.source.json import CiteProcJSON

    overrides.replace(CiteProcJSON, "data_transforms", FIX, lambda _original: ())
    overrides.replace(
        CiteProcJSON,
        "parse_string",
        FIX,
        lambda _original: lambda self, string: parse_field(string, self.data_transforms),
    )
    overrides.replace(CiteProcJSON, "parse_names", FIX, _parse_names)
    for method, (kind, attribute, normal) in _NORMALS.items():
        overrides.replace(Formatted, method, FIX, partial(_normal, kind, attribute, normal))
    overrides.replace(Text, "process", FIX, _marked_value, where=has_value)
