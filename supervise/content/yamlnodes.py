"""Read YAML as plain data while remembering the line each value came from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from supervise.content.errors import ContentError, ContentProblem

Scalar = str | int | float | bool | None

# The C loader, where PyYAML was built with it, reads content several times faster.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Located:
    """A YAML value with the 1-based line it starts on."""

    value: Scalar | list[Located] | dict[str, Located]
    line: int


def _locate(node: yaml.Node, path: Path) -> Located:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, Located] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                raise ContentError(
                    [ContentProblem(path, key_node.start_mark.line + 1, "keys must be plain words")]
                )
            if key in mapping:
                raise ContentError(
                    [ContentProblem(path, key_node.start_mark.line + 1, f"'{key}' appears twice")]
                )
            mapping[key] = _locate(value_node, path)
        return Located(mapping, line)
    if isinstance(node, yaml.SequenceNode):
        return Located([_locate(child, path) for child in node.value], line)
    # The safe constructor applies YAML's usual typing: unquoted 12 is an int, "12" a string.
    value: Scalar = yaml.constructor.SafeConstructor().construct_object(node)
    return Located(value, line)


def read_located(path: Path) -> Located:
    """Parse ``path`` as YAML; raise ContentError (file and line) when it is not YAML at all."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ContentError([ContentProblem(path, 1, f"not UTF-8 text ({error.reason})")]) from None
    except OSError as error:
        raise ContentError(
            [ContentProblem(path, 1, f"cannot be read ({error.strerror})")]
        ) from None
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        problem = error.problem or "is not valid YAML"
        raise ContentError([ContentProblem(path, line, f"not valid YAML: {problem}")]) from None
    except yaml.YAMLError as error:
        raise ContentError([ContentProblem(path, 1, f"not valid YAML: {error}")]) from None
    if node is None:
        raise ContentError([ContentProblem(path, 1, "the file is empty")])
    return _locate(node, path)
