"""``capitalize-first`` capitalises the first letter, after opening quotes, brackets or formatting.

CSL 1.0.2, "Text-case": ``capitalize-first`` "capitalizes the first character of the first
word, if the word is lowercase"; title case capitalises words the same way. A title that opens
with a quotation mark, a bracket or field formatting (``"should we fear this?"``, ``[untitled]``,
``<i>pravda</i>``) must still get its first letter capitalised, as citeproc-js does.

citeproc-py 0.11.1 (``String.capitalize_first``) upper-cases the first *character*, which is then
the quotation mark, the bracket or (with archcite's fixes) a private-use mark, so nothing changed.
The fix replaces ``String.capitalize_first`` to skip leading non-alphanumeric characters.
"""

from __future__ import annotations

from typing import Any

from archcite.styles.fixes._patching import replace

FIX = "capitalize"


def capitalize_first(text: str) -> str:
    """``text`` with its first letter or digit upper-cased."""
    for index, char in enumerate(text):
        if char.isalnum():
            return text[:index] + char.upper() + text[index + 1 :]
    return text


def _capitalize_first(self: Any) -> Any:
    return self.__class__(capitalize_first(str(self)))


def apply() -> None:
    """Capitalise the first letter, not the first character."""
    from citeproc.string import String

    replace(String, "capitalize_first", FIX, lambda _original: _capitalize_first)
