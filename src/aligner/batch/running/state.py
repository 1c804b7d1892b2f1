"""Resuming: which pairs already have up-to-date results in the output folder.

A pair is up to date when its folder holds every expected output and a state file whose
hash matches the hash of what would produce them now: both inputs' bytes and names, every
glossary's bytes, and the settings that change the output (formats, line splitting,
scorer, tool version). The state file is written last, so a run interrupted halfway
through a pair leaves that pair to be redone.
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path

from aligner import __version__
from aligner.batch.model import deliverable_file
from aligner.files import write_text_atomic
from aligner.glossary.files import read_input_bytes
from aligner.glossary.load import BUNDLED_NAME
from aligner.pipeline import AlignOptions, QAOptions, bundled_checklist_bytes

STATE_FILE = ".aligner-state.json"
QA_FILE = "qa.json"
_STATE_FORMAT = 1


def _feed(digest: hashlib._Hash, data: bytes) -> None:
    """Length-prefixed, so that two fields can never run together into the same bytes."""
    digest.update(len(data).to_bytes(8, "big"))
    digest.update(data)


def settings_fingerprint(
    options: AlignOptions,
    deliverables: tuple[str, ...],
    accepted: tuple[tuple[str, str], ...] = (),
    handout: str = "review",
    qa: QAOptions | None = None,
) -> str:
    """A hash of everything besides the two inputs that decides what a pair's outputs hold.

    Accepted findings and the handout mode count too: they change what the reports list.
    """
    digest = hashlib.sha256()
    for text in (
        "aligner batch",
        __version__,
        options.scorer,
        str(options.split_lines),
        repr(options.link_types),
        ",".join(sorted(deliverables)),
        handout,
        "\n".join(f"{finding_id}\t{note}" for finding_id, note in sorted(accepted)),
    ):
        _feed(digest, text.encode())
    if options.use_bundled_glossary:
        _feed(digest, resources.files("aligner").joinpath("data", BUNDLED_NAME).read_bytes())
    for path in options.glossaries:
        _feed(digest, read_input_bytes(path))
    # Checklists, word lists and severities change the findings.
    qa = qa or QAOptions()
    _feed(digest, repr((qa.use_bundled_checklist, qa.severities)).encode())
    if qa.use_bundled_checklist:
        _feed(digest, bundled_checklist_bytes())
    for path in (*qa.checklists, *qa.words):
        _feed(digest, read_input_bytes(path))
    return digest.hexdigest()


def pair_hash(fingerprint: str, names: tuple[str, str], data: tuple[bytes, bytes]) -> str:
    digest = hashlib.sha256()
    _feed(digest, fingerprint.encode())
    for name in names:
        _feed(digest, name.encode("utf-8", "surrogateescape"))
    for content in data:
        _feed(digest, content)
    return digest.hexdigest()


def output_files(name: str, deliverables: tuple[str, ...]) -> tuple[str, ...]:
    """The files a finished pair's folder holds, besides the state file."""
    return (QA_FILE, *(deliverable_file(name, kind) for kind in deliverables))


def write_state(folder: Path, content_hash: str, files: tuple[str, ...]) -> None:
    state = {"format": _STATE_FORMAT, "hash": content_hash, "files": list(files)}
    write_text_atomic(folder / STATE_FILE, json.dumps(state, indent=2) + "\n")


def is_up_to_date(folder: Path, content_hash: str, files: tuple[str, ...]) -> bool:
    if folder.is_symlink() or not folder.is_dir():
        return False
    try:
        state = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(state, dict) or state.get("hash") != content_hash:
        return False
    return all((folder / name).is_file() for name in files)
