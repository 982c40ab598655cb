"""The folders are the layers: text → index → search → web/cli, each importing only
the layers before it, and nobody importing the package root from inside it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "astana_qa"
# What each layer may import from the package (besides the foundation modules).
ALLOWED = {
    "text": {"text"},
    "index": {"text", "index"},
    "search": {"text", "index", "search"},
    "web": {"text", "index", "search", "web"},
    "bench": {"text", "index", "search", "web", "bench", "cli"},
}
FOUNDATION = {"_version", "errors", "settings", "records"}


def _imports(path: Path) -> list[tuple[str, int]]:
    """The package modules `path` imports, as dotted names relative to the package."""
    module_parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = module_parts[: len(module_parts) - node.level]
                target = [*base, *(node.module.split(".") if node.module else [])]
            elif node.module and node.module.startswith("astana_qa"):
                target = node.module.split(".")[1:]
            else:
                continue
            found.append((".".join(target), node.lineno))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("astana_qa"):
                    found.append((".".join(alias.name.split(".")[1:]), node.lineno))
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__main__.py")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_module_imports_only_its_own_and_lower_layers(path):
    layer = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
    for target, line in _imports(path):
        top = target.split(".")[0]
        assert target, f"{path.name}:{line} imports the package root"
        if top in FOUNDATION:
            continue
        if layer in FOUNDATION:
            pytest.fail(f"{path.name}:{line}: foundation module imports {target}")
        allowed = ALLOWED.get(layer)
        if allowed is None:  # the interfaces at the top (cli) may import any layer but bench's
            assert top != "bench" or target == "bench.evaluation", f"{path.name}:{line}"
            continue
        assert top in allowed, f"{path.relative_to(PACKAGE)}:{line} imports {target}"


def test_the_layer_test_sees_imports():
    # The checker above must notice a forbidden import, or it proves nothing.
    sample = PACKAGE / "search" / "engine.py"
    assert any(t.startswith("index") for t, _ in _imports(sample))
