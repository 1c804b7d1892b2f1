"""``glossary check``: every problem in a glossary file, with the line it is on.

Besides rows that do not parse, it looks across entries for what makes QA unreliable:
the same pair listed twice, two preferred renderings of one Chinese term, and a
rendering that is accepted in one place and deprecated in another.
"""

from __future__ import annotations

from aligner.errors import InputError
from aligner.glossary.conflicts import entry_problems
from aligner.glossary.load import read_glossary
from aligner.glossary.model import Glossary
from aligner.glossary.problems import GlossaryProblem

__all__ = ["GlossaryProblem", "check_glossary", "entry_problems"]


def check_glossary(path: str) -> tuple[Glossary | None, list[GlossaryProblem]]:
    """Read ``path`` leniently and list all its problems, sorted by line.

    The glossary is None when the file cannot be read at all (missing, not UTF-8, not
    well-formed XML, no zh/en header); the one problem then says why.
    """
    try:
        result = read_glossary(path)
    except InputError as exc:
        return None, [GlossaryProblem(path, "error", exc.problem)]
    problems = list(result.problems) + entry_problems(result.glossary.entries)
    problems.sort(key=lambda p: (p.line or 0, p.severity != "error"))
    return result.glossary, problems
