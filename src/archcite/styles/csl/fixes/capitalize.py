"""``text-case``: applies to any text; ``capitalize-first`` skips opening quotes and brackets.

CSL 1.0.2, "Text-case": ``capitalize-first`` "capitalizes the first character of the first
word, if the word is lowercase"; title case capitalises words the same way. A title that opens
with a quotation mark, a bracket or field formatting (``"should we fear this?"``, ``[untitled]``,
``<i>pravda</i>``) must still get its first letter capitalised, as citeproc-js does.

citeproc-py 0.11.1 (``String.capitalize_first``) upper-cases the first *character*, which is then
the quotation mark, the bracket or (with archcite's fixes) a private-use mark, so nothing changed.
``TextCased.case`` also calls citeproc ``String`` methods on whatever it gets, and numbers, dates,
locators and formatted text reach it as plain ``str``: ``text-case`` on a ``cs:number`` or on a
formatted group crashed (``'str' object has no attribute 'capitalize_first'``). The ``textcase``
fix's ``case`` capitalises as :func:`capitalize_first` does, skipping leading non-alphanumeric
characters; this fix wraps ``TextCased.case`` to hand it citeproc strings.
"""

from __future__ import annotations

from typing import Any

from archcite.styles.csl.fixes import _marks
from archcite.styles.csl.fixes._patching import Overrides

FIX = "capitalize"


# What may precede the first letter of a word: opening quotes and brackets, and the fixes' marks.
_OPENING = frozenset("\"'“‘„‚«‹([{¿¡") | _marks.ALL


def capitalize_first(text: str) -> str:
    """``text`` with its first letter upper-cased, after any opening quotes, brackets or marks."""
    for index, char in enumerate(text):
        if char not in _OPENING:
            return text[:index] + char.upper() + text[index + 1 :]
    return text


def as_citeproc_string(text: Any) -> Any:
    """``text`` as citeproc's String/MixedString, whose methods ``text-case`` uses."""
    from citeproc.string import MixedString, String

    if isinstance(text, MixedString):
        return MixedString(part if isinstance(part, String) else String(str(part)) for part in text)
    if isinstance(text, String) or text is None:
        return text
    return String(str(text))


def _case(original: Any) -> Any:
    def case(self: Any, text: Any, *args: Any, **kwargs: Any) -> Any:
        if self.get("text-case") is None:
            return text
        return original(self, as_citeproc_string(text), *args, **kwargs)

    return case


def apply(overrides: Overrides) -> None:
    """Case any text, not only citeproc strings."""
    from citeproc.model import TextCased

    overrides.replace(TextCased, "case", FIX, _case)
