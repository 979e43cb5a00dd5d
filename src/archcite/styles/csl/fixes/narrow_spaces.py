"""A space before ``: ; ? ! »`` or after ``«`` in a field value is a narrow no-break space.

French orthography puts a space before high punctuation and inside guillemets, and it must not
break there ("His « Anonymous » Life" must not end a line after "«"). CSL 1.0.2 is silent;
citeproc-js turns such a space in every rendered value into U+202F NARROW NO-BREAK SPACE
(``CSL.Output.Queue.append``; the test suite's punctuation_FrenchOrthography), in every locale,
and so does archcite for field values and for a style's ``cs:text value`` ("Disponible
sur\u202f: ", which ``append`` receives as it receives a field; an affix does not pass through it
and keeps its space: "Washington, DC : ").

citeproc-py 0.11.1 prints the space as it is. The fix adds a transformation of the field text to
``CiteProcJSON.data_transforms`` (see ``richtext``) and wraps ``Text.process`` of a text with a
``value``.
"""

from __future__ import annotations

import re
from typing import Any

from archcite.styles.csl.fixes._patching import Overrides
from archcite.styles.csl.fixes.richtext import has_value

FIX = "narrow_spaces"

NARROW_NO_BREAK_SPACE = "\u202f"
_BEFORE = re.compile(" ([:;?!\u00bb])")


def narrow_spaces(text: str) -> str:
    """``text`` with the space before high punctuation and inside guillemets made narrow and
    unbreakable."""
    if " " not in text:
        return text
    return _BEFORE.sub(NARROW_NO_BREAK_SPACE + r"\1", text).replace("\u00ab ", "\u00ab" + NARROW_NO_BREAK_SPACE)


def _narrowed_value(process: Any) -> Any:
    def text_process(self: Any, *args: Any, **kwargs: Any) -> Any:
        text, language = process(self, *args, **kwargs)
        if text and " " in str(text):
            narrowed = narrow_spaces(str(text))
            if narrowed != str(text):
                from citeproc.string import String

                text = String(narrowed)
        return text, language

    return text_process


def apply(overrides: Overrides) -> None:
    """Narrow the spaces of French punctuation in every CSL-JSON string field and style value."""
    from citeproc.model import Text
    from citeproc.source.json import CiteProcJSON

    overrides.replace(CiteProcJSON, "data_transforms", FIX, lambda transforms: (*(transforms or ()), narrow_spaces))
    overrides.replace(Text, "process", FIX, _narrowed_value, where=has_value)
