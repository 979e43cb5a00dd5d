"""No comma before "and" after a single uninverted name (a house rule).

CSL 1.0.2, ``delimiter-precedes-last="always"`` puts the name delimiter before "and" whatever
the names. Chicago's bibliography style uses it for "Fursenko, Aleksandr, and Timothy Naftali",
where the comma closes the inverted first name (CMOS 18, bibliography entries with two authors).
When the first of two names is a literal name, printed as written (an institution, or "Kim Il
Sung"), there is no inversion to close and the Chicago Manual prints none: "Kim Il Sung and Pak
Hon Yong", as citeproc-js does (pandoc and citeproc-py print "Kim Il Sung, and Pak Hon Yong").
The fix wraps ``Name.get_option`` and, for exactly two names of which the first is literal, reads
"always" as "contextual" (the names being rendered come from ``_names``, per thread).
"""

from __future__ import annotations

from typing import Any

from archcite.styles.csl.fixes import _names
from archcite.styles.csl.fixes._patching import Overrides

FIX = "and_delimiter"


def _literal_pair() -> bool:
    names = _names.rendering()
    return len(names) == 2 and "literal" in names[0]


def _get_option(original: Any) -> Any:
    def get_option(self: Any, name: str, *args: Any, **kwargs: Any) -> Any:
        value = original(self, name, *args, **kwargs)
        if name == "delimiter-precedes-last" and value == "always" and _literal_pair():
            return "contextual"
        return value

    return get_option


def apply(overrides: Overrides) -> None:
    """Drop the comma before "and" after a literal first name of two."""
    from citeproc.model import Name

    _names.apply(overrides)
    overrides.replace(Name, "get_option", FIX, _get_option, for_arguments=("delimiter-precedes-last",))
