"""Cites of a citation keep the author's order unless the style sorts them.

CSL 1.0.2, "Sorting": cites within a citation are sorted only "if cs:citation contains cs:sort";
otherwise they appear in the order given. citeproc-py 0.11.1 (``Layout.render_citation``) first
orders them by their place in the bibliography (``bibliography.keys.index``), which reorders the
cites of styles without a citation sort and breaks position tracking (``ibid`` depends on the
preceding cite). While a document renders, that first ordering sees the citation's own order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from archcite.styles.csl.fixes._patching import Overrides
from archcite.styles.csl.render_state import current_state

FIX = "citation_order"

NO_DELIMITER = "\ue0a8"
"""Starts a cite prefix that begins with punctuation: the delimiter before the cite is dropped."""

SUFFIX_PUNCTUATION = "\ue0a9"
"""Stands before the punctuation that ends a cite suffix: the delimiter after the cite keeps only
its spaces ("Smith is one source, Jones", as citeproc-js; the test suite's affix_WithCommas)."""


class _InputOrderKeys(list[str]):
    """The bibliography's keys, except that the first look-up of each cite, made by citeproc-py's
    ordering of the citation (one call per cite, in the citation's order), answers its place in
    the citation. Every later look-up (citation numbers, ``cs:sort``) gets the bibliography index."""

    def __init__(self, keys: Iterable[str], citation_order: list[str]) -> None:
        super().__init__(keys)
        self._pending = list(citation_order)
        self._answered = 0

    def index(self, key: str, *args: Any) -> int:
        if self._pending and self._pending[0] == key:
            self._pending.pop(0)
            self._answered += 1
            return self._answered - 1
        return super().index(key, *args)


def _group_by_names(layout: Any, citation: Any, state: Any) -> None:
    """Cite grouping (CSL 1.0.2): cites with the same names move up to the first of them."""
    groups: dict[str | None, list[Any]] = {}
    for cite in citation.cites:
        names: str | None = None
        if not cite.is_bad():
            layout.repressed = {}
            try:
                layout.render_children(cite)
                names = state.layout_names
            except Exception:  # a cite that cannot render is not grouped
                names = None
        groups.setdefault(names if names is not None else f"\0{id(cite)}", []).append(cite)
    citation.cites = [cite for group in groups.values() for cite in group]


def install(overrides: Overrides) -> None:
    from citeproc.model import Layout

    def wrap(inner: Any) -> Any:
        def render_citation(self: Any, citation: Any, callback: Any) -> Any:
            bibliography = getattr(citation, "bibliography", None)
            if current_state() is None or bibliography is None:
                return inner(self, citation, callback)
            from archcite.styles.csl import collapse

            state = current_state()
            assert state is not None
            grouping = collapse.begin(self.getparent())
            sort = self.getparent().sort
            if grouping is not None and sort is not None:
                # Grouping happens after sorting: sort here, group, and hide cs:sort from citeproc-py
                # for this citation so that it keeps the grouped order.
                citation.cites = [cite for cite in sort.sort(list(citation.cites), self) if not cite.is_bad()] + [
                    cite for cite in citation.cites if cite.is_bad()
                ]
            if grouping is not None:
                _group_by_names(self, citation, state)
            hidden_sort = sort if grouping is not None and sort is not None else None
            if hidden_sort is not None:
                parent = hidden_sort.getparent()
                sort_index = parent.index(hidden_sort)
                parent.remove(hidden_sort)
            keys = bibliography.keys
            order = [cite.key for cite in citation.cites if cite.key in keys]
            bibliography.keys = _InputOrderKeys(keys, order)
            state.collapse = grouping
            try:
                output = inner(self, citation, callback)
            finally:
                bibliography.keys = keys
                state.collapse = None
                if hidden_sort is not None:
                    parent.insert(sort_index, hidden_sort)
            if output is None:
                return output
            text = str(output) if grouping is None else collapse.finish_citation(str(output), grouping)
            delimiter = self.get("delimiter", "")
            if delimiter:
                text = text.replace(delimiter + NO_DELIMITER, "")
                if SUFFIX_PUNCTUATION in text:
                    text = re.sub(
                        f"{SUFFIX_PUNCTUATION}([,.;:]){re.escape(delimiter)}",
                        lambda match: match.group(1) + delimiter.lstrip(",.;:"),
                        text,
                    )
            return text.replace(NO_DELIMITER, "").replace(SUFFIX_PUNCTUATION, "")

        return render_citation

    overrides.replace(Layout, "render_citation", FIX, wrap)
