"""The ``citation-label`` variable, generated when an item has none ("Doe65", "RoNo78a").

CSL 1.0.2 lists ``citation-label`` among the standard variables and leaves its generation to the
processor; archcite follows citeproc-js's default "trigraph" ``Aaaa00:AaAa00:AaAA00:AAAA00``: the
first four letters of a sole author's family name, two letters each of two authors, 2+1+1 of three,
one letter each of the first four; then the last two digits of the year. A year suffix, when the
style does not print ``year-suffix`` itself, follows the label.
"""

from __future__ import annotations

import re
from typing import Any

from archcite.styles.csl.fixes._patching import Overrides
from archcite.styles.csl.render_state import current_state

FIX = "citation_label"
_LETTERS = {1: (4,), 2: (2, 2), 3: (2, 1, 1)}


def trigraph(families: list[str], year: int | None) -> str:
    """``["Asthma"], 2000`` -> ``"Asth00"``; ``["Roe", "Noakes"], 1978`` -> ``"RoNo78"``."""
    widths = _LETTERS.get(len(families), (1, 1, 1, 1))
    label = "".join(family[:width] for family, width in zip(families, widths, strict=False))
    return label + (f"{year % 100:02d}" if year is not None else "")


def _families(reference: Any) -> list[str]:
    for variable in ("author", "editor", "translator"):
        names = reference.get(variable)
        if names:
            families = []
            for name in names:
                try:
                    family = name.parts()[1] or ""  # without particles ("van Gogh" -> "Gogh")
                except (AttributeError, TypeError):
                    family = ""
                family = family or name.get("literal") or ""
                families.append(str(family))
            # A particle written into the family name ("von Dipheria") does not count.
            return [re.sub(r"^(?:[a-z’']+\s+)+", "", family) for family in families]
    return []


def _year(reference: Any) -> int | None:
    issued = reference.get("issued")
    try:
        return int(issued.year)
    except (AttributeError, TypeError, ValueError):
        return None


def generated_label(reference: Any) -> str:
    return trigraph(_families(reference), _year(reference))


def install(overrides: Overrides) -> None:
    from citeproc.model import Text
    from citeproc.string import String

    def wrap(inner: Any) -> Any:
        def _variable(self: Any, item: Any, context: Any) -> Any:
            if self.get("variable") != "citation-label":
                return inner(self, item, context)
            reference = item.reference
            label = reference.get("citation_label")
            if label is None:
                label = generated_label(reference)
            state = current_state()
            if state is not None and state.year_suffix_pending and not state.style_renders_year_suffix:
                state.year_suffix_pending = False
                label = str(label) + state.year_suffixes.get(item.key, "")
            return String(str(label))

        return _variable

    overrides.replace(Text, "_variable", FIX, wrap)
