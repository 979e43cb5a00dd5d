"""A term that opens an entry stays lower-case under ``text-case="lowercase"``: "anon., 1999."

CSL 1.0.2 is silent on capitalising a term that opens an entry (``first_term``). citeproc-js
capitalises it when it renders the term ("printterm" in ``CSL.Node.text``), before the text-case
of the term's own element or of the macros around it applies to the output: a lowercase text-case
there makes it lower-case again (iso690-author-date-sk's ``<text term="anonymous"
text-case="lowercase"/>`` opens "anon., 1999."). ``first_term`` capitalises once the entry is
whole, after every text-case; so an element that lowercases text drops the term marks in it, and
no term it cased is capitalised.
"""

from __future__ import annotations

from typing import Any

from archcite.styles.csl.fixes import _marks
from archcite.styles.csl.fixes._patching import Overrides

FIX = "lowercase_term"


def _lowercases(element: Any) -> bool:
    return element.get("text-case") == "lowercase"  # type: ignore[no-any-return]


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
    """Keep a term lowercased by its element or macro from being capitalised as an entry's first."""
    from citeproc.model import TextCased

    overrides.replace(TextCased, "case", FIX, _case, where=_lowercases)
