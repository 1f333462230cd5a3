"""Generated content YAML, hostile on purpose: every file either loads or is refused with the
project's own error (file, line, message), within a time limit; never another exception."""

from __future__ import annotations

import copy
from contextlib import suppress
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, strategies as st

from supervise.content import ContentError, load_library
from supervise.content.yamlnodes import MAX_CONTENT_BYTES
from tests.content.hostile import BOMB
from tests.fuzz.figures import FUZZ, count, kind, time_limit

FRAMEWORK: dict[str, Any] = {
    "id": "fuzz",
    "title": "Fuzzed framework",
    "source": "generated",
    "summary": "A framework whose fields are replaced with generated values.",
    "people": {"one": "a person", "many": "people"},
    "sections": [
        {
            "id": "pc",
            "title": "Performance criteria",
            "kind": "performance",
            "items": [
                {"id": "1", "text": "you do a thing well", "handle": "to do a thing"},
                {"id": "2", "text": "you do another thing", "parts": ["to do a part"]},
            ],
        }
    ],
}
"""A valid framework: the starting point for documents with one field wrong."""
PLACES = [
    ("id",),
    ("title",),
    ("people",),
    ("people", "one"),
    ("sections",),
    ("sections", 0),
    ("sections", 0, "id"),
    ("sections", 0, "kind"),
    ("sections", 0, "items"),
    ("sections", 0, "items", 0),
    ("sections", 0, "items", 0, "id"),
    ("sections", 0, "items", 0, "text"),
    ("sections", 0, "items", 1, "parts"),
    ("sections", 0, "items", 1, "parts", 0),
    ("stages",),
]
"""Where a generated value may be put in FRAMEWORK."""
FRAGMENTS = [
    "&a ",
    "*a",
    "&a [*a]",
    "!!python/object/apply:os.system ['true'] ",
    "!!python/name:os.system ",
    "!foo ",
    "!!binary aGVsbG8= ",
    "!!set {a, b} ",
    "<<: *a\n",
    "[" * 300,
    "{" * 300,
    "- " * 300,
    "---\n",
    "%YAML 1.1\n",
    "? [a, b]\n: c\n",
    "\t",
    "\x00",
    "\ufeff",
    "2024-13-40",
    "9" * 5000,
    BOMB,
]
"""Pieces of hostile YAML spliced into otherwise ordinary documents."""

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=40),
    st.sampled_from(["", " ", "yes", "~", "1e400", "2024-02-30", "0x1F", ".nan"]),
    st.integers(1_000, 200_000).map(lambda n: "x" * n),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)


def _put(document: dict[str, Any], place: tuple[str | int, ...], value: object) -> None:
    target: Any = document
    for step in place[:-1]:
        target = target[step]
    target[place[-1]] = value


@st.composite
def wrong_framework(draw: st.DrawFn) -> str:
    """FRAMEWORK as YAML with one to three fields replaced by generated values."""
    document = copy.deepcopy(FRAMEWORK)
    for _ in range(draw(st.integers(1, 3))):
        # An earlier replacement may have taken the place away.
        with suppress(KeyError, IndexError, TypeError):
            _put(document, draw(st.sampled_from(PLACES)), draw(VALUES))
    return yaml.safe_dump(document, allow_unicode=True, width=10_000)


@st.composite
def spliced(draw: st.DrawFn) -> str:
    """An ordinary document with hostile fragments spliced in at generated places."""
    text = yaml.safe_dump(FRAMEWORK, width=10_000)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(FRAGMENTS)) + text[at:]
    return text


NESTED = st.integers(2, 5000).flatmap(
    lambda n: st.sampled_from(
        ["a: " + "[" * n + "]" * n, "a: " + "{b: " * n + "c" + "}" * n, "- " * n + "x"]
    )
)
HUGE = st.sampled_from(["a: " + "x" * (MAX_CONTENT_BYTES + 1), "- x\n" * 600_000])
DOCUMENTS = st.one_of(
    wrong_framework(), spliced(), NESTED, st.text(max_size=300), HUGE, st.binary(max_size=200)
)


@pytest.fixture(scope="module")
def content_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one file each example is written to."""
    return tmp_path_factory.mktemp("fuzz") / "fuzz.yaml"


@FUZZ
@given(document=DOCUMENTS)
def test_every_content_file_loads_or_is_refused_by_file_line_and_reason(
    content_file: Path, document: str | bytes
) -> None:
    raw = document if isinstance(document, bytes) else document.encode("utf-8", "surrogatepass")
    content_file.write_bytes(raw)
    with time_limit():
        try:
            library = load_library([content_file], include_env=False)
        except ContentError as error:
            assert error.problems
            for problem in error.problems:
                assert problem.message.strip() and problem.line >= 1
                assert "Traceback" not in problem.message
            mine = [p for p in error.problems if p.path == content_file]
            assert mine, error.problems  # the shipped content is never to blame
            count("content YAML", kind(mine[0].message))
        else:
            assert "default model" not in library.models or library.models
            count("content YAML", "loaded")
