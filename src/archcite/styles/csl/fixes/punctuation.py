"""No doubled period at the end of formatted text ("Rabbit?." → "Rabbit?").

CSL 1.0.2 leaves punctuation collisions to the processor. citeproc-js (the reference) drops a
period that follows a period, also across formatting ("*Acme Inc.*" then "." prints once), and
a period after ``?`` or ``!`` where they touch ("Budapest?" then a delimiter ". "); across
formatting, only the suffix of an element without formatting of its own (a group's or the
layout's: "*Who Framed Roger Rabbit?*" then the entry's "."), not an element's own suffix or a
delimiter ("*Budapest?*. National", as citeproc-js prints it). citeproc-py 0.11.1 removes a
doubled mark only when the two characters touch (``string.normalize_seam``) and are the same.
The fix post-processes each rendered citation and bibliography entry
(``Layout.render_citation``/``render_bibliography``) and merges at ``Affixed.wrap``.
Quotation marks are handled by the ``quotes`` fix.

Where two punctuation marks meet at a seam (an element's suffix and its sibling's prefix in a
group without delimiter, or a field's end and its own suffix), citeproc-js merges them by one
table (``CSL.Output.Queue.adjust``; the test suite's punctuation_FullMonty fixtures): a colon or
semicolon gives way to "!" and "?", a colon before "." stays a colon, a semicolon absorbs a
following ":" or ".", "!" and "?" absorb a following "." or ":"; other pairs stay as they are
(",." and ".:"). citeproc-py only drops a doubled mark. The fix merges at the seams of
``Delimited.join`` (no delimiter) and ``Affixed.wrap`` (the suffix), where the two marks touch.
Across formatting (``_across_formatting``), an element's own suffix drops only the same mark
("<i>ODBASE,</i>" and ", "), and the suffix of an element without formatting of its own merges
by the whole table, as citeproc-js 2.4.63 prints them.
"""

from __future__ import annotations

import re
from typing import Any

from archcite.styles.csl.fixes import _marks
from archcite.styles.csl.fixes._patching import Overrides, keep_alive

FIX = "punctuation"
_SEALS = "_archcite_seals"

_CLOSERS = _marks.CLOSERS
# Marks a delimiter drops when the part before it ends with the same one inside its formatting.
_SAME_MARKS = frozenset(",;:.")
# A period after "." across formatting; after "?" or "!" where they touch ("Budapest?" and a
# delimiter ". "), when the period ends a word (not "?.html" in a URL).
_SEALED = _marks.SEALED
_DOUBLED_PERIOD = re.compile(
    f"(\\.)([{_CLOSERS}{_SEALED}]+)\\.|([?!])([{_CLOSERS}]*)\\.(?=\\s|$|[{_CLOSERS}{_SEALED}])"
)
_FORMATTING = (
    ("font-style", "normal"),
    ("font-variant", "normal"),
    ("font-weight", "normal"),
    ("text-decoration", "none"),
    ("vertical-align", "baseline"),
    ("quotes", "false"),
)


def _seals(element: Any, leaves: tuple[type[Any], ...]) -> bool:
    """Whether the element prints one formatted text of its own (a variable, value, term, number
    or label with formatting; ``leaves`` are their classes), into which citeproc-js merges no
    punctuation from outside; a formatted macro, group, date or names lets it reach their last text."""
    if not isinstance(element, leaves):
        return False
    attrib = element.attrib
    return "macro" not in attrib and any(attrib.get(attribute, plain) != plain for attribute, plain in _FORMATTING)


# (mark before, mark after) -> the one mark that stands for both; pairs not listed keep both.
MERGED = {
    ("!", "."): "!",
    ("!", ":"): "!",
    ("?", "."): "?",
    ("?", ":"): "?",
    (":", "!"): "!",
    (":", "?"): "?",
    (":", "."): ":",
    (";", "!"): "!",
    (";", "?"): "?",
    (";", ":"): ";",
    (";", "."): ";",
    # a no-break space doubled where two affixes meet prints once, as a doubled space does
    # (citeproc-js's PUNCT_OR_SPACE holds U+00A0: ").&#160;" then "&#160;Title")
    ("\u00a0", "\u00a0"): "\u00a0",
}


def _edge(value: Any, last: bool) -> str:
    """The last or first character of a String or MixedString (its segments, not all its text)."""
    if isinstance(value, str):
        return value[-1:] if last else value[:1]
    for segment in reversed(value) if last else value:
        found = _edge(segment, last)
        if found:
            return found
    return ""


def _replace_edge(value: Any, last: bool, new: str) -> Any:
    """``value`` (a citeproc String or MixedString) with its last or first character replaced."""
    from citeproc.string import MixedString

    if isinstance(value, MixedString):
        segments = list(value)
        index = (
            max(i for i, s in enumerate(segments) if str(s))
            if last
            else min(i for i, s in enumerate(segments) if str(s))
        )
        segments[index] = _replace_edge(segments[index], last, new)
        return MixedString([segment for segment in segments if str(segment)])
    text = str(value)
    return type(value)(text[:-1] + new if last else new + text[1:])


def merge_seam(left: Any, right: Any) -> tuple[Any, Any]:
    """``left`` and ``right`` with the punctuation mark where they touch merged into ``left``."""
    merged = MERGED.get((_edge(left, True), _edge(right, False)))
    if merged is None:
        return left, right
    return _replace_edge(left, True, merged), _replace_edge(right, False, "")


def merge_seams(parts: list[Any]) -> list[Any]:
    """Rendered parts to be joined without delimiter, with the marks at each seam merged (and
    joined across a display part's marks as citeproc-js joins them)."""
    from archcite.styles.csl.fixes.display import across_marks

    for index in range(1, len(parts)):
        parts[index - 1], parts[index] = across_marks(*merge_seam(parts[index - 1], parts[index]))
    return parts


_TRAILING_MARKS = _CLOSERS + _SEALED
_TRAILING_MARKS_SET = frozenset(_TRAILING_MARKS)
_MARKS = frozenset(",;:.!?")


def delimited_join(items: Any, delimiter: str) -> Any:
    """citeproc-py's ``join`` (``citeproc.string.join``), and a delimiter that opens with the
    punctuation mark a part ends with inside its formatting drops that mark ("<i>Eds,</i> 2005"
    with ", ", as citeproc-js prints it; citeproc-py drops it only where the two touch)."""
    from citeproc.string import String, normalize_seam

    parts = [item for item in items if item is not None]
    if not parts:
        return String("")
    output = parts[0]
    for item in parts[1:]:
        delimiter_part = normalize_seam(output, delimiter)
        mark = str(delimiter_part)[:1]
        if (
            mark in _SAME_MARKS
            and _edge(output, True) in _TRAILING_MARKS_SET
            and str(output).rstrip(_TRAILING_MARKS).endswith(mark)
        ):
            delimiter_part = delimiter_part[1:]
        output = output + delimiter_part
        output = output + normalize_seam(output, item)
    return output


def seam_join(output: list[Any], delimiter: str) -> Any:
    """citeproc-py's ``join``, the marks at each seam merged where there is no delimiter."""
    from citeproc.string import join

    return delimited_join(output, delimiter) if delimiter else join(merge_seams(output), delimiter)


def _merging_join(_join: Any) -> Any:
    def merging_join(self: Any, strings: Any, default_delimiter: str = "") -> Any:
        delimiter = self.get("delimiter", default_delimiter)
        if delimiter:
            return delimited_join(strings, delimiter)
        return seam_join([part for part in strings if part is not None], "")

    return merging_join


def _merging_render_children(_stock: Any) -> Any:
    from citeproc.model import Choose, VariableError

    def render_children(self: Any, item: Any, delimiter: str = "", **kwargs: Any) -> Any:
        # stock Parent.render_children (a layout's, macro's or branch's children), joined by seam_join
        output = []
        for child in self.iterchildren():
            try:
                if isinstance(child, Choose):
                    text = child.render(item, delimiter=delimiter, **kwargs)
                else:
                    text = child.render(item, **kwargs)
            except VariableError:
                continue
            if text is not None:
                output.append(text)
        return seam_join(output, delimiter) if output else None

    render_children.seam_join = seam_join  # type: ignore[attr-defined]  # perf's faster copy joins with it
    return render_children


def _across_formatting(text: Any, suffix: str, *, own: bool) -> str:
    """``suffix`` without its first mark where the formatted text before it ends with a mark that
    absorbs it, as citeproc-js merges across formatting: the same mark before an element's own
    suffix ("<i>ODBASE,</i>" and ", "), any pair of the table before the suffix of an element
    without formatting of its own ("<i>Reports;</i>" and a group's ". ")."""
    first = suffix[:1]
    if not first or first not in _MARKS or _edge(text, True) not in _TRAILING_MARKS_SET:
        return suffix
    last = str(text).rstrip(_TRAILING_MARKS)[-1:]
    if (last == first and first in _SAME_MARKS) or (not own and MERGED.get((last, first)) == last):
        return suffix[1:]
    return suffix


def _merging_wrap(_stock: Any) -> Any:
    from citeproc.model import Label, Number, Text
    from citeproc.string import normalize_seam

    leaves = (Text, Number, Label)

    def seals(element: Any) -> bool:
        # Decided once per element, from what it declares.
        state = element.__dict__
        found = state.get(_SEALS)
        if found is None:
            found = state[_SEALS] = _seals(element, leaves)
            keep_alive(element)
        return found  # type: ignore[no-any-return]

    def wrap(self: Any, string: Any) -> Any:
        # stock Affixed.wrap, with the suffix's first mark merged into the text's last
        if string is None:
            return None
        prefix, suffix = self.get("prefix", ""), self.get("suffix", "")
        text = prefix + normalize_seam(prefix, string)
        if seals(self):
            text = text + _SEALED
        elif _edge(text, True) == _SEALED:
            # an element without formatting of its own lets punctuation after it reach the text
            text = _replace_edge(text, True, "")
        if suffix:
            text, suffix = merge_seam(text, suffix)
            suffix = _across_formatting(text, suffix, own=seals(self))
        return text + normalize_seam(text, suffix)

    return wrap


def drop_doubled_periods(text: str) -> str:
    return _DOUBLED_PERIOD.sub(lambda match: "".join(group or "" for group in match.groups()), text)


def _citation(render: Any) -> Any:
    def render_citation(self: Any, *args: Any, **kwargs: Any) -> Any:
        output = render(self, *args, **kwargs)
        return None if output is None else drop_doubled_periods(str(output))

    return render_citation


def _bibliography(render: Any) -> Any:
    def render_bibliography(self: Any, *args: Any, **kwargs: Any) -> Any:
        return [drop_doubled_periods(str(entry)) for entry in render(self, *args, **kwargs)]

    return render_bibliography


def apply(overrides: Overrides) -> None:
    """Drop a period after text that ends in terminal punctuation inside formatting; merge
    punctuation marks that meet at a seam."""
    from citeproc.model import Affixed, Delimited, Layout, Parent

    overrides.replace(Layout, "render_citation", FIX, _citation)
    overrides.replace(Layout, "render_bibliography", FIX, _bibliography)
    overrides.replace(Delimited, "join", FIX, _merging_join)
    overrides.replace(Affixed, "wrap", FIX, _merging_wrap)
    overrides.replace(Parent, "render_children", FIX, _merging_render_children)
