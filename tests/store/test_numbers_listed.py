"""Numbers and text that JSON readers disagree on (whole numbers past 64 bits, NaN, Infinity, a
lone surrogate, a table of its own): the list's verdict and summary are opening's."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from supervise.store import SessionFile, list_sessions
from supervise.store.catalog import UNREADABLE
from supervise.store.errors import SessionUnreadable
from tests.store.damage import full_tables

NewSession = Callable[..., SessionFile]
BIG = 12345678901234567890123
"""A whole number past 64 bits: json keeps it whole (some readers take it for a float)."""


def _set(table: str, field: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(tables: dict[str, Any]) -> None:
        next(iter(tables[table].values()))[field] = value

    return change


CHANGES: dict[str, Callable[[dict[str, Any]], None]] = {
    "big-minutes": _set("session", "planned_minutes", BIG),
    "big-negative-seconds": _set("session", "elapsed_seconds", -BIG),
    "big-text": _set("responses", "text", BIG),
    "big-in-a-key-of-its-own": _set("responses", "note", BIG),
    "nan-in-a-key-of-its-own": _set("responses", "note", float("nan")),
    "infinite-minutes": _set("session", "planned_minutes", float("inf")),
    "lone-surrogate-answer": _set("responses", "text", "a bad paste \ud800 kept"),
    "big-index": _set("points", "index", BIG),
    "a-table-of-its-own": lambda tables: tables.update(extra={"1": {"v": [float("-inf"), BIG]}}),
}


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_the_list_reads_a_file_as_opening_reads_it(
    name: str, new_session: NewSession, folder: Path
) -> None:
    session = new_session()
    session.close()
    tables = full_tables(session.path)
    CHANGES[name](tables)
    # As supervise writes: every character past ASCII escaped, NaN and Infinity as json writes.
    session.path.write_text(json.dumps(tables), encoding="utf-8")
    (listed,) = list_sessions(folder)
    try:
        with SessionFile.open_read_only(session.path) as opened:
            expected = opened.summary()
    except SessionUnreadable as refused:
        assert listed.status == UNREADABLE
        assert listed.problem and listed.problem in str(refused)
        return
    assert listed.status != UNREADABLE, listed.problem
    assert listed == expected
