from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
EXAMPLE = REPO / "examples" / "kim-il-sung-to-gomulka-1966.yaml"
# CI lays the read-only shared folder beside the clone.
SHARED = REPO.parent / "shared"


@pytest.fixture
def example_path() -> str:
    return str(EXAMPLE)


@pytest.fixture(scope="session", autouse=True)
def _session_render_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A render cache for the session's shared fixtures (rendered before any test's own)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ARCHCITE_CACHE_DIR", str(tmp_path_factory.mktemp("session-render-cache")))
        patch.delenv("ARCHCITE_NO_CACHE", raising=False)
        yield


@pytest.fixture(autouse=True)
def _private_render_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets an empty render cache of its own (subprocesses inherit it): the suite never
    writes to the user's cache, and no test sees what another rendered."""
    monkeypatch.setenv("ARCHCITE_CACHE_DIR", str(tmp_path_factory.mktemp("render-cache")))
    monkeypatch.delenv("ARCHCITE_NO_CACHE", raising=False)
