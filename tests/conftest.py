from __future__ import annotations

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
