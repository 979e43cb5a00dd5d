"""Page ranges: a last page longer than the first is never abbreviated.

CSL 1.0.2, appendix V "Page Range Formats": "minimal" and "minimal-two" drop the leading digits
the last page shares with the first; when the two numbers have different lengths nothing is
shared ("3–21", "98–102", "2–23").

citeproc-py 0.11.1 (``FormatNumber._format_last_page``) compares the digit strings position by
position whatever their lengths, and for "minimal-two" computes a negative index when the first
page has one digit ("pp. 3–1" for 3-21). The fix wraps ``_format_last_page``.
"""

from __future__ import annotations

from typing import Any

from archcite.styles.csl.fixes._patching import Overrides

FIX = "pages"


def _format_last_page(original: Any) -> Any:
    def format_last_page(self: Any, first: str, last: str) -> Any:
        if len(str(first)) != len(str(last)):
            return last
        return original(self, first, last)

    return format_last_page


def apply(overrides: Overrides) -> None:
    """Keep the whole last page when it is longer than the first."""
    from citeproc.model import FormatNumber

    overrides.replace(FormatNumber, "_format_last_page", FIX, _format_last_page)
