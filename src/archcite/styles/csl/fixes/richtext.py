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
from typing import Any

from archcite.styles.csl.fixes import _marks
from archcite.styles.csl.fixes._patching import Overrides

FIX = "richtext"

_NOCASE_OPEN = "\ue030"
_NOCASE_CLOSE = "\ue031"
_TAG = re.compile(
    r"<(?P<close>/?)(?P<tag>i|b|sup|sub|sc)>"
    r"|<span\s+class=\"nocase\"\s*>"
    r"|<span\s+style=\"font-variant:\s*small-caps;?\"\s*>"
    r"|</span>",
    re.I,
)


def mark_tags(text: str) -> str:
    """Field text with its rich-text tags replaced by marks; unknown tags stay literal text."""
    spans: list[str] = []
    out: list[str] = []
    position = 0
    for match in _TAG.finditer(text):
        out.append(text[position : match.start()])
        position = match.end()
        source = match.group(0).lower()
        if match.group("tag"):
            tag = match.group("tag").lower()
            out.append(_marks.TAG_CLOSE[tag] if match.group("close") else _marks.TAG_OPEN[tag])
        elif source.startswith("<span") and "nocase" in source:
            spans.append(_NOCASE_CLOSE)
            out.append(_NOCASE_OPEN)
        elif source.startswith("<span"):
            spans.append(_marks.TAG_CLOSE["sc"])
            out.append(_marks.TAG_OPEN["sc"])
        else:  # </span>
            out.append(spans.pop() if spans else match.group(0))
    out.append(text[position:])
    out.extend(reversed(spans))  # an unclosed span ends with the field
    return "".join(out)


def parse_field(text: str, transforms: Sequence[Callable[[str], str]] = ()) -> Any:
    """A field's text as citeproc-py's MixedString: String and NoCase parts carrying marks;
    ``transforms`` are applied to the text once its tags became marks (e.g. typographic quotes)."""
    from citeproc.string import MixedString, NoCase, String

    marked = mark_tags(str(text))
    for transform in transforms:
        marked = transform(marked)
    output = MixedString()
    for number, part in enumerate(re.split(f"[{_NOCASE_OPEN}{_NOCASE_CLOSE}]", marked)):
        if part:
            output += NoCase(part) if number % 2 else String(part)
    return output


def _serialise(runs: list[tuple[str, frozenset[str]]]) -> str:
    order = ("i", "b", "sc", "sup", "sub")
    out: list[str] = []
    open_tags: list[str] = []
    for text, tags in runs:
        if not text:
            continue
        while any(tag not in tags for tag in open_tags):
            out.append(f"</{open_tags.pop()}>")
        for tag in order:
            if tag in tags and tag not in open_tags:
                open_tags.append(tag)
                out.append(f"<{tag}>")
        out.append(html.escape(text, quote=False))
    out.extend(f"</{tag}>" for tag in reversed(open_tags))
    return "".join(out)


def to_markup(text: str) -> str:
    """A rendered string (with marks) as archcite markup: escaped text, tags, italics flipped."""
    runs: list[tuple[str, frozenset[str]]] = []
    states: list[frozenset[str]] = [frozenset()]
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            runs.append(("".join(buffer), states[-1]))
            buffer.clear()

    for char in text:
        if char in _marks.TAG_OF:
            flush()
            tag = _marks.TAG_OF[char]
            if char == _marks.TAG_OPEN[tag]:
                current = states[-1]
                # Italics inside italics are roman (CSL "flip-flop"); other tags just apply.
                states.append(current ^ {tag} if tag == "i" else current | {tag})
            elif len(states) > 1:
                states.pop()
        elif char == _marks.ROMAN_OPEN:
            flush()
            states.append(states[-1] - {"i"})
        elif char == _marks.ROMAN_CLOSE:
            flush()
            if len(states) > 1:
                states.pop()
        elif char not in _marks.ALL:
            buffer.append(char)
    flush()
    return _serialise(runs)


def _font_style(original: Any) -> Any:
    def font_style(self: Any, text: Any) -> Any:
        if self.get("font-style") == "normal":
            return _marks.ROMAN_OPEN + str(text) + _marks.ROMAN_CLOSE
        return original(self, text)

    return font_style


def _parse_names(original: Any) -> Any:
    def parse_names(self: Any, json_data: Any) -> Any:
        # The parts of a name carry rich text too ("Center <sup>for</sup> History", as Zotero
        # writes an institution), kept as marks through the name's rendering.
        marked = [
            {key: mark_tags(value) if isinstance(value, str) and "<" in value else value for key, value in name.items()}
            if isinstance(name, dict)
            else name
            for name in json_data
        ]
        return original(self, marked)

    return parse_names


def apply(overrides: Overrides) -> None:
    """Parse rich-text tags in every CSL-JSON string field; honour ``font-style="normal"``."""
    from citeproc.model import Formatted
    from citeproc.source.json import CiteProcJSON

    overrides.replace(CiteProcJSON, "data_transforms", FIX, lambda _original: ())
    overrides.replace(
        CiteProcJSON,
        "parse_string",
        FIX,
        lambda _original: lambda self, string: parse_field(string, self.data_transforms),
    )
    overrides.replace(CiteProcJSON, "parse_names", FIX, _parse_names)
    overrides.replace(Formatted, "font_style", FIX, _font_style)
