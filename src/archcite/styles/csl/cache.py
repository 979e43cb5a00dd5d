"""A persistent cache of rendered output, so that formatting the same records again is a look-up.

One SQLite file (``render-cache.sqlite3``) in the user cache folder (``platformdirs``), or in
``ARCHCITE_CACHE_DIR``; ``ARCHCITE_NO_CACHE=1`` turns it off. Values are JSON text, never pickles:
the file is data, not code. Keys are BLAKE2b digests of everything the output depends on, the
code included (archcite's and citeproc-py's version and the size and modification time of their
source files, so that an edited checkout never reads what older code wrote). The cache only ever
saves work: a cache that cannot be opened, read or written (locked, corrupt, read-only) is
silently not used and the run renders as it would without it.

The interface is narrow: :func:`open_cache` gives a :class:`RenderCache` or None, and
:func:`digest` makes keys.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from typing import Any

# Bumped when what is stored, or how keys are made, changes.
FORMAT = "2"
FILE_NAME = "render-cache.sqlite3"
# Beyond this many bytes of stored values, the oldest rows are dropped when a run writes.
MAX_BYTES = 64 * 1024 * 1024


# ``styles.render(cache=...)``'s choice, for the calls cached inside the engine (call_cache.py).
# Off unless the caller asks: the library writes no persistent cache of its own accord.
_CHOICE: ContextVar[bool | None] = ContextVar("archcite_render_cache", default=False)


class Stats:
    """Calls answered from the cache (``hits``) and rendered afresh (``misses``)."""

    __slots__ = ("hits", "misses")

    def __init__(self) -> None:
        self.hits = 0
        self.misses = 0


# The counts of the innermost :func:`counting` block in this context, if any (tests read them).
_STATS: ContextVar[Stats | None] = ContextVar("archcite_render_cache_stats", default=None)


@contextmanager
def counting() -> Iterator[Stats]:
    """Within this block, this context's cached calls are counted in the :class:`Stats` given."""
    stats = Stats()
    token = _STATS.set(stats)
    try:
        yield stats
    finally:
        _STATS.reset(token)


def count(hit: bool) -> None:
    stats = _STATS.get()
    if stats is None:
        return
    if hit:
        stats.hits += 1
    else:
        stats.misses += 1


@contextmanager
def chosen(enabled: bool | None) -> Iterator[None]:
    """Within this block, the engine's calls are cached as ``enabled`` says (None: unless
    ``ARCHCITE_NO_CACHE``); outside any such block they are not cached."""
    token = _CHOICE.set(enabled)
    try:
        yield
    finally:
        _CHOICE.reset(token)


def disabled_by_environment() -> bool:
    return os.environ.get("ARCHCITE_NO_CACHE", "").strip().lower() not in ("", "0", "false", "no")


def cache_dir() -> str:
    """The folder of the cache file: ``ARCHCITE_CACHE_DIR``, else the user cache folder."""
    chosen = os.environ.get("ARCHCITE_CACHE_DIR")
    if chosen:
        return chosen
    platform: str = sys.platform
    if platform == "linux":
        # The XDG rule platformdirs follows on Linux, without importing it: its Unix module
        # imports tempfile (with shutil, bz2, lzma and random), 20-30 ms on a cache hit's path.
        # A test checks both give the same folder.
        base = os.environ.get("XDG_CACHE_HOME", "").strip()
        if not os.path.isabs(base):
            base = os.path.expanduser("~/.cache")
        return os.path.join(base, "archcite")
    from platformdirs import user_cache_dir

    return user_cache_dir("archcite", appauthor=False)


def _hasher() -> Any:
    # ``_blake2`` directly: ``hashlib`` loads OpenSSL, ten times the import time.
    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - every CPython build has it
        from hashlib import blake2b
    return blake2b(digest_size=20)


def digest(*parts: bytes | str) -> str:
    """A key from parts; each part is length-prefixed, so no two lists of parts collide."""
    hasher = _hasher()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return str(hasher.hexdigest())


def canonical_json(value: Any) -> str | None:
    """``value`` as JSON for a key, or None when it holds something JSON cannot say exactly.

    Keys keep their order: citeproc-py reads the fields in the order given, so two records with
    the same fields in another order are, to be safe, different records here."""
    try:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_refuse)
    except (TypeError, ValueError):
        return None


def _refuse(value: Any) -> Any:
    raise TypeError(type(value).__name__)


def _tree_stamp(root: str, suffixes: tuple[str, ...], *, recursive: bool = True) -> list[str]:
    stamps: list[str] = []
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if recursive and entry.name != "__pycache__":
                    pending.append(entry.path)
            elif entry.name.endswith(suffixes):
                status = entry.stat()
                stamps.append(f"{os.path.relpath(entry.path, root)}:{status.st_size}:{status.st_mtime_ns}")
    return stamps


def code_stamp() -> str:
    """What identifies the code that renders: versions, the size and modification time of
    archcite's source files and of citeproc-py's top-level modules (found once per process), and
    the collation that sorts (ICU's version, or archcite's approximation)."""
    from archcite.styles import collation

    return _code_stamp(collation.stamp())


@functools.cache
def _code_stamp(collation: str) -> str:
    from importlib.util import find_spec

    import archcite
    from archcite.styles.csl.fixes import REQUIRED_CITEPROC

    parts = [FORMAT, archcite.__version__, REQUIRED_CITEPROC, sys.version, collation]
    parts += _tree_stamp(os.path.dirname(archcite.__file__), (".py",))
    spec = find_spec("citeproc")  # finds the package without importing it
    if spec is not None and spec.origin:
        # Its top-level files change when it is reinstalled; its version is pinned and checked.
        parts += _tree_stamp(os.path.dirname(spec.origin), (".py",), recursive=False)
    return digest(*parts)


class RenderCache:
    """An open cache: ``get`` reads at once, ``put`` collects and ``flush`` writes in one go."""

    def __init__(self, connection: Any) -> None:
        self._connection = connection
        self._pending: dict[str, str] = {}
        # A forked process (rendering on another core) must not use its parent's connection:
        # SQLite forbids it, so there the cache is simply off.
        self._pid = os.getpid()

    def _usable(self) -> bool:
        return self._connection is not None and self._pid == os.getpid()

    def get(self, key: str) -> Any:
        """The value stored under ``key``, or None (also when the cache fails)."""
        import sqlite3

        if not self._usable():
            return None
        try:
            row = self._connection.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
            return None if row is None else json.loads(row[0])
        except (sqlite3.Error, ValueError):
            self.close()
            return None

    def get_many(self, keys: Iterable[str]) -> dict[str, Any]:
        """The values stored under ``keys`` (those found), read in a few queries."""
        import sqlite3

        wanted = list(dict.fromkeys(keys))
        found: dict[str, Any] = {}
        if not self._usable():
            return found
        try:
            # SQLite allows 999 parameters per statement in its oldest builds still around.
            for start in range(0, len(wanted), 900):
                chunk = wanted[start : start + 900]
                marks = ",".join("?" * len(chunk))
                query = f"SELECT key, value FROM entries WHERE key IN ({marks})"
                found.update((key, json.loads(text)) for key, text in self._connection.execute(query, chunk))
        except (sqlite3.Error, ValueError):
            self.close()
            return {}
        return found

    def put(self, key: str, value: Any) -> None:
        if not self._usable():
            return
        text = canonical_json(value)
        if text is not None:
            self._pending[key] = text

    def flush(self) -> None:
        """Write what ``put`` collected, and keep the file under :data:`MAX_BYTES`."""
        import sqlite3
        import time

        if not self._usable() or not self._pending:
            self._pending.clear()
            return
        rows = [(key, text, len(text), time.time()) for key, text in self._pending.items()]
        self._pending.clear()
        try:
            with self._connection:
                self._connection.executemany(
                    "INSERT OR REPLACE INTO entries (key, value, size, created) VALUES (?, ?, ?, ?)", rows
                )
                (total,) = self._connection.execute("SELECT COALESCE(SUM(size), 0) FROM entries").fetchone()
                if total > MAX_BYTES:
                    _prune(self._connection, total - MAX_BYTES * 3 // 4)
        except sqlite3.Error:
            self.close()

    def close(self) -> None:
        if self._usable():
            import sqlite3

            with suppress(sqlite3.Error):  # closing a broken cache must not fail a run
                self._connection.close()
            self._connection = None


def _prune(connection: Any, excess: int) -> None:
    """Drop the oldest rows until ``excess`` bytes of values are gone."""
    dropped = 0
    doomed: list[str] = []
    for key, size in connection.execute("SELECT key, size FROM entries ORDER BY created"):
        if dropped >= excess:
            break
        doomed.append(key)
        dropped += size
    connection.executemany("DELETE FROM entries WHERE key = ?", ((key,) for key in doomed))


def chosen_cache() -> RenderCache | None:
    """The cache as the caller chose it for this context (:func:`chosen`), or None."""
    return open_cache(_CHOICE.get())


def open_cache(enabled: bool | None = None) -> RenderCache | None:
    """The cache, or None when it is off (``enabled=False``; ``enabled=None`` and
    ``ARCHCITE_NO_CACHE``) or unusable."""
    if enabled is False or (enabled is None and disabled_by_environment()):
        return None
    import sqlite3

    try:
        folder = cache_dir()
        os.makedirs(folder, exist_ok=True)
        connection = sqlite3.connect(os.path.join(folder, FILE_NAME), timeout=0.5, isolation_level=None)
    except (OSError, sqlite3.Error):
        return None
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute(
            "CREATE TABLE IF NOT EXISTS entries "
            "(key TEXT PRIMARY KEY, value TEXT NOT NULL, size INTEGER NOT NULL, created REAL NOT NULL)"
        )
        connection.execute("CREATE INDEX IF NOT EXISTS entries_by_age ON entries (created)")
    except sqlite3.Error:
        # Read-only or locked: reads may still work; writes will fail quietly in ``flush``.
        try:
            connection.execute("SELECT 1 FROM entries LIMIT 1")
        except sqlite3.Error:
            connection.close()
            return None
    connection.isolation_level = "DEFERRED"  # explicit transactions for ``flush``
    return RenderCache(connection)


def document_key(
    style_name: str,
    style_path: str,
    records: Iterable[tuple[str, Any]],
    locator: tuple[str, str] | None,
    archival: bool,
    *,
    locale: str | None = None,
) -> str | None:
    """The key of a whole ``styles.render`` call (``locale`` the CSL locale it renders in, None
    for the style's own), or None when some input cannot be keyed."""
    try:
        with open(style_path, "rb") as handle:
            style_bytes = handle.read()
    except OSError:
        return None
    listed = canonical_json([[record_id, fields] for record_id, fields in records])
    if listed is None:
        return None
    return digest(
        "document",
        code_stamp(),
        style_name,
        digest(style_bytes),
        locale or "",
        json.dumps(locator),
        "archival" if archival else "engine",
        listed,
    )
