"""``text-case`` as CSL 1.0.2 defines it, preserving spacing and ``nocase`` text.

CSL 1.0.2, "Text-case": ``lowercase``/``uppercase`` change every letter; ``capitalize-first``
capitalizes the first character of the first word if the word is lowercase; ``capitalize-all``
the first character of every lowercase word; ``sentence`` capitalizes the first word and, as the
CSL test suite and citeproc-js do, lowercases every other word not wholly uppercase; ``title``
capitalizes every lowercase word except stop words, which stay lowercase unless they are the
first or last word or follow a colon; where the specification is silent, as citeproc-js does: a
string wholly in capitals stays as it is ("USSR"), a stop word capitalised in the data stays so,
and a one-letter word is capitalised only where a title or subtitle opens ("Vojna i Mir",
"p.m."), a lone Greek letter never; words joined by hyphens, slashes, periods, colons, brackets,
quotation marks or markup are cased part by part ("Out-of-Fashion", "Cat/Mouse", "America:How",
"(Re)Writing"); the elided articles "d’" and "l’" stay lowercase. Where citeproc-js departs from
the manuals, Chicago 8.161: the first element of a hyphenated compound is always capitalised ("in
Pro-Social", citeproc-js only before a title's first punctuation mark). Text in
``<span class="nocase">`` is never changed.

citeproc-py 0.11.1 (``TextCased.case``) splits the text on whitespace and joins the words with
single spaces, per ``nocase`` segment (" , the Window , and" around a nocase span; non-breaking
spaces lost); ``lowercase``/``uppercase`` change ``nocase`` text; ``title`` leaves all-uppercase
strings, hyphenated parts and a lowercase stop word at the end as they are. The fix replaces
``TextCased.case``; the stop words stay citeproc's list (``TextCased._stop_words``, which the
``titlecase`` fix extends).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from archcite.records.languages import primary_language
from archcite.styles.csl.fixes import _marks
from archcite.styles.csl.fixes._patching import Overrides

FIX = "textcase"
# The language of the item whose cite or entry is rendering (its primary subtag, lower case), for
# the text cased without the item at hand: names, labels, dates, numbers.
_ITEM_LANGUAGE: ContextVar[str | None] = ContextVar("archcite_item_language", default=None)

_WORD = re.compile(r"\S+")
# The parts of a title cased one by one, as citeproc-js splits them: words, and the elements of a
# word joined by hyphens, slashes, periods, commas, colons, brackets, quotation marks or markup
# ("versus“Bad”", "(Re)Writing", "<sup>6</sup>He"); not by an apostrophe, which stays inside its
# word ("World’s").
_PART = re.compile("[^\\s\\-‐‑/–—.,;:()\\[\\]“”‘«»„" + re.escape("".join(sorted(_marks.ALL))) + "]+")
_HYPHENS = "-‐‑"
# An elided article or preposition (French and Italian "d’", "l’"; citeproc-js's stop word "d'").
_ELIDED = re.compile(r"[dl][’']\w")
_BOUNDARY = frozenset(":?!")
# What may stand between a colon and the word that opens a subtitle ("Title: (A) Study",
# "https://T.co" as citeproc-js).
_BEFORE_OPENING = " \u00a0/([{" + "".join(_marks.ALL) + "\"'“‘"
_EDGE = "\"'“”‘’«»‹›„‚()[]{}.,;:!?¿¡*" + "".join(_marks.ALL)


class _Text:
    """The text as one string of characters, each either changeable or protected (nocase)."""

    def __init__(self, text: Any, language: str | None = None) -> None:
        from citeproc.string import MixedString, NoCase

        # Turkish and Azerbaijani pair dotted i with İ and dotless ı with I (citeproc-js cases
        # with the item's language; the test suite's textcase_LocaleUnicode).
        turkic = language in _TURKIC
        self.upper: Any = _turkic_upper if turkic else str.upper
        self.lower: Any = _turkic_lower if turkic else str.lower

        parts = list(text) if isinstance(text, MixedString) else [text]
        self.kinds = [type(part) for part in parts]
        self.lengths = [len(str(part)) for part in parts]
        self.chars: list[str] = list("".join(str(part) for part in parts))
        self.protected = [isinstance(part, NoCase) for part in parts for _ in str(part)]
        self.source = "".join(self.chars)

    def is_uppercase(self) -> bool:
        cased = [c for c, p in zip(self.source, self.protected, strict=True) if not p and c.lower() != c.upper()]
        return bool(cased) and all(c.isupper() for c in cased)

    def map(self, start: int, end: int, change: Any) -> None:
        for i in range(start, end):
            if not self.protected[i]:
                self.chars[i] = change(self.chars[i])

    def capitalize(self, start: int, end: int) -> None:
        for i in range(start, end):
            if self.source[i] not in _EDGE:
                if not self.protected[i]:
                    self.chars[i] = self.upper(self.chars[i])
                return

    def word_is_lowercase(self, start: int, end: int) -> bool:
        word = self.source[start:end]
        return word == word.lower() and any(c.islower() for c in word)

    def is_protected(self, start: int, end: int) -> bool:
        return any(self.protected[start:end])

    def result(self) -> Any:
        from citeproc.string import MixedString, String

        out = []
        position = 0
        for kind, length in zip(self.kinds, self.lengths, strict=True):
            text = "".join(self.chars[position : position + length])
            out.append(kind(text) if issubclass(kind, String) else String(text))
            position += length
        return out[0] if len(out) == 1 else MixedString(out)


_TURKIC = frozenset({"tr", "az"})


def _turkic_upper(text: str) -> str:
    return text.replace("i", "\u0130").upper()


def _turkic_lower(text: str) -> str:
    return text.replace("I", "\u0131").replace("\u0130", "i").lower()


def _title(text: _Text, stop_words: list[str]) -> None:
    # A title written entirely in capitals stays as it is (citeproc-js): lowercasing it first
    # would make "USSR" or "NATO" read "Ussr".
    if text.is_uppercase():
        return
    parts = list(_PART.finditer(text.source))
    for number, part in enumerate(parts):
        start, end = part.span()
        if text.is_protected(start, end):
            continue
        before = text.source[:start].rstrip(_BEFORE_OPENING)
        key = part.group().strip(_EDGE).lower()
        opening = number == 0 or (before[-1:] in _BOUNDARY)
        if _ELIDED.match(part.group()):
            # "d’infirmes", "l’œuvre": the article stays lowercase, the word after it as written.
            capitalise = opening
        elif (
            end < len(text.source)
            and text.source[end] in _HYPHENS
            and (start == 0 or text.source[start - 1] not in _HYPHENS)
        ):
            # The first element of a hyphenated compound, a stop word or one letter alike
            # (Chicago 8.161: "To-Morrow", "For-Profit", "K-Median").
            capitalise = True
        else:
            # A stop word is left lowercase, but one capitalised in the data stays capitalised (as
            # in citeproc-js: "A Cardboard Castle? An Inside History"). A one-letter word, such as
            # each letter of "p.m." or the Russian "i", is capitalised only where a title or
            # subtitle opens.
            capitalise = opening or (len(key) > 1 and (number == len(parts) - 1 or key not in stop_words))
        # A lone Greek letter stays as written, a symbol more often than a word (citeproc-js; the
        # test suite's textcase_NonEnglishChars: "β-Carotine").
        if capitalise and text.word_is_lowercase(start, end) and not (len(key) == 1 and "\u0370" <= key <= "\u03ff"):
            text.capitalize(start, end)


def _lowercase(text: _Text) -> None:
    text.map(0, len(text.chars), text.lower)


def _uppercase(text: _Text) -> None:
    text.map(0, len(text.chars), text.upper)


def _capitalize_first(text: _Text) -> None:
    first = _WORD.search(text.source)
    if first and text.word_is_lowercase(*first.span()):
        text.capitalize(*first.span())


def _capitalize_all(text: _Text) -> None:
    for word in _WORD.finditer(text.source):
        if text.word_is_lowercase(*word.span()):
            text.capitalize(*word.span())


def _sentence(text: _Text) -> None:
    # As the CSL test suite (and citeproc-js) does: words not wholly uppercase are lowercased.
    uppercase = text.is_uppercase()
    for word in _WORD.finditer(text.source):
        if uppercase or not word.group().isupper():
            text.map(*word.span(), text.lower)
    text.source = "".join(text.chars)
    _capitalize_word(text, _WORD.search(text.source))


def _capitalize_word(text: _Text, word: re.Match[str] | None) -> None:
    if word:
        text.capitalize(*word.span())


_CASES = {
    "lowercase": _lowercase,
    "uppercase": _uppercase,
    "capitalize-first": _capitalize_first,
    "capitalize-all": _capitalize_all,
    "sentence": _sentence,
}


def case(self: Any, text: Any, language: str | None = None) -> Any:
    text_case = self.get("text-case")
    if language is not None:
        # citeproc-py passes the first two letters of the item's language ("En" for "English",
        # which turned title case off); the item's language as a language is at hand.
        language = _ITEM_LANGUAGE.get() or language
    if text_case == "title" and language is None:
        # A label, date part or number has no item language at hand: citeproc-js cases it in any
        # locale ("(H. M. Harrison, Trans.)" in APA, "Trad." in French).
        language = "en"
    if text_case is None or text is None or (text_case == "title" and language != "en"):
        return text
    if language is None:
        # citeproc-js cases in the item's language, else in the style's locale (its lang_array):
        # "ULBRİCHT" in a Turkish style, "ULBRICHT" for an English item in it.
        language = _ITEM_LANGUAGE.get() or str(self.get_root().get("default-locale", "en"))[:2].lower()
    chars = _Text(text, language)
    if text_case == "title":
        _title(chars, self._stop_words)
    elif text_case in _CASES:
        _CASES[text_case](chars)
    return chars.result()


@contextmanager
def item_language(item: Any) -> Iterator[None]:
    """While the block runs, the cased text without an item at hand is cased in ``item``'s
    language (none: the style's locale)."""
    try:
        value = dict.get(item.reference, "language")
    except AttributeError:
        value = None
    token = _ITEM_LANGUAGE.set(primary_language(str(value)) if value else None)
    try:
        yield
    finally:
        _ITEM_LANGUAGE.reset(token)


def install(overrides: Overrides) -> None:
    """Make the language of the item each cite or entry renders known to :func:`case` (after the
    document features, which wrap the same layout method)."""
    from citeproc.model import Layout

    original = overrides.current(Layout, "render_children")

    def render_children(self: Any, item: Any, *args: Any, **kwargs: Any) -> Any:
        with item_language(item):
            return original(self, item, *args, **kwargs)

    overrides.replace(Layout, "render_children", FIX, lambda _inner: render_children)


def apply(overrides: Overrides) -> None:
    """Case text as CSL specifies."""
    from citeproc.model import TextCased

    overrides.replace(TextCased, "case", FIX, lambda _original: case)
