"""Sort keys compare text, not markup, accents or punctuation.

CSL 1.0.2, "Sorting": keys are compared as text in the locale's collation; citeproc-js (ICU
collation) orders "Békés" with "Bekes", ignores case, and sorts a title beginning with a
quotation mark by its first word: it collates ignoring punctuation (``ignorePunctuation``), so
"Simple title, here A" sorts before "Simple title here B", while spaces count ("Dale" before
"Dalebout", "A er" before "Ab"). Empty keys sort last.

citeproc-py 0.11.1 (``Sort.sort``) compares ``str(key).lower()``: accented letters sorted after
"z", quoted titles before everything, and the private-use marks of the other fixes would count.
The fix wraps ``Key.sort_keys`` and normalises each string key: marks removed, accents removed
(NFKD, combining marks dropped), the letters ICU's root collation takes for a base letter or two
at its primary strength (the ``sensitivity: "base"`` citeproc-js asks for) written as those
("Højgaard" with "Hojgaard", before "Homer"; "æ" as "ae", "ł" as "l"), punctuation removed
(between two digits it becomes a space: "1946-02-22" stays apart from the number 19460222),
spaces collapsed, case folded, numbers written to compare by value ("9" before "10", as
citeproc-js's ``numeric: true``). That approximation is the fallback: with ICU (the ``icu`` extra)
each key is compared in the collation of the style's locale, as citeproc-js compares it
(``styles.collation``).

A date in a macro sort key is its year, month and day as digits of fixed width (citeproc-js's
``CSL.dateAsSortKey``), not its printed text, whose numbers the collation would compare by value
("100 BC" after "44 BC"; the CSL suite's date_NegativeDateSortViaMacro). While a sort key renders
a macro that holds a ``cs:date`` (among its descendants), citeproc-js keeps only the dates and the
names in the key ("doing-macro-with-date": its ``output.append`` drops every other text, and a
nested dated macro switches that off when it ends): the "no date" term, titles, numbers and
labels print nothing, so "Doe, Jane" (undated) sorts before "Doe, Jane, 1990", as in citeproc-js.

A macro used as a sort key renders its names as citeproc-js's sort keys hold them: the names
only, without "et al." (``Name.et_al`` gives nothing while ``Name.process`` renders a sort key:
"Békés, C." before "Békés, C., Byrne, M."), without the "and" before the last
(``Name.get_option`` gives no ``and``: "Colaresi, Rasler, Thompson" sorts before "Colaresi,
Thompson") and without the role's label (``Label.process`` called by ``cs:names`` gives nothing:
"Doe, John ed." sorts as "Doe, John"). citeproc-py 0.11.1 renders all three into the key.
The key's options (``names-min``, ``names-use-first``, the names in sort order) reach every
``cs:names`` the macro renders, also in a macro it calls (CSL 1.0.2, "Sorting": they override
the options of "the names rendered by the macro"): citeproc-py 0.11.1's ``cs:text macro`` renders
the called macro without them, so APA's ``author-sort``, which calls ``author``, sorted
"Engelstoft, S. (Ed.)" after "Engelstoft, S." (citeproc-js: by title). ``Macro.render`` passes
them on to the macros it calls while the key renders. Under ``demote-non-dropping-particle="never"``
a name in a macro key holds its dropping particle after the family name, before the given name
("Wøller ndum|S. B.", as citeproc-js's ``sort_key_flag`` branch joins it). A key on a name
variable is the names in that order, long, separated by ", " and cut short by the key's
``names-min``/``names-use-first`` or else the area's or style's et-al options, as citeproc-js's
key (citeproc-py 0.11.1 joins all of them with ";", which the collation ignores). A key on
``page-first`` is the first page of ``page``, as the variable prints (citeproc-py found no such
field: every key empty).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from archcite.styles import collation
from archcite.styles.csl.fixes import _marks, _names, csl102vars
from archcite.styles.csl.fixes._patching import Overrides
from archcite.styles.csl.fixes.pages import first_page

FIX = "sorting"
_NUMBERS_PUNCTUATION = re.compile(r"(?<=\d)[^\w\s]+(?=\d)")
_DIGITS = re.compile(r"[0-9]+")
# Letters without a canonical decomposition that ICU's root collation (Node 20's, under which
# citeproc-js 2.4.63 sorts) holds equal to these at the primary strength; after case folding.
_BASE_LETTERS = str.maketrans({"æ": "ae", "œ": "oe", "ø": "o", "ð": "d", "đ": "d", "ħ": "h", "ł": "l"})
# While a cs:name renders for a sort key.
_SORT_KEY_NAMES: ContextVar[bool] = ContextVar("archcite_sort_key_names", default=False)
# The options of the cs:key whose macro is rendering (None outside a sort key).
_KEY_OPTIONS: ContextVar[Any] = ContextVar("archcite_sort_key_options", default=None)
# While a sort key renders a macro that holds a cs:date (citeproc-js's "doing-macro-with-date").
_DATE_MACRO: ContextVar[bool] = ContextVar("archcite_sort_key_date_macro", default=False)


def normalise(key: Any, collate: Callable[[str], str] | None = None) -> Any:
    """The comparable form of a sort key (numbers and None unchanged; empty text is None):
    ``collate``'s key of its text (``styles.collation.sort_key``), else the approximation."""
    if key is None or isinstance(key, int | float):
        return key
    text = _marks.strip(str(key))
    approximate = _approximate(text)
    return collate(text) if collate is not None and approximate is not None else approximate


def _approximate(text: str) -> str | None:
    """ICU's root collation at the primary strength, approximated: accents dropped, a few letters
    written as their base letters, punctuation (not spaces) ignored, case folded."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    # Punctuation does not count (citeproc-js collates with ``ignorePunctuation``), but still
    # parts numbers ("1946-02-22" is not the number 19460222); spaces count.
    text = _NUMBERS_PUNCTUATION.sub(" ", text)
    text = "".join(char for char in text if unicodedata.category(char)[0] != "P")
    text = " ".join(text.casefold().translate(_BASE_LETTERS).split())
    # Numbers by value (citeproc-js's ``numeric: true``): "Document 9" before "Document 10".
    return _DIGITS.sub(_by_value, text) or None


def _by_value(number: re.Match[str]) -> str:
    """Digits that compare as text as their value compares: the number prefixed with its length,
    itself prefixed with its own length ("9" is "119", "10" is "1210")."""
    digits = number.group().lstrip("0") or "0"
    length = str(len(digits))
    return f"{len(length)}{length}{digits}"


def _sort_keys(original: Any) -> Any:
    def sort_keys(self: Any, items: Any, context: Any) -> Any:
        # The locale citeproc-js collates in (``default-locale-sort``, else the one rendered in).
        root = self.get_root()
        collate = collation.sort_key(root.get("default-locale-sort") or root.get("default-locale") or "en-US")
        token = _DATE_MACRO.set(False)
        try:
            variable = self.get("variable", "").replace("-", "_")
            if variable in _name_variables():
                keys = [_names_key(self, item, variable) for item in items]
            elif variable == "page_first":
                keys = [_page_first_key(item) for item in items]
            else:
                keys = original(self, items, context)
        finally:
            _DATE_MACRO.reset(token)
        return [normalise(_joined_dates(key), collate) for key in keys]

    return sort_keys


def _page_first_key(item: Any) -> str | None:
    """``page-first`` as a key: the first page of the item's ``page``, as it prints (citeproc-js
    derives the variable from ``page`` before it sorts; citeproc-py 0.11.1 looked for a field of
    that name, found none, and left every item's key empty)."""
    page = item.reference.get("page")
    return first_page(str(page)) or None if page else None


@functools.cache
def _name_variables() -> frozenset[str]:
    return frozenset(csl102vars.all_names())


def _names_key(key: Any, item: Any, variable: str) -> str | None:
    """The sort key of a name variable as citeproc-js writes it: every name in sort order, long
    (family, given name, particles, suffix), separated as a name list is, and cut short as the
    key's ``names-min``/``names-use-first`` say, else the area's or the style's ``et-al-min``/
    ``et-al-use-first``: "Henrich, Joseph, Boyd, Robert, Bowles, Samuel" for six authors under
    et-al-min 5 and et-al-use-first 3."""
    names = item.reference.get(variable)
    if not names:
        return None
    area, root = key.getparent().getparent(), key.get_root()

    def option(own: str, inherited: str) -> int | None:
        for value in (key.get(own), area.get(inherited), root.get(inherited)):
            if value is not None:
                return int(value) if str(value).isdigit() else None
        return None

    minimum, first = option("names-min", "et-al-min"), option("names-use-first", "et-al-use-first")
    if minimum and first and len(names) >= minimum:
        names = names[:first]
    never = str(root.get("demote-non-dropping-particle", "display-and-sort")).lower() == "never"
    return ", ".join(_name_sort_text(name, never) for name in names) or None


def _name_sort_text(name: Any, never: bool) -> str:
    """One name of a name variable's sort key (citeproc-js's ``sort_key_flag`` order)."""
    if "literal" in name:
        return str(name["literal"])
    given, family, dropping, non_dropping, suffix = name.parts()

    def join(*parts: Any) -> str:
        return " ".join(str(part) for part in parts if part)

    if never:
        return join(non_dropping, family, dropping, given, suffix)
    return join(family, given, dropping, non_dropping, suffix)


def _name_option(original: Any) -> Any:
    def get_option(self: Any, name: str, context: Any = None, sort_options: Any = None) -> Any:
        if name == "and" and sort_options is not None:
            return None
        return original(self, name, context, sort_options)

    return get_option


def _particle_with_family(name: Any) -> Any:
    """``name`` with its dropping particle after the family name (and the non-dropping one
    before it), as citeproc-js writes a name in a sort key under ``demote-non-dropping-particle=
    "never"`` ("Wøller ndum, Sune"); the name unchanged if it has no dropping particle."""
    from citeproc.source import Name

    if not isinstance(name, Name) or "literal" in name or type(name) is not Name:
        return name
    given, family, dropping, non_dropping, suffix = name.parts()
    if not dropping or not family:
        return name
    fields = {"family": " ".join(str(part) for part in (non_dropping, family, dropping) if part)}
    return Name(**fields, **{key: value for key, value in (("given", given), ("suffix", suffix)) if value})


def _name_process(original: Any) -> Any:
    def process(self: Any, item: Any, variable: str, context: Any = None, sort_options: Any = None, **kw: Any) -> Any:
        token = _SORT_KEY_NAMES.set(sort_options is not None)
        try:
            names = item.reference.get(variable.replace("-", "_")) if sort_options is not None else None
            demote = str(self.get_root().get("demote-non-dropping-particle", "display-and-sort")).lower()
            if names and demote == "never":
                moved = [_particle_with_family(name) for name in names]
                return _names.process_with(
                    original, self, item, variable, moved, context=context, sort_options=sort_options, **kw
                )
            return original(self, item, variable, context=context, sort_options=sort_options, **kw)
        finally:
            _SORT_KEY_NAMES.reset(token)

    return process


def _et_al(original: Any) -> Any:
    def et_al(self: Any) -> Any:
        return None if _SORT_KEY_NAMES.get() else original(self)

    return et_al


def _label_process(original: Any) -> Any:
    def process(
        self: Any, item: Any, variable: Any = None, plural: Any = None, context: Any = None, **kwargs: Any
    ) -> Any:
        # cs:names names its role; while a sort key renders, its label is no part of the key.
        if variable is not None and kwargs.get("sort_options") is not None:
            return None
        return original(self, item, variable, plural, context, **kwargs)

    return process


def _macro_render(original: Any) -> Any:
    def render(self: Any, item: Any, context: Any = None, sort_options: Any = None) -> Any:
        if sort_options is None:
            sort_options = _KEY_OPTIONS.get()
            if sort_options is None:
                return original(self, item, context, None)
        token = _KEY_OPTIONS.set(sort_options)
        dated = bool(self.xpath_search(".//cs:date"))
        if dated:
            _DATE_MACRO.set(True)
        try:
            return original(self, item, context, sort_options)
        finally:
            if dated:  # as citeproc-js, off at the end of a dated macro, also one nested in another
                _DATE_MACRO.set(False)
            _KEY_OPTIONS.reset(token)

    return render


def _dated_macro_render(original: Any) -> Any:
    def render(self: Any, *args: Any, **kwargs: Any) -> Any:
        # In a sort key, a macro holding a cs:date keeps its dates and names only.
        return None if _DATE_MACRO.get() else original(self, *args, **kwargs)

    return render


def _date_parts_key(element: Any, dates: list[Any], show_parts: Any) -> str:
    """A date as citeproc-js writes it in a macro sort key (``CSL.dateAsSortKey``): one run of
    18 digits, "1" (a year BC: "0" and 9999 less the year), the year, month and day of its start,
    then of its end (0 for a part the date element does not show or the date lacks); nothing for
    a date without a year."""
    shown = {part.get("name") for part in element.xpath_search("./cs:date-part")}
    shown &= set(show_parts if show_parts is not None else ("year", "month", "day"))

    def part(date: Any, name: str) -> int:
        value = date.get(name) if date is not None and name in shown else None
        return value if isinstance(value, int) else 0

    def year(date: Any) -> str:
        value = part(date, "year")
        return f"1{value:04}" if value >= 0 else f"0{max(9999 + value, 0):04}"

    if not isinstance(dates[0].get("year"), int):
        return ""
    return "".join(f"{year(date)}{part(date, 'month'):02}{part(date, 'day'):02}" for date in dates)


# Two dates of a key with only punctuation or spaces between: citeproc-js's key holds them as one
# run of digits (a dated macro prints no delimiter or affix), which its collation compares as one
# number: "(1959) 1997" after "1997".
_DATES_APART = re.compile(r"(?<=\d{18})[^\w]+(?=\d{18}(?!\d))")


def _joined_dates(key: Any) -> Any:
    return key if key is None or isinstance(key, int | float) else _DATES_APART.sub("", str(key))


def _date_process(original: Any) -> Any:
    def process(self: Any, item: Any, variable: Any = None, *args: Any, **kwargs: Any) -> Any:
        # A date given as text has no key in citeproc-js (no year to key): it sorts as empty.
        if _KEY_OPTIONS.get() is not None:
            from citeproc.source import LiteralDate

            name = str(variable or self.get("variable") or "").replace("-", "_")
            if isinstance(item.reference.get(name), LiteralDate):
                return None
        return original(self, item, variable, *args, **kwargs)

    return process


def _single_date(original: Any) -> Any:
    def render_single_date(self: Any, date: Any, show_parts: Any = None, context: Any = None) -> Any:
        if _KEY_OPTIONS.get() is None:
            return original(self, date, show_parts, context)
        return _date_parts_key(self, [date, None], show_parts)

    return render_single_date


def _date_range(original: Any) -> Any:
    def render_date_range(self: Any, date_range: Any, show_parts: Any = None, context: Any = None) -> Any:
        if _KEY_OPTIONS.get() is None:
            return original(self, date_range, show_parts, context)
        end = None if date_range.end.is_nil() else date_range.end
        return _date_parts_key(self, [date_range.begin, end], show_parts)

    return render_date_range


def apply(overrides: Overrides) -> None:
    """Normalise sort keys; names in sort keys (nested macros too) without "and" and labels;
    dates in macro sort keys as digits."""
    from citeproc.model import Date, Key, Label, Macro, Name, Number, Text

    overrides.replace(Key, "sort_keys", FIX, _sort_keys)
    overrides.replace(Name, "get_option", FIX, _name_option, for_arguments=("and",))
    overrides.replace(Name, "process", FIX, _name_process)
    overrides.replace(Name, "et_al", FIX, _et_al)
    overrides.replace(Label, "process", FIX, _label_process)
    overrides.replace(Macro, "render", FIX, _macro_render)
    overrides.replace(Date, "process", FIX, _date_process)
    overrides.replace(Date, "render_single_date", FIX, _single_date)
    overrides.replace(Date, "render_date_range", FIX, _date_range)
    overrides.replace(Text, "render", FIX, _dated_macro_render, where=lambda element: "macro" not in element.attrib)
    overrides.replace(Number, "render", FIX, _dated_macro_render)
    overrides.replace(Label, "render", FIX, _dated_macro_render)
