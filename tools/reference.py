"""The reference comparison protocol: rendered items as the JSON rows of ``render_js.js``.

citeproc-js's outputs in the shared reference folder hold one row per item, in input order:
``{"id", "bib", "cite", "bib_rank"[, "cite_sub"]}`` in plain text or "light" markup (``<i> <b>
<sc> <sup> <sub>``), inner newlines as one space, trimmed, empty as null. ``tools/
render_reference.py`` and the expected-output tests produce archcite's rows with :func:`rows`.
Test tooling, not part of the product: it lives beside the tool, outside the package.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from archcite.styles.markup import to_light, to_plain
from archcite.styles.types import Rendered

FORMATS = ("plain", "light")


def clean(markup: str | None, output_format: str) -> str | None:
    """One field as the protocol prints it; None when empty."""
    if markup is None:
        return None
    text = (to_light if output_format == "light" else to_plain)(markup)
    text = " ".join(text.rstrip("\n").split("\n")).strip()
    return text or None


def rows(
    rendered: Sequence[Rendered], output_format: str = "plain", *, subsequent: bool = False
) -> list[dict[str, Any]]:
    """The protocol's rows for rendered items (``cite_sub`` only with ``subsequent``)."""
    if output_format not in FORMATS:
        raise ValueError(f"unknown format {output_format!r}")
    result = []
    for entry in rendered:
        bib = clean(entry.bib, output_format)
        row: dict[str, Any] = {
            "id": entry.id,
            "bib": bib,
            "cite": clean(entry.cite, output_format),
            "bib_rank": entry.bib_rank if bib is not None else None,
        }
        if subsequent:
            row["cite_sub"] = clean(entry.cite_sub, output_format)
        result.append(row)
    return result
