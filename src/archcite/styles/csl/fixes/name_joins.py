"""How the parts of a personal name join: a particle ending in an apostrophe or a hyphen is joined
to what follows without a space, and in a name printed given name first the suffix belongs with
the family name, after a comma when the name says so.

CSL 1.0.2, "Name-part Order" lists the parts' order and leaves the joins to the processor.
citeproc-js joins an elided particle to the family name ("d’Aubignac", "al-One",
name_ParsedDroppingParticleWithApostrophe), prints CSL-JSON's ``comma-suffix`` ("Jeffrey Doe,
Jr.", name_ArticularWithComma), and in a name printed given name first keeps particles, family
name and suffix together, inside the family name-part's affixes ("[Jean] (de La Fontaine III)",
name_namepartAffixes). citeproc-py 0.11.1 (``Name.process``) puts a space between every two parts
and ignores ``comma-suffix``. The fix wraps ``Name.process`` and hands it each name with the parts
that join already joined, as the name's position (inverted or not) and the style's
``demote-non-dropping-particle`` decide.
"""

from __future__ import annotations

from typing import Any

from citeproc.source import Name

from archcite.styles.csl.fixes import _names
from archcite.styles.csl.fixes._patching import Overrides

FIX = "name_joins"
_ELIDED = ("'", "\u2019", "-")


def join_parts(*parts: Any) -> str:
    """The parts in order, one space between two, none after a particle ending in ' ’ or -."""
    out = ""
    for part in parts:
        if not part:
            continue
        text = str(part)
        out += text if not out or out.endswith(_ELIDED) else " " + text
    return out


def _joined(name: Any, inverted: bool, demote: bool, short: bool) -> Any:
    """``name`` with the parts that join in this position joined (the name unchanged if none)."""
    if not isinstance(name, Name) or "literal" in name or type(name) is not Name:
        return name
    given, family, dropping, non_dropping, suffix = name.parts()
    if not family:
        return name
    fields = {"given": given} if given else {}
    if short or inverted:
        if not non_dropping or not str(non_dropping).endswith(_ELIDED) or (inverted and demote):
            return name
        fields["family"] = join_parts(non_dropping, family)
        if dropping:
            fields["dropping-particle"] = dropping
        if suffix:
            fields["suffix"] = suffix
        return Name(**fields)
    separator = ", " if name.get("comma-suffix") else " "
    elided = any(str(particle).endswith(_ELIDED) for particle in (dropping, non_dropping) if particle)
    if not elided and not suffix:
        return name
    family_part = join_parts(dropping, non_dropping, family)
    fields["family"] = family_part + separator + str(suffix) if suffix else family_part
    return Name(**fields)


def _process(original: Any) -> Any:
    def process(self: Any, item: Any, variable: str, context: Any = None, sort_options: Any = None, **kw: Any) -> Any:
        key = variable.replace("-", "_")
        names = item.reference.get(key)
        if sort_options is not None or not names:
            return original(self, item, variable, context=context, sort_options=sort_options, **kw)
        form = self.get_option("form", context)
        order = self.get_option("name-as-sort-order", context)
        demote = self.get_option("demote-non-dropping-particle", context) == "display-and-sort"
        joined = [
            _joined(name, form == "long" and (order == "all" or (order == "first" and i == 0)), demote, form == "short")
            for i, name in enumerate(names)
        ]
        if all(new is old for new, old in zip(joined, names, strict=True)):
            return original(self, item, variable, context=context, sort_options=sort_options, **kw)
        with _names.lent(item, variable, joined):
            return original(self, item, variable, context=context, sort_options=sort_options, **kw)

    return process


def apply(overrides: Overrides) -> None:
    """Join the parts of names that citeproc-js prints joined."""
    from citeproc.model import Name as NameElement

    overrides.replace(NameElement, "process", FIX, _process)
