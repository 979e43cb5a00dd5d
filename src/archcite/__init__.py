"""archcite: correct citations and lossless exports of archival records, from the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from archcite.records.model import Record

__all__ = ["__version__", "export", "load", "render"]


def load(*sources: str, fmt: str | None = None) -> list[Record]:
    """Load records from files, folders, ``-`` (stdin) or URLs; raise on invalid input."""
    from archcite.records.io import load_sources

    return load_sources(list(sources), fmt=fmt).records


def render(records: list[Record], style: str = "chicago", **options: Any) -> Any:
    """Format records with a style name, alias or ``.csl`` path; see ``archcite.styles.render``."""
    from archcite.styles import render as _render

    return _render(records, style, **options)


def export(records: list[Record], fmt: str) -> str:
    """Write records in another format (``csljson``, ``bibtex``, ...) and return the text."""
    from archcite.records.io import dump_records

    return dump_records(records, fmt).text
