"""supervise.prompts stays pure: standard library and the content model only."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import supervise.prompts

ALLOWED = {"supervise.content.model"}


def test_prompts_package_imports_only_stdlib_and_the_content_model() -> None:
    package = Path(supervise.prompts.__file__).parent
    imported: set[str] = set()
    for source in package.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)
    foreign = {
        name
        for name in imported
        if name.split(".")[0] not in sys.stdlib_module_names
        and name not in ALLOWED
        and not name.startswith("supervise.prompts")
    }
    assert not foreign
    assert imported & ALLOWED
