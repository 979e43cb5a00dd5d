"""What Zotero has a field for, per item type, as CSL variables: where an export must use Extra.

Read from the Zotero schema (zotero/zotero-schema ``schema.json``): ``csl.types`` (the item type
a CSL type becomes), ``itemTypes[].fields`` and ``itemTypes[].creatorTypes`` (what each item type
holds), and ``csl.fields`` and ``csl.names`` (the CSL variable of each field and creator type).
Zotero's importers set a field only where the item type has it (a letter has no pages and no
place, a manuscript no pages, a presentation no archive) and make a creator of a type the item
type lacks its author; so the exports write such a fact as a ``name: value`` line of Extra.
"""

from __future__ import annotations

from collections.abc import Mapping

# csl.types: CSL type -> the first Zotero item type that maps to it.
ZOTERO_TYPES: Mapping[str, str] = {
    "personal_communication": "letter",
    "manuscript": "manuscript",
    "document": "document",
    "interview": "interview",
    "speech": "presentation",
    "report": "report",
    "book": "book",
    "chapter": "bookSection",
    "article-journal": "journalArticle",
    "article-magazine": "magazineArticle",
    "article-newspaper": "newspaperArticle",
    "webpage": "webpage",
    "thesis": "thesis",
}

# Every item type's fields, as CSL variables (csl.fields.text and csl.fields.date).
_COMMON = frozenset({"title", "abstract", "issued", "language", "title-short", "URL", "accessed", "note"})
_ARCHIVED = frozenset({"archive", "archive_location", "source", "call-number"})
_PLACE = frozenset({"publisher-place", "event-place"})  # both are Zotero's one "place"
_BOOKISH = frozenset(
    {"collection-title", "collection-number", "volume", "number-of-volumes", "edition", "publisher", "ISBN"}
)

# itemTypes[].fields of the item types above, as CSL variables.
ITEM_VARIABLES: Mapping[str, frozenset[str]] = {
    "letter": _COMMON | _ARCHIVED | {"genre"},
    "manuscript": _COMMON | _ARCHIVED | _PLACE | {"genre", "number-of-pages"},
    "document": _COMMON | _ARCHIVED | {"publisher"},
    "interview": _COMMON | _ARCHIVED | {"medium"},
    "presentation": _COMMON | _PLACE | {"genre", "event-title"},
    "report": _COMMON | _ARCHIVED | _PLACE | {"number", "genre", "collection-title", "publisher", "page"},
    "book": _COMMON | _ARCHIVED | _PLACE | _BOOKISH | {"number-of-pages"},
    "bookSection": _COMMON | _ARCHIVED | _PLACE | _BOOKISH | {"container-title", "page"},
    "journalArticle": _COMMON
    | _ARCHIVED
    | {"container-title", "volume", "issue", "page", "collection-title", "container-title-short", "DOI", "ISSN"},
    "magazineArticle": _COMMON | _ARCHIVED | {"container-title", "volume", "issue", "page", "ISSN"},
    "newspaperArticle": _COMMON | _ARCHIVED | _PLACE | {"container-title", "edition", "section", "page", "ISSN"},
    "webpage": _COMMON | {"container-title", "genre"},
    "thesis": _COMMON | _ARCHIVED | _PLACE | {"genre", "publisher", "number-of-pages"},
}

# The schema's csl "fields" (text and date) and "names": the CSL variables Zotero has a field or
# a creator type for. Every other variable is an Extra line.
ZOTERO_VARIABLES: frozenset[str] = frozenset(
    {
        "abstract", "archive", "archive_location", "authority", "call-number", "chapter-number", "citation-key",
        "collection-number", "collection-title", "container-title", "dimensions", "DOI", "edition", "event-place",
        "event-title", "genre", "ISBN", "ISSN", "issue", "journalAbbreviation", "language", "license", "medium",
        "note", "number", "number-of-pages", "number-of-volumes", "original-publisher", "original-publisher-place",
        "part-number", "part-title", "page", "PMID", "PMCID", "publisher", "publisher-place", "references", "scale",
        "section", "shortTitle", "source", "status", "title", "title-short", "URL", "version", "volume",
        "accessed", "issued", "submitted", "original-date",
        "author", "container-author", "chair", "performer", "composer", "contributor", "director", "editor",
        "executive-producer", "guest", "host", "interviewer", "narrator", "original-author", "organizer",
        "producer", "recipient", "reviewed-author", "series-creator", "collection-editor", "script-writer",
        "translator",
    }
)  # fmt: skip

# csl.names: CSL name variable -> Zotero creator type.
CREATOR_TYPES: Mapping[str, str] = {
    "author": "author",
    "container-author": "bookAuthor",
    "contributor": "contributor",
    "editor": "editor",
    "translator": "translator",
    "recipient": "recipient",
    "interviewer": "interviewer",
    "collection-editor": "seriesEditor",
    "reviewed-author": "reviewedAuthor",
}

# itemTypes[].creatorTypes of the item types above. ``author`` is always allowed: Zotero makes
# it the item type's primary creator (an interview's interviewee, a presentation's presenter).
ITEM_CREATOR_TYPES: Mapping[str, frozenset[str]] = {
    "letter": frozenset({"author", "contributor", "recipient"}),
    "manuscript": frozenset({"author", "contributor", "translator"}),
    "document": frozenset({"author", "contributor", "editor", "translator", "reviewedAuthor"}),
    "interview": frozenset({"author", "contributor", "interviewer", "translator"}),
    "presentation": frozenset({"author", "contributor"}),
    "report": frozenset({"author", "contributor", "translator", "seriesEditor"}),
    "book": frozenset({"author", "contributor", "editor", "translator", "seriesEditor"}),
    "bookSection": frozenset({"author", "contributor", "editor", "bookAuthor", "translator", "seriesEditor"}),
    "journalArticle": frozenset({"author", "contributor", "editor", "translator", "reviewedAuthor"}),
    "magazineArticle": frozenset({"author", "contributor", "translator", "reviewedAuthor"}),
    "newspaperArticle": frozenset({"author", "contributor", "translator", "reviewedAuthor"}),
    "webpage": frozenset({"author", "contributor", "translator"}),
    "thesis": frozenset({"author", "contributor"}),
}


def item_type_lacks(zotero_type: str | None, variable: str) -> bool:
    """True when Zotero items of ``zotero_type`` have no field or creator type for ``variable``
    that other item types have: the fact belongs in Extra there. False for unknown item types."""
    if zotero_type is None or zotero_type not in ITEM_VARIABLES:
        return False
    if variable in CREATOR_TYPES:
        return CREATOR_TYPES[variable] not in ITEM_CREATOR_TYPES[zotero_type]
    known = frozenset().union(*ITEM_VARIABLES.values())
    return variable in known and variable not in ITEM_VARIABLES[zotero_type]


def zotero_has_field(csl_type: str, variable: str) -> bool:
    """True when the Zotero item a record of ``csl_type`` becomes has a field or creator type for
    ``variable``; otherwise the fact can only be a line of Extra."""
    return variable in ZOTERO_VARIABLES and not item_type_lacks(ZOTERO_TYPES.get(csl_type), variable)
