"""A name with a given name and no family name is printed whole, never initialised.

CSL 1.0.2 does not say how to print a personal name without a family name; citeproc-js prints
the given name as written ("Banksy" with ``initialize-with="."``, name_OnlyGivenname; "Banksy
and Doe, J." inverted), as it does a literal name. citeproc-py 0.11.1 initialised it ("B.").
The fix wraps ``CiteProcJSON.parse_names`` and reads such a name as the literal of its given
name (with its suffix).
"""

from __future__ import annotations

from typing import Any

from archcite.styles.csl.fixes import _names
from archcite.styles.csl.fixes._patching import Overrides

FIX = "mononyms"


def _as_literal(name: Any) -> Any:
    if not isinstance(name, dict) or "literal" in name or name.get("family") or not name.get("given"):
        return name
    return {"literal": " ".join(str(part) for part in (name["given"], name.get("suffix")) if part)}


def apply(overrides: Overrides) -> None:
    """Read given-name-only names as literals."""
    from citeproc.source.json import CiteProcJSON

    overrides.replace(CiteProcJSON, "parse_names", FIX, _names.each_name_read(_as_literal))
