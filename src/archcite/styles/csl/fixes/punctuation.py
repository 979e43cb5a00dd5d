"""No doubled period at the end of formatted text ("Rabbit?." → "Rabbit?").

CSL 1.0.2 leaves punctuation collisions to the processor; citeproc-js (the reference) drops a
period that follows text already ending in ``.``, ``?`` or ``!``, also across formatting
("*Who Framed Roger Rabbit?*" then the entry's "." prints once). citeproc-py 0.11.1 removes a
doubled mark only when the two characters touch (``string.normalize_seam``) and are the same:
formatting between them (an italic title's closing tag) kept "*Acme Inc.*.", and a title ending
in "?" kept the suffix ("Reports from Budapest?."). The fix post-processes each rendered
citation and bibliography entry (``Layout.render_citation``/``render_bibliography``).
Quotation marks are handled by the ``quotes`` fix.
"""

from __future__ import annotations

import re
from typing import Any

from archcite.styles.csl.fixes import _marks
from archcite.styles.csl.fixes._patching import Overrides

FIX = "punctuation"

_CLOSERS = _marks.CLOSERS
# A period after "." across formatting; after "?" or "!" also where they touch ("Budapest?."
# from a title and a suffix "."), when the period ends a word (not "?.html" in a URL).
_DOUBLED_PERIOD = re.compile(f"(\\.)([{_CLOSERS}]+)\\.|([?!])([{_CLOSERS}]*)\\.(?=\\s|$|[{_CLOSERS}])")


def drop_doubled_periods(text: str) -> str:
    return _DOUBLED_PERIOD.sub(lambda match: "".join(group or "" for group in match.groups()), text)


def _citation(render: Any) -> Any:
    def render_citation(self: Any, *args: Any, **kwargs: Any) -> Any:
        output = render(self, *args, **kwargs)
        return None if output is None else drop_doubled_periods(str(output))

    return render_citation


def _bibliography(render: Any) -> Any:
    def render_bibliography(self: Any, *args: Any, **kwargs: Any) -> Any:
        return [drop_doubled_periods(str(entry)) for entry in render(self, *args, **kwargs)]

    return render_bibliography


def apply(overrides: Overrides) -> None:
    """Drop a period after text that ends in terminal punctuation inside formatting."""
    from citeproc.model import Layout

    overrides.replace(Layout, "render_citation", FIX, _citation)
    overrides.replace(Layout, "render_bibliography", FIX, _bibliography)
