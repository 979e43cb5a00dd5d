"""Names marked ``static-ordering`` print family name first, in every position (a house rule).

CSL-JSON's ``static-ordering`` flag (a citeproc-js extension, not in CSL 1.0.2) marks names
written family name first, such as romanised Chinese, Japanese and Korean names. The Chicago
Manual of Style (18th ed., chapter 8 on Chinese, Japanese and Korean names) keeps that order
without a comma in running text, notes and bibliographies ("Chen Jian"); citeproc-js does the
same, while citeproc-py 0.11.1 ignores the flag ("J. Chen", or "Jian Chen" once given names are
no longer initialised). The fix wraps ``CiteProcJSON.parse_names`` and turns such a name into
the literal "Family Given", which every position prints unchanged and which sorts by the family
name.
"""

from __future__ import annotations

from typing import Any

from archcite.styles.csl.fixes._patching import Overrides

FIX = "static_ordering"


def as_literal(name: dict[str, Any]) -> dict[str, Any]:
    """A static-ordering name as a literal name; other names unchanged."""
    if not name.get("static-ordering") or "literal" in name or not name.get("family"):
        return name
    parts = (name.get("non-dropping-particle"), name["family"], name.get("given"), name.get("suffix"))
    return {"literal": " ".join(str(part) for part in parts if part)}


def _parse_names(original: Any) -> Any:
    def parse_names(self: Any, json_data: Any) -> Any:
        return original(self, [as_literal(name) if isinstance(name, dict) else name for name in json_data])

    return parse_names


def apply(overrides: Overrides) -> None:
    """Read static-ordering names as literals."""
    from citeproc.source.json import CiteProcJSON

    overrides.replace(CiteProcJSON, "parse_names", FIX, _parse_names)
