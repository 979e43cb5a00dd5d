"""Personal and institutional names as the manuals print them in archival citations.

Three kinds of name need different handling:

* a person given as ``family``/``given`` is inverted where the style inverts ("Creel, George");
* a name given as ``literal`` (an institution, or a name the record keeps whole, such as
  "Kim Il Sung") is never inverted and never split;
* a person with ``static-ordering`` (an East Asian name stored as family "Chen", given "Jian") is
  printed family-first with no comma in every position ("Chen Jian") and sorted under the family
  name.

Diacritics are kept exactly as in the record; nothing here normalises a name's spelling.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from archcite.patterns import lazy

Name = Mapping[str, Any]


def typographic(text: str) -> str:
    """Straight apostrophes and single quotes made curly ("Workers’"); call numbers and URLs
    never go through this."""
    text = re.sub(r"(?<=\w)'", "’", text)
    return re.sub(r"'(?=\w)", "‘", text).replace("'", "’")


def _clean(value: Any) -> str:
    return typographic(" ".join(str(value).split())) if value else ""


def is_family_first(name: Name) -> bool:
    """True for names the record keeps whole or family-first (literal or static-ordering)."""
    return bool(name.get("literal")) or bool(name.get("static-ordering"))


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def natural(name: Name) -> str:
    """Given name first ("George F. Kennan", "Charles de Gaulle"); family-first names as they are."""
    if name.get("literal"):
        return _clean(name["literal"])
    family = _clean(name.get("family"))
    given = _clean(name.get("given"))
    if name.get("static-ordering"):
        return _join(family, given)
    core = _join(given, _clean(name.get("dropping-particle")), _clean(name.get("non-dropping-particle")), family)
    suffix = _clean(name.get("suffix"))
    if suffix:
        core += (", " if name.get("comma-suffix") else " ") + suffix
    return core


def inverted(name: Name, *, demote_particle: bool) -> str:
    """Family name first for sorting lists ("Kennan, George F."; Chicago "Gaulle, Charles de",
    MLA "de Gaulle, Charles"); literal and static-ordering names are never inverted."""
    if is_family_first(name) or not name.get("given"):
        return natural(name)
    family = _clean(name.get("family"))
    particle = _clean(name.get("non-dropping-particle"))
    given = _join(_clean(name.get("given")), _clean(name.get("dropping-particle")))
    if particle and demote_particle:
        given = _join(given, particle)
    elif particle:
        family = _join(particle, family)
    text = f"{family}, {given}"
    suffix = _clean(name.get("suffix"))
    return f"{text}, {suffix}" if suffix else text


# An office with its holder's surname in parentheses, as FRUS headings name people: "the
# Ambassador in Spain (Weddell)", "President's Assistant for National Security Affairs (Kissinger)".
_OFFICE_HOLDER = lazy(r".+\s\((?P<surname>[A-Z][\w’'-]*[a-z][\w’'-]*(?: [A-Z][\w’'-]*[a-z][\w’'-]*)?)\)")
# A rank or office before a person's name, as letter titles give it ("Major General Horatio
# Gates", "Secretary of State Rogers", "Colonel House"): the person is the name after it. "General"
# and "Major" also open institutions' names ("General Assembly"), so they need a given name too.
_RANKS = (
    "Major General|Brigadier General|Lieutenant General|Lieutenant Colonel|Colonel|Captain|Lieutenant|"
    "Rear Admiral|Admiral|Commodore|Governor|Senator|Judge|Doctor|Dr\\.|Reverend|Rev\\.|President|"
    "Secretary of State|Secretary of War|Secretary of the Treasury|Secretary of the Navy"
)
_NAME_WORD = r"[A-Z][\w’'.-]*\s+"
_SURNAME = r"(?P<surname>[A-Z][\w’'-]*[a-z][\w’'-]*)"
_RANKED_PERSON = lazy(
    rf"(?:(?:{_RANKS})\s+(?:{_NAME_WORD}){{0,2}}|(?:General|Major)\s+(?:{_NAME_WORD}){{1,2}}){_SURNAME}"
)


def short(name: Name, *, holder_of_office: bool = False) -> str:
    """The form a short note or an in-text citation uses: family name with its non-dropping
    particle ("de Gaulle"); a literal name whole ("Kim Il Sung"), so institutions stay whole.
    With ``holder_of_office`` (a short note, which follows a full one) an office named with its
    holder ("Ambassador in Spain (Weddell)") or a ranked person ("Major General Horatio Gates")
    is the surname, as a person's short form is; an in-text citation keeps the name its list
    entry is sorted under."""
    if name.get("literal"):
        literal = _clean(name["literal"])
        if not holder_of_office:
            return literal
        holder = _OFFICE_HOLDER().fullmatch(literal) or _RANKED_PERSON().fullmatch(literal)
        return holder["surname"] if holder else literal
    return _join(_clean(name.get("non-dropping-particle")), _clean(name.get("family"))) or _clean(name.get("given"))


def _series(items: Sequence[str], *, serial_comma_for_two: bool = False) -> str:
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return f"{items[0]}{',' if serial_comma_for_two else ''} and {items[1]}"
    return ", ".join(items[:-1]) + ", and " + items[-1]


def note_list(names: Sequence[Name]) -> str:
    """Names in a Chicago note: "A", "A and B", three or more "A et al." (CMOS 18 notes)."""
    if len(names) >= 3:
        return f"{natural(names[0])} et al."
    return _series([natural(n) for n in names])


def plain_list(names: Sequence[Name]) -> str:
    """Every name in natural order ("A, B, and C"): recipients and translators."""
    return _series([natural(n) for n in names])


def short_list(names: Sequence[Name], *, holder_of_office: bool = False) -> str:
    """Short forms for short notes and in-text citations: "Creel", "Kim Il Sung and Pak Hon Yong",
    three or more "Blight et al."."""
    if len(names) >= 3:
        return f"{short(names[0], holder_of_office=holder_of_office)} et al."
    return _series([short(n, holder_of_office=holder_of_office) for n in names])


def chicago_bibliography_list(names: Sequence[Name]) -> str:
    """First name inverted, the rest natural; seven or more: the first three and "et al."."""
    shown = list(names[:3]) if len(names) >= 7 else list(names)
    first = inverted(shown[0], demote_particle=True)
    rest = [natural(n) for n in shown[1:]]
    if len(names) >= 7:
        return ", ".join([first, *rest]) + ", et al."
    # A comma closes an inverted first name before "and" ("Auden, W. H., and Klaus Mann");
    # a name printed whole needs none ("Kim Il Sung and Pak Hon Yong").
    return _series([first, *rest], serial_comma_for_two=first != natural(shown[0]))


def mla_list(names: Sequence[Name]) -> str:
    """MLA 9: "Family, Given", "Family, Given, and Given Family", three or more "…, et al."."""
    first = inverted(names[0], demote_particle=False)
    if len(names) >= 3:
        return f"{first}, et al."
    if len(names) == 2:
        separator = "," if first != natural(names[0]) else ""
        return f"{first}{separator} and {natural(names[1])}"
    return first


# Neither a letter, a digit nor a space: `\w` is `str.isalnum()` or "_", `\s` is `str.isspace()`.
_NOT_ALNUM_OR_SPACE = re.compile(r"[^\w\s]|_")


def collation_key(text: str) -> str:
    """Case- and accent-insensitive sort text ("Békés" sorts with "Bekes"); punctuation ignored."""
    text = text.replace("ł", "l").replace("Ł", "L").replace("ß", "ss").replace("ø", "o")
    letters = unicodedata.normalize("NFKD", text)
    if not letters.isascii():  # ASCII has no combining marks
        letters = "".join(c for c in letters if not unicodedata.combining(c))
    return " ".join(_NOT_ALNUM_OR_SPACE.sub(" ", letters.casefold()).split())
