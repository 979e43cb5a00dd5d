"""Sort keys compare text, not markup, accents or opening punctuation.

CSL 1.0.2, "Sorting": keys are compared as text in the locale's collation; citeproc-js (ICU
collation) orders "Békés" with "Bekes", ignores case, and sorts a title beginning with a
quotation mark by its first word. Empty keys sort last.

citeproc-py 0.11.1 (``Sort.sort``) compares ``str(key).lower()``: accented letters sorted after
"z", quoted titles before everything, and the private-use marks of the other fixes would count.
The fix wraps ``Key.sort_keys`` and normalises each string key: marks removed, accents removed
(NFKD, combining marks dropped), leading punctuation removed, case folded.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from archcite.styles.csl.fixes import _marks
from archcite.styles.csl.fixes._patching import Overrides

FIX = "sorting"


def normalise(key: Any) -> Any:
    """The comparable form of a sort key (numbers and None unchanged; empty text is None)."""
    if key is None or isinstance(key, int | float):
        return key
    text = unicodedata.normalize("NFKD", _marks.strip(str(key)))
    text = "".join(char for char in text if not unicodedata.combining(char))
    start = 0
    while start < len(text) and not text[start].isalnum():
        start += 1
    text = text[start:].casefold().strip()
    return text or None


def _sort_keys(original: Any) -> Any:
    def sort_keys(self: Any, items: Any, context: Any) -> Any:
        return [normalise(key) for key in original(self, items, context)]

    return sort_keys


def apply(overrides: Overrides) -> None:
    """Normalise sort keys."""
    from citeproc.model import Key

    overrides.replace(Key, "sort_keys", FIX, _sort_keys)
