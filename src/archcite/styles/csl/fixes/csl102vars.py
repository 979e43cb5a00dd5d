"""CSL 1.0.2 variables that citeproc-py 0.11.1 does not know.

CSL 1.0.2, appendix IV "Variables", adds name variables (``compiler``, ``chair``, ``curator``,
``director``, ``host``, ...), the date variable ``available-date`` and string/number variables
(``archive_collection``, ``event-title``, ``volume-title``, ``part-number``, ...). citeproc-py
lists variables in ``citeproc.NAMES``/``DATES``/``NUMBERS``/``VARIABLES``
(``citeproc/__init__.py``); an unlisted name variable is parsed as a string, which crashes the
renderer (``'String' object has no attribute 'parts'``) or prints a substituted title twice, and
``cs:key`` sorts an unlisted name, date or number variable as text. The fix reads CSL-JSON with
the longer lists (``CiteProcJSON.__init__``) and sorts by them (``Key.sort_keys``). Like
citeproc-js, it reads Zotero's ``shortTitle`` and ``journalAbbreviation`` as ``title-short`` and
``container-title-short`` when the item lacks those (bugreports_ContainerTitleShort). citeproc-py
stores ``container-author`` as ``container_author`` but ``cs:names`` looks a name variable up as
the style spells it, so no hyphenated name variable (``container-author``, ``reviewed-author``,
``collection-editor``, ``original-author``...) ever printed: the fix's ``Reference`` answers
for both spellings (bugreports_ByBy, bugreports_GreekStyleProblems). References and names keep
the fields citeproc-py does not list, as citeproc-py does, but without its warning
(:func:`make_name`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from archcite.styles.csl.fixes._patching import Overrides

FIX = "csl102vars"

NAMES = [
    *("chair", "compiler", "contributor", "curator", "director", "editor_translator"),
    *("executive_producer", "guest", "host", "narrator", "organizer", "performer", "producer"),
    *("reviewed_author", "script_writer", "series_creator"),
]
DATES = ["available_date"]
NUMBERS = ["part_number", "printing_number", "supplement_number"]


def all_names() -> list[str]:
    """Every CSL 1.0.2 name variable, in citeproc-py's spelling (``collection_editor``)."""
    import citeproc

    return [*citeproc.NAMES, *(name for name in NAMES if name not in citeproc.NAMES)]


def all_dates() -> list[str]:
    import citeproc

    return [*citeproc.DATES, *(name for name in DATES if name not in citeproc.DATES)]


# Zotero's CSL-JSON keys that citeproc-js reads as a CSL variable the item does not have itself.
ALIASES = {"shortTitle": "title-short", "journalAbbreviation": "container-title-short"}


def _with_aliases(item: dict[str, Any]) -> dict[str, Any]:
    fields = {name: value for name, value in item.items() if name not in ALIASES}
    for alias, variable in ALIASES.items():
        if item.get(alias) and not fields.get(variable):
            fields[variable] = item[alias]
    return fields


def _read_json(names: frozenset[str], dates: frozenset[str]) -> Any:
    def __init__(self: Any, json_data: Any) -> None:
        # What CiteProcJSON reads of each CSL-JSON item, with the CSL 1.0.2 variable lists.
        for item in json_data:
            fields: dict[str, Any] = {}
            key = kind = None
            for name, value in _with_aliases(item).items():
                variable = name.replace("-", "_")
                if variable == "id":
                    key = str(value).lower()
                elif variable == "type":
                    kind = value
                elif variable == "key":  # would clash with the reference's own key
                    continue
                elif variable in names:
                    fields[variable] = self.parse_names(value)
                elif variable in dates:
                    fields[variable] = self.parse_date(value)
                else:
                    fields[variable] = value if name == "language" else self.parse_string(value)
            self.add(self.reference_class(key, kind, **fields))

    return __init__


# The name parts citeproc-py's ``Name`` lists (``citeproc.source.Name.__init__``).
_NAME_PARTS = frozenset({"family", "given", "dropping-particle", "non-dropping-particle", "suffix"})


def make_name(fields: Mapping[str, Any], kind: type | None = None) -> Any:
    """``kind(**fields)`` (citeproc-py's ``Name`` by default) without its warning.

    citeproc-py keeps a field its ``Name`` or ``Reference`` does not list (``comma-suffix``,
    ``static-ordering``, the archival fields) but warns of it with ``warnings.warn``, which a
    program using archcite would print. Silencing that with ``warnings.catch_warnings`` would
    change the warning filters of the whole process, every thread's, while a document renders.
    So the listed fields are given to the constructor and the others added after, as the
    constructor would have added them."""
    from citeproc.source import Name

    listed = {"literal"} if "literal" in fields else _NAME_PARTS
    name = (kind or Name)(**{key: value for key, value in fields.items() if key in listed})
    name.update({key: value for key, value in fields.items() if key not in listed})
    return name


def _parse_names(_original: Any) -> Any:
    def parse_names(self: Any, json_data: Any) -> Any:
        return [make_name(name) for name in json_data]

    return parse_names


def _reference_init(_original: Any) -> Any:
    def __init__(self: Any, key: str, type: str, **fields: Any) -> None:
        # citeproc-py's Reference.__init__, without its warning (see make_name).
        self.key = key
        self.type = type
        self.update(fields)

    return __init__


def _hyphenated(original: Any) -> Any:
    # A Reference holds "container_author"; cs:names asks for the variable as the style spells it.
    if original is dict.__contains__:
        return _contains
    if original is dict.get:
        return _get

    def lookup(self: Any, key: Any, *args: Any) -> Any:
        if isinstance(key, str) and "-" in key and not dict.__contains__(self, key):
            key = key.replace("-", "_")
        return original(self, key, *args)

    return lookup


# The same for dict's own methods, without a second call on the common path (a key as stored).
def _contains(self: Any, key: Any) -> bool:
    if dict.__contains__(self, key):
        return True
    return isinstance(key, str) and "-" in key and dict.__contains__(self, key.replace("-", "_"))


_ABSENT = object()


def _get(self: Any, key: Any, default: Any = None) -> Any:
    value = dict.get(self, key, _ABSENT)
    if value is not _ABSENT:
        return value
    if isinstance(key, str) and "-" in key:
        return dict.get(self, key.replace("-", "_"), default)
    return default


def _sort_keys(original: Any) -> Any:
    def sort_keys(self: Any, items: Any, context: Any) -> Any:
        variable = self.get("variable", "").replace("-", "_")
        if variable in NAMES:
            return [self._format_name(item, variable) for item in items]
        if variable in DATES:
            dates = [item.reference.get(variable) for item in items]
            return [None if date is None else date.sort_key() for date in dates]
        if variable in NUMBERS:
            return [self._format_number(item, variable) for item in items]
        return original(self, items, context)

    return sort_keys


def apply(overrides: Overrides) -> None:
    """Read and sort the CSL 1.0.2 variables as names, dates and numbers."""
    from citeproc.model import Key
    from citeproc.source import Reference
    from citeproc.source.json import CiteProcJSON

    overrides.replace(CiteProcJSON, "reference_class", FIX, lambda _original: Reference)
    overrides.replace(Reference, "__init__", FIX, _reference_init)
    # First of the fixes to change parse_names: the others wrap this one.
    overrides.replace(CiteProcJSON, "parse_names", FIX, _parse_names)
    overrides.replace(
        CiteProcJSON, "__init__", FIX, lambda _original: _read_json(frozenset(all_names()), frozenset(all_dates()))
    )
    overrides.replace(Key, "sort_keys", FIX, _sort_keys)
    # (``Reference[key]`` answers for both spellings in perf's fast look-up, the hot path.)
    for method in ("__contains__", "get"):
        overrides.replace(Reference, method, FIX, _hyphenated)
