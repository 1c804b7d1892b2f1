"""How the timing benchmarks start ``aligner``: the same way for this copy and a baseline.

The installed script runs ``aligner.__main__:run``. A ``--baseline`` copy of an earlier
commit may not have that module; its script ran ``aligner.cli:main``. Starting both through
this one line, which takes whichever entry point the copy on ``PYTHONPATH`` has, keeps the
two runs alike apart from the code being compared.
"""

from __future__ import annotations

import sys

ENTRY = """\
import sys
sys.argv[0] = "aligner"
try:
    from aligner.__main__ import run
except ImportError:
    from aligner.cli import main as run
sys.exit(run())
"""


def aligner_command(*args: str) -> list[str]:
    """The command line that runs ``aligner ARGS...`` as the installed script would."""
    return [sys.executable, "-c", ENTRY, *args]
