"""``cs:name form="count"`` counts the names of all the variables of its ``cs:names``.

CSL 1.0.2, ``form``: "count" returns the total number of names that would otherwise be rendered
(taking et-al abbreviation into account), for all the variables of the ``cs:names`` together
(name_AuthorEditorCount: three authors shown of four, and two editors: "5"). citeproc-py 0.11.1
(``Names.process``) sums the counts only when they are numbers, but each comes back as text, so
they were joined ("32"). The fix wraps ``Names.process`` and counts itself.
"""

from __future__ import annotations

from typing import Any

from archcite.styles.csl.fixes._patching import Overrides

FIX = "name_count"
_NAME = "{http://purl.org/net/xbiblio/csl}name"


def shown(count: int, et_al_min: int, et_al_use_first: int) -> int:
    """How many of ``count`` names print under the et-al options."""
    if count > 1 and et_al_min and count >= et_al_min:
        return min(count, et_al_use_first)
    return count


def _process(original: Any) -> Any:
    def process(self: Any, item: Any, names_context: Any = None, context: Any = None, **kwargs: Any) -> Any:
        holder = names_context if names_context is not None else self
        name = holder.find(_NAME)
        if name is None or name.get_option("form", context) != "count":
            return original(self, item, names_context=names_context, context=context, **kwargs)
        et_al_min = int(name.get_option("et-al-min", context) or 0)
        et_al_use_first = int(name.get_option("et-al-use-first", context) or 0)
        total = 0
        for variable in (self.get("variable") or "").split():
            names = item.reference.get(variable.replace("-", "_"))
            if isinstance(names, list):
                total += shown(len(names), et_al_min, et_al_use_first)
        if total == 0:  # no names: the cs:substitute, as for any other form
            return original(self, item, names_context=names_context, context=context, **kwargs)
        return str(total)

    return process


def apply(overrides: Overrides) -> None:
    """Count the names of every variable together."""
    from citeproc.model import Names

    overrides.replace(Names, "process", FIX, _process, where=_style_counts_names)


_COUNTS = "_archcite_counts_names"


def _style_counts_names(names: Any) -> bool:
    """Whether the style of this ``cs:names`` can print a count: a ``cs:name form="count"``, or
    ``name-form="count"`` for its names to inherit (decided once per style, on its root)."""
    root = names.getroottree().getroot()
    state = root.__dict__
    counts = state.get(_COUNTS)
    if counts is None:
        counts = state[_COUNTS] = any(
            element.get("name-form") == "count" or (element.tag == _NAME and element.get("form") == "count")
            for element in root.iter()
        )
    return bool(counts)
