"""Stable, readable record keys (``kimilsung1966letter``) for records that have no id."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

# Words a key skips when it takes the first word of the title (English articles and the
# prepositions archive descriptions start with).
_SKIPPED_TITLE_WORDS = frozenset({"a", "an", "the", "on", "of", "to", "from", "for", "in", "and"})
_CREATORS = ("author", "editor", "compiler", "translator", "recipient")


def ascii_fold(text: str) -> str:
    """Drop diacritics and everything but letters and digits, lower-cased (ł → l, é → e)."""
    text = text.replace("ł", "l").replace("Ł", "L").replace("ß", "ss").replace("ø", "o")
    decomposed = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z0-9]", "", decomposed.encode("ascii", "ignore").decode().lower())


def _first_creator(fields: Mapping[str, Any]) -> str:
    parts = _first_creator_parts(fields)
    return parts[0] if parts else ""


def _first_creator_parts(fields: Mapping[str, Any]) -> list[str]:
    """The first creator's name: the part a key takes (family, literal or given) first, then the
    others."""
    for variable in _CREATORS:
        names = fields.get(variable)
        if isinstance(names, list) and names and isinstance(names[0], Mapping):
            first = names[0]
            main = str(first.get("family") or first.get("literal") or first.get("given") or "")
            parts = ("given", "non-dropping-particle", "dropping-particle")
            rest = [str(first[part]) for part in parts if first.get(part)]
            return [main, *rest]
    return []


def _year(fields: Mapping[str, Any]) -> str:
    issued = fields.get("issued")
    if isinstance(issued, Mapping):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            return str(parts[0][0])
        match = re.search(r"\d{4}", str(issued.get("raw") or issued.get("literal") or ""))
        if match:
            return str(match.group())
    return ""


def _title_word(fields: Mapping[str, Any]) -> str:
    """The title's first word that says something the key's other parts do not: not an article
    or a preposition, not a number, and not a word of the first creator's name, which a described
    letter's title repeats ("Washington, George, 1732-1799 to Anthony Walton White")."""
    words: list[str] = re.findall(r"\w+", str(fields.get("title") or ""))
    creator = {word.casefold() for word in re.findall(r"\w+", " ".join(_first_creator_parts(fields)))}
    for word in words:
        folded = word.casefold()
        if folded not in _SKIPPED_TITLE_WORDS and folded not in creator and not word.isdecimal():
            return word
    return words[0] if words else ""


def derive_key(fields: Mapping[str, Any]) -> str:
    """A key from the first creator, the year and the first significant title word."""
    key = ascii_fold(_first_creator(fields)) + ascii_fold(_year(fields)) + ascii_fold(_title_word(fields))
    return key or "record"


def unique_keys(keys: Iterable[str]) -> list[str]:
    """Make keys unique in order: the second ``gaddis2005`` becomes ``gaddis2005b``, and so on."""
    unique = UniqueKeys()
    return [unique.make_unique(key) for key in keys]


class KeyStore(Protocol):
    """Where :class:`UniqueKeys` keeps its keys: a :class:`KeySet`, or a
    :class:`~archcite.records.keyset.DiskKeySet` when they must not take memory."""

    def add_new(self, key: str) -> bool: ...


class KeySet(set[str]):
    """A set with :meth:`add_new`, the one operation :class:`UniqueKeys` needs of its store."""

    def add_new(self, key: str) -> bool:
        """Add ``key``; False if it was there already."""
        if key in self:
            return False
        self.add(key)
        return True


class UniqueKeys:
    """:func:`unique_keys` for keys that come one at a time; ``taken`` keys are never handed out.

    The keys go into ``store`` when one is given (a streamed export passes one on disk, so that
    memory does not grow with the file), else into a :class:`KeySet`.
    """

    def __init__(self, taken: Iterable[str] = (), *, store: KeyStore | None = None) -> None:
        self.seen: KeyStore = KeySet() if store is None else store
        for key in taken:
            self.seen.add_new(key)

    def make_unique(self, key: str) -> str:
        # One add_new a try rather than a look-up and an add: on disk, each is a statement.
        candidate, n = key, 1
        while not self.seen.add_new(candidate):
            n += 1
            candidate = f"{key}{key_suffix(n)}"
        return candidate


class RepeatedIds:
    """The ids a file's entries repeat (a library pasted twice, merged exports), read as BibTeX,
    biber and pandoc's citations read them: the first entry keeps its id; a later entry that adds
    nothing to the first (every value it has, the first has alike) is read once; any other is read
    under an id of its own (``x-2``), so that nothing is lost and the file is not refused."""

    def __init__(self, label: str) -> None:
        self._label = label  # what the format calls an id: "key", "ID"
        self._placed: dict[str, tuple[int, Mapping[str, object]]] = {}

    def place(self, record_id: str, line: int, content: Mapping[str, object]) -> tuple[str | None, str | None]:
        """The id to read the entry at ``line`` under (None: it adds nothing to an earlier entry,
        leave it out) and the warning to give, if any. ``content`` is the entry (its type too)
        without its id."""
        first = self._placed.get(record_id)
        if first is None:
            self._placed[record_id] = (line, content)
            return record_id, None
        first_line, first_content = first
        if all(value == first_content.get(name) for name, value in content.items() if value not in ("", None)):
            return (
                None,
                f"has the {self._label} of the entry at line {first_line} and nothing that entry lacks; read once",
            )
        n = 2
        while f"{record_id}-{n}" in self._placed:
            n += 1
        new_id = f"{record_id}-{n}"
        self._placed[new_id] = (line, content)
        return new_id, (
            f"{self._label} '{record_id}' is also the {self._label} of the entry at line {first_line}; "
            f"read as '{new_id}'"
        )


def key_suffix(n: int) -> str:
    """2 → b, 26 → z, 27 → ab ... (1 is the bare key)."""
    letters = ""
    n -= 1
    while n:
        n, rest = divmod(n, 26)
        letters = chr(ord("a") + rest) + letters
    return letters or "a"
