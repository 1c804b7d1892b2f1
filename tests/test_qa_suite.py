"""Recall of the QA checks on the error suite: every injected error must be reported.

Each mutation in tests/data/qa_suite/mutations.py is applied alone to fresh copies of the
sample pair, which then go through the real pipeline (alignment with the bundled glossary,
then every QA check). The expected check must report it, at least as severely as a QA
lead needs, on a link that touches the mutated sentence, quoting both languages and
saying what the Chinese or the glossary expects.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from aligner.checks.registry import check_names
from aligner.glossary.model import GlossaryEntry
from aligner.model import Severity
from aligner.pipeline import AlignOptions, load_glossary_entries
from data.qa_suite.mutations import (
    CHECKS,
    MUTATIONS,
    SAMPLE_EN,
    SAMPLE_ZH,
    TAGGED,
    Mutation,
    Outcome,
    Sample,
    clean_file_findings,
    run_mutation,
)

MIN_PER_CHECK = 12


@pytest.fixture(scope="module")
def glossary() -> tuple[GlossaryEntry, ...]:
    return load_glossary_entries(AlignOptions())


@pytest.fixture(scope="module")
def sample() -> Sample:
    return Sample.load()


def _cases() -> Iterator[object]:
    for mutation in MUTATIONS:
        yield pytest.param(mutation, id=mutation.id)


def _explain(outcome: Outcome) -> str:
    """What the checks said near the mutation, for a readable failure."""
    alignment = outcome.alignment
    wanted = " or ".join((outcome.mutation.check, *outcome.mutation.also))
    lines = [f"{outcome.mutation.id}: expected {wanted} finding; got:"]
    for finding in outcome.findings:
        if outcome.touches_region(finding):
            lines.append(
                f"  {finding.check} {finding.severity.value} zh{finding.zh_ids} "
                f"en{finding.en_ids}: {finding.message}"
            )
    side, _ = outcome.mutation.anchor
    for link in alignment.links:
        ids = link.zh if side == "zh" else link.en
        if not outcome.anchor_ids.isdisjoint(ids):
            lines.append(
                f"  link zh{link.zh} en{link.en}: {alignment.source.texts(link.zh)!r} "
                f"| {alignment.target.texts(link.en)!r}"
            )
    return "\n".join(lines)


@pytest.mark.parametrize("mutation", list(_cases()))
def test_injected_error_is_reported(
    mutation: Mutation,
    tmp_path: Path,
    glossary: tuple[GlossaryEntry, ...],
    sample: Sample,
) -> None:
    outcome = run_mutation(mutation, tmp_path, glossary, sample)
    assert outcome.anchor_ids, f"{mutation.anchor} is in no sentence of the mutated pair"
    hits = outcome.hits
    assert hits, _explain(outcome)
    alignment = outcome.alignment
    for finding in hits:
        assert finding.zh == alignment.source.texts(finding.zh_ids)
        assert finding.en == alignment.target.texts(finding.en_ids)
        if finding.zh_ids and finding.en_ids:
            assert finding.zh.strip() and finding.en.strip()
        elif finding.zh_ids:
            assert finding.zh.strip() and (finding.zh in finding.message or finding.zh_spans)
        else:
            assert finding.en.strip() and (finding.en in finding.message or finding.en_spans)
    assert any(
        mutation.message in finding.message or finding.check in mutation.also for finding in hits
    ), _explain(outcome)


def test_every_check_has_enough_mutations() -> None:
    everything = Counter(mutation.check for mutation in MUTATIONS)
    assert set(everything) == set(CHECKS)
    for check in CHECKS:
        assert everything[check] >= MIN_PER_CHECK, (check, everything[check])


def test_mutations_are_well_formed() -> None:
    ids = [mutation.id for mutation in MUTATIONS]
    assert len(ids) == len(set(ids))
    texts = {
        "zh": SAMPLE_ZH.read_text(encoding="utf-8"),
        "en": SAMPLE_EN.read_text(encoding="utf-8"),
    }
    for mutation in MUTATIONS:
        assert mutation.check in check_names()
        assert set(mutation.also) <= set(check_names()) - {mutation.check}, mutation.id
        assert mutation.id.startswith(f"{mutation.check}-")
        assert mutation.description and mutation.message
        if mutation.check != "punctuation":
            assert mutation.severity.rank >= Severity.WARNING.rank, mutation.id
        for edit in mutation.edits:
            text = texts[edit.side] if mutation.file is None else mutation.file.read_text("utf-8")
            assert text.count(edit.find) == 1, (mutation.id, edit.find)
            assert edit.find != edit.replace


def test_inconsistency_mutations_include_both_sides_and_english_only_slips() -> None:
    sides = {mutation.sides for mutation in MUTATIONS if mutation.check == "inconsistency"}
    assert ("zh", "en") in sides
    assert ("en",) in sides


def test_suite_covers_deletion_insertion_and_untranslated_sentences() -> None:
    def edits_of(check: str) -> list[tuple[str, str]]:
        return [
            (edit.find, edit.replace)
            for mutation in MUTATIONS
            if mutation.check == check
            for edit in mutation.edits
        ]

    deletions = [find for find, replace in edits_of("omission") if replace == ""]
    assert all(mutation.file is None for mutation in MUTATIONS if mutation.check != "tags")
    assert len(deletions) >= MIN_PER_CHECK
    assert all(find in replace for find, replace in edits_of("addition"))
    copied = [replace for _, replace in edits_of("untranslated") if replace.endswith("。")]
    assert len(copied) >= 3


def test_the_tagged_file_is_clean_for_the_tags_check(glossary: tuple[GlossaryEntry, ...]) -> None:
    """The file the tags mutations edit has no tag finding of its own, so every tag finding
    on a mutated copy is about the mutation."""
    assert [f for f in clean_file_findings(TAGGED, glossary) if f.check == "tags"] == []


def test_the_new_checks_report_nothing_above_info_on_the_clean_sample(
    glossary: tuple[GlossaryEntry, ...],
) -> None:
    from data.qa_suite.mutations import clean_findings

    new = {"polarity", "spelling", "checklist", "tags"}
    found = [f for f in clean_findings(glossary) if f.check in new]
    assert [f for f in found if f.severity.rank > Severity.INFO.rank] == []
