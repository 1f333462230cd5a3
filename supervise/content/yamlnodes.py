"""Read YAML as plain data while remembering the line each value came from.

Content files may come from anywhere (``--content``, SUPERVISE_CONTENT), so reading one is
bounded: its size is checked before it is read, anchors and aliases are refused (an alias bomb
of a few hundred bytes expands to gigabytes, a self-referring one never ends), tags beyond
YAML's plain types are refused, and nesting is capped. Every refusal is a ContentError naming
the file and line, never another exception.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import yaml

from supervise.content.errors import ContentError, ContentProblem

Scalar = str | int | float | bool | None

MAX_CONTENT_BYTES = 2_000_000
"""The largest content file read: a hundred times the largest shipped one (about 11 KB)."""
MAX_DEPTH = 16
"""The deepest nesting read; content needs five levels (framework, sections, items, points)."""

# The C loader, where PyYAML was built with it, reads content several times faster.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_YAML = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(_YAML + name for name in ("str", "int", "float", "bool", "null"))
"""Explicit tags a scalar may carry (``!!str 12``); any other tag is refused."""
_COLLECTION_TAGS = frozenset({_YAML + "seq", _YAML + "map"})
_NON_SPECIFIC = "!"
"""The tag ``!`` only says "not a plain scalar": the value is read as it would be untagged."""


@dataclass(frozen=True)
class Located:
    """A YAML value with the 1-based line it starts on."""

    value: Scalar | list[Located] | dict[str, Located]
    line: int


@dataclass
class _Open:
    """A sequence or mapping whose end has not been read yet."""

    line: int
    items: list[Located] | None = None
    mapping: dict[str, Located] | None = None
    key: str | None = None
    """In a mapping, the key whose value comes next (None while a key is expected)."""


def _refuse(path: Path, line: int, message: str) -> ContentError:
    return ContentError([ContentProblem(path, line, message)])


def _line(event: yaml.Event) -> int:
    return event.start_mark.line + 1 if event.start_mark else 1


def read_bounded(path: Path, limit: int = MAX_CONTENT_BYTES) -> str:
    """The text of ``path``, checked to be a regular file of at most ``limit`` bytes before it is
    read (a FIFO or a huge file is refused, not waited on); ContentError otherwise."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise _refuse(path, 1, "not a regular file")
        if info.st_size > limit:
            raise _refuse(path, 1, _too_large(info.st_size, limit))
        with open(path, "rb") as file:
            # It may have grown since the stat: read no more than one byte past the limit.
            raw = file.read(limit + 1)
    except OSError as error:
        raise _refuse(path, 1, f"cannot be read ({error.strerror or error})") from None
    if len(raw) > limit:
        raise _refuse(path, 1, _too_large(len(raw), limit))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _refuse(path, 1, f"not UTF-8 text ({error.reason})") from None


def _too_large(size: int, limit: int) -> str:
    return (
        f"too large to be content ({size / 1e6:.1f} MB; a content file is at most "
        f"{limit / 1e6:.0f} MB)"
    )


def _scalar(loader: yaml.SafeLoader, event: yaml.ScalarEvent, path: Path) -> Scalar:
    """The typed value of a scalar: unquoted 12 is an int, "12" a string, as YAML has it."""
    tag = event.tag
    if tag is None or tag == _NON_SPECIFIC:
        resolve = cast("Callable[[type[yaml.Node], str, object], str]", loader.resolve)
        tag = resolve(yaml.ScalarNode, event.value, event.implicit)
    elif tag not in _SCALAR_TAGS:
        raise _refuse(path, _line(event), _tag_refused(tag))
    constructor = yaml.constructor.SafeConstructor.yaml_constructors.get(tag)
    if constructor is None:
        # Merge keys ('<<') and the like mean nothing without anchors: plain text.
        return event.value
    node = yaml.ScalarNode(tag, event.value, None, None, event.style)
    try:
        value: Scalar = constructor(loader, node)
    except (yaml.YAMLError, ValueError, OverflowError) as error:
        # A date such as 2024-13-40, a number too long to be one.
        shown = event.value[:40]
        raise _refuse(path, _line(event), f"'{shown}' cannot be read ({error})") from None
    return value


def _tag_refused(tag: str) -> str:
    shown = tag.replace(_YAML, "!!")
    return f"the tag '{shown[:60]}' is not allowed in content files: remove it"


def _compose(loader: yaml.SafeLoader, path: Path) -> Located | None:
    """Build the one document in the stream from parser events, within the limits above."""
    stack: list[_Open] = []
    root: Located | None = None
    documents = 0
    next_event = cast("Callable[[], yaml.Event]", loader.get_event)
    while loader.check_event():
        event = next_event()
        line = _line(event)
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _refuse(path, line, "holds more than one YAML document ('---'): keep one")
            continue
        if isinstance(event, yaml.AliasEvent):
            raise _refuse(path, line, _ALIASES)
        if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            raise _refuse(path, line, _ALIASES)
        parent = stack[-1] if stack else None
        if parent is not None and parent.mapping is not None and parent.key is None:
            # A key is expected: only plain words.
            if not isinstance(event, (yaml.ScalarEvent, yaml.CollectionEndEvent)):
                raise _refuse(path, line, "keys must be plain words")
            if isinstance(event, yaml.ScalarEvent):
                if event.value in parent.mapping:
                    raise _refuse(path, line, f"'{event.value[:60]}' appears twice")
                parent.key = event.value
                continue
        done: Located | None = None
        if isinstance(event, yaml.ScalarEvent):
            done = Located(_scalar(loader, event, path), line)
        elif isinstance(event, yaml.CollectionStartEvent):
            if event.tag not in (None, _NON_SPECIFIC) and event.tag not in _COLLECTION_TAGS:
                raise _refuse(path, line, _tag_refused(event.tag))
            if len(stack) >= MAX_DEPTH:
                raise _refuse(path, line, f"nested more than {MAX_DEPTH} levels deep")
            if isinstance(event, yaml.SequenceStartEvent):
                stack.append(_Open(line, items=[]))
            else:
                stack.append(_Open(line, mapping={}))
            continue
        elif isinstance(event, yaml.CollectionEndEvent):
            closed = stack.pop()
            value = closed.items if closed.items is not None else closed.mapping
            done = Located(value, closed.line)
            parent = stack[-1] if stack else None
        if done is None:
            continue
        if parent is None:
            root = done
        elif parent.items is not None:
            parent.items.append(done)
        else:
            assert parent.mapping is not None and parent.key is not None
            parent.mapping[parent.key] = done
            parent.key = None
    return root


_ALIASES = (
    "anchors and aliases ('&name', '*name') are not allowed in content files: write each value "
    "out in full"
)


def read_located(path: Path) -> Located:
    """Parse ``path`` as YAML; raise ContentError (file and line) when it is not YAML at all,
    or is too large, too deep, or uses anchors, aliases or tags."""
    text = read_bounded(path)
    loader = _LOADER(text)
    try:
        root = _compose(loader, path)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        problem = error.problem or "is not valid YAML"
        raise _refuse(path, line, f"not valid YAML: {problem}") from None
    except yaml.YAMLError as error:
        raise _refuse(path, 1, f"not valid YAML: {error}") from None
    finally:
        loader.dispose()
    if root is None:
        raise _refuse(path, 1, "the file is empty")
    return root
