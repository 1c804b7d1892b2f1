"""The package's import structure: data flows one way, and there are no cycles.

Every module belongs to a stage of the pipeline; a module may import its own stage and
earlier ones, never a later one. Imports inside functions count too: a lazy import is still
a dependency. The command line may import only the pipeline (and, for ``batch`` and
``review``, those packages' public faces), the registries, the model and the errors, so that
everything it does is also available as a library call.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "aligner"

# Stages in pipeline order; a name is a top-level module or package of ``aligner``.
STAGES: tuple[tuple[str, ...], ...] = (
    ("__init__", "errors", "model"),
    ("files",),
    ("language", "lexicon"),
    ("segment",),
    ("readers",),
    ("glossary", "checklists"),
    ("align",),
    ("checks",),
    ("formats",),
    ("writers",),
    ("config", "review_file"),
    ("pipeline",),
    ("batch", "review"),
    ("cli",),
    ("__main__",),
)
CLI_MAY_IMPORT = {
    "__init__",
    "errors",
    "model",
    "pipeline",
    "batch",
    "review",
    "checks.registry",
    "formats.registry",
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """Every ``aligner.…`` module this file imports, at any depth of the code."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("aligner"))
        elif (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.level == 0
            and node.module.startswith("aligner")
        ):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    modules = {module_name(p) for p in PACKAGE.rglob("*.py")}
    resolved = set()
    for name in found:
        inner = name.removeprefix("aligner").lstrip(".") or "__init__"
        while inner and inner not in modules:
            inner = inner.rpartition(".")[0]
        resolved.add(inner or "__init__")
    return resolved


def stage_of(module: str) -> int:
    top = module.split(".")[0]
    for index, names in enumerate(STAGES):
        if top in names:
            return index
    raise AssertionError(f"aligner.{module} belongs to no stage; add it to STAGES")


GRAPH = {
    module_name(path): imports_of(path) - {module_name(path)} for path in PACKAGE.rglob("*.py")
}


def test_every_module_has_a_stage() -> None:
    for module in GRAPH:
        stage_of(module)


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_no_module_imports_a_later_stage(module: str) -> None:
    later = sorted(other for other in GRAPH[module] if stage_of(other) > stage_of(module))
    assert later == [], f"aligner.{module} imports later stages: {later}"


def test_formats_never_import_the_writers() -> None:
    offenders = {
        module: sorted(o for o in imported if o.startswith("writers"))
        for module, imported in GRAPH.items()
        if module.startswith("formats")
    }
    assert {m: o for m, o in offenders.items() if o} == {}


def test_the_command_line_drives_only_library_objects() -> None:
    assert sorted(GRAPH["cli"] - CLI_MAY_IMPORT) == []


def test_there_is_no_import_cycle() -> None:
    state: dict[str, int] = defaultdict(int)  # 0 new, 1 on the path, 2 done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for other in sorted(GRAPH.get(module, ())):
            if other == module or other.startswith(module + "."):
                continue  # a package importing its own members is how packages work
            if state[other] == 1:
                cycle = [*path[path.index(other) :], other]
                raise AssertionError("import cycle: " + " → ".join(cycle))
            if state[other] == 0:
                visit(other)
        path.pop()
        state[module] = 2

    for module in sorted(GRAPH):
        if state[module] == 0:
            visit(module)
