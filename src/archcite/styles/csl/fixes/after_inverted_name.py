"""``delimiter-precedes-et-al`` and ``delimiter-precedes-last`` set to "after-inverted-name".

CSL 1.0.2, ``cs:name``: with "after-inverted-name" the delimiter is put before "et al." or the
"and" term only when the name before it is inverted by ``name-as-sort-order`` ("Doe, John, et
al." but "Doe, John, Jane Roe et al."); a literal name is never inverted ("Australian Government
Productivity Commission & New Zealand Productivity Commission"). CSL test suite:
name_AfterInvertedName, name_DelimiterAfterInverted.

citeproc-py 0.11.1 (``Name.process``) knows "always", "contextual" and "never" only and treated
the value as "never". The fix wraps ``Name.get_option`` (the names being rendered from
``_names``), which answers "always" or
"never" for the name in front of the delimiter.
"""

from __future__ import annotations

from typing import Any

from archcite.styles.csl.fixes import _names
from archcite.styles.csl.fixes._patching import Overrides

FIX = "after_inverted_name"
_VALUE = "after-inverted-name"


def _get_option(original: Any) -> Any:
    def get_option(self: Any, name: str, context: Any = None, sort_options: Any = None) -> Any:
        value = original(self, name, context, sort_options)
        if value != _VALUE or name not in ("delimiter-precedes-et-al", "delimiter-precedes-last"):
            return value
        names = _names.rendering()
        if name == "delimiter-precedes-et-al":
            shown = min(int(self.get_option("et-al-use-first", context, sort_options) or 0), len(names))
            before = shown - 1
        else:
            before = len(names) - 2
        if before < 0 or "literal" in names[before]:
            return "never"
        order = self.get_option("name-as-sort-order", context, sort_options)
        return "always" if order == "all" or (order == "first" and before == 0) else "never"

    return get_option


def apply(overrides: Overrides) -> None:
    """Put the delimiter before et al. or "and" after an inverted name only."""
    from citeproc.model import Name

    _names.apply(overrides)
    overrides.replace(
        Name, "get_option", FIX, _get_option, for_arguments=("delimiter-precedes-et-al", "delimiter-precedes-last")
    )
