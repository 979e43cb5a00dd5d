"""What archcite's programs (the command line, the pandoc filter) set up for their process.

The library changes nothing outside archcite (DESIGN.md, "No global state"); a program owns its
process and may. bibtexparser logs each malformed block it skips and pylatexenc each LaTeX it
cannot parse, which Python's last-resort handler would print to stderr among archcite's own
messages: archcite reports those problems itself, as warnings that name the file, line and
record.
"""

from __future__ import annotations

import logging

_REPORTED_BY_ARCHCITE = ("bibtexparser", "pylatexenc")


def quiet_dependency_logs() -> None:
    """Keep the log records of the libraries whose problems archcite reports off stderr."""
    for name in _REPORTED_BY_ARCHCITE:
        logger = logging.getLogger(name)
        if not any(isinstance(handler, logging.NullHandler) for handler in logger.handlers):
            logger.addHandler(logging.NullHandler())
