"""Archiving hides and keeps; deleting moves to the trash, which keeps a session 30 days."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from supervise.store import SessionFile, SessionLocked, list_sessions
from supervise.store.tidy import (
    ARCHIVE_NAME,
    archived,
    empty_old_trash,
    move_to_trash,
    set_archived,
    trashed,
)
from tests.store.conftest import SCOPE


def _session(folder: Path, date: str = "2026-11-01") -> Path:
    with SessionFile.create(
        folder, mode="supervision", practitioner="Sam", supervisor="Alex", date=date, scope=SCOPE
    ) as session:
        session.set_response(SCOPE[0], "what", "practitioner", "every word kept")
        return session.path


def test_archiving_is_a_list_beside_the_sessions_that_leaves_them_untouched(
    tmp_path: Path,
) -> None:
    path = _session(tmp_path)
    before = path.read_bytes()
    set_archived(tmp_path, path.name, True)
    assert archived(tmp_path) == {path.name}
    assert path.read_bytes() == before
    assert [s.path for s in list_sessions(tmp_path)] == [path]
    set_archived(tmp_path, path.name, False)
    assert archived(tmp_path) == frozenset()
    # A damaged list hides nothing rather than failing.
    (tmp_path / ARCHIVE_NAME).write_text("{not json", encoding="utf-8")
    assert archived(tmp_path) == frozenset()


def test_delete_moves_to_the_trash_and_nothing_is_erased(tmp_path: Path) -> None:
    path = _session(tmp_path)
    other = _session(tmp_path, "2026-11-02")
    before = path.read_bytes()
    set_archived(tmp_path, path.name, True)
    target = move_to_trash(path, datetime(2026, 12, 3, 9, 0, 0))
    assert not path.exists()
    assert target == tmp_path / "trash" / f"20261203T090000-{path.name}"
    assert target.read_bytes() == before
    assert [s.path for s in list_sessions(tmp_path)] == [other]
    assert path.name not in archived(tmp_path)
    assert not list(tmp_path.glob("*.lock"))


def test_a_session_open_in_a_window_is_not_deleted(tmp_path: Path) -> None:
    path = _session(tmp_path)
    with SessionFile.open(path), pytest.raises(SessionLocked):
        move_to_trash(path)
    assert path.exists()


def test_the_trash_keeps_sessions_thirty_days_then_empties(tmp_path: Path) -> None:
    now = datetime(2026, 12, 3, 9, 0, 0)
    old = move_to_trash(_session(tmp_path), now - timedelta(days=31))
    recent = move_to_trash(_session(tmp_path, "2026-11-05"), now - timedelta(days=29))
    assert [path for _, path in trashed(tmp_path)] == [old, recent]
    assert empty_old_trash(tmp_path, now) == [old]
    assert not old.exists() and recent.exists()
    assert empty_old_trash(tmp_path, now) == []
