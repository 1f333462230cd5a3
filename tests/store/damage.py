"""Damaged session files, as the probe of issue 14 made them: each a way a file can go wrong."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

Tables = dict[str, dict[str, Any]]
DEEP = 1000
"""How deep the probe nested a file that opened and then could not be saved."""


NESTED = "@nested@"
"""Stands for a list nested DEEP levels deep (too deep for json.dumps to write)."""


def _nest(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    return value


def _first(tables: Tables, table: str) -> dict[str, Any]:
    return next(iter(tables[table].values()))


def _rekey(table: str, key: str) -> Callable[[Tables], None]:
    def damage(tables: Tables) -> None:
        tables[table] = {key: _first(tables, table)}

    return damage


def _set(table: str, field: str, value: Any) -> Callable[[Tables], None]:
    def damage(tables: Tables) -> None:
        _first(tables, table)[field] = value

    return damage


def _drop(table: str, field: str) -> Callable[[Tables], None]:
    def damage(tables: Tables) -> None:
        del _first(tables, table)[field]

    return damage


def _two_ones(tables: Tables) -> None:
    doc = _first(tables, "responses")
    tables["responses"] = {"1": doc, "01": dict(doc, text="another answer")}


DAMAGES: dict[str, tuple[Callable[[Tables], None], str]] = {
    # The five the list showed as normal and that could not be opened.
    "session-keyed-by-a-word": (_rekey("session", "abc"), "numbered 'abc'"),
    "answers-keyed-by-a-word": (_rekey("responses", "abc"), "numbered 'abc'"),
    "answer-without-role": (_drop("responses", "role"), "has no 'role'"),
    "point-with-bad-index": (_set("points", "index", -3), "index must be a whole number"),
    "event-not-text": (_set("events", "kind", 7), "kind must be text"),
    # Others found while fuzzing, or named by the issue.
    "two-answers-numbered-one": (_two_ones, "numbered '01'"),
    "nested-1000-deep": (_set("responses", "extra", NESTED), "nested more than"),
    "deep-in-the-record": (_set("session", "opening", {"check_in": _nest(40)}), "nested more"),
    "bad-role": (_set("responses", "role", "boss"), "role must be one of"),
    "bad-confidence": (_set("ratings", "confidence", 9), "confidence must be 1 to 5"),
    "bad-mode": (_set("session", "mode", "party"), "'party' is not a valid Mode"),
    "bad-date": (_set("session", "date", "soon"), "date must be written"),
    "no-session": (lambda tables: tables.clear(), "0 session documents"),
    "action-without-id": (_drop("actions", "id"), "has no 'id'"),
    "review-bad-outcome": (_set("reviews", "outcome", "maybe"), "maybe"),
}
"""name -> (what is done to a whole session's tables, what the reason must say)."""

RAW_DAMAGES: dict[str, tuple[bytes, str]] = {
    "not-json": (b'{"session": {', "not JSON"),
    "not-utf8": (b"\xff\xfe not a session", "not UTF-8"),
    "a-list": (b"[1, 2]", "expected an object of tables"),
    "table-of-numbers": (b'{"session": {"1": 5}}', "not an object of documents"),
    "deep-brackets": (b"[" * 100_000 + b"]" * 100_000, "nested more than"),
}
"""name -> (the file's bytes, what the reason must say)."""


def full_tables(path: Path) -> Tables:
    """A session file's tables, each given one document if it has none, so every table can be
    damaged."""
    tables: Tables = json.loads(path.read_text(encoding="utf-8"))
    tables.setdefault(
        "responses",
        {"1": {"item": "h3-25/pc/5", "stage": "what", "role": "practitioner", "text": "t"}},
    )
    tables.setdefault("ratings", {"1": {"item": "h3-25/pc/5", "confidence": 3}})
    tables.setdefault("points", {"1": {"item": "cyp-4.3/k/1", "index": 0}})
    tables.setdefault("actions", {"1": {"id": "a1", "what": "call", "who": "", "by_when": ""}})
    tables.setdefault(
        "reviews", {"1": {"session": "s", "action": "a", "what": "w", "outcome": "done"}}
    )
    return tables


def damage(path: Path, name: str) -> str:
    """Damage the session file at ``path`` in the way ``name`` says; return what the reason
    given for it must say."""
    if name in RAW_DAMAGES:
        raw, reason = RAW_DAMAGES[name]
        path.write_bytes(raw)
        return reason
    change, reason = DAMAGES[name]
    tables = full_tables(path)
    change(tables)
    text = json.dumps(tables).replace(f'"{NESTED}"', "[" * DEEP + '"x"' + "]" * DEEP)
    path.write_text(text, encoding="utf-8")
    return reason


ALL = sorted([*DAMAGES, *RAW_DAMAGES])
"""Every damage, by name."""
