"""The package's modules import one another in one direction only, and only by public names.

A circle of imports (``register`` needing ``replay`` needing ``register``) makes the import order
matter and hides which module owns what; a private name (``_roles``) used from another package
ties that package to an implementation it was told not to rely on. Both are read from the source
itself, type-only and in-function imports included, so a new one fails here.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import ispcheck

ROOT = Path(ispcheck.__file__).parent
PACKAGE = "ispcheck"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in ROOT.rglob("*.py")}


def _imports(module: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Each ``from X import a, b`` in the module (relative ones resolved), anywhere in it."""
    path = MODULES[module]
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            name = ".".join([*base, node.module] if node.module else base) if node.level else node.module
            yield name or "", tuple(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, ()


def _depends_on(module: str) -> set[str]:
    found = set()
    for name, names in _imports(module):
        submodules = {f"{name}.{n}" for n in names} & MODULES.keys()
        found |= submodules
        if name in MODULES and (not names or len(submodules) < len(names)):
            found.add(name)
    found.discard(module)
    return found


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import one another round a circle (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                other = stack.pop()
                group.append(other)
                if other == node:
                    break
            if len(group) > 1:
                circles.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return circles


def test_no_modules_import_one_another_in_a_circle() -> None:
    graph = {module: _depends_on(module) for module in MODULES}
    assert _circles(graph) == []


def test_the_circle_finder_finds_a_circle_of_two_and_one_of_three() -> None:
    graph = {"a": {"b"}, "b": {"a"}, "c": {"d"}, "d": {"e"}, "e": {"c", "a"}, "f": {"a"}}
    assert sorted(_circles(graph)) == [["a", "b"], ["c", "d", "e"]]


def _package_of(module: str) -> str:
    path = MODULES[module]
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def _private_uses() -> Iterator[str]:
    for module in MODULES:
        home = _package_of(module)
        for name, names in _imports(module):
            if not name.startswith(PACKAGE):
                continue
            parts = name.split(".")
            private_at = next((i for i, part in enumerate(parts) if part.startswith("_")), None)
            owner = ".".join(parts[:private_at]) if private_at is not None else name
            if private_at is not None and not (home + ".").startswith(owner + "."):
                yield f"{module} imports the private module {name}"
            for imported in names:
                if imported.startswith("_") and not imported.startswith("__"):
                    theirs = _package_of(name) if name in MODULES else name
                    if theirs != home:
                        yield f"{module} imports the private name {imported} from {name}"


def test_no_module_uses_a_private_module_or_name_of_another_package() -> None:
    assert list(_private_uses()) == []
