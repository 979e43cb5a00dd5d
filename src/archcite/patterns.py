"""Regular expressions compiled when first used, not when their module is imported.

Compiling a pattern costs far more than a match with it (up to half a millisecond for the
Unicode classes of the name and label rules), and importing a module compiled every pattern in
it: of the 52 patterns that citing one book compiled, it used 15, and compiling the other 37
took longer than rendering its note, short note and bibliography entry. A pattern that not
every citation needs is written ``_NAME = lazy(r"...")`` and used as ``_NAME().match(text)``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, partial


def lazy(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function returning ``re.compile(pattern, flags)``, compiled on its first call.

    Safe from several threads: two first calls at once may both compile; the patterns are equal."""
    return cache(partial(re.compile, pattern, flags))
