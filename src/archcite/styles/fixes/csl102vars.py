"""CSL 1.0.2 variables that citeproc-py 0.11.1 does not know.

CSL 1.0.2, appendix IV "Variables", adds name variables (``compiler``, ``chair``, ``curator``,
``director``, ``host``, ...), the date variable ``available-date`` and string/number variables
(``archive_collection``, ``event-title``, ``volume-title``, ``part-number``, ...). citeproc-py
lists variables in ``citeproc.NAMES``/``DATES``/``NUMBERS``/``VARIABLES``
(``citeproc/__init__.py``); an unlisted name variable is parsed as a string, which crashes the
renderer (``'String' object has no attribute 'parts'``) or prints a substituted title twice.
The fix extends those lists in place (every citeproc module holds the same list objects).
"""

from __future__ import annotations

FIX = "csl102vars"

NAMES = [
    *("chair", "compiler", "contributor", "curator", "director", "editor_translator"),
    *("executive_producer", "guest", "host", "narrator", "organizer", "performer", "producer"),
    *("reviewed_author", "script_writer", "series_creator"),
]
DATES = ["available_date"]
NUMBERS = ["part_number", "printing_number", "supplement_number"]
STRINGS = [
    *("archive_collection", "citation_key", "division", "event_title", "license", "part_title"),
    *("reviewed_genre", "reviewed_title", "scale", "volume_title"),
]


def apply() -> None:
    """Add the CSL 1.0.2 variables to citeproc's variable lists (idempotent)."""
    import citeproc

    for target, additions in (
        (citeproc.NAMES, NAMES),
        (citeproc.DATES, DATES),
        (citeproc.NUMBERS, NUMBERS),
        (citeproc.VARIABLES, NAMES + DATES + NUMBERS + STRINGS),
    ):
        target.extend(name for name in additions if name not in target)
