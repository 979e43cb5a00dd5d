"""The layout DESIGN.md promises: citeproc stays inside the CSL engine's package, styles/csl."""

from __future__ import annotations

import re

from tests.conftest import REPO

CITEPROC_IMPORT = re.compile(r"^\s*(import citeproc|from citeproc)", re.M)


def test_only_the_csl_engine_imports_citeproc() -> None:
    source = REPO / "src" / "archcite"
    importers = {
        path.relative_to(source).as_posix()
        for path in source.rglob("*.py")
        if CITEPROC_IMPORT.search(path.read_text(encoding="utf-8"))
    }
    assert importers
    assert all(name.startswith("styles/csl/") for name in importers), sorted(importers)


def test_the_archival_rules_do_not_import_the_csl_engine_adapter() -> None:
    archival = REPO / "src" / "archcite" / "styles" / "archival"
    importers = sorted(
        path.name for path in archival.rglob("*.py") if "styles.csl." in path.read_text(encoding="utf-8")
    )
    assert not importers


def test_the_reference_protocol_is_tooling_outside_the_package() -> None:
    assert not (REPO / "src" / "archcite" / "styles" / "reference.py").exists()
    assert (REPO / "tools" / "reference.py").is_file()
