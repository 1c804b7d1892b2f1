"""Shared fixtures: where the evaluation corpora and schemas live."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = REPO / "samples"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only corpora and schemas that sit beside the repository."""
    if not SHARED.is_dir():
        pytest.fail(f"expected the shared data folder at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def schemas_dir(shared_dir: Path) -> Path:
    return shared_dir / "schemas"
