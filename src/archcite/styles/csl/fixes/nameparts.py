"""``cs:name-part`` formatting applies to every name, including absent or plain-text parts.

CSL 1.0.2, "Name-part Formatting": ``cs:name-part name="given|family"`` may carry ``text-case``
and formatting attributes, applied to that part of each name (skipped when the name has no such
part).

citeproc-py 0.11.1 (``Name_Part.format_part``) applies ``text-case`` to the raw ``str`` stored in
the name, which lacks citeproc's string methods (``'str' object has no attribute
'capitalize_first'``), and to ``None`` when a name has no given name: styles with
``<name-part name="family" text-case="capitalize-first"/>`` crashed. The fix wraps
``format_part``: the part becomes a citeproc ``String``, and an absent part stays absent.
"""

from __future__ import annotations

from typing import Any

from archcite.styles.csl.fixes._patching import Overrides

FIX = "nameparts"


def _format_part(original: Any) -> Any:
    def format_part(self: Any, given: Any, family: Any) -> Any:
        from citeproc.string import MixedString, String

        part = self.get("name")
        value = given if part == "given" else family if part == "family" else None
        if value is None or value == "":
            return given, family
        if not isinstance(value, String | MixedString):
            value = String(str(value))
        # Name.process joins the parts with str.join, so they come back as plain text.
        formatted_given, formatted_family = (
            original(self, value, family) if part == "given" else original(self, given, value)
        )
        if part == "given":
            return str(formatted_given), family
        return given, str(formatted_family)

    return format_part


def apply(overrides: Overrides) -> None:
    """Make name-part formatting safe for every name."""
    from citeproc.model import Name_Part

    overrides.replace(Name_Part, "format_part", FIX, _format_part)
