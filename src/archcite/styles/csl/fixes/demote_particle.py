"""``demote-non-dropping-particle="sort-only"``: the particle is demoted in sort keys made by macros.

CSL 1.0.2, "Name-part Order" and ``demote-non-dropping-particle``: with "sort-only" the
non-dropping particle is demoted ("Gaulle, Charles de") only when names are sorted, and kept in
front of the family name ("de Gaulle, Charles") when they are displayed. So APSA, which sets it,
lists de Gaulle under G, between Gaddis and Genscher, as citeproc-js does.

citeproc-py 0.11.1 demotes for "sort-only" when a sort key names a variable (``Key._format_name``),
but a key that calls a macro renders the names as for display (``Name.process``), particle in
front. The fix wraps ``Name.get_option``: while a sort key renders (``sort_options`` given), the
option reads "display-and-sort" where the style says "sort-only".
"""

from __future__ import annotations

from typing import Any

from archcite.styles.csl.fixes._patching import Overrides

FIX = "demote_particle"
_OPTION = "demote-non-dropping-particle"


def _get_option(original: Any) -> Any:
    def get_option(self: Any, name: str, context: Any = None, sort_options: Any = None) -> Any:
        value = original(self, name, context, sort_options)
        if name == _OPTION and sort_options is not None and str(value).lower() == "sort-only":
            return "display-and-sort"
        return value

    return get_option


def apply(overrides: Overrides) -> None:
    """Demote the particle in every sort key under "sort-only"."""
    from citeproc.model import Name

    overrides.replace(Name, "get_option", FIX, _get_option, for_arguments=(_OPTION,))
