"""A term that opens a bibliographic entry or a note is capitalised: "N.d.", "[Kein Datum]".

CSL 1.0.2 says nothing of it; citeproc-js (``CSL.Node.text``, "printterm") capitalises the first
letter of a ``cs:text term`` printed before anything else of the entry, or of the citation in a
note style (not of an in-text citation): an undated entry opens "N.d." or "(N.d.)", a French one
"[S. d.]". archcite prints what citeproc-js prints where the specification is silent. Nor does
citeproc-js capitalise a term after a ``cs:names`` that printed nothing ("o A (1999)" after the
empty author list of a German style), unless a group or macro around the names printed nothing
(its ``term_predecessor``: ``_tracking.Tracking.after_names``).

citeproc-py 0.11.1 renders a term as the locale writes it. The fix marks the start of every
term's text (``Text._term``); once the entry or citation is whole, the layout capitalises the
letter after the first mark if nothing but punctuation, spaces or other marks stands before it
(an affix such as "(" or "[" is no output of its own), and drops the marks. Sort keys and
comparisons drop the mark with the others (``_marks.strip``).
"""

from __future__ import annotations

from typing import Any

from archcite.styles.csl.fixes import _marks, _tracking
from archcite.styles.csl.fixes._patching import Overrides

FIX = "first_term"
MARK = _marks.TERM
_NOT_A_NUMBER = "[({ "


def settle(text: str, *, capitalize: bool, number: object = None) -> str:
    """``text`` without term marks; with ``capitalize``, the letter after the first mark is
    upper-cased if nothing but punctuation, spaces and other marks comes before the mark, or
    only the entry's citation ``number`` (citeproc-js: "1. In", not "3. in" after a volume)."""
    if MARK not in text:
        return text
    start = text.index(MARK)
    before = _marks.strip(text[:start])
    if number is not None:
        opening = before.lstrip(_NOT_A_NUMBER)
        if opening.startswith(str(number)):
            before = opening[len(str(number)) :]
    if capitalize and not any(char.isalnum() for char in before):
        for index in range(start + 1, len(text)):
            char = text[index]
            if char.isalpha():
                text = text[:index] + char.upper() + text[index + 1 :]
                break
            if char.isdigit():
                break
    return text.replace(MARK, "")


def _marked_term(original: Any) -> Any:
    def term(self: Any, item: Any) -> Any:
        from citeproc.string import String

        text = original(self, item)
        if not text or _tracking.tracking().after_names:
            return text
        return String(MARK) + text

    return term


def _settled_bibliography(render: Any) -> Any:
    def render_bibliography(self: Any, citation_items: Any, *args: Any, **kwargs: Any) -> Any:
        entries = render(self, citation_items, *args, **kwargs)
        numbers = [getattr(item, "number", None) for item in citation_items]
        if len(numbers) != len(entries):  # an entry printed nothing: the numbers are not the entries'
            numbers = [None] * len(entries)
        pairs = zip(entries, numbers, strict=True)
        return [settle(str(entry), capitalize=True, number=number) for entry, number in pairs]

    return render_bibliography


def _settled_citation(render: Any) -> Any:
    def render_citation(self: Any, *args: Any, **kwargs: Any) -> Any:
        output = render(self, *args, **kwargs)
        if output is None:
            return None
        return settle(str(output), capitalize=self.get_root().get("class") == "note")

    return render_citation


def apply(overrides: Overrides) -> None:
    """Mark each term's text; capitalise an opening one per entry or note."""
    from citeproc.model import Layout, Text

    overrides.replace(Text, "_term", FIX, _marked_term)
    overrides.replace(Layout, "render_citation", FIX, _settled_citation)
    overrides.replace(Layout, "render_bibliography", FIX, _settled_bibliography)
