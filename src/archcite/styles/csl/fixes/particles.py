"""Particles written inside the family or given name are read as particles.

CSL 1.0.2, "Name-part Order": the non-dropping particle ("van", "de", "al-") precedes the family
name and the dropping particle ("von") follows the given name; they sort and demote as such.
CSL-JSON often carries them inside the name fields ({"family": "van Gogh"}, {"given": "Alexander
von"}). citeproc-js reads them out when the name has a given name and no particle of its own and
does not say ``"parse-names": false``: the lower-case words (a word may end in an apostrophe or a
hyphen: "d'Aubignac", "al-One") that open the family name, and those that end the given name
(name_ParseNames: "van Gogh, Vincent" sorts under G with "sort-only"; name_HyphenatedNon-
DroppingParticle*). A family name in double quotes is taken as it is, without the quotes ("Van
Dyke", name_ParticleCaps3). A suffix written after a comma in the given name is read out too
("John, III"; "John,! Jr." sets ``comma-suffix``: magic_NameSuffixNoComma, magic_NameSuffixWithComma).
citeproc-py 0.11.1 reads the fields as they are. The fix wraps
``CiteProcJSON.parse_names``.
"""

from __future__ import annotations

import re
from typing import Any

from archcite.styles.csl.fixes import _names
from archcite.styles.csl.fixes._patching import Overrides

FIX = "particles"
_JOINERS = "-'\u2019\u02bb"
# One leading word of a family name with what joins it to the next: "van ", "d'", "al-", and
# an elided article opening with its apostrophe ("’t ", as in "in ’t Veld": citeproc-js's
# particle list has it; name_ParticlesDemoteNonDroppingNever).
_LEADING_WORD = re.compile(rf"['\u2019]?[^\s{re.escape(_JOINERS)}]+(?:[{re.escape(_JOINERS)}]|\s+)(?=\S)")


def _is_particle(word: str) -> bool:
    letters = word.lstrip(_JOINERS + " ")
    return bool(letters) and letters[0].islower()


def split_family(family: str) -> tuple[str, str]:
    """(non-dropping particle, family name) of a family name field."""
    rest, particle = family, ""
    while (match := _LEADING_WORD.match(rest)) and _is_particle(match.group(0)):
        particle += match.group(0)
        rest = rest[match.end() :]
    return particle.strip(), rest


def split_given(given: str) -> tuple[str, str]:
    """(given name, dropping particle) of a given name field."""
    words = given.split(" ")
    cut = len(words)
    while cut > 1 and _is_particle(words[cut - 1]):
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


_SUFFIX_COMMA = re.compile(r"\s*,(!?)\s*")


def split_suffix(given: str) -> dict[str, Any]:
    """The given name and suffix of a given name field written "John, III" (or "John,! Jr." for a
    suffix printed after a comma: CSL-JSON's ``comma-suffix``), as citeproc-js reads them."""
    match = _SUFFIX_COMMA.search(given)
    if not match or match.group(0).strip() not in (",", ",!"):
        return {"given": given}
    suffix = given[match.end() :]
    if suffix.replace(".", "") == "et al":  # citeproc-js reads an "et al." written there otherwise
        return {"given": given}
    fields: dict[str, Any] = {"given": given[: match.start()], "suffix": suffix}
    if match.group(1):
        fields["comma-suffix"] = True
    return fields


def parsed(name: Any) -> Any:
    """A CSL-JSON name with the particles in its fields moved to the particle fields."""
    if not isinstance(name, dict) or "literal" in name or name.get("parse-names") in (False, "false", 0):
        return name
    family, given = name.get("family"), name.get("given")
    if not isinstance(family, str) or not family:
        return name
    if len(family) > 1 and family.startswith('"') and family.endswith('"'):
        return {**name, "family": family[1:-1]}
    if not isinstance(given, str) or not given or name.get("non-dropping-particle") or name.get("dropping-particle"):
        return name
    result = dict(name)
    non_dropping, result["family"] = split_family(family)
    if non_dropping:
        result["non-dropping-particle"] = non_dropping
    if not result.get("suffix"):
        result.update(split_suffix(given))
    result["given"], dropping = split_given(result["given"])
    if dropping:
        result["dropping-particle"] = dropping
    return result


def apply(overrides: Overrides) -> None:
    """Read particles out of the name fields."""
    from citeproc.source.json import CiteProcJSON

    overrides.replace(CiteProcJSON, "parse_names", FIX, _names.each_name_read(parsed))
