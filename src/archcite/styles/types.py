"""Types shared by the CSL engine, the archival rules and their callers."""

from __future__ import annotations

from typing import NamedTuple


class Locator(NamedTuple):
    """A citation's pinpoint: a CSL locator label (``page``, ``folio``, ...) and its value; the
    empty label prints none (pandoc's ``[@key, {ii, A, D-Z}]``)."""

    label: str
    value: str


class Rendered(NamedTuple):
    """One item's output, in archcite markup; None where the style prints nothing."""

    id: str
    cite: str | None
    cite_sub: str | None
    bib: str | None
    bib_rank: int | None
    bib_display: str | None = None
    """The bibliography entry with the display tags of its parts (CSL ``display``), for HTML;
    None when it has none (then ``bib`` is all there is)."""
