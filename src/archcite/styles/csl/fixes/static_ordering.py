"""Names written family name first (``static-ordering``, or in a script without case such as
Chinese or Japanese) print family name first, in every position, given name initialised as the
style asks.

CSL-JSON's ``static-ordering`` flag (a citeproc-js extension, not in CSL 1.0.2) marks names
written family name first, such as romanised Chinese, Japanese and Korean names. The Chicago
Manual of Style (18th ed., chapter 8 on Chinese, Japanese and Korean names) keeps that order
without a comma in running text, notes and bibliographies ("Chen Jian"); citeproc-js does the
same, initialises the given name where the style initialises ("Chen J." in APA, "Chen J. X."),
prints the family name alone in the short form ("Chen"), and treats a name whose family name is
in none of the scripts that write names given name first the same way, without a space ("我妻栄",
name_AsianGlyphs). citeproc-py 0.11.1 ignores the flag ("J. Chen", "栄 我妻").

The fix wraps ``CiteProcJSON.parse_names``, which reads such a name as a :class:`FamilyFirst`,
and ``Name.process``, which prints each as the literal its options make of it (so it is never
inverted, as a literal is never inverted). It wraps the ``Name.process`` of the fixes that look
for literal names (``and_delimiter``, ``after_inverted_name``), so it comes after them.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from citeproc.source import Name

from archcite.styles.csl.fixes import _names, nameparts
from archcite.styles.csl.fixes._patching import Overrides
from archcite.styles.csl.fixes.csl102vars import make_name

FIX = "static_ordering"
# Scripts whose names are written given name first (citeproc-js's "romanesque" scripts).
_GIVEN_FIRST_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC", "ARMENIAN", "HEBREW", "ARABIC", "THAI")


class FamilyFirst(Name):  # type: ignore[misc]
    """A name printed family name first."""


def _written_given_first(text: str) -> bool:
    return any(
        char.isdigit() or unicodedata.name(char, "").startswith(_GIVEN_FIRST_SCRIPTS) for char in text if char.isalnum()
    )


def is_family_first(name: dict[str, Any]) -> bool:
    """Whether a CSL-JSON name prints family name first."""
    if "literal" in name or not name.get("family"):
        return False
    return bool(name.get("static-ordering")) or not _written_given_first(str(name["family"]))


def _parse_names(original: Any) -> Any:
    def parse_names(self: Any, json_data: Any) -> Any:
        names = []
        for name in json_data:
            if isinstance(name, dict) and is_family_first(name):
                fields = {key: value for key, value in name.items() if key != "static-ordering"}
                names.append(make_name(original(self, [fields])[0], FamilyFirst))
            else:
                names += original(self, [name])
        return names

    return parse_names


def family_first_text(name: Any, form: str, initialize: Any, tagged: bool = False) -> str:
    """The name as printed: "Chen Jian", "Chen J." (``initialize(given)``), "Chen" (short). With
    ``tagged``, the given name and suffix are marked as parts the family name-part does not
    format (``nameparts``): "CHEN Jian" under a family name-part in capitals, as citeproc-js prints it."""
    given, family, _dropping, non_dropping, suffix = name.parts()
    family = " ".join(str(part) for part in (non_dropping, family) if part)
    if form == "short" or not given:
        return family
    given = initialize(str(given))
    separator = " " if _written_given_first(family + given) else ""
    rest = [given, *([str(suffix)] if suffix else [])]
    if tagged:
        rest = [nameparts.tag(nameparts.GIVEN, given), *(nameparts.tag(nameparts.PLAIN, part) for part in rest[1:])]
    return separator.join([family, *rest])


def _process(original: Any) -> Any:
    def process(self: Any, item: Any, variable: str, context: Any = None, sort_options: Any = None, **kw: Any) -> Any:
        key = variable.replace("-", "_")
        names = item.reference.get(key)
        if not names or not any(isinstance(name, FamilyFirst) for name in names):
            return original(self, item, variable, context=context, sort_options=sort_options, **kw)
        form = self.get_option("form", context, sort_options)
        mark = self.get_option("initialize-with", context, sort_options)

        def initialize(given: str) -> str:
            return given if mark is None else str(self.initialize(given, mark, context))

        tagged = nameparts.formats_parts(self)
        printed = [
            Name(literal=family_first_text(name, form, initialize, tagged)) if isinstance(name, FamilyFirst) else name
            for name in names
        ]
        with _names.lent(item, variable, printed):
            return original(self, item, variable, context=context, sort_options=sort_options, **kw)

    return process


def apply(overrides: Overrides) -> None:
    """Print family-first names family name first."""
    from citeproc.model import Name as NameElement
    from citeproc.source.json import CiteProcJSON

    overrides.replace(CiteProcJSON, "parse_names", FIX, _parse_names)
    overrides.replace(NameElement, "process", FIX, _process)
