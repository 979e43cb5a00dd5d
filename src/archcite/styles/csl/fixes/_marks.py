"""Private-use characters that carry formatting and quotation marks through citeproc-py.

citeproc-py concatenates plain strings, so the fixes mark what must be decided once the whole
entry is known: quotation marks (their level decides double or single quotes, and punctuation
moves inside them) and formatting (a field's own italics flip inside an italic title, and every
field value is escaped only at the end). The characters come from Unicode's private-use area and
never occur in bibliographic data; :func:`strip` removes them where they must not count (sort
keys, comparisons).
"""

from __future__ import annotations

import re

QUOTE_OPEN = "\ue001"
QUOTE_CLOSE = "\ue002"

# One opening and one closing mark per formatting tag of archcite's markup.
TAG_OPEN = {"i": "\ue010", "b": "\ue012", "sc": "\ue014", "sup": "\ue016", "sub": "\ue018"}
TAG_CLOSE = {"i": "\ue011", "b": "\ue013", "sc": "\ue015", "sup": "\ue017", "sub": "\ue019"}
# Cancels the surrounding italics for its content: CSL's font-style="normal" and the
# "flip-flop" of a title's own italics inside an italic title.
ROMAN_OPEN = "\ue01a"
ROMAN_CLOSE = "\ue01b"

TAG_OF = {mark: tag for tag, mark in TAG_OPEN.items()} | {mark: tag for tag, mark in TAG_CLOSE.items()}
ALL = frozenset(
    QUOTE_OPEN + QUOTE_CLOSE + ROMAN_OPEN + ROMAN_CLOSE + "".join(TAG_OPEN.values()) + "".join(TAG_CLOSE.values())
)
_ANY = re.compile("[" + "".join(sorted(ALL)) + "]")


def strip(text: str) -> str:
    """The text without any marks."""
    return _ANY.sub("", text)


def wrap(tag: str, text: str) -> str:
    return f"{TAG_OPEN[tag]}{text}{TAG_CLOSE[tag]}"
