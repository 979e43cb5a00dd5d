"""Moved to :mod:`archcite.styles.csl.document`; kept so that existing imports keep working."""

from __future__ import annotations

from archcite.styles.csl.document import BibEntry, CitationInput, Cite, Document, render_document

__all__ = ["BibEntry", "CitationInput", "Cite", "Document", "render_document"]
