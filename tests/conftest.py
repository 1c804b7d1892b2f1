"""Shared fixtures: where the schemas and the evaluation corpora live.

The schemas ship in ``tests/schemas`` so that the suite passes on a fresh clone. The
evaluation corpora (MAC-Dev, the Bible) may not be redistributed, so tests over them look
for the shared data folder beside the repository (or at ``$ALIGNER_SHARED_DATA``) and are
skipped, with the reason, when it is absent. ``.ci/run`` sets ``ALIGNER_REQUIRE_SHARED_DATA=1``
so that in CI a missing folder fails the run instead of skipping those tests.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
SCHEMAS = Path(__file__).resolve().parent / "schemas"


def _shared_folder() -> Path:
    configured = os.environ.get("ALIGNER_SHARED_DATA")
    return Path(configured) if configured else REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only evaluation corpora that sit beside the repository."""
    folder = _shared_folder()
    if (folder / "corpora").is_dir():
        return folder
    reason = (
        f"needs the shared evaluation data (corpora and other tools' sample files, which may "
        f"not be redistributed), not found at {folder}; set ALIGNER_SHARED_DATA to its folder"
    )
    if os.environ.get("ALIGNER_REQUIRE_SHARED_DATA") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def schemas_dir() -> Path:
    return SCHEMAS
