"""Cite grouping and collapsing, which citeproc-py 0.11.1 parses but never performs.

Implements CSL 1.0.2 "Cite Grouping" and "Cite Collapsing" (``cs:citation`` options
``cite-group-delimiter``, ``collapse``, ``year-suffix-delimiter``, ``after-collapse-delimiter``):

* grouping: cites whose names render identically are moved next to the first of them (unless the
  citation is sorted, which already keeps them together) and delimited by ``cite-group-delimiter``;
* ``collapse="year"``: grouped cites after the first omit the names ("Doe 2000, 2001");
* ``collapse="year-suffix"`` / ``"year-suffix-ranged"``: the same year is also omitted, leaving
  the suffix ("Doe 2000a, b"), and runs of three or more suffixes become a range ("2000a–c");
* ``collapse="citation-number"``: runs of three or more consecutive numbers become a range
  ("[1]–[3]"); a cite with a locator stays out of ranges, as in citeproc-js ("[1, 32; 2, 32; 3, 32]",
  bugreports_DelimitersOnLocator).

Each cite is rendered by citeproc-py as usual; the cite's output carries a private-use mark telling
which delimiter precedes it, and the marks are resolved once the citation is joined.
"""

from __future__ import annotations

import re
from typing import Any

from archcite.patterns import lazy
from archcite.styles.csl.fixes._marks import strip as strip_marks
from archcite.styles.csl.fixes._patching import Overrides
from archcite.styles.csl.render_state import current_state

FIX = "collapse"

# Private-use marks; each stands for the delimiter before the cite it starts.
GROUP = "\ue0a1"
AFTER_COLLAPSE = "\ue0a2"
SUFFIX = "\ue0a3"
RANGE = "\ue0a4"
DROP = "\ue0a5"  # a cite swallowed by a range: it and the delimiter before it vanish
_MARKS = GROUP + AFTER_COLLAPSE + SUFFIX + RANGE + DROP


class CitationCollapse:
    """Options of the citation being rendered and what its previous cite was (a plain class, as
    the other render state: a dataclass would cost start-up time to create)."""

    __slots__ = (
        "after_collapse_delimiter",
        "group_delimiter",
        "layout_delimiter",
        "mode",
        "numbers",
        "previous_base",
        "previous_collapsed",
        "previous_had_locator",
        "previous_names",
        "suffix_delimiter",
    )

    def __init__(
        self,
        *,
        mode: str | None,
        layout_delimiter: str,
        group_delimiter: str,
        after_collapse_delimiter: str,
        suffix_delimiter: str,
    ) -> None:
        self.mode = mode
        self.layout_delimiter = layout_delimiter
        self.group_delimiter = group_delimiter
        self.after_collapse_delimiter = after_collapse_delimiter
        self.suffix_delimiter = suffix_delimiter
        self.previous_names: str | None = None
        self.previous_base: str | None = None
        self.previous_had_locator = False
        # Whether the previous names' group holds more than one cite (it collapsed).
        self.previous_collapsed = False
        self.numbers: list[int] = []


def _default_group_delimiter(citation_element: Any) -> str:
    # The specification says ", "; citeproc-js (the test suite's reference) keeps ", " for in-text
    # styles but uses the layout delimiter in note styles.
    if citation_element.get_root().get("class") == "note":
        return str(citation_element.layout.get("delimiter", ", "))
    return ", "


def _options(citation_element: Any, layout: Any) -> CitationCollapse | None:
    mode = citation_element.get("collapse")
    group_delimiter = citation_element.get("cite-group-delimiter")
    if mode is None and group_delimiter is None:
        return None
    layout_delimiter = layout.get("delimiter", "")
    return CitationCollapse(
        mode=mode,
        layout_delimiter=layout_delimiter,
        group_delimiter=group_delimiter if group_delimiter is not None else _default_group_delimiter(citation_element),
        after_collapse_delimiter=citation_element.get("after-collapse-delimiter", layout_delimiter),
        # citeproc-js: an explicit cite-group-delimiter also delimits year suffixes.
        suffix_delimiter=citation_element.get(
            "year-suffix-delimiter", group_delimiter if group_delimiter is not None else layout_delimiter
        ),
    )


# Spaces, commas and closing formatting marks (the names' own, whose opening mark is dropped too).
_AFTER_NAMES = lazy("^[\\s,\ue011\ue013\ue015\ue017\ue019]+")


def _after_names(text: str, names: str) -> str:
    """The cite without its leading names: what a collapsed cite prints ("2000" of "Doe 2000")."""
    if not names or names not in text:
        return text
    return _AFTER_NAMES().sub("", text[text.find(names) + len(names) :])


def _without_suffix(text: str, suffix: str | None) -> str:
    if not suffix:
        return text
    # The suffix may be formatted: the engine's formatting marks (U+E010-U+E01B) may surround it.
    marks = "[\ue010-\ue01b]*"
    return re.sub(f"(?<=\\d)({marks}){re.escape(suffix)}({marks})(?![a-z])", r"\1\2", text, count=1)


def _mark_cite(state: Any, collapse: CitationCollapse, item: Any, text: str) -> str | None:
    # Cites without names share the empty names (citeproc-js groups them too).
    names = state.layout_names or ""
    has_locator = "locator" in item
    suffix: str | None = state.year_suffixes.get(item.key)
    same_names = names == collapse.previous_names and not item.get("prefix")
    if collapse.mode == "citation-number":
        return text
    if not same_names:
        # With collapsing on, citeproc-js separates different names by after-collapse-delimiter,
        # except under collapse="year-suffix" after a name cited once without a locator: there
        # the layout delimiter ("Connell 1971, Cortes 1971"; the suite's collapse_TrailingDelimiter).
        after_group = collapse.previous_collapsed or collapse.previous_had_locator or collapse.mode != "year-suffix"
        collapsed = collapse.mode is not None and collapse.previous_names is not None and after_group
        mark = AFTER_COLLAPSE if collapsed else ""
        collapse.previous_names = names
        collapse.previous_collapsed = False
        collapse.previous_had_locator = has_locator
        rest = _after_names(text, names)
        collapse.previous_base = None if has_locator else _without_suffix(rest, suffix)
        return mark + text
    mark = AFTER_COLLAPSE if collapse.previous_had_locator else GROUP
    collapse.previous_collapsed = True
    if collapse.mode is None:
        collapse.previous_had_locator = has_locator
        return mark + text
    rest = _after_names(text, names)
    base = _without_suffix(rest, suffix)
    if (
        collapse.mode.startswith("year-suffix")
        and suffix
        and not has_locator
        and not collapse.previous_had_locator
        and collapse.previous_base is not None
        and base == collapse.previous_base
    ):
        return SUFFIX + str(suffix)
    collapse.previous_had_locator = has_locator
    collapse.previous_base = None if has_locator else base
    if not strip_marks(rest).strip():
        return None  # nothing is left once the names are omitted
    return mark + rest


_TOKEN = re.compile("([" + _MARKS + "])")


def resolve(output: str, collapse: CitationCollapse) -> str:
    """Replace each mark and the layout delimiter before it by the delimiter it stands for."""
    delimiter = collapse.layout_delimiter
    if collapse.mode == "year-suffix-ranged":
        output = _range_suffixes(output, delimiter)
    replacements = {
        GROUP: collapse.group_delimiter,
        AFTER_COLLAPSE: collapse.after_collapse_delimiter,
        SUFFIX: collapse.suffix_delimiter,
        RANGE: "–",
    }
    for mark, replacement in replacements.items():
        if delimiter:
            output = output.replace(delimiter + mark, replacement)
        output = output.replace(mark, replacement if not delimiter else "")
    return output


def _range_suffixes(output: str, delimiter: str) -> str:
    """a, b, c, d -> a–d for runs of three or more consecutive suffix letters."""
    pattern = re.compile(r"([a-z]+)((?:" + re.escape(delimiter + SUFFIX) + r"[a-z]+)+)")

    def collapse_run(match: re.Match[str]) -> str:
        letters = [match.group(1), *match.group(2).split(delimiter + SUFFIX)[1:]]
        runs: list[list[str]] = [[letters[0]]]
        for letter in letters[1:]:
            previous = runs[-1][-1]
            if len(letter) == 1 == len(previous) and ord(letter) == ord(previous) + 1:
                runs[-1].append(letter)
            else:
                runs.append([letter])
        parts = [f"{run[0]}–{run[-1]}" if len(run) >= 3 else (delimiter + SUFFIX).join(run) for run in runs]
        return (delimiter + SUFFIX).join(parts)

    return pattern.sub(collapse_run, output)


def collapse_numbers(outputs: list[tuple[int | None, str]], delimiter: str) -> str:
    """Join cite outputs, turning runs of three or more consecutive citation numbers into ranges."""
    pieces: list[str] = []
    index = 0
    while index < len(outputs):
        number, text = outputs[index]
        end = index
        while (
            number is not None
            and end + 1 < len(outputs)
            and outputs[end + 1][0] is not None
            and outputs[end + 1][0] == outputs[end][0] + 1  # type: ignore[operator]
        ):
            end += 1
        if end - index >= 2:
            pieces.append(f"{text}–{outputs[end][1]}")
            index = end + 1
        else:
            pieces.append(text)
            index += 1
    return delimiter.join(pieces)


def install(overrides: Overrides) -> None:
    """Group and collapse cites while a document renders."""
    from citeproc.model import Layout

    original_render_children = overrides.current(Layout, "render_children")

    def render_children(self: Any, item: Any, *args: Any, **kwargs: Any) -> Any:
        text = original_render_children(self, item, *args, **kwargs)
        state = current_state()
        if state is None or state.collapse is None or state.in_bibliography or text is None:
            return text
        collapse: CitationCollapse = state.collapse
        if collapse.mode == "citation-number":
            return f"\ue0a6{'' if 'locator' in item else item.number}\ue0a7{text}"
        return _mark_cite(state, collapse, item, str(text))

    overrides.replace(Layout, "render_children", FIX, lambda _inner: render_children)


_NUMBERED = re.compile("\ue0a6(\\d*)\ue0a7")


def begin(citation_element: Any) -> CitationCollapse | None:
    return _options(citation_element, citation_element.layout)


def finish_citation(output: str, collapse: CitationCollapse) -> str:
    if collapse.mode != "citation-number":
        return resolve(output, collapse)
    delimiter = collapse.layout_delimiter
    parts = output.split(delimiter) if delimiter else [output]
    if not all(_NUMBERED.search(part) for part in parts):
        return _NUMBERED.sub("", output)
    outputs: list[tuple[int | None, str]] = []
    for part in parts:
        match = _NUMBERED.search(part)
        number = int(match.group(1)) if match and match.group(1) else None
        outputs.append((number, _NUMBERED.sub("", part)))
    return collapse_numbers(outputs, delimiter)
