"""``display``: a rendering element's output set apart as a block, an indented block or a margin.

CSL 1.0.2, "Display": ``block`` puts the output on its own line, ``indent`` on its own indented
line, ``left-margin`` and ``right-inline`` divide an entry into a margin and the text beside it
(the first field of ``second-field-align``, spelled out by the style). The specification does
not say how text output shows them; citeproc-js's text format (what Zotero copies as plain text)
starts a block on a new line ("\\n"), an indented block on a new line after four spaces, and
ends a left margin with one space; archcite's markup does the same, so every output format keeps
the parts apart ("box 52" / "type « letter »" rather than "box 52type").

citeproc-py 0.11.1 ignores the attribute (``Displayed`` is empty), so the parts ran together.
The fix wraps ``Affixed.wrap``, the step every rendering element takes last, so that the display
holds the affixed output as in citeproc-js: between two marks (``_marks.DISPLAY_OPEN``), which
the finished markup keeps as display tags (``<block>`` ... ``</block>``) after the text-format
layout (:func:`lay_out`). Every format prints the layout; HTML makes the tags citeproc-js's
divs (``csl-block``, ``csl-indent``, ``csl-left-margin``, ``csl-right-inline``) instead. A
part left empty (an author substituted away) prints nothing, nor its layout, as in
citeproc-js; the layout's suffix goes inside a part that ends the entry (citeproc-js's HTML:
``Here.</div>``). The space an affix leaves before a block's break is
dropped (:func:`end_lines`), as citeproc-js does within a group or macro ("Q.\nPub"), and kept
before the break of a block that is a direct child of ``cs:layout`` ("Q. \nPub"), as
citeproc-js keeps it there.
"""

from __future__ import annotations

import re
from typing import Any

from archcite.styles.csl.fixes import _marks
from archcite.styles.csl.fixes._patching import Overrides

FIX = "display"

# citeproc-js's text format ("@display/..."): what stands before and after the output.
_TEXT_FORMAT = {"block": ("\n", ""), "indent": ("\n    ", ""), "left-margin": ("", " "), "right-inline": ("", "")}
# Stands before the break of a block directly in cs:layout: the spaces before it stay.
_KEEP_SPACES = "\ue040"
_MARKS = "".join(_marks.DISPLAY_OPEN.values()) + "".join(_marks.DISPLAY_CLOSE.values()) + _KEEP_SPACES
_CLOSING = "".join(_marks.DISPLAY_CLOSE.values())
# Each display mark with the text-format layout around it (see lay_out).
_LAID_OUT = str.maketrans(
    {_marks.DISPLAY_OPEN[kind]: before + _marks.DISPLAY_OPEN[kind] for kind, (before, _) in _TEXT_FORMAT.items()}
    | {_marks.DISPLAY_CLOSE[kind]: _marks.DISPLAY_CLOSE[kind] + after for kind, (_, after) in _TEXT_FORMAT.items()}
)


def _wrap(original: Any) -> Any:
    def wrap(self: Any, string: Any) -> Any:
        output = original(self, string)
        if output is None or str(output) == "":
            return output
        kind = self.get("display")
        opening = _marks.DISPLAY_OPEN[kind]
        if _TEXT_FORMAT[kind][0] and _in_layout(self):
            opening = _KEEP_SPACES + opening
        return _join(_join(opening, output), _marks.DISPLAY_CLOSE[kind])

    return wrap


def _in_layout(element: Any) -> bool:
    from citeproc.model import Layout

    return isinstance(element.getparent(), Layout)


def lay_out(text: str) -> str:
    """A rendered string with the text-format layout at its display marks: a block's line break,
    an indented block's line break and four spaces, the space after a margin. They come in
    only now, as citeproc-js adds a display's decoration once its output is joined, so the
    seams between the parts (a doubled space) never see them."""
    if not any(mark in text for mark in _marks.DISPLAY_OPEN.values()):
        return text
    # Nothing follows a margin that ends the entry: no space sets it apart.
    laid_out = text.rstrip(_marks.DISPLAY_CLOSE["left-margin"])
    return laid_out.translate(_LAID_OUT) + text[len(laid_out) :]


def across_marks(left: Any, right: Any) -> tuple[Any, Any]:
    """``left`` and ``right`` joined across display marks as citeproc-js joins its parts: a space
    that doubles a space ending ``left`` is dropped (citeproc-py's seam drops one only where
    the two touch), and a mark of punctuation that opens the next part ends the part before
    (citeproc-js's HTML: ``1946.</div><div class="csl-right-inline"> 861.00``)."""
    left_text, right_text = str(left), str(right)
    if not left_text or not right_text or not (left_text[-1] in _MARKS or right_text[0] in _MARKS):
        return left, right
    content = right_text.lstrip(_MARKS)
    opening = len(right_text) - len(content)
    ended = left_text.rstrip(_MARKS)
    if ended.endswith(" ") and content.startswith(" "):
        return left, _without_char(right, opening)
    if (
        content
        and content[0] in _MIGRATING
        and ended
        and ended[-1] not in _MIGRATING + " "
        and ended != left_text
        and right_text[:opening].strip(_OPENING_MARKS) == ""
    ):
        return _with_char(left, len(ended), content[0]), _without_char(right, opening)
    return left, right


# The marks of punctuation that move from the start of a display part to the end of the one before.
_MIGRATING = ".,;:"
_OPENING_MARKS = "".join(_marks.DISPLAY_OPEN.values()) + _KEEP_SPACES


def _with_char(value: Any, position: int, char: str) -> Any:
    """A citeproc String or MixedString with ``char`` inserted at ``position``, segments kept."""
    from citeproc.string import MixedString

    if not isinstance(value, MixedString):
        text = str(value)
        return type(value)(text[:position] + char + text[position:])
    segments = list(value)
    for index, segment in enumerate(segments):
        length = len(str(segment))
        if position <= length:
            segments[index] = _with_char(segment, position, char)
            break
        position -= length
    return MixedString(segments)


def _without_char(value: Any, position: int) -> Any:
    """A citeproc String or MixedString without its character at ``position``, segments kept."""
    from citeproc.string import MixedString

    if not isinstance(value, MixedString):
        text = str(value)
        return type(value)(text[:position] + text[position + 1 :])
    segments = list(value)
    for index, segment in enumerate(segments):
        length = len(str(segment))
        if position < length:
            segments[index] = _without_char(segment, position)
            break
        position -= length
    return MixedString(segments)


def _join(left: Any, right: Any) -> Any:
    """``left + right`` without citeproc-py's seam rules, which would swallow the break's space."""
    from citeproc.string import MixedString

    if left == "" or right == "":
        return right if left == "" else left
    return MixedString([*_parts(left), *_parts(right)])


def _parts(value: Any) -> list[Any]:
    from citeproc.string import MixedString

    return list(value) if isinstance(value, MixedString) else [value]


_SPACE_BEFORE_BREAK = re.compile(r"[ \t]+\n")


def end_lines(text: str) -> str:
    """``text`` without spaces before its line breaks, except those of blocks directly in a layout."""
    if "\n" not in text:
        return text
    return _SPACE_BEFORE_BREAK.sub("\n", text).replace(_KEEP_SPACES, "")


# A display part left empty once the entry was finished (its names replaced by an empty
# subsequent-author-substitute), with its text-format layout: citeproc-js prints nothing of it.
_EMPTY_PART = re.compile(
    r"\n<block></block>|\n    <indent></indent>|<left-margin></left-margin> ?|<right-inline></right-inline>"
)
_DISPLAY_TAG = re.compile(r"</?(?:block|indent|left-margin|right-inline)>")
_OPENING_TAGS = tuple(f"<{kind}>" for kind in _TEXT_FORMAT)


def settle_parts(markup: str) -> str:
    """The markup without its empty display parts."""
    return _EMPTY_PART.sub("", markup) if "></" in markup else markup


def without_display(markup: str) -> str:
    """The markup without display tags: the text-format layout every format but HTML prints."""
    return _DISPLAY_TAG.sub("", markup) if any(tag in markup for tag in _OPENING_TAGS) else markup


def suffix_inside(rendered: str, suffix: str) -> str:
    """A rendered entry with the layout's ``suffix`` inside the display part that ends the entry,
    where citeproc-js puts it (the suite's bugreports_SmallCapsEscape: ``Here.</div>``)."""
    if not suffix or not rendered.endswith(suffix):
        return rendered
    before = rendered[: len(rendered) - len(suffix)]
    content = before.rstrip(_CLOSING)
    if len(content) == len(before):
        return rendered
    return content + suffix + before[len(content) :]


def apply(overrides: Overrides) -> None:
    """Give ``display`` its text-format breaks and margin."""
    from citeproc.model import Affixed

    overrides.replace(Affixed, "wrap", FIX, _wrap, where=_displayed)


def _displayed(element: Any) -> bool:
    return element.get("display") in _TEXT_FORMAT
