"""Given names are initialised only where the style asks for it.

CSL 1.0.1+, "Name-part Formatting" / ``cs:name`` attribute ``initialize``: when
``initialize-with`` is set and ``initialize="false"``, given names are *not* initialised; the
``initialize-with`` value is still appended to initials already present in the given name
("James T" → "James T."). citeproc-py 0.11.1 never reads ``initialize`` (``Name.process`` calls
``Name.initialize`` whenever ``initialize-with`` is set), so every given name became initials
("G. F. Kennan"). The fix wraps ``Name.initialize``.
"""

from __future__ import annotations

import re
from typing import Any

from archcite.styles.csl.fixes._patching import Overrides

FIX = "initialize"

_INITIAL = re.compile(r"^(\w)\.?$")


def keep_given(given: str, mark: str) -> str:
    """A given name left whole, with ``mark`` after each bare initial it already has."""
    words = []
    for word in given.split():
        match = _INITIAL.match(word)
        words.append(match.group(1) + mark.rstrip() if match and word[0].isupper() else word)
    return " ".join(words)


def _option(name: Any, context: Any) -> str:
    """``initialize`` is inheritable: cs:name, else cs:citation/cs:bibliography, else cs:style."""
    value = name.get("initialize")
    if value is None:
        found = (context if context is not None else name).xpath_search(
            "./ancestor::*[self::cs:citation or self::cs:bibliography][1]"
        )
        if found:
            value = found[0].get("initialize") or found[0].get_root().get("initialize")
    return value or "true"


def _initialize(original: Any) -> Any:
    def initialize(self: Any, given: str, mark: str, context: Any) -> Any:
        if _option(self, context).lower() == "false":
            return keep_given(given, mark)
        return original(self, given, mark, context)

    return initialize


def apply(overrides: Overrides) -> None:
    """Honour ``initialize="false"`` on ``cs:name``."""
    from citeproc.model import Name

    overrides.replace(Name, "initialize", FIX, _initialize)
