"""A bounded on-disk store of sentence vectors, so a document is embedded only once.

Embedding is by far the slowest step of semantic alignment, and the same documents
are aligned again and again while a translation is revised. Vectors are kept in one
SQLite file in the user's cache folder: SQLite gives atomic writes and locking, so
several runs may share the file at the same time, and a crash never leaves a
half-written vector behind. Keys are hashes of the encoder's name and the text, so a
changed model never serves stale vectors and the file holds no readable text.

The cache is an optimisation only: if the file cannot be opened or written (a
read-only home, a full disk, a damaged file) it switches itself off and the run goes
on without it, and a damaged row (wrong size or type, NaN, not of unit length) is
treated as missing, so the sentence is embedded again and the row replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float32]

# About 240 MB of 512-dimensional vectors: a thousand press releases, or fifty novels.
DEFAULT_MAX_ENTRIES = 100_000
# Evicting a tenth at a time keeps the cost of the LRU query off most writes.
_EVICT_FRACTION = 0.1
_BUSY_TIMEOUT_MS = 30_000
_SCHEMA_VERSION = 1
_FILE_NAME = "vectors.sqlite3"
_PAGE_SIZE = 16384
# Encoders return L2-normalised rows; float32 rounding stays far inside this.
_NORM_TOLERANCE = 1e-3


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/aligner/embeddings``, or ``~/.cache/aligner/embeddings``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "aligner" / "embeddings"


def text_key(model: str, text: str) -> bytes:
    """The cache key of one text embedded by one model."""
    return hashlib.sha256(f"{model}\x00{text}".encode()).digest()


class EmbeddingCache:
    """Vectors by (model, text), least recently used ones evicted past ``max_entries``."""

    def __init__(self, directory: Path, max_entries: int = DEFAULT_MAX_ENTRIES) -> None:
        if max_entries < 1:
            raise ValueError("max_entries must be at least 1")
        self.path = directory / _FILE_NAME
        self.max_entries = max_entries
        self.disabled_because: str | None = None
        self._connection: sqlite3.Connection | None = None

    def __enter__(self) -> EmbeddingCache:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(sqlite3.Error):
                self._connection.close()
            self._connection = None

    def lookup(self, model: str, texts: Sequence[str]) -> dict[int, FloatArray]:
        """Stored vectors for as many of ``texts`` as the cache holds, by position."""
        connection = self._connect()
        if connection is None or not texts:
            return {}
        keys = [text_key(model, t) for t in texts]
        found: dict[bytes, FloatArray] = {}
        try:
            size = self._dimension(connection, model)
            # Batches stay under SQLite's limit on bound parameters.
            for start in range(0, len(keys), 500):
                batch = keys[start : start + 500]
                marks = ",".join("?" * len(batch))
                rows = connection.execute(
                    f"SELECT key, vector FROM vectors WHERE key IN ({marks})", batch
                ).fetchall()
                for key, blob in rows:
                    vector = _valid_vector(blob)
                    if vector is not None and (size is None or len(vector) == size):
                        found[bytes(key)] = vector
            if found:
                now = time.time()
                with connection:
                    connection.executemany(
                        "UPDATE vectors SET used = ? WHERE key = ?", [(now, k) for k in found]
                    )
        except sqlite3.Error as error:
            self._disable(error)
            return {}
        return {i: found[k] for i, k in enumerate(keys) if k in found}

    def store(self, model: str, texts: Sequence[str], vectors: FloatArray) -> None:
        """Remember freshly computed vectors; a failure only turns the cache off."""
        connection = self._connect()
        if connection is None or not texts:
            return
        if len(texts) != len(vectors):
            raise ValueError("one vector per text expected")
        now = time.time()
        rows = [
            (text_key(model, t), np.asarray(v, dtype="<f4").tobytes(), now)
            for t, v in zip(texts, vectors, strict=True)
        ]
        try:
            with connection:
                connection.execute(
                    "INSERT OR REPLACE INTO models (name, dimension) VALUES (?, ?)",
                    (model, int(np.shape(vectors)[1])),
                )
                connection.executemany(
                    "INSERT OR REPLACE INTO vectors (key, vector, used) VALUES (?, ?, ?)", rows
                )
                self._evict(connection)
        except sqlite3.Error as error:
            self._disable(error)

    def __len__(self) -> int:
        connection = self._connect()
        if connection is None:
            return 0
        try:
            (total,) = connection.execute("SELECT count(*) FROM vectors").fetchone()
        except sqlite3.Error as error:
            self._disable(error)
            return 0
        return int(total)

    @staticmethod
    def _dimension(connection: sqlite3.Connection, model: str) -> int | None:
        """The vector size recorded for ``model`` when its vectors were first stored."""
        row = connection.execute("SELECT dimension FROM models WHERE name = ?", (model,)).fetchone()
        if row is None or not isinstance(row[0], int) or row[0] <= 0:
            return None
        return int(row[0])

    def _evict(self, connection: sqlite3.Connection) -> None:
        (total,) = connection.execute("SELECT count(*) FROM vectors").fetchone()
        if total <= self.max_entries:
            return
        keep = int(self.max_entries * (1 - _EVICT_FRACTION))
        connection.execute(
            "DELETE FROM vectors WHERE key IN (SELECT key FROM vectors ORDER BY used LIMIT ?)",
            (total - keep,),
        )

    def _connect(self) -> sqlite3.Connection | None:
        if self.disabled_because is not None:
            return None
        if self._connection is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._connection = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_MS / 1000)
                _set_up_when_free(self._connection)
            except (sqlite3.Error, OSError) as error:
                self._disable(error)
        return self._connection

    def _disable(self, error: Exception) -> None:
        self.close()
        self.disabled_because = str(error) or type(error).__name__


def _valid_vector(blob: object) -> FloatArray | None:
    """The stored vector, or None when the row is damaged and must be embedded again.

    A row can be damaged by a crash of another program, a disk error or a hand edit; a
    vector of NaNs or of the wrong size would silently change the alignment, so any row
    that is not a non-empty, finite, unit-length float32 vector is ignored.
    """
    if not isinstance(blob, bytes | memoryview) or len(blob) == 0 or len(blob) % 4:
        return None
    vector = np.frombuffer(blob, dtype="<f4").astype(np.float32)
    if not np.all(np.isfinite(vector)):
        return None
    if abs(float(np.linalg.norm(vector)) - 1.0) > _NORM_TOLERANCE:
        return None
    return vector


def _set_up_when_free(connection: sqlite3.Connection) -> None:
    """:func:`_set_up`, tried again while another process is creating the same file.

    Switching a new file to WAL needs it to itself, and SQLite answers "database is
    locked" at once rather than waiting out the busy timeout when two runs (two batch
    workers, say) create the cache together; without a retry one of them would run with
    its cache switched off and embed everything again next time.
    """
    deadline = time.monotonic() + _BUSY_TIMEOUT_MS / 1000
    pause = 0.01
    while True:
        try:
            _set_up(connection)
            return
        except sqlite3.OperationalError as error:
            message = str(error).lower()
            if not ("locked" in message or "busy" in message) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.5)


def _set_up(connection: sqlite3.Connection) -> None:
    connection.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
    # Takes effect only for a new file: large pages hold several vectors each.
    connection.execute(f"PRAGMA page_size = {_PAGE_SIZE}")
    connection.execute("PRAGMA journal_mode = WAL")
    with connection:
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        if version not in (0, _SCHEMA_VERSION):
            raise sqlite3.DatabaseError(f"unknown cache schema version {version}")
        connection.execute(
            "CREATE TABLE IF NOT EXISTS vectors ("
            "key BLOB PRIMARY KEY, vector BLOB NOT NULL, used REAL NOT NULL)"
        )
        connection.execute("CREATE INDEX IF NOT EXISTS vectors_used ON vectors (used)")
        connection.execute(
            "CREATE TABLE IF NOT EXISTS models (name TEXT PRIMARY KEY, dimension INTEGER)"
        )
        connection.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
