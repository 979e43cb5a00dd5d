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
    for variable in _CREATORS:
        names = fields.get(variable)
        if isinstance(names, list) and names and isinstance(names[0], Mapping):
            first = names[0]
            return str(first.get("family") or first.get("literal") or first.get("given") or "")
    return ""


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
    words: list[str] = re.findall(r"\w+", str(fields.get("title") or ""))
    for word in words:
        if word.lower() not in _SKIPPED_TITLE_WORDS:
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


def key_suffix(n: int) -> str:
    """2 → b, 26 → z, 27 → ab ... (1 is the bare key)."""
    letters = ""
    n -= 1
    while n:
        n, rest = divmod(n, 26)
        letters = chr(ord("a") + rest) + letters
    return letters or "a"
