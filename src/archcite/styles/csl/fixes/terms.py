"""Term forms fall back to the next longer form; ``form="long"`` is the long form.

CSL 1.0.2, "Terms" / locale fallback: a term requested in a form the locales do not define falls
back "verb-short" → "verb" → "long", and "symbol" → "short" → "long". The en-US locale defines
seasons only in long form, so MLA's short month form must print "Autumn 1993".

citeproc-py 0.11.1 (``CitationStylesElement.get_term``) matches ``@form`` exactly and returns
nothing, and the season disappeared ("no. 3, 1993"). The fix wraps ``get_term``.

CSL 1.0.2, "Terms": ``form`` defaults to "long", so ``<term name="available at"
form="long">available from</term>`` in a style's ``cs:locale`` is the long form, as citeproc-js
reads it. citeproc-py 0.11.1 (``Locale.get_term``) looks the long form up as a term without
``form`` and missed it ("Available at" from the locale file). The fix wraps ``Locale.get_term``.

A ``cs:locale`` that defines a term twice in the same form (a style's ``<term name="editor"
form="short">ed</term>`` and then ``org``) means the later definition, as citeproc-js reads a
locale (each definition replaces the one before): "(Org.)". citeproc-py 0.11.1 took the first.
"""

from __future__ import annotations

from typing import Any

from archcite.styles.csl.fixes._patching import Overrides

FIX = "terms"

# requested form → the form to try next (None is the long form)
FALLBACK: dict[str, str | None] = {"short": None, "verb": None, "verb-short": "verb", "symbol": "short"}


def _get_term(original: Any) -> Any:
    def get_term(self: Any, name: str, form: str | None = None, *args: Any, **kwargs: Any) -> Any:
        term = original(self, name, form, *args, **kwargs)
        while term is None and form in FALLBACK:
            form = FALLBACK[form]
            term = original(self, name, form, *args, **kwargs)
        return term

    return get_term


def _long_form(original: Any) -> Any:
    def get_term(self: Any, name: str, form: str | None = None, zero_padded: bool = False) -> Any:
        if form == "long":
            form = None
        try:
            return original(self, name, form, zero_padded)
        except IndexError:
            if form is not None:
                raise
            return original(self, name, "long", zero_padded)

    return get_term


_SAME_TERM = ("name", "form", "gender-form", "match")


def _last_definition(original: Any) -> Any:
    def get_term(self: Any, name: str, form: str | None = None, zero_padded: bool = False) -> Any:
        term = original(self, name, form, zero_padded)
        same = [
            sibling
            for sibling in term.itersiblings()
            if sibling.tag == term.tag and all(sibling.get(key) == term.get(key) for key in _SAME_TERM)
        ]
        return same[-1] if same else term

    return get_term


def apply(overrides: Overrides) -> None:
    """Fall back to longer term forms; find a long form that says so."""
    from citeproc.model import CitationStylesElement, Locale

    overrides.replace(CitationStylesElement, "get_term", FIX, _get_term)
    overrides.replace(Locale, "get_term", FIX, lambda original: _last_definition(_long_form(original)))
