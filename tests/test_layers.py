"""The house's layers stay apart: content below prompts and store (siblings), then records
(the session on file), then app, then cli; privacy (finding identifiers) is pure, below all."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "supervise"

MAY_IMPORT = {
    "privacy": set(),
    "content": set(),
    "prompts": {"content"},
    "store": {"content"},
    "records": {"content", "prompts", "store", "privacy"},
    "app": {"content", "prompts", "store", "records", "privacy"},
    "cli": {"content", "prompts", "store", "records", "app", "privacy"},
}
"""Which other layers each layer may import: prompts and store stand side by side on content,
and neither knows the other; records (export, import) and the app bring them together. Privacy
(likely identifiers in text) needs nothing, and records, the app and cli use it."""
LAYERS = list(MAY_IMPORT)


def _layer(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "supervise" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in LAYERS else None


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _modules() -> list[tuple[Path, str]]:
    modules = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        modules.append((path, ".".join(relative.parts)))
    return modules


@pytest.mark.parametrize(("path", "module"), _modules(), ids=lambda v: str(v))
def test_no_module_imports_a_higher_layer(path: Path, module: str) -> None:
    own = _layer(module)
    if own is None:
        return
    for imported in _imports(path):
        other = _layer(imported)
        if other is not None and other != own:
            assert other in MAY_IMPORT[own], f"{module} imports {imported}"


def test_only_the_app_imports_textual_and_only_the_store_imports_tinydb() -> None:
    for path, module in _modules():
        roots = {name.split(".")[0] for name in _imports(path)}
        if "textual" in roots:
            assert module.startswith("supervise.app"), f"{module} imports textual"
        if "tinydb" in roots:
            assert module.startswith("supervise.store"), f"{module} imports tinydb"


def test_lower_layers_load_without_textual() -> None:
    code = (
        "import sys, supervise.content, supervise.prompts, supervise.store, supervise.cli\n"
        "import supervise.privacy\n"
        "import supervise.records.export, supervise.records.html, supervise.records.handover\n"
        "import supervise.records.recover\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
        "print(bad)\n"
        "raise SystemExit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


LATER = (
    "yaml",
    "tinydb",
    "supervise.content.library",
    "supervise.store.session",
    "supervise.app.live",
    "supervise.app.sessions",
    "supervise.store.door",
    "supervise.app.screens.base",
    "supervise.app.screens.dialogs",
)
"""Modules only an open session (or the content) needs."""


def test_starting_the_app_imports_only_what_the_session_list_needs() -> None:
    # Importing the rest when first used is part of the start-up budget measured in
    # benchmarks/ (this proves the design, the benchmark measures the time).
    code = (
        "import sys, supervise.cli, supervise.app.app, supervise.store.catalog\n"
        f"bad = sorted(m for m in {LATER!r} if m in sys.modules)\n"
        "print(bad)\n"
        "raise SystemExit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_helpers_outside_the_layers_import_no_layer() -> None:
    # supervise/visible.py (and lazy.py) serve every layer, so they may lean on none of them.
    for path, module in _modules():
        if module.count(".") == 1 and _layer(module) is None and path.stem != "__main__":
            layers = {_layer(name) for name in _imports(path)} - {None}
            assert not layers, f"{module} imports {sorted(layers)}"
