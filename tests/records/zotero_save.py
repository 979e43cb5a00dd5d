"""The Zotero client's save step, after an import translator: ``Zotero.Item.prototype.fromJSON``.

Every translator's item is saved by the translation framework's item saver, which builds a
``Zotero.Item`` from it with ``fromJSON`` (zotero/zotero ``chrome/content/zotero/xpcom/
translation/translate_item.js``, ``ItemSaver.saveItems``: ``item.fromJSON(this.
_copyJSONItemForImport(jsonItem))``). Modelled here from the client's code as read there (the
zotero/zotero mirror A-Archives-and-Forks/zotero, commit 99228a6, ``xpcom/data/item.js``
``fromJSON`` and ``xpcom/utilities_internal.js`` ``extractExtraFields``, ``splitExtraLine``,
``combineExtraFields``; zotero/utilities ``utilities_item.js`` ``extraToCSL``), not guessed:

1. Extra is read first (``extractExtraFields(extra, this, Object.keys(json).concat('creators'))``):
   the first ``type:`` line naming a Zotero item type, or a CSL type whose item types do not
   include the translator's, changes the item type ("If a different item type was parsed out of
   Extra, use that instead") and leaves Extra; a line naming a CSL variable or a Zotero field
   moves into that field when the (new) item type has the field itself (not a base field it maps
   to another name), the translator did not set it, and the key is not ``publisher-place`` or
   ``event-place`` ("Skip for now"). Creator lines stay in Extra ("TEMP until we move creator
   lines to real creators").
2. Each translator field is set under the item type's own name of its base field
   (``getFieldIDFromTypeAndBase``); a field the item type lacks goes to Extra as a
   ``Title Case Name: value`` line, unless it is one of the type fields (``letterType``,
   ``manuscriptType``, ...: "Remove Type-mapped fields from Extra") or the item holds another
   field of its base.
3. A creator of a type the item type lacks becomes the item type's primary creator
   (``setCreator``; a presentation's presenter and an interview's interviewee are its authors).

What reaches citeproc-js is Extra as ``extraToCSL`` rewrites it: a line's key is lower-cased with
spaces as hyphens, and a Zotero field's name ("Place", "Archive Location") becomes its CSL
variable. :func:`extra_variable` gives the variable a line is read as.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from archcite.records.zotero_schema import ITEM_CREATOR_TYPES, ITEM_VARIABLES, ZOTERO_TYPES

# schema.json csl.fields (text and date): CSL variable -> Zotero base field, the fields archival
# records use.
CSL_FIELDS: Mapping[str, str] = {
    "abstract": "abstractNote", "archive": "archive", "archive_location": "archiveLocation",
    "call-number": "callNumber", "collection-number": "seriesNumber", "collection-title": "series",
    "container-title": "publicationTitle", "DOI": "DOI", "edition": "edition", "event-place": "place",
    "event-title": "meetingName", "genre": "type", "ISBN": "ISBN", "ISSN": "ISSN", "issue": "issue",
    "language": "language", "medium": "medium", "note": "extra", "number": "number",
    "number-of-pages": "numPages", "number-of-volumes": "numberOfVolumes", "page": "pages",
    "publisher": "publisher", "publisher-place": "place", "title": "title", "title-short": "shortTitle",
    "URL": "url", "volume": "volume", "accessed": "accessDate", "issued": "date", "original-date": "originalDate",
}  # fmt: skip
# schema.json itemTypes[].fields[].baseField: an item type's own name for a base field.
TYPE_FIELD_NAMES: Mapping[tuple[str, str], str] = {
    ("letter", "type"): "letterType",
    ("manuscript", "type"): "manuscriptType",
    ("presentation", "type"): "presentationType",
    ("report", "type"): "reportType",
    ("thesis", "type"): "thesisType",
    ("webpage", "type"): "websiteType",
    ("report", "publisher"): "institution",
    ("thesis", "publisher"): "university",
    ("interview", "medium"): "interviewMedium",
    ("webpage", "publicationTitle"): "websiteTitle",
    ("bookSection", "publicationTitle"): "bookTitle",
    ("report", "number"): "reportNumber",
    ("presentation", "meetingName"): "meetingName",
}
BASE_OF: Mapping[str, str] = {name: base for (_, base), name in TYPE_FIELD_NAMES.items()}
# schema.json csl.types, inverted: CSL type -> its Zotero item types (the first is the one used).
CSL_TYPE_ITEM_TYPES: Mapping[str, tuple[str, ...]] = {csl: (zotero,) for csl, zotero in ZOTERO_TYPES.items()}
ITEM_TYPES = frozenset(ZOTERO_TYPES.values()) | {"conferencePaper"}
_TYPE_FIELDS = frozenset({"type", *(name for (_, base), name in TYPE_FIELD_NAMES.items() if base == "type")})
# utilities_item.js extraToCSL: the CSL variables read under their own names.
_CSL_NAMES_IN_EXTRA = frozenset(
    {
        "abstract", "accessed", "archive", "archive-place", "author", "call-number", "collection-editor",
        "collection-number", "collection-title", "container-author", "container-title", "edition", "editor",
        "event-date", "event-place", "genre", "interviewer", "issue", "issued", "language", "medium", "note",
        "number", "number-of-pages", "number-of-volumes", "original-date", "page", "publisher",
        "publisher-place", "recipient", "title", "title-short", "translator", "type", "volume",
    }
)  # fmt: skip


def split_extra_line(line: str) -> tuple[str | None, str | None]:
    """``splitExtraLine``: the normalized key and the value of a ``key: value`` line."""
    # The class [a-z -_] is a range from space to underscore, as in the client's regex.
    match = re.match(r"^([a-z][a-z -_]+):(.+)", line, re.IGNORECASE) or re.match(
        r"^{:([a-z -_]+):(.+)}", line, re.IGNORECASE
    )
    if not match:
        return None, None
    value = match.group(2).strip()
    return (normalize_key(match.group(1)), value) if value else (None, None)


def normalize_key(key: str) -> str:
    """``_normalizeExtraKey``: fooBar and "Foo Bar" as foo-bar."""
    key = re.sub(r"([a-z])([A-Z])", r"\1-\2", key.strip()).lower()
    return re.sub(r"[\s\-_]", "-", key)


def _field_names() -> dict[str, list[str]]:
    """extractExtraFields' map of normalized keys to Zotero fields: field names, CSL variables."""
    names: dict[str, list[str]] = {}
    for name in {*CSL_FIELDS.values(), *BASE_OF}:
        names[normalize_key(name)] = [name]
    for variable, field in CSL_FIELDS.items():
        existing = names.setdefault(normalize_key(variable), [])
        if field not in existing:
            existing.append(field)
    return names


_FIELD_NAMES = _field_names()


def base_field(name: str) -> str:
    return BASE_OF.get(name, name)


def _variables_of(base: str) -> set[str]:
    return {variable for variable, field in CSL_FIELDS.items() if field == base}


def has_field(item_type: str, base: str) -> bool:
    """Whether the item type has the base field, under its own name or the base's."""
    variables = ITEM_VARIABLES.get(item_type)
    return variables is None or bool(_variables_of(base) & variables)


def _valid_as_named(item_type: str, name: str) -> bool:
    """``isValidForType`` of a field as named: a base field the type renames is not valid."""
    base = base_field(name)
    if (item_type, base) in TYPE_FIELD_NAMES:
        return TYPE_FIELD_NAMES[(item_type, base)] == name
    return name == base and has_field(item_type, base)


def _type_line(line: str, item_type: str) -> str | None:
    """The item type a ``type:`` line gives, or ``item_type`` when it names that one."""
    key, value = split_extra_line(line)
    if key != "type" or value is None or value in ("note", "attachment", "article"):
        return None
    if value in ITEM_TYPES:
        return value
    if value in CSL_TYPE_ITEM_TYPES:
        types = CSL_TYPE_ITEM_TYPES[value]
        return item_type if item_type in types else types[0]
    return None


def camel_to_title(name: str) -> str:
    """``camelToTitleCase``: archiveLocation as "Archive Location"."""
    spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", name)
    return spaced[:1].upper() + spaced[1:]


def save(translated: Mapping[str, Any]) -> dict[str, Any]:
    """The saved item of a translator's item (``itemType``, ``fields`` by Zotero name,
    ``creators`` as (creator type, name), ``extra`` text): item type, fields by base name,
    creators, and the lines of Extra."""
    item_type = str(translated["itemType"])
    given = dict(translated.get("fields", {}))
    text = str(translated.get("extra") or "")
    lines = text.split("\n") if text else []
    kept: list[str] = []
    changed = False
    for line in lines:
        new_type = None if changed else _type_line(line, item_type)
        if new_type is None:
            kept.append(line)
        elif new_type != item_type:
            item_type, changed = new_type, True
    fields: dict[str, Any] = {}
    found: set[str] = set()
    extra: list[str] = []
    for line in kept:
        key, value = split_extra_line(line)
        possible = _FIELD_NAMES.get(key or "", [])
        if key in (None, "type", "event-place", "publisher-place") or key in found or not possible:
            extra.append(line)
            continue
        name = possible[0]  # with an item, only the first possibility is tried
        if not _valid_as_named(item_type, name) or name in given or base_field(name) in fields:
            extra.append(line)
            continue
        fields[base_field(name)] = value
        found.add(str(key))
    invalid: dict[str, Any] = {}
    for name, value in given.items():
        # getFieldIDFromTypeAndBase renames a base field only; another type's own field stays.
        named = TYPE_FIELD_NAMES.get((item_type, name), name) if name == base_field(name) else name
        if _valid_as_named(item_type, named):
            fields[base_field(name)] = value
        else:
            invalid[named] = value
    invalid = {
        name: value
        for name, value in invalid.items()
        if name not in _TYPE_FIELDS and base_field(name) not in fields  # the client's two clean-ups
    }
    extra = sorted(f"{camel_to_title(name)}: {value}" for name, value in invalid.items()) + extra
    allowed = ITEM_CREATOR_TYPES.get(item_type)
    # A misplaced creator becomes the item type's primary one, which these tables call its author.
    creators = [
        (kind if allowed is None or kind in allowed else "author", name)
        for kind, name in translated.get("creators", [])
    ]
    return {"itemType": item_type, "fields": fields, "creators": creators, "extra": extra}


_CSL_OF_FIELD = {field: variable for variable, field in CSL_FIELDS.items() if variable != "event-place"}


def extra_variable(line: str) -> str | None:
    """The CSL variable citeproc-js reads an Extra line as (``extraToCSL``), or None."""
    match = re.match(r"^([A-Za-z \-_]+):\s*.+", line)
    if not match:
        return None
    original = match.group(1)
    key = original.lower().replace(" ", "-")
    if key in _CSL_NAMES_IN_EXTRA or "_" in key:
        return key
    if key == "archive-location":
        return "archive_location"
    field = re.sub(r" ([A-Z])", r"\1", original, count=1)
    if field[1:2] and field[1] == field[1].lower():
        field = field[0].lower() + field[1:]
    return _CSL_OF_FIELD.get(BASE_OF.get(field, field), original)
