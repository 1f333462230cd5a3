"""Competence frameworks and reflective models: loading and validating the YAML content."""

from supervise.content.errors import ContentError, ContentProblem
from supervise.content.library import (
    CONTENT_ENV,
    DEFAULT_MODEL,
    Library,
    builtin_content_dir,
    check_content,
    content_paths_from_env,
    load_library,
)
from supervise.content.model import (
    Form,
    Framework,
    Item,
    Point,
    ReflectiveModel,
    Role,
    Section,
    SectionKind,
    Stage,
    StagePrompts,
)

__all__ = [
    "CONTENT_ENV",
    "DEFAULT_MODEL",
    "ContentError",
    "ContentProblem",
    "Form",
    "Framework",
    "Item",
    "Library",
    "Point",
    "ReflectiveModel",
    "Role",
    "Section",
    "SectionKind",
    "Stage",
    "StagePrompts",
    "builtin_content_dir",
    "check_content",
    "content_paths_from_env",
    "load_library",
]
