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
holds the affixed output as in citeproc-js. The space an affix leaves before a block's break is
dropped (:func:`end_lines`), as citeproc-js does within a group or macro ("Q.\nPub"), and kept
before the break of a block that is a direct child of ``cs:layout`` ("Q. \nPub"), as
citeproc-js keeps it there.
"""

from __future__ import annotations

import re
from typing import Any

from archcite.styles.csl.fixes._patching import Overrides

FIX = "display"

# citeproc-js's text format ("@display/..."): what stands before and after the output.
_TEXT_FORMAT = {"block": ("\n", ""), "indent": ("\n    ", ""), "left-margin": ("", " "), "right-inline": ("", "")}
# Stands before the break of a block directly in cs:layout: the spaces before it stay.
_KEEP_SPACES = "\ue040"


def _wrap(original: Any) -> Any:
    def wrap(self: Any, string: Any) -> Any:
        output = original(self, string)
        if output is None or str(output) == "":
            return output
        before, after = _TEXT_FORMAT[self.get("display")]
        if before and _in_layout(self):
            before = _KEEP_SPACES + before
        return _join(_join(before, output), after)

    return wrap


def _in_layout(element: Any) -> bool:
    from citeproc.model import Layout

    return isinstance(element.getparent(), Layout)


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


def apply(overrides: Overrides) -> None:
    """Give ``display`` its text-format breaks and margin."""
    from citeproc.model import Affixed

    overrides.replace(Affixed, "wrap", FIX, _wrap, where=_displayed)


def _displayed(element: Any) -> bool:
    return element.get("display") in _TEXT_FORMAT
