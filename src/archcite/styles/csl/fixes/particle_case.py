"""A name-part's ``text-case`` reaches the particle it governs, wherever the particle is printed.

CSL 1.0.2, "Name-part Formatting": the ``text-case`` of ``cs:name-part name="given"`` affects the
given name and the dropping particle, that of ``name="family"`` the family name and the
non-dropping particle. citeproc-js cases each part so: with ``<name-part name="family"
text-case="uppercase"/>`` a demoted particle prints "GAULLE, C. DE", with ``<name-part
name="given" text-case="capitalize-first"/>`` a dropping particle "WEIZSÄCKER, R. Von"
(iso690-numeric-lt).

citeproc-py 0.11.1 (``Name.process``) joins the particles to the part they stand beside before it
cases the parts: a demoted non-dropping particle follows the given name and takes its case
("GAULLE, C. de"), and the given name's case applies to "R. von" as one string. The fix wraps
``Name.process`` and hands it each name with its particles already cased by the name-part that
governs them; the case of the part they are printed with then leaves them as they are (upper
case stays upper case, a capital stays a capital).
"""

from __future__ import annotations

from typing import Any

from citeproc.source import Name

from archcite.styles.csl.fixes import _names
from archcite.styles.csl.fixes._patching import Overrides
from archcite.styles.csl.fixes.csl102vars import make_name

FIX = "particle_case"
_NAME_PART = "{http://purl.org/net/xbiblio/csl}name-part"
# particle -> the name-part whose text-case governs it
_GOVERNED_BY = {"dropping-particle": "given", "non-dropping-particle": "family"}
_CASING = "_archcite_particle_casing"


def _casing(element: Any) -> dict[str, Any]:
    """{particle: the cs:name-part that cases it} of a cs:name (worked out once per element)."""
    found: dict[str, Any] | None = element.__dict__.get(_CASING)
    if found is None:
        parts = {part.get("name"): part for part in element.iterchildren(_NAME_PART) if part.get("text-case")}
        found = {particle: parts[name] for particle, name in _GOVERNED_BY.items() if name in parts}
        element.__dict__[_CASING] = found
    return found


def _cased(name: Any, casing: dict[str, Any]) -> Any:
    """``name`` with its particles cased by their name-parts (the name unchanged if it has none)."""
    from citeproc.string import String

    if not isinstance(name, Name) or type(name) is not Name:
        return name
    fields = dict(name)
    for particle, part in casing.items():
        if fields.get(particle):
            fields[particle] = str(part.case(String(str(fields[particle]))))
    return name if fields == dict(name) else make_name(fields)


def _process(original: Any) -> Any:
    def process(self: Any, item: Any, variable: str, context: Any = None, sort_options: Any = None, **kw: Any) -> Any:
        casing = _casing(self)
        names = item.reference.get(variable.replace("-", "_"))
        if not casing or sort_options is not None or not names:
            return original(self, item, variable, context=context, sort_options=sort_options, **kw)
        cased = [_cased(name, casing) for name in names]
        return _names.process_with(original, self, item, variable, cased, context=context, sort_options=None, **kw)

    return process


def apply(overrides: Overrides) -> None:
    """Case each particle by the name-part that governs it."""
    from citeproc.model import Name as NameElement

    overrides.replace(NameElement, "process", FIX, _process)
