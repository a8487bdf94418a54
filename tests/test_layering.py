"""The layering of the code (docs/architecture.md), checked on the source itself.

foundation → ingest, ontology, queries → petaflop core → petaflop.app; bench and tests on top.
A package imports only the layers below it, and no module imports itself back through others —
counting imports inside functions, which would only hide a cycle. Imports under
``if TYPE_CHECKING:`` never run (annotations only) and are not counted."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("foundation", "ingest", "ontology", "queries", "petaflop")
ALLOWED = {
    "foundation": {"foundation"},
    "ingest": {"foundation", "ingest"},
    "ontology": {"foundation", "ontology"},
    "queries": {"foundation", "queries"},
    "petaflop": {"foundation", "ingest", "ontology", "queries", "petaflop"},
}
# A cycle still in the code: the module that has to change, and why it has not yet.
KNOWN_CYCLES: dict[str, str] = {}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    me = _module_name(path)
    typing_only = {id(n) for block in ast.walk(tree)
                   if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
                   for stmt in block.body for n in ast.walk(stmt)}
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative import: resolve against this module's package
                base = me.split(".")[: -node.level if path.name != "__init__.py" else len(me.split(".")) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            out.append(mod)
            out += [f"{mod}.{a.name}" for a in node.names]  # "from pkg import module"
    return out


@pytest.fixture(scope="module")
def modules() -> dict[str, list[str]]:
    found = {}
    for pkg in PACKAGES:
        for path in sorted((ROOT / pkg).rglob("*.py")):
            found[_module_name(path)] = _imports(path)
    return found


def test_each_package_imports_only_the_layers_below_it(modules):
    wrong = []
    for mod, imports in modules.items():
        top = mod.split(".")[0]
        for imp in imports:
            target = imp.split(".")[0]
            if target in (*PACKAGES, "bench", "tests", "app") and target not in ALLOWED[top]:
                wrong.append(f"{mod} imports {imp}")
    assert wrong == []


def test_the_core_never_imports_the_app(modules):
    wrong = [f"{m} imports {i}" for m, imps in modules.items() for i in imps
             if m.startswith("petaflop.") and not m.startswith("petaflop.app") and i.startswith("petaflop.app")]
    assert wrong == []


def test_no_import_cycle_between_modules(modules):
    graph = nx.DiGraph()
    names = set(modules)
    for mod, imports in modules.items():
        for imp in imports:
            # the longest known module the import names ("petaflop.export.api" or its package)
            parts = imp.split(".")
            target = next((".".join(parts[:k]) for k in range(len(parts), 0, -1) if ".".join(parts[:k]) in names), None)
            if target and target != mod and not mod.startswith(target + "."):
                graph.add_edge(mod, target)
    cycles = sorted(" -> ".join(sorted(c)) for c in nx.simple_cycles(graph) if len(c) > 1)
    assert [c for c in cycles if c not in KNOWN_CYCLES] == []
