"""Generated session files, damaged on purpose: each is either listed as readable and then opens
and saves, or is listed as damaged with a reason and refused with the store's own error, within
a time limit; never another exception."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, strategies as st

from supervise.content.model import Role
from supervise.store import SessionFile
from supervise.store.catalog import UNREADABLE, read_summary
from supervise.store.changes import SetAnswer
from supervise.store.door import SessionDoor
from supervise.store.errors import SessionUnreadable
from supervise.store.files import MAX_SESSION_BYTES
from tests.fuzz.figures import FUZZ, count, kind, time_limit
from tests.store.damage import full_tables

Tables = dict[str, dict[str, Any]]

FIELDS = [
    "id",
    "mode",
    "date",
    "status",
    "scope",
    "opening",
    "signatures",
    "format",
    "planned_minutes",
    "elapsed_seconds",
    "item",
    "stage",
    "role",
    "text",
    "confidence",
    "bring_to_supervision",
    "index",
    "what",
    "kind",
    "outcome",
    "session",
    "action",
]
"""Fields the session file's documents have: the likeliest places for a wrong value."""

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(["supervision", "signed", "practitioner", "2026-02-30", "h3-25/pc/5", ""]),
    st.integers(1_000, 300_000).map(lambda n: "x" * n),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
NESTED = st.integers(2, 400).map(lambda n: json.loads("[" * n + "]" * n))
TABLE_NAMES = ["session", "responses", "ratings", "points", "actions", "events", "reviews", "x"]
"""The tables of a session file, and one it does not have."""
KEYS = st.one_of(
    st.sampled_from(["abc", "01", "-1", "1.5", "", " 1", "١", "9" * 30, "0"]), st.text(max_size=5)
)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Tables:
    """A real session file's tables, every table holding a document."""
    folder = tmp_path_factory.mktemp("base")
    fields: dict[str, Any] = {"practitioner": "Sam", "supervisor": "Alex", "date": "2026-11-23"}
    with SessionFile.create(
        folder, mode="supervision", scope=("h3-25/pc/5", "cyp-4.3/k/1"), **fields
    ) as session:
        session.set_response("h3-25/pc/5", "what", "practitioner", "words")
        return full_tables(session.path)


@st.composite
def mutations(draw: st.DrawFn) -> list[tuple[str, Any, Any, Any]]:
    """One to three changes to make to a session file's tables."""
    return [
        (
            draw(st.sampled_from(["set"] * 8 + ["drop", "drop", "rekey", "table", "duplicate"])),
            draw(st.sampled_from(TABLE_NAMES)),
            draw(st.one_of(st.sampled_from(FIELDS), st.text(max_size=6), KEYS)),
            draw(st.one_of(*[VALUES] * 9, NESTED)),  # one in ten nested deep
        )
        for _ in range(draw(st.integers(1, 3)))
    ]


def _damage(tables: Tables, changes: list[tuple[str, Any, Any, Any]]) -> Tables:
    tables = copy.deepcopy(tables)
    for what, table, key, value in changes:
        docs = tables.setdefault(table, {})
        doc = next(iter(docs.values()), None) if isinstance(docs, dict) else None
        doc = doc if isinstance(doc, dict) else None
        if what == "set" and doc is not None:
            doc[key] = value
        elif what == "drop" and doc is not None:
            doc.pop(key, None)
        elif what == "rekey" and doc is not None:
            tables[table] = {str(key): doc}
        elif what == "table":
            tables[table] = value if not isinstance(value, dict) else {"1": value}
        elif what == "duplicate" and doc is not None:
            docs[str(len(docs) + 1)] = copy.deepcopy(doc)
    return tables


RAW = st.one_of(
    VALUES.map(lambda value: json.dumps(value).encode()),
    st.dictionaries(st.text(max_size=8), VALUES).map(lambda value: json.dumps(value).encode()),
    st.binary(max_size=200),
    st.text(max_size=200).map(str.encode),
    st.integers(2, 100_000).map(lambda n: b"[" * n + b"]" * n),
    st.just(b'{"session": {"1": ' + b'"' + b"x" * (MAX_SESSION_BYTES) + b'"}}'),
)


@pytest.fixture(scope="module")
def session_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one file each example is written to."""
    return tmp_path_factory.mktemp("sessions") / "2026-11-23-0000fuzz.json"


def _check(path: Path, raw: bytes) -> str:
    """List, then open the file as written; the outcome's kind."""
    path.write_bytes(raw)
    with time_limit():
        summary = read_summary(path)
        if summary.status == UNREADABLE:
            assert summary.problem and summary.practitioner == ""
            for opening in (SessionFile.open, SessionFile.open_read_only):
                with pytest.raises(SessionUnreadable) as refused:
                    opening(path)
                assert refused.value.detail == summary.problem
            assert path.read_bytes() == raw  # refused, and left as it was
            return kind(summary.problem)
        # Listed as readable: it opens through the app's door, and a change is saved.
        door = SessionDoor.open(path, lambda state: None)
        try:
            door.submit(SetAnswer("h3-25/pc/5", "so-what", Role.PRACTITIONER, "fuzzed"))
            assert door.flush(), door.state.error
        finally:
            door.close()
        assert read_summary(path).status != UNREADABLE
        return "listed, opened and saved"


@FUZZ
@given(changes=mutations())
def test_every_damaged_session_is_listed_as_it_opens(
    base: Tables, session_file: Path, changes: list[tuple[str, Any, Any, Any]]
) -> None:
    raw = json.dumps(_damage(base, changes)).encode()
    count("session JSON (tables changed)", _check(session_file, raw))


@FUZZ
@given(raw=RAW)
def test_every_session_file_of_any_bytes_is_listed_as_it_opens(
    session_file: Path, raw: bytes
) -> None:
    count("session JSON (any bytes)", _check(session_file, raw))
