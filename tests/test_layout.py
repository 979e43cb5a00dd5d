"""The layout DESIGN.md promises: citeproc stays inside the engine adapter in styles/."""

from __future__ import annotations

import re

from tests.conftest import REPO

CITEPROC_IMPORT = re.compile(r"^\s*(import citeproc|from citeproc[ .])", re.M)


def test_only_styles_imports_citeproc() -> None:
    source = REPO / "src" / "archcite"
    importers = {
        str(path.relative_to(source))
        for path in source.rglob("*.py")
        if CITEPROC_IMPORT.search(path.read_text(encoding="utf-8"))
    }
    assert importers
    assert all(name.startswith("styles/") for name in importers), sorted(importers)
