"""A term's apostrophe is typographic: "à l’adresse", not "à l'adresse".

CSL 1.0.2, "Terms": terms should use the right single quotation mark (’, U+2019) for an
apostrophe, not the typewriter apostrophe. Locale files and the ``cs:locale`` of styles do not
all follow it (fr-FR's "à l'adresse", iso690's "disponible à l'adresse"); citeproc-js prints
the typographic apostrophe in either case, and so does archcite.

A term whose text is only whitespace (``<term name="and others">`` and a line break, the style's
indentation) is empty: citeproc-js reads a style with the whitespace between two tags removed
(``CSL.parseXml``), so label_EditorTranslator1's ``<et-al term="and others"/>`` prints nothing.

citeproc-py 0.11.1 (``Term.single`` / ``Term.multiple``) prints the term's text as written. The
fix wraps both properties.
"""

from __future__ import annotations

from typing import Any

from archcite.styles.csl.fixes._patching import Overrides

FIX = "term_apostrophe"


def typographic(text: str) -> str:
    """``text`` with every typewriter apostrophe made typographic."""
    return text.replace("'", "\u2019") if "'" in text else text


def _form(original: Any) -> Any:
    getter = original.fget

    def form(self: Any) -> Any:
        text = getter(self)
        plain = str(text)
        if plain and plain.isspace():
            return type(text)("")
        return type(text)(typographic(plain)) if "'" in plain else text

    return property(form)


def apply(overrides: Overrides) -> None:
    """Make the apostrophes of terms typographic."""
    from citeproc.model import Term

    overrides.replace(Term, "single", FIX, _form)
    overrides.replace(Term, "multiple", FIX, _form)
