"""Quotation marks: punctuation-in-quote, typographic quotes in data, nested quotes.

CSL 1.0.2 rules implemented here:

* ``quotes="true"`` encloses the text in the locale's ``open-quote``/``close-quote`` terms, and
  quotation marks nested inside use ``open-inner-quote``/``close-inner-quote`` (appendix VI:
  straight and curly quotes in field values are quote marks and alternate with the level).
* ``punctuation-in-quote="true"`` (locale option, en-US): a comma or period that follows a
  closing quotation mark is placed before it; so are ``!`` and ``?`` (the specification names
  commas and periods, citeproc-js moves all four and none of ``:``/``;``; the test suite's
  punctuation_FullMontyQuotesIn), as are several in a row (``“comma,.”``). A period is dropped
  when the quoted text already ends in ``.``, ``?`` or ``!``; a comma stays
  (``“Reports from Budapest?,”``), as citeproc-js prints and archcite's house rules keep (README).
* Where punctuation stays outside the quotes (en-GB), the quotation's own last mark absorbs a mark
  after the closing quote as it would where they touch (``‘Budapest?’`` before the layout's ".",
  by ``punctuation.MERGED``), as citeproc-js prints it.
* Punctuation a field value writes right after its own closing quotation mark is the data's: it is
  neither moved inside nor merged (``“What Was ‘Close Reading’?: A Century”``), as citeproc-js
  prints it; punctuation-in-quote concerns the style's punctuation after a quotation.
* Apostrophes in field values and names are typographic (``Workers’``); quotation marks in a
  style's ``<text value="...">`` are quote marks like those in field values. A straight double
  quote that pairs with none (or stands between spaces) is printed as written, an unpaired single
  one as an apostrophe, a curly mark that opens and closes nothing (``q=‘a`` in a URL) as written,
  as citeproc-js prints them (the test suite's flipflop_OrphanQuote). A
  quotation the data opens with a curly single quote outside any other quotation stays single
  (citeproc-js; flipflop_LeadingMarkupWithApostrophe); a straight one is printed as outer.

citeproc-py 0.11.1 computes ``punctuation-in-quote`` in ``Quoted.quote`` and never uses it, and
treats the data's quotes as plain characters. The fix marks every quotation mark (the style's and
the data's) with a private-use opening/closing mark and resolves levels and punctuation once the
whole citation or entry is rendered (``Layout.render_citation``/``render_bibliography``).
"""

from __future__ import annotations

from typing import Any

from archcite.patterns import lazy
from archcite.styles.csl.fixes import _marks, punctuation
from archcite.styles.csl.fixes._patching import Overrides
from archcite.styles.csl.fixes.richtext import NOCASE_OPEN, has_value

FIX = "quotes"

QO, QC = _marks.QUOTE_OPEN, _marks.QUOTE_CLOSE
QO_INNER = _marks.QUOTE_OPEN_INNER
# Where a quotation can open: also right after formatting or a nocase span opens
# (``<span class="nocase">"PIAAC-L"</span>``: bugreports_NoCaseEscape, as citeproc-js reads it).
_OPENING_CONTEXT = frozenset(" \t\n([{-–—/" + QO + QO_INNER + NOCASE_OPEN + "".join(_marks.TAG_OPEN.values()))


def mark_data_quotes(text: str) -> str:
    """Field text with paired quotation marks as marks and apostrophes made typographic."""
    chars = list(text)
    stack: list[tuple[str, int]] = []  # (kind: '"' or "'", index of the opening mark)

    def previous(i: int) -> str:
        return chars[i - 1] if i > 0 else " "

    def following(i: int) -> str:
        return chars[i + 1] if i + 1 < len(chars) else " "

    for i, char in enumerate(chars):
        if char in '"“”':
            # A straight quote between spaces is neither (citeproc-js leaves it as it is).
            opening = char == "“" or (char == '"' and previous(i) in _OPENING_CONTEXT and not following(i).isspace())
            closing = char == "”" or (char == '"' and not previous(i).isspace())
            if opening:
                stack.append(('"', i))
                chars[i] = QO
            elif closing and stack and stack[-1][0] == '"':
                stack.pop()
                chars[i] = QC
        elif char in "'‘’":
            # An elision before a digit ("the '60s") is an apostrophe, not an opening quote.
            opens = not following(i).isspace() and not following(i).isdigit()
            if char != "’" and previous(i) in _OPENING_CONTEXT and opens:
                stack.append(("'", i))
                chars[i] = QO_INNER if char == "‘" else QO
            elif stack and stack[-1][0] == "'" and not (previous(i).isalnum() and following(i).isalnum()):
                stack.pop()
                chars[i] = QC
            elif char == "'":
                chars[i] = "’"  # a straight one is an apostrophe; a curly one stays as written
    for kind, index in stack:  # an unpaired double quote stays as written; a single one is an apostrophe
        chars[index] = text[index] if kind == '"' or text[index] != "'" else "’"
    # Punctuation the value writes after its own closing quote stays where it is (citeproc-js moves
    # and merges only across the style's elements): "“Row Boat”? Ethnological", "“reading”?: A".
    for i in range(len(chars) - 1):
        if chars[i] == QC and chars[i + 1] and chars[i + 1][0] in ".,!?:;":
            chars[i] = QC + _marks.DATA_PUNCTUATION
    return "".join(chars)


_CLOSERS = QC + _marks.CLOSERS + _marks.SEALED
_PUNCTUATION_AFTER_QUOTE = lazy(f"({QC}[{_CLOSERS}]*)([.,!?:;]+)")
# What punctuation-in-quote moves inside (citeproc-js's SWAP_IN)
_MOVES_IN = frozenset(".,!?")


def _last_text_char(text: str) -> str:
    for char in reversed(text):
        if char not in _marks.ALL:
            return char
    return ""


def _absorbs(last: str, mark: str) -> bool:
    """Whether a quotation ending in ``last`` absorbs ``mark`` after it (citeproc-js's merge)."""
    return mark == last or punctuation.MERGED.get((last, mark)) == last


def _punctuation_at_quotes(text: str, punctuation_in_quote: bool) -> str:
    out: list[str] = []
    position = 0
    for match in _PUNCTUATION_AFTER_QUOTE().finditer(text):
        out.append(text[position : match.start()])
        closing, marks = match.groups()
        last = _last_text_char("".join(out))
        outside: list[str] = []
        for mark in marks:
            if _absorbs(last, mark):
                continue
            if punctuation_in_quote and mark in _MOVES_IN and not outside:
                out.append(mark)
                last = mark
            else:
                outside.append(mark)
        out.append(closing)
        out.extend(outside)
        position = match.end()
    out.append(text[position:])
    return "".join(out)


def resolve(text: str, quotes: tuple[str, str, str, str], punctuation_in_quote: bool) -> str:
    """Rendered text with quote marks as the locale's quotes, at their level; the punctuation
    after a closing quote absorbed by the quotation's own (``“Budapest?”.`` → ``“Budapest?”``)
    and, with ``punctuation_in_quote``, moved inside."""
    if QC not in text:
        return text
    text = _punctuation_at_quotes(text, punctuation_in_quote)
    return print_levels(text, quotes)


def print_levels(text: str, quotes: tuple[str, str, str, str]) -> str:
    """Quote marks as the locale's outer and inner quotes, alternating with their level."""
    open_outer, close_outer, open_inner, close_inner = quotes
    result: list[str] = []
    levels: list[int] = []
    for char in text:
        if char in (QO, QO_INNER):
            level = levels[-1] + 1 if levels else 0
            if char == QO_INNER and level == 0:
                level = 1  # a curly single quote outside any other stays single
            levels.append(level)
            result.append(open_outer if level % 2 == 0 else open_inner)
        elif char == QC:
            level = levels.pop() if levels else 0
            result.append(close_outer if level % 2 == 0 else close_inner)
        else:
            result.append(char)
    return "".join(result)


def _locale_quotes(element: Any) -> tuple[tuple[str, str, str, str], bool]:
    terms = tuple(
        str(element.get_single_term(name=name))
        for name in ("open-quote", "close-quote", "open-inner-quote", "close-inner-quote")
    )
    option = element.get_locale_option("punctuation-in-quote") or "false"
    return (terms[0], terms[1], terms[2], terms[3]), option.lower() == "true"


def _quote(self: Any, string: Any) -> Any:
    from citeproc.string import String

    if self.get("quotes", "false").lower() == "true":
        return String(QO) + string + String(QC)
    return string


def _marked_values(process: Any) -> Any:
    def text_process(self: Any, *args: Any, **kwargs: Any) -> Any:
        from citeproc.string import String

        text, language = process(self, *args, **kwargs)
        if text:
            text = String(mark_data_quotes(str(text)))
        return text, language

    return text_process


def _typographic_names(parse_names: Any) -> Any:
    def wrapper(self: Any, json_data: Any) -> Any:
        typographic = [
            {key: value.replace("'", "’") if isinstance(value, str) else value for key, value in name.items()}
            for name in json_data
        ]
        return parse_names(self, typographic)

    return wrapper


def _resolving_citation(render: Any) -> Any:
    def render_citation(self: Any, *args: Any, **kwargs: Any) -> Any:
        output = render(self, *args, **kwargs)
        return None if output is None else resolve(str(output), *_locale_quotes(self))

    return render_citation


def resolve_entry(layout: Any, text: str) -> str:
    """Text of a bibliography entry (or part of one) with its quotes resolved in the layout's locale."""
    return resolve(text, *_locale_quotes(layout))


def _resolving_bibliography(render: Any) -> Any:
    def render_bibliography(self: Any, *args: Any, **kwargs: Any) -> Any:
        return [resolve_entry(self, str(entry)) for entry in render(self, *args, **kwargs)]

    return render_bibliography


def apply(overrides: Overrides) -> None:
    """Mark quotes in data and style; resolve them per citation and bibliography entry."""
    from citeproc.model import Layout, Quoted, Text
    from citeproc.source.json import CiteProcJSON

    overrides.replace(CiteProcJSON, "data_transforms", FIX, lambda transforms: (*(transforms or ()), mark_data_quotes))
    overrides.replace(Quoted, "quote", FIX, lambda _original: _quote)
    overrides.replace(Text, "process", FIX, _marked_values, where=has_value)
    overrides.replace(CiteProcJSON, "parse_names", FIX, _typographic_names)
    overrides.replace(Layout, "render_citation", FIX, _resolving_citation)
    overrides.replace(Layout, "render_bibliography", FIX, _resolving_bibliography)
