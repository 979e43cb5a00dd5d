"""`subsequent-author-substitute`: "———." for a bibliography entry by the previous entry's authors.

Implements CSL 1.0.2 "Reference Grouping" (bibliography options ``subsequent-author-substitute``
and ``subsequent-author-substitute-rule``), which citeproc-py 0.11.1 parses and ignores. While the
bibliography renders, the output of each entry's first ``cs:names`` element (which covers its
``cs:substitute``) is recorded; afterwards an entry whose names output equals the previous entry's
has it replaced by the substitute string.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from archcite.styles.csl.fixes._patching import Overrides
from archcite.styles.csl.render_state import current_state

FIX = "author_substitute"


def install(overrides: Overrides) -> None:
    """Record the first `cs:names` output of every bibliography entry while it renders."""
    from citeproc.model import Names

    original_render = overrides.current(Names, "render")

    def names_render(self: Any, item: Any, *args: Any, **kwargs: Any) -> Any:
        state = current_state()
        if state is None or state.current_key is None:
            return original_render(self, item, *args, **kwargs)
        state.names_depth += 1
        try:
            text = original_render(self, item, *args, **kwargs)
        finally:
            state.names_depth -= 1
        if state.names_depth == 0 and text and state.layout_names is None:
            # Also read by cite grouping (collapse.py): the names a cite starts with.
            state.layout_names = str(text)
            if state.capture_names and state.current_key not in state.first_names:
                state.first_names[state.current_key] = str(text)
        return text

    overrides.replace(Names, "render", FIX, lambda _inner: names_render)


_NAME_SEPARATORS = re.compile(r",\s+(?:and\s+|&\s+)?|\s+(?:and|&amp;|&)\s+")


def substitute_authors(
    entries: Sequence[str | None], names: Sequence[str | None], substitute: str, rule: str = "complete-all"
) -> list[str | None]:
    """Entries with repeated names output replaced by ``substitute``, per the substitution rule.

    ``complete-all`` replaces the whole names output; ``complete-each`` replaces each name by the
    substitute; the ``partial-*`` rules replace the leading names that match the previous entry's.
    """
    result: list[str | None] = []
    previous: str | None = None
    for entry, current in zip(entries, names, strict=True):
        if entry is None or not current:
            result.append(entry)
            previous = current
            continue
        replacement: str | None = None
        if rule in ("complete-all", "complete-each") and current == previous:
            if rule == "complete-all":
                replacement = substitute
            else:
                parts = _NAME_SEPARATORS.split(current)
                separators = _NAME_SEPARATORS.findall(current)
                out = substitute
                for separator, _part in zip(separators, parts[1:], strict=True):
                    out += separator + substitute
                replacement = out
        elif rule.startswith("partial") and previous:
            replacement = _partial(current, previous, substitute, first_only=rule == "partial-first")
        if replacement is not None and current in entry:
            end = entry.index(current) + len(current)
            # A names output ending in an abbreviation's period ("George F.") shares that period with
            # the delimiter after it ("F. Telegram"); the substitute keeps the delimiter's period.
            if current.endswith(".") and not replacement.endswith(".") and entry[end : end + 1] in ("", " "):
                replacement += "."
            result.append(entry.replace(current, replacement, 1))
        else:
            result.append(entry)
        previous = current
    return result


def _partial(current: str, previous: str, substitute: str, *, first_only: bool) -> str | None:
    parts = _NAME_SEPARATORS.split(current)
    separators = _NAME_SEPARATORS.findall(current)
    previous_parts = _NAME_SEPARATORS.split(previous)
    matched = 0
    for mine, theirs in zip(parts, previous_parts, strict=False):
        if mine != theirs:
            break
        matched += 1
        if first_only:
            break
    if matched == 0:
        return None
    out = []
    for index, part in enumerate(parts):
        out.append(substitute if index < matched else part)
        if index < len(separators):
            out.append(separators[index])
    return "".join(out)
