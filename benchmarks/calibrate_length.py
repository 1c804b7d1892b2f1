"""Derive the bounds of the length check from human gold alignments.

Reads the MAC-Dev corpus (one sentence per line plus a gold ``[zh]:[en]`` alignment per
chapter), measures log(English length / Chinese length) for every gold link that the check
would measure, subtracts each chapter's median and scales by a pooled robust spread
(1.4826 x median absolute deviation) that grows as sentences get shorter. It prints the
spread, the quantiles of the resulting z-scores and how often the constants currently in
``aligner.checks.length`` fire on correct translations and on simulated partial
omissions, so the constants can be checked or re-derived:

    .venv/bin/python benchmarks/calibrate_length.py [path/to/mac-dev]
"""

from __future__ import annotations

import math
import statistics
import sys
from pathlib import Path

from aligner.checks import length

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "mac-dev"
MAD_TO_SIGMA = 1.4826
SPREAD_BINS = 6
QUANTILES = (0.005, 0.01, 0.025, 0.05, 0.5, 0.95, 0.975, 0.99, 0.995)


def parse_ids(field: str) -> list[int]:
    inner = field.strip().strip("[]").strip()
    return [int(part) for part in inner.split(",")] if inner else []


def chapter_links(corpus: Path, name: str) -> list[tuple[str, str]]:
    """The Chinese and English text of every gold link with both sides filled."""
    zh_lines = (corpus / "zh" / f"{name}.zh").read_text(encoding="utf-8").splitlines()
    en_lines = (corpus / "en" / f"{name}.en").read_text(encoding="utf-8").splitlines()
    links: list[tuple[str, str]] = []
    for row in (corpus / "gold" / f"{name}.align").read_text(encoding="utf-8").splitlines():
        if not row.strip():
            continue
        zh_field, en_field = row.split(":")
        zh_ids, en_ids = parse_ids(zh_field), parse_ids(en_field)
        if zh_ids and en_ids:
            zh = "".join(zh_lines[i] for i in zh_ids)
            en = " ".join(en_lines[i] for i in en_ids)
            links.append((zh, en))
    return links


def quantile(sorted_values: list[float], q: float) -> float:
    """Linear-interpolation quantile, enough for a few thousand values."""
    position = q * (len(sorted_values) - 1)
    low = math.floor(position)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (position - low)


def fit_spread(deviations: list[tuple[int, float]]) -> tuple[float, float]:
    """Fit variance = base + per_char / length to robust variances of length bins.

    Short sentences have noisier ratios (one extra word weighs more), so the spread is
    estimated in equal-sized bins of Chinese length and a straight line is fitted to the
    robust variance of each bin against the mean inverse length of the bin.
    """
    ordered = sorted(deviations)
    size = math.ceil(len(ordered) / SPREAD_BINS)
    xs: list[float] = []
    ys: list[float] = []
    for start in range(0, len(ordered), size):
        chunk = ordered[start : start + size]
        values = [d for _, d in chunk]
        centre = statistics.median(values)
        sigma = MAD_TO_SIGMA * statistics.median(abs(v - centre) for v in values)
        xs.append(statistics.fmean(1 / chars for chars, _ in chunk))
        ys.append(sigma**2)
        print(f"  Chinese length {chunk[0][0]}-{chunk[-1][0]}: robust sigma {sigma:.3f}")
    per_char, base = statistics.linear_regression(xs, ys)
    return max(base, 0.0), per_char


def truncate_english(en: str, keep: float) -> str:
    """Keep the first share of the words, as a translator who dropped a clause would."""
    words = en.split()
    return " ".join(words[: max(1, round(len(words) * keep))])


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else DEFAULT_CORPUS
    names = sorted(path.stem for path in (corpus / "gold").glob("*.align"))
    if not names:
        print(f"no gold alignments under {corpus}", file=sys.stderr)
        return 1

    deviations: list[tuple[int, float]] = []
    medians: dict[str, float] = {}
    per_chapter: dict[str, list[tuple[str, str]]] = {}
    for name in names:
        links = chapter_links(corpus, name)
        measured = [
            (length.zh_length(zh), r)
            for zh, en in links
            if (r := length.log_ratio(zh, en)) is not None
        ]
        medians[name] = statistics.median(r for _, r in measured)
        deviations.extend((chars, r - medians[name]) for chars, r in measured)
        per_chapter[name] = links
        print(
            f"chapter {name}: {len(links)} links, {len(measured)} measurable, "
            f"median en/zh ratio {math.exp(medians[name]):.2f}"
        )
    pooled = statistics.median(medians.values())
    print(f"median of the chapter medians: en/zh ratio {math.exp(pooled):.2f}")

    base, per_char = fit_spread(deviations)
    print(f"\nmeasurable links: {len(deviations)}")
    print(f"spread of the log ratio: variance = {base:.4f} + {per_char:.3f} / Chinese characters")
    for chars in (8, 20, 50, 150):
        print(f"  scale at {chars} Chinese characters: {math.sqrt(base + per_char / chars):.3f}")
    z_scores = sorted(d / math.sqrt(base + per_char / chars) for chars, d in deviations)
    print(
        "z-score quantiles: "
        + ", ".join(f"{q:.1%}={quantile(z_scores, q):+.2f}" for q in QUANTILES)
    )

    # From here on, the constants as hard-coded in length.py rather than the fresh fit.
    z_scores = sorted(length.length_z_score(d, 0.0, chars) for chars, d in deviations)
    bounds = (length.WARN_SHORT_Z, length.INFO_SHORT_Z, length.INFO_LONG_Z, length.WARN_LONG_Z)
    print(
        f"\nconstants in length.py: variance = {length.BASE_VARIANCE} + "
        f"{length.PER_CHAR_VARIANCE} / chars, bounds={bounds}"
    )
    warn = sum(1 for z in z_scores if z <= length.WARN_SHORT_Z or z >= length.WARN_LONG_Z)
    info = sum(1 for z in z_scores if z <= length.INFO_SHORT_Z or z >= length.INFO_LONG_Z) - warn
    total = len(z_scores)
    print(
        f"correct gold links: warning {warn} ({warn / total:.1%}), info {info} ({info / total:.1%})"
    )

    for keep in (0.3, 0.5, 0.7):
        caught_warn = caught_any = tested = 0
        for name, links in per_chapter.items():
            for zh, en in links:
                if length.log_ratio(zh, en) is None:
                    continue
                ratio = length.log_ratio(zh, truncate_english(en, keep))
                if ratio is None:
                    continue
                tested += 1
                z = length.length_z_score(ratio, medians[name], length.zh_length(zh))
                caught_warn += z <= length.WARN_SHORT_Z
                caught_any += z <= length.INFO_SHORT_Z
        print(
            f"English cut to {keep:.0%} of its words: {tested} links, warning "
            f"{caught_warn / tested:.1%}, warning or info {caught_any / tested:.1%}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
