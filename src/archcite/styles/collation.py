"""Sort keys in the collation of the language a style renders in, as citeproc-js compares them.

CSL 1.0.2 ("Sorting") compares keys in the locale's collation. citeproc-js 2.4.63
(``CSL.getSortCompare``) compares two keys with ``localeCompare(other, locale, {sensitivity:
"base", ignorePunctuation: true, numeric: true})``: ICU's collator of ``locale`` at the primary
strength (case and accents ignored where the language does not count them as letters of their
own), punctuation and spaces ignorable, digits compared as numbers ("Document 9" before "Document
10"). ``locale`` is the style's ``default-locale-sort``, else the locale it renders in (the
language it was given, else its ``default-locale``, else en-US). Before comparing, it writes each
space of a key as "|" and ends the key with one (``state.opt.sort_sep``): a symbol, so it counts
where spaces would not, and sorts before letters ("Dale" before "Dalebout", "A er" before "Ab").

With ICU (PyICU, which the ``icu`` extra installs) :func:`sort_key` gives the same comparison as
a string: the collator's sort key. Without it the engine falls back on its own approximation of
ICU's root collation (``styles.csl.fixes.sorting``), which sorts the languages whose collation is
tailored (``Ł`` after ``L`` in Polish, ``ch`` after ``h`` in Czech, ``Ø`` after ``Z`` in Danish)
as English; :func:`fallback_warning` says so and how to install the extra.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from types import ModuleType

EXTRA = "pip install 'archcite[icu]'"
"""How to install ICU for archcite."""

TAILORED_LANGUAGES = frozenset(
    {
        "ar", "bg", "cs", "cy", "da", "el", "es", "et", "fa", "fi", "gl", "he", "hi", "hr", "hu", "hy", "is",
        "ja", "km", "ko", "lt", "lv", "mn", "nb", "nn", "pa", "pl", "ro", "ru", "sk", "sl", "sr", "sv", "th",
        "tr", "uk", "vi", "zh",
    }
)  # fmt: skip
"""The languages of CSL's locales whose ICU collation orders their own letters otherwise than the
root collation does at the primary strength (``tools/collation_languages.py`` lists them; a test
checks the list against the ICU installed)."""

_SEPARATOR = "|"
_WITHOUT_ICU: ContextVar[bool] = ContextVar("archcite_collation_without_icu", default=False)


@functools.cache
def _icu_module() -> ModuleType | None:
    try:
        import icu
    except ImportError:
        return None
    module: ModuleType = icu
    return module


def _icu() -> ModuleType | None:
    """PyICU, unless it is missing or switched off in this context."""
    return None if _WITHOUT_ICU.get() else _icu_module()


@contextmanager
def without_icu() -> Iterator[None]:
    """Within this block (in this context only), sort as if ICU were not installed."""
    token = _WITHOUT_ICU.set(True)
    try:
        yield
    finally:
        _WITHOUT_ICU.reset(token)


def stamp() -> str:
    """What sort keys depend on besides their text: ICU's version, or its absence."""
    icu = _icu()
    return f"icu {icu.ICU_VERSION} {icu.UNICODE_VERSION}" if icu is not None else "no icu"


def collator(locale: str) -> object | None:
    """ICU's collator of ``locale`` (a BCP 47 tag) set as citeproc-js sets it; None without ICU."""
    icu = _icu()
    return None if icu is None else _collator(icu, locale)[0]


def sort_key(locale: str) -> Callable[[str], str] | None:
    """A function from a sort key's text to a string that compares (as Python compares strings)
    as citeproc-js compares the text in ``locale``; None without ICU."""
    icu = _icu()
    if icu is None:
        return None
    return _collator(icu, locale)[1]


@functools.lru_cache(maxsize=32)  # styles are untrusted: any text can be a style's locale
def _collator(icu: ModuleType, locale: str) -> tuple[object, Callable[[str], str]]:
    # Created once per locale, never changed after: threads share it; the lock covers ICU
    # builds whose collators may not be used by two threads at once.
    try:
        made = icu.Collator.createInstance(icu.Locale.forLanguageTag(locale))
    except icu.ICUError:
        made = icu.Collator.createInstance(icu.Locale.getRoot())
    made.setStrength(icu.Collator.PRIMARY)
    made.setAttribute(icu.UCollAttribute.ALTERNATE_HANDLING, icu.UCollAttributeValue.SHIFTED)
    made.setAttribute(icu.UCollAttribute.NUMERIC_COLLATION, icu.UCollAttributeValue.ON)
    lock = threading.Lock()
    get_sort_key = made.getSortKey

    def key(text: str) -> str:
        keystring = _SEPARATOR.join(part for part in text.split(" ") if part) + _SEPARATOR
        with lock:
            collated: bytes = get_sort_key(keystring)
        # Hex keeps the bytes' order, is no number and has no case (citeproc-py's Sort lowercases
        # keys and compares whole numbers as numbers).
        return "k" + collated.hex()

    return made, key


def fallback_warning(locale: str) -> str | None:
    """A warning when ``locale`` (a CSL locale) collates its letters otherwise than English and
    ICU is not there to do it; None otherwise."""
    if locale.split("-")[0].lower() not in TAILORED_LANGUAGES or _icu() is not None:
        return None
    return (
        f"sorting as in English: {locale} sorts some letters otherwise (its collation needs ICU, "
        f"which is not installed); install it with {EXTRA}"
    )
