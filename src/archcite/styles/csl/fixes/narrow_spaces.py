"""A space before ``: ; ? ! »`` or after ``«`` in a field value is a narrow no-break space.

French orthography puts a space before high punctuation and inside guillemets, and it must not
break there ("His « Anonymous » Life" must not end a line after "«"). CSL 1.0.2 is silent;
citeproc-js turns such a space in every rendered value into U+202F NARROW NO-BREAK SPACE
(``CSL.Output.Queue.append``; the test suite's punctuation_FrenchOrthography), in every locale,
and so does archcite for field values.

citeproc-py 0.11.1 prints the space as it is. The fix adds a transformation of the field text to
``CiteProcJSON.data_transforms`` (see ``richtext``).
"""

from __future__ import annotations

import re

from archcite.styles.csl.fixes._patching import Overrides

FIX = "narrow_spaces"

NARROW_NO_BREAK_SPACE = "\u202f"
_BEFORE = re.compile(" ([:;?!\u00bb])")


def narrow_spaces(text: str) -> str:
    """``text`` with the space before high punctuation and inside guillemets made narrow and
    unbreakable."""
    if " " not in text:
        return text
    return _BEFORE.sub(NARROW_NO_BREAK_SPACE + r"\1", text).replace("\u00ab ", "\u00ab" + NARROW_NO_BREAK_SPACE)


def apply(overrides: Overrides) -> None:
    """Narrow the spaces of French punctuation in every CSL-JSON string field."""
    from citeproc.source.json import CiteProcJSON

    overrides.replace(CiteProcJSON, "data_transforms", FIX, lambda transforms: (*(transforms or ()), narrow_spaces))
