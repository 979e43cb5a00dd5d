"""A term that opens an entry stays lower-case under its own ``text-case="lowercase"``: "anon."

CSL 1.0.2 is silent on capitalising a term that opens an entry (``first_term``). citeproc-js
capitalises it when it renders the term ("printterm" in ``CSL.Node.text``), before the text-case
of the term's own element applies to it: a lowercase text-case there makes it lower-case again
(iso690-author-date-sk's ``<text term="anonymous" text-case="lowercase"/>`` opens "anon., 1999.").
A macro called with ``text-case="lowercase"`` does not (citeproc-js: "Anon., Title"; archcite
lowercases the macro's output as CSL 1.0.2 says, then capitalises the first term as before).
``first_term`` capitalises once the entry is whole, after every text-case; so a ``cs:text term``
that lowercases itself drops its term mark, and is not capitalised.
"""

from __future__ import annotations

from typing import Any

from archcite.styles.csl.fixes import _marks
from archcite.styles.csl.fixes._patching import Overrides

FIX = "lowercase_term"


def _lowercases(element: Any) -> bool:
    """Whether the element is a ``cs:text term`` that lowercases itself."""
    return element.get("text-case") == "lowercase" and "term" in element.attrib


def _unmarked(text: Any) -> Any:
    """``text`` (a str, String or MixedString) without term marks."""
    from citeproc.string import MixedString

    if isinstance(text, MixedString):
        return type(text)(_unmarked(segment) for segment in text)
    if isinstance(text, str) and _marks.TERM in text:
        return type(text)(text.replace(_marks.TERM, ""))
    return text


def _case(original: Any) -> Any:
    def case(self: Any, text: Any, *args: Any, **kwargs: Any) -> Any:
        return _unmarked(original(self, text, *args, **kwargs))

    return case


def apply(overrides: Overrides) -> None:
    """Keep a term lowercased by its own element from being capitalised as an entry's first."""
    from citeproc.model import TextCased

    overrides.replace(TextCased, "case", FIX, _case, where=_lowercases)
