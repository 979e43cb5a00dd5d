"""Importers of archive pages beyond the Wilson Center: one module per archive (detector, reader,
mapping tables as data), sharing :mod:`.common`. Each registers one format."""

from __future__ import annotations

from archcite.records.importers import archivesspace, crest, founders, frus, gilderlehrman, nsarchive
from archcite.records.importers.common import Importer

# Most specific detectors first: a labelled-field marker before a heading pattern.
IMPORTERS: tuple[Importer, ...] = (
    crest.IMPORTER,
    gilderlehrman.IMPORTER,
    founders.IMPORTER,
    frus.IMPORTER,
    archivesspace.IMPORTER,
    nsarchive.IMPORTER,
)
FORMATS = [importer.format() for importer in IMPORTERS]


def importer_for_host(host: str | None) -> Importer | None:
    """The importer whose archive is served from ``host`` (a trailing dot is ignored)."""
    host = (host or "").rstrip(".").lower()
    return next((importer for importer in IMPORTERS if host in importer.hosts), None)


ARCHIVE_HOSTS: frozenset[str] = frozenset().union(*(importer.hosts for importer in IMPORTERS))

# What `archcite import` expects, named when a source is none of these.
PAGES_EXPECTED = (
    "expected a document page saved as text or HTML (or its URL) from the Wilson Center Digital Archive, "
    + ", ".join(importer.archive for importer in IMPORTERS)
    + "; or a record file"
)
