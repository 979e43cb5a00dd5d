"""``cs:name-part`` formatting applies to every name, including absent or plain-text parts, and to
each name part it names, separately.

CSL 1.0.2, "Name-part Formatting": ``cs:name-part name="given|family"`` may carry ``text-case``
and formatting attributes, applied to that part of each name (skipped when the name has no such
part). Those of "given" affect the given name and the dropping particle, those of "family" the
family name and the non-dropping particle; the suffix takes neither. The affixes of "family"
enclose the particles before it and, in a name printed given name first, the suffix; those of
"given" enclose the particles demoted after it.

citeproc-py 0.11.1 (``Name_Part.format_part``) applies ``text-case`` to the raw ``str`` stored in
the name, which lacks citeproc's string methods (``'str' object has no attribute
'capitalize_first'``), and to ``None`` when a name has no given name: styles with
``<name-part name="family" text-case="capitalize-first"/>`` crashed. It also formats the family
string it has joined ("van der Meer III") as one, dropping particle and suffix included. The fix
wraps ``format_part``: the part becomes a citeproc ``String``, an absent part stays absent, and
the parts ``name_joins`` tagged (:func:`tag`) take only the formatting of their own name-part,
each one formatted by itself, as citeproc-js prints them (``<b>van</b> <b>Familyname</b>``,
``<i>Givenname</i> <i>al</i>``: name_ParticlesDemoteNonDroppingNever; "Gerard van DER MEER":
name_FormattingOfParticles; ``<sc>Doe</sc> III``: decorations_AndTermUnaffectedByNameDecorations).
"""

from __future__ import annotations

import re
from typing import Any

from archcite.patterns import lazy
from archcite.styles.csl.fixes._patching import Overrides

FIX = "nameparts"

# Private-use marks around a name part inside the joined given or family string that the other
# name-part formats (GIVEN: a dropping particle; FAMILY: a non-dropping particle) or none formats
# (PLAIN: a suffix). Removed from the cs:name's output (:func:`untag`).
GIVEN = ("\ue050", "\ue051")
FAMILY = ("\ue052", "\ue053")
PLAIN = ("\ue054", "\ue055")
_MARKS = "".join(GIVEN + FAMILY + PLAIN)
_ANY_MARK = lazy(f"[{_MARKS}]")
# A tagged part, or a run of untagged text.
_SEGMENT = lazy(f"([{GIVEN[0]}{FAMILY[0]}{PLAIN[0]}])([^{_MARKS}]*)[{GIVEN[1]}{FAMILY[1]}{PLAIN[1]}]|([^{_MARKS}]+)")
_EDGES = lazy(r"^(\s*)(.*?)(\s*)$", re.S)
# The attributes that make a cs:name-part format its part (affixes aside).
_FORMATTING = (
    "text-case",
    "font-style",
    "font-variant",
    "font-weight",
    "text-decoration",
    "vertical-align",
)


def tag(kind: tuple[str, str], text: Any) -> str:
    """``text`` marked as a name part of ``kind`` (GIVEN, FAMILY or PLAIN)."""
    return f"{kind[0]}{text}{kind[1]}"


def untag(text: str) -> str:
    """``text`` without the name-part marks."""
    return _ANY_MARK().sub("", text) if any(mark in text for mark in _MARKS) else text


def formats_parts(name_element: Any) -> bool:
    """Whether a ``cs:name`` formats a name part (then the other parts must be told apart)."""
    return any(
        any(part.get(attribute) for attribute in _FORMATTING)
        for part in name_element.findall("cs:name-part", name_element.nsmap)
    )


def _format_each(self: Any, text: str, own: str | None, tagged: bool) -> str:
    """``text`` with this name-part's case and formatting applied to each of its parts: the
    untagged runs when ``tagged`` is false (text that is this name-part's own), and the parts
    tagged with ``own``."""
    from citeproc.string import String

    def formatted(segment: str) -> str:
        edges = _EDGES().match(segment)
        assert edges is not None
        before, core, after = edges.groups()
        return before + str(self.format(self.case(String(core)))) + after if core else segment

    out = []
    for match in _SEGMENT().finditer(text):
        opening, inside, untagged = match.groups()
        if untagged is not None:
            out.append(untagged if tagged else formatted(untagged))
        else:
            closing = {GIVEN[0]: GIVEN[1], FAMILY[0]: FAMILY[1], PLAIN[0]: PLAIN[1]}[opening]
            out.append(opening + (formatted(inside) if opening == own else inside) + closing)
    return "".join(out)


def _format_part(original: Any) -> Any:
    def format_part(self: Any, given: Any, family: Any) -> Any:
        from citeproc.string import MixedString, String

        part = self.get("name")
        value = given if part == "given" else family if part == "family" else None
        if value is None or value == "":
            # A part tagged inside the other part's string (disambiguation's expanded name, one
            # family string) still takes this name-part's formatting.
            own = GIVEN[0] if part == "given" else FAMILY[0]
            other = family if part == "given" else given
            if part in ("given", "family") and other and own in str(other):
                theirs = _format_each(self, str(other), own, tagged=True)
                return (given, theirs) if part == "given" else (theirs, family)
            return given, family
        if any(mark in str(given or "") + str(family or "") for mark in _MARKS):
            own = GIVEN[0] if part == "given" else FAMILY[0]
            other = family if part == "given" else given
            mine = str(self.wrap(_format_each(self, str(value), own, tagged=False)))
            theirs = _format_each(self, str(other), own, tagged=True) if other else other
            return (mine, theirs) if part == "given" else (theirs, mine)
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
    """Make name-part formatting safe for every name, and give each part its own."""
    from citeproc.model import Name_Part

    overrides.replace(Name_Part, "format_part", FIX, _format_part)
