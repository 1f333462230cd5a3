"""Import a package's public names on first use (PEP 562), so light callers stay light."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, MutableMapping
from typing import Any


def lazy_exports(
    package: str, namespace: MutableMapping[str, Any], homes: Mapping[str, tuple[str, ...]]
) -> tuple[list[str], Callable[[str], object]]:
    """``__all__`` and a module ``__getattr__`` serving each name of ``homes`` from its module.

    ``homes`` maps a module to the names it defines; ``namespace`` is the package's globals(),
    where each name is kept once imported so the lookup happens only the first time.
    """
    module_of = {name: module for module, names in homes.items() for name in names}

    def get(name: str) -> object:
        module = module_of.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    return sorted(module_of), get
