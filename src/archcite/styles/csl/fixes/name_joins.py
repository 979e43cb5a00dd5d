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
``demote-non-dropping-particle`` decide. It also takes out the space citeproc-py puts after a
name part whose affix ends in a no-break space, and the spaces around an "and" term that does not
begin with a letter of a script spacing its words (Hebrew "ו", Japanese "と"), as citeproc-js does.
In a French, Russian or Czech locale citeproc-js joins the particles to the family name with a
no-break space ("Charles de\u00a0Gaulle", "Richard von\u00a0Weizsäcker"; ``_renderPersonalName``'s
``nbspace``), wherever they are printed together; so does the fix.
Where the ``cs:name`` has an ``initialize-with``, the initials in a name's suffix are written with
it as those of a given name kept whole ("R.J. Miller" -> "R. J. Miller" with ". ", "RJ Miller" with
""): citeproc-js's ``_nameSuffix`` normalises the suffix with ``initializeWith``; CSL 1.0.2 is
silent on the suffix.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from citeproc.source import Name

from archcite.styles.csl.fixes import _names, nameparts
from archcite.styles.csl.fixes._patching import Overrides
from archcite.styles.csl.fixes.csl102vars import make_name
from archcite.styles.csl.fixes.initialize import keep_given

FIX = "name_joins"
_ELIDED = ("'", "\u2019", "-")
# A no-break space that ends an affix (``<name-part name="given" suffix="&#160;"/>``) stands for
# the space citeproc-py puts after it: citeproc-js merges the two (name_WithNonBreakingSpace).
_GLUED = "\u00a0 "
# citeproc-js spaces an "and" term only when it begins with a letter of a script that spaces its
# words (CSL.STARTSWITH_ROMANESQUE_REGEXP: Latin, Greek, Cyrillic, Hebrew but its conjunction
# "ו", Arabic, Thai); "and" terms such as Hebrew "ו" or Japanese "と" join the names unspaced
# (name_HebrewAnd).
_ROMANESQUE = re.compile(
    "[&a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4\u05d6-\u05ff"
    "\u1f00-\u1fff\u0600-\u06ff\u200c\u200d\u200e\u0218-\u021b\u202a-\u202e]"
)


# The languages whose locales join a name's particles to its family name with a no-break space.
_NBSP_LANGUAGES = frozenset({"fr", "ru", "cs"})


def join_parts(*parts: Any, space: str = " ") -> str:
    """The parts in order, ``space`` between two, none after a particle ending in ' ’ or -."""
    out = ""
    for part in parts:
        if not part:
            continue
        text = str(part)
        out += text if not out or _elided(out) else space + text
    return out


def _elided(particle: Any) -> bool:
    return nameparts.untag(str(particle)).endswith(_ELIDED)


def _tagged(name: Any) -> Any:
    """``name`` with its particles and suffix tagged for ``nameparts``, which formats each part
    with its own name-part's formatting (the name unchanged if it has none of them)."""
    given, family, dropping, non_dropping, suffix = name.parts()
    if not (dropping or non_dropping or suffix):
        return name
    fields = {key: value for key, value in name.items() if key not in ("given", "family")}
    fields |= {"given": given} if given else {}
    fields |= {"family": family}
    for key, part, kind in (
        ("dropping-particle", dropping, nameparts.GIVEN),
        ("non-dropping-particle", non_dropping, nameparts.FAMILY),
        ("suffix", suffix, nameparts.PLAIN),
    ):
        if part:
            fields[key] = nameparts.tag(kind, part)
    return make_name(fields)


def _joined(name: Any, inverted: bool, demote: bool, short: bool, *, space: str = " ", tagged: bool = False) -> Any:
    """``name`` with the parts that join in this position joined (the name unchanged if none),
    its parts tagged for their own formatting when ``tagged``."""
    if not isinstance(name, Name) or "literal" in name or type(name) is not Name:
        return name
    if tagged:
        name = _tagged(name)
    given, family, dropping, non_dropping, suffix = name.parts()
    if not family:
        return name
    fields = {"given": given} if given else {}
    if short or inverted:
        glued = space != " " or _elided(non_dropping)
        if not non_dropping or not glued or (inverted and demote):
            return name
        fields["family"] = join_parts(non_dropping, family, space=space)
        if dropping:
            fields["dropping-particle"] = dropping
        if suffix:
            fields["suffix"] = suffix
        return Name(**fields)
    separator = ", " if name.get("comma-suffix") else " "
    elided = any(_elided(particle) for particle in (dropping, non_dropping) if particle)
    if not elided and not suffix and (space == " " or not (dropping or non_dropping)):
        return name
    family_part = join_parts(dropping, non_dropping, family, space=space)
    fields["family"] = family_part + separator + str(suffix) if suffix else family_part
    return Name(**fields)


def _suffix_initials(name: Any, mark: str) -> Any:
    """``name`` with the initials of its suffix written with ``mark`` (the name unchanged if none)."""
    if not isinstance(name, Name) or type(name) is not Name or not name.get("suffix"):
        return name
    suffix = keep_given(str(name["suffix"]), mark)
    if suffix == name["suffix"]:
        return name
    return make_name({**name, "suffix": suffix})


def _edit(text: Any, edit: Callable[[str], str]) -> Any:
    """``text`` (a str, String or MixedString) with ``edit`` applied to each of its strings."""
    from citeproc.string import MixedString

    if isinstance(text, MixedString):
        return type(text)(_edit(segment, edit) for segment in text)
    if isinstance(text, str):
        edited = edit(text)
        return text if edited == text else type(text)(edited)
    return text


def _glued(text: Any) -> Any:
    """The names' text without the space after a no-break space that ends a name part's affix."""
    return _edit(text, lambda segment: segment.replace(_GLUED, "\u00a0"))


def _and_unspaced(text: str, term: str, delimiter: str, keep: bool) -> str:
    """The names joined by an "and" term without the spaces citeproc-py puts around it, and without
    the name delimiter before it unless ``keep``."""
    if delimiter:
        text = text.replace(f"{delimiter}{term} ", f"{delimiter}{term}" if keep else term)
    return text.replace(f" {term} ", term)


def _declared(element: Any, option: str) -> str | None:
    """``option`` as the style declares it for a ``cs:name``: on it, else on the ``cs:citation`` or
    ``cs:bibliography`` around it, else on ``cs:style``."""
    value = element.get(option)
    for ancestor in element.iterancestors():
        if value is not None:
            break
        if ancestor.tag.rpartition("}")[2] in ("citation", "bibliography", "style"):
            value = ancestor.get(option)
    return value  # type: ignore[no-any-return]


def _process(original: Any) -> Any:
    def process(self: Any, item: Any, variable: str, context: Any = None, sort_options: Any = None, **kw: Any) -> Any:
        result = _glued(_joined_process(self, item, variable, context=context, sort_options=sort_options, **kw))
        result = _edit(result, nameparts.untag)
        term = str(self.get_single_term(name="and")) if self.get_option("and", context) == "text" else ""
        if not term or _ROMANESQUE.match(term):
            return result
        # citeproc-js (_getAndJoin): the delimiter goes before such a term only between two names
        # under "always", or after a name "after-inverted-name" inverted
        keep = self.get_option("delimiter-precedes-last", context) == "always" and (
            len(_names.rendering()) == 2 or _declared(self, "delimiter-precedes-last") == "after-inverted-name"
        )
        delimiter = str(self.get_option("delimiter", context) or "")
        return _edit(result, lambda text: _and_unspaced(text, term, delimiter, keep))

    def _joined_process(
        self: Any, item: Any, variable: str, context: Any = None, sort_options: Any = None, **kw: Any
    ) -> Any:
        key = variable.replace("-", "_")
        given = item.reference.get(key)
        if sort_options is not None or not given:
            return original(self, item, variable, context=context, sort_options=sort_options, **kw)
        mark = self.get_option("initialize-with", context)
        names = given if mark is None else [_suffix_initials(name, str(mark)) for name in given]
        form = self.get_option("form", context)
        order = self.get_option("name-as-sort-order", context)
        demote = self.get_option("demote-non-dropping-particle", context) == "display-and-sort"
        language = str(self.get_root().get("default-locale", "en-US"))[:2].lower()
        space = "\u00a0" if language in _NBSP_LANGUAGES else " "
        tagged = nameparts.formats_parts(self)
        joined = [
            _joined(
                name,
                form == "long" and (order == "all" or (order == "first" and i == 0)),
                demote,
                form == "short",
                space=space,
                tagged=tagged,
            )
            for i, name in enumerate(names)
        ]
        return _names.process_with(original, self, item, variable, joined, context=context, sort_options=None, **kw)

    return process


def apply(overrides: Overrides) -> None:
    """Join the parts of names that citeproc-js prints joined."""
    from citeproc.model import Name as NameElement

    overrides.replace(NameElement, "process", FIX, _process)
