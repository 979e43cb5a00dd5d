#!/usr/bin/env python3
"""The languages of CSL's locales whose ICU collation is not the root collation's, as archcite sorts.

usage: collation_languages.py

Prints the languages (of the locales citeproc-py ships) in which ICU, set as citeproc-js sets it
(``styles.collation``), orders the language's own letters (ICU's exemplar characters of the
locale, with the Latin alphabet, each followed by "a" and by "z") otherwise than the root
collation does. ``styles.collation.TAILORED_LANGUAGES`` is this list: without ICU, archcite warns
that these sort as English. Needs PyICU (``pip install 'archcite[icu]'``).
"""

from __future__ import annotations

import string
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: the package sits beside it
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from archcite.styles.collation import collator
from archcite.styles.locales import csl_locales


def _ranks(made: Any, probes: list[str]) -> list[int]:
    """Each probe's rank in ``made``'s order, ties sharing a rank."""
    keys = [made.getSortKey(probe) for probe in probes]
    ordered = sorted(set(keys))
    rank = {key: n for n, key in enumerate(ordered)}
    return [rank[key] for key in keys]


def is_tailored(locale: str) -> bool:
    """Whether ``locale``'s collation orders its letters otherwise than the root collation."""
    import icu

    exemplars = icu.LocaleData(locale.replace("-", "_")).getExemplarSet(0, 0)
    letters = sorted({*exemplars, *(letter.upper() for letter in exemplars), *string.ascii_lowercase})
    probes = [letter + after for letter in letters for after in ("a", "z")]
    return _ranks(collator(locale), probes) != _ranks(collator("und"), probes)


def tailored_languages() -> set[str]:
    return {locale.split("-")[0] for locale in csl_locales() if is_tailored(locale)}


if __name__ == "__main__":
    print(" ".join(sorted(tailored_languages())))
