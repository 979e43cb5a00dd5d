"""The check the reference tests share: archcite differs from citeproc-js only where listed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

FIELDS = ("bib", "cite", "cite_sub", "bib_rank")


def assert_only_listed_differences(
    expected: Sequence[Mapping[str, Any]],
    actual: Mapping[str, Mapping[str, Any]],
    listed: Mapping[tuple[str, str], str],
) -> None:
    """Every field of ``expected`` (citeproc-js's rows) equals ``actual``'s (archcite's, by id)
    unless ``listed`` names it, and every listed (item, field) still differs."""
    differing = {
        (row["id"], field): (row[field], actual[row["id"]][field])
        for row in expected
        for field in FIELDS
        if row[field] != actual[row["id"]][field]
    }
    unlisted = {key: value for key, value in differing.items() if key not in listed}
    now_matching = sorted(key for key in listed if key not in differing)
    assert not unlisted, "\n".join(
        f"{item} {field}:\n  citeproc-js: {want}\n  archcite:    {got}"
        for (item, field), (want, got) in unlisted.items()
    )
    assert not now_matching, f"these now match citeproc-js; remove them from known_differences.toml: {now_matching}"
