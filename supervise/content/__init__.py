"""Competence frameworks and reflective models: loading and validating the YAML content.

Names are imported on first use (PEP 562), so a caller that needs only the data model or the
errors does not pay for the YAML parser: the app starts faster (see benchmarks/).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from supervise.lazy import lazy_exports

if TYPE_CHECKING:
    from supervise.content.errors import (
        ContentError as ContentError,
        ContentProblem as ContentProblem,
    )
    from supervise.content.library import (
        CONTENT_ENV as CONTENT_ENV,
        DEFAULT_MODEL as DEFAULT_MODEL,
        Library as Library,
        builtin_content_dir as builtin_content_dir,
        check_content as check_content,
        content_paths_from_env as content_paths_from_env,
        load_library as load_library,
    )
    from supervise.content.loader import LibraryLoader as LibraryLoader
    from supervise.content.model import (
        Form as Form,
        Framework as Framework,
        Item as Item,
        Move as Move,
        People as People,
        Point as Point,
        ReflectiveModel as ReflectiveModel,
        Role as Role,
        Section as Section,
        SectionKind as SectionKind,
        Sic as Sic,
        Stage as Stage,
    )

_HOMES = {
    "supervise.content.errors": ("ContentError", "ContentProblem"),
    "supervise.content.library": (
        "CONTENT_ENV",
        "DEFAULT_MODEL",
        "Library",
        "builtin_content_dir",
        "check_content",
        "content_paths_from_env",
        "load_library",
    ),
    "supervise.content.loader": ("LibraryLoader",),
    "supervise.content.model": (
        "Form",
        "Framework",
        "Item",
        "Move",
        "People",
        "Point",
        "ReflectiveModel",
        "Role",
        "Section",
        "SectionKind",
        "Sic",
        "Stage",
    ),
}
__all__, __getattr__ = lazy_exports(__name__, globals(), _HOMES)
