"""A set of strings kept on disk, for the sets a streamed export must keep across a whole file.

A streamed export holds one record at a time, but two sets span the file: the given ids (a
duplicate must be caught, and a derived id must avoid an id given further down) and the citation
keys already written (each key must be unique). In Python they cost about 100 bytes a key; here
they live in a private temporary SQLite database whose page cache is capped, so memory stays the
same whatever the number of records. SQLite creates the file only when the cache spills and
removes it from the folder as soon as it is opened, so nothing is left behind, not even after a
crash.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING

from archcite.errors import OutputError

if TYPE_CHECKING:
    import sqlite3

# The page cache (KiB) of each set; beyond it pages go to the temporary file and come back
# through the operating system's file cache.
CACHE_KIB = 1024


class DiskKeySet:
    """``add`` and ``in`` for strings, in a temporary SQLite database; :meth:`close` drops it."""

    def __init__(self, cache_kib: int | None = None) -> None:
        import sqlite3

        if cache_kib is None:
            cache_kib = CACHE_KIB
        self._error = sqlite3.Error  # the module is imported here only, on first use
        try:
            # An empty name asks for a private on-disk database that SQLite deletes itself.
            self._db: sqlite3.Connection | None = sqlite3.connect("", isolation_level=None)
            # Nothing here must survive the process, so no journal and no syncing.
            self._db.execute(f"PRAGMA cache_size = -{int(cache_kib)}")
            self._db.execute("PRAGMA journal_mode = OFF")
            self._db.execute("PRAGMA synchronous = OFF")
            self._db.execute("CREATE TABLE keys (key TEXT PRIMARY KEY) WITHOUT ROWID")
            # One transaction for the set's whole life, never committed: a statement then does
            # not begin and end one of its own. Pages beyond the cache still go to the file.
            self._db.execute("BEGIN")
        except sqlite3.Error as error:
            raise _temporary_file_error(error) from None

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            raise ValueError("the key set is closed")
        return self._db

    def _execute(self, statement: str, parameters: tuple[str, ...] = ()) -> sqlite3.Cursor:
        try:
            return self._connection().execute(statement, parameters)
        except self._error as error:
            # The cache spilled and the temporary file could not be written (no space, no folder).
            raise _temporary_file_error(error) from None

    def add(self, key: str) -> None:
        self._execute("INSERT OR IGNORE INTO keys VALUES (?)", (key,))

    def add_new(self, key: str) -> bool:
        """Add ``key``; False if it was there already (one statement where ``in`` and ``add`` are two)."""
        return self._execute("INSERT OR IGNORE INTO keys VALUES (?)", (key,)).rowcount == 1

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        return self._execute("SELECT 1 FROM keys WHERE key = ?", (key,)).fetchone() is not None

    def __len__(self) -> int:
        (count,) = self._execute("SELECT count(*) FROM keys").fetchone()
        return int(count)

    def close(self) -> None:
        """Drop the database (and its temporary file); closing twice is harmless."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> DiskKeySet:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()


def _temporary_file_error(error: Exception) -> OutputError:
    return OutputError(
        f"cannot keep the record ids and keys in a temporary file: {error}",
        hint="free some disk space, or point TMPDIR at a writable folder with room",
    )
