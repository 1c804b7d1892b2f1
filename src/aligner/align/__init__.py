"""Sentence alignment of a Chinese document with its English translation."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Literal

from aligner.align.coverage import check_coverage
from aligner.align.scorer import Scorer, SpanScorer
from aligner.align.settings import DEFAULT_LINK_TYPES, SearchConfig
from aligner.glossary.model import GlossaryEntry
from aligner.model import Alignment, Document, Link

SCORER_NAMES = ("auto", "lexical", "semantic", "hybrid", "ensemble")

__all__ = [
    "DEFAULT_LINK_TYPES",
    "SCORER_NAMES",
    "SearchConfig",
    "align_documents",
    "align_prepared",
    "make_scorer",
]


def make_scorer(
    name: str,
    glossary: Sequence[GlossaryEntry] = (),
    notify: Callable[[str], None] | None = None,
) -> Scorer:
    """The scorer for a ``--scorer`` value; ``auto`` picks the best one installed.

    ``auto`` is the hybrid scorer when its embedding model is installed (it is a
    dependency, so normally it is), announced by one line through ``notify`` (by
    default on stderr when it is a terminal), and the lexical scorer otherwise, with
    one line saying so. Asking for ``semantic``, ``hybrid`` or ``ensemble`` without
    their models is an InputError naming the package to install.
    """
    if name == "lexical":
        _one_blas_thread()
    from aligner.align.lexical import LexicalScorer

    if name not in SCORER_NAMES:
        raise ValueError(f"unknown scorer {name!r}; choose from {', '.join(SCORER_NAMES)}")
    if name == "lexical":
        return LexicalScorer(glossary)
    from aligner.align import semantic

    say = notify or _notice
    if name == "auto":
        module = semantic.installed()
        if module is None:
            say(f"scorer: lexical (dictionary); {semantic.INSTALL_HINT} adds the hybrid scorer")
            return LexicalScorer(glossary)
        try:
            scorer = semantic.build_scorer("hybrid", glossary, notify=say, fallback_to_lexical=True)
        except semantic.SemanticUnavailable:
            return LexicalScorer(glossary)
        say(
            f"scorer: hybrid ({semantic.MODEL_NAMES[module]} embeddings + dictionary); "
            "--scorer lexical skips the model"
        )
        return scorer
    kind: Literal["semantic", "hybrid", "ensemble"] = (
        "semantic" if name == "semantic" else "ensemble" if name == "ensemble" else "hybrid"
    )
    try:
        return semantic.build_scorer(kind, glossary)
    except semantic.SemanticUnavailable as error:
        from aligner.errors import InputError

        raise InputError(f"--scorer {name}", str(error)) from None


def _one_blas_thread() -> None:
    """Ask numpy's BLAS for one thread, unless the user chose a number.

    The lexical scorer does no matrix products, yet OpenBLAS starts a worker per core when
    numpy is imported and they spin and are joined at exit: on a short release that is a
    tenth of the command's time. It only works before numpy is first imported; the
    embedding scorers keep the user's (or the library's) choice.
    """
    if "numpy" not in sys.modules:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def _notice(message: str) -> None:
    """Tell a person at a terminal; keep stderr clean for scripts that parse it."""
    if sys.stderr.isatty():
        print(f"aligner: {message}", file=sys.stderr)


def align_documents(
    source: Document,
    target: Document,
    scorer: Scorer,
    config: SearchConfig | None = None,
) -> Alignment:
    """Link every Chinese and English sentence, in order, each exactly once."""
    return align_prepared(source, target, scorer.prepare(source, target), config)


def align_prepared(
    source: Document,
    target: Document,
    span_scorer: SpanScorer,
    config: SearchConfig | None = None,
) -> Alignment:
    """The search alone, for a scorer already prepared (so its cost can be timed apart)."""
    from aligner.align.length import LengthModel
    from aligner.align.search import search

    config = config or SearchConfig()
    check_coverage(
        config.link_types,
        [s.text for s in source.segments],
        [s.text for s in target.segments],
    )
    lengths = LengthModel.build(
        [s.text for s in source.segments], [s.text for s in target.segments]
    )
    beads = search(
        span_scorer,
        lengths,
        [s.paragraph for s in source.segments],
        [s.paragraph for s in target.segments],
        config,
    )
    links = tuple(
        Link(
            tuple(range(b.zh_start, b.zh_end)),
            tuple(range(b.en_start, b.en_end)),
            b.confidence,
        )
        for b in beads
    )
    return Alignment(source, target, links)
