"""No comma before "and" after a single uninverted name (a house rule).

CSL 1.0.2, ``delimiter-precedes-last="always"`` puts the name delimiter before "and" whatever
the names. Chicago's bibliography style uses it for "Fursenko, Aleksandr, and Timothy Naftali",
where the comma closes the inverted first name (CMOS 18, bibliography entries with two authors).
When the first of two names is a literal name, printed as written (an institution, or "Kim Il
Sung"), there is no inversion to close and the Chicago Manual prints none: "Kim Il Sung and Pak
Hon Yong", as citeproc-js does (pandoc and citeproc-py print "Kim Il Sung, and Pak Hon Yong").
The fix wraps ``Name.process`` and, for exactly two names of which the first is literal, reads
"always" as "contextual" (a ContextVar carries the fact from one to the other: each thread renders
its own names).
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from archcite.styles.csl.fixes._patching import Overrides

FIX = "and_delimiter"

_LITERAL_PAIR: ContextVar[bool] = ContextVar("archcite_literal_pair", default=False)


def _process(original: Any) -> Any:
    def process(self: Any, item: Any, variable: str, *args: Any, **kwargs: Any) -> Any:
        names = item.reference.get(variable.replace("-", "_")) or []
        token = _LITERAL_PAIR.set(len(names) == 2 and "literal" in names[0])
        try:
            return original(self, item, variable, *args, **kwargs)
        finally:
            _LITERAL_PAIR.reset(token)

    return process


def _get_option(original: Any) -> Any:
    def get_option(self: Any, name: str, *args: Any, **kwargs: Any) -> Any:
        value = original(self, name, *args, **kwargs)
        if name == "delimiter-precedes-last" and value == "always" and _LITERAL_PAIR.get():
            return "contextual"
        return value

    return get_option


def apply(overrides: Overrides) -> None:
    """Drop the comma before "and" after a literal first name of two."""
    from citeproc.model import Name

    overrides.replace(Name, "process", FIX, _process)
    overrides.replace(Name, "get_option", FIX, _get_option)
