"""Et-al abbreviation only where ``et-al-use-first`` is set, and none of the names with "0".

CSL 1.0.2, ``cs:name`` options ``et-al-min`` and ``et-al-use-first`` (inheritable from
``cs:citation`` or ``cs:bibliography`` and ``cs:style``): the names are abbreviated when both
apply; "et-al-use-first" names how many are shown. An option set on ``cs:citation`` does not
reach the bibliography (nameattr_EtAlUseFirstOnCitationInBibliography: all three names there),
and "0" shows none of them, so the name list prints nothing (etal_UseZeroFirst, as citeproc-js).

citeproc-py 0.11.1 (``Name.get_option``) gives ``et-al-use-first`` a default of 1, so a
bibliography that sets only ``et-al-min`` abbreviated to one name, and with "0" printed the
bare "et al.". The fix wraps ``Name.get_option`` (no ``et-al-use-first`` anywhere: no
abbreviation) and ``Name.process`` (none shown: no output).
"""

from __future__ import annotations

from typing import Any

from archcite.styles.csl.fixes._patching import Overrides

FIX = "etal"
_SECTION = "./ancestor::*[self::cs:citation or self::cs:bibliography][1]"


def _use_first_is_set(name: Any, context: Any) -> bool:
    if name.get("et-al-use-first") is not None:
        return True
    sections = (context if context is not None else name).xpath_search(_SECTION)
    holders = [*sections, name.getroottree().getroot()]
    return any(holder.get("et-al-use-first") is not None for holder in holders)


def _get_option(original: Any) -> Any:
    def get_option(self: Any, name: str, context: Any = None, sort_options: Any = None) -> Any:
        value = original(self, name, context, sort_options)
        if name == "et-al-min" and sort_options is None and value and not _use_first_is_set(self, context):
            return 0
        return value

    return get_option


def _process(original: Any) -> Any:
    def process(self: Any, item: Any, variable: str, context: Any = None, sort_options: Any = None, **kw: Any) -> Any:
        if sort_options is None and str(self.get_option("et-al-use-first", context)) == "0":
            names = item.reference.get(variable.replace("-", "_")) or ()
            minimum = self.get_option("et-al-min", context)
            if len(names) > 1 and minimum and len(names) >= minimum:
                return ""
        return original(self, item, variable, context=context, sort_options=sort_options, **kw)

    return process


def apply(overrides: Overrides) -> None:
    """Abbreviate only where et-al-use-first is set; with 0, print no names."""
    from citeproc.model import Name

    overrides.replace(Name, "get_option", FIX, _get_option, for_arguments=("et-al-min",))
    overrides.replace(Name, "process", FIX, _process)
