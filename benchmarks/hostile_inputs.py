"""Figures for the README's reliability section: the hostile-input corpus run as real processes.

Each case of ``tests/hostile.py`` runs the installed ``aligner`` script in a fresh folder with
a deadline, exactly as a user's shell would, and is classified by what happened: accepted
(exit 0 or 1), refused cleanly (exit 2 with one line on standard error), a traceback, any
other exit, a hang (no answer before the deadline), or an input modified.

    .venv/bin/python benchmarks/hostile_inputs.py [--deadline 120] [--details]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from hostile import Case, cases  # noqa: E402

PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
SCRIPT = Path(sys.executable).with_name("aligner")


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def run_case(case: Case, deadline: float) -> str:
    """The outcome of one case: accepted, refused, traceback, other exit, hang or modified."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for relative, data in case.files.items():
            path = folder / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        for pipe in case.fifos:
            os.mkfifo(folder / pipe)
        argv = [PLACEHOLDER.sub(lambda m: str(folder / m.group(1)), a) for a in case.argv]
        before = _snapshot(folder)
        try:
            shown = subprocess.run(
                [str(SCRIPT), *argv],
                capture_output=True,
                text=True,
                timeout=deadline,
                stdin=subprocess.DEVNULL,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return "hang"
        after = _snapshot(folder)
        if any(after.get(path) != digest for path, digest in before.items()):
            return "input modified"
        if "Traceback" in shown.stderr:
            return "traceback"
        if shown.returncode in (0, 1):
            return "accepted"
        if shown.returncode == 2:
            lines = [line for line in shown.stderr.splitlines() if line.strip()]
            one_line = len(lines) == 1 and lines[0].startswith("aligner: error: ")
            usage = bool(lines) and lines[0].startswith("Usage:")
            report = case.argv[:2] == ("glossary", "check")
            return "refused" if one_line or usage or report else "refused, several lines"
        return f"exit {shown.returncode}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deadline", type=float, default=120.0)
    parser.add_argument("--details", action="store_true", help="print every case's outcome")
    args = parser.parse_args()
    corpus = cases()
    outcomes: Counter[str] = Counter()
    by_kind: dict[str, Counter[str]] = {}
    for case in corpus:
        outcome = run_case(case, args.deadline)
        outcomes[outcome] += 1
        by_kind.setdefault(case.kind, Counter())[outcome] += 1
        if args.details:
            print(f"{outcome:<16} {case.kind:<20} {case.name}")
    print(f"inputs tried: {len(corpus)}")
    for outcome in (
        "accepted",
        "refused",
        "refused, several lines",
        "traceback",
        "hang",
        "input modified",
    ):
        print(f"{outcome:<24} {outcomes.get(outcome, 0)}")
    for other in sorted(
        set(outcomes)
        - {"accepted", "refused", "refused, several lines", "traceback", "hang", "input modified"}
    ):
        print(f"{other:<24} {outcomes[other]}")
    print()
    print(f"{'class':<22} {'tried':>6} {'accepted':>9} {'refused':>8}")
    for kind, counts in sorted(by_kind.items()):
        total = sum(counts.values())
        print(f"{kind:<22} {total:>6} {counts['accepted']:>9} {counts['refused']:>8}")


if __name__ == "__main__":
    main()
