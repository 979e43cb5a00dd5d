"""No comma before "and" after a single uninverted name (a house rule).

CSL 1.0.2, ``delimiter-precedes-last="always"`` puts the name delimiter before "and" whatever
the names. Chicago's bibliography style uses it for "Fursenko, Aleksandr, and Timothy Naftali",
where the comma closes the inverted first name (CMOS 18, bibliography entries with two authors).
When the first of two names is a literal name, printed as written (an institution, or "Kim Il
Sung"), there is no inversion to close and the Chicago Manual prints none: "Kim Il Sung and Pak
Hon Yong", as citeproc-js does (pandoc and citeproc-py print "Kim Il Sung, and Pak Hon Yong").
The fix wraps ``Name.process`` and, for exactly two names of which the first is literal, reads
"always" as "contextual".
"""

from __future__ import annotations

from typing import Any

from archcite.styles.fixes._patching import replace

FIX = "and_delimiter"

_literal_pair = False


def _process(original: Any) -> Any:
    def process(self: Any, item: Any, variable: str, *args: Any, **kwargs: Any) -> Any:
        global _literal_pair
        names = item.reference.get(variable.replace("-", "_")) or []
        previous = _literal_pair
        _literal_pair = len(names) == 2 and "literal" in names[0]
        try:
            return original(self, item, variable, *args, **kwargs)
        finally:
            _literal_pair = previous

    return process


def _get_option(original: Any) -> Any:
    def get_option(self: Any, name: str, *args: Any, **kwargs: Any) -> Any:
        value = original(self, name, *args, **kwargs)
        if name == "delimiter-precedes-last" and value == "always" and _literal_pair:
            return "contextual"
        return value

    return get_option


def apply() -> None:
    """Drop the comma before "and" after a literal first name of two."""
    from citeproc.model import Name

    replace(Name, "process", FIX, _process)
    replace(Name, "get_option", FIX, _get_option)
