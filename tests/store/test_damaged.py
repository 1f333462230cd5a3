"""Damaged session files: listed as damaged with the reason, refused when opened with the same
reason, never changed; what the list shows as readable opens."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from supervise.content.model import Role
from supervise.store import SessionFile, list_sessions
from supervise.store.catalog import UNREADABLE
from supervise.store.errors import SessionTooLarge, SessionUnreadable, StoreError
from supervise.store.files import MAX_SESSION_BYTES, load_tables
from supervise.store.quarantine import QUARANTINE_NAME, move_to_quarantine
from tests.store.damage import ALL, damage, full_tables

NewSession = Callable[..., SessionFile]


@pytest.mark.parametrize("name", ALL)
def test_a_damaged_file_is_listed_as_damaged_and_refused_with_the_same_reason(
    name: str, new_session: NewSession, folder: Path
) -> None:
    session = new_session()
    session.close()
    good = new_session(practitioner="Kim")
    good.close()
    reason = damage(session.path, name)
    before = session.path.read_bytes()
    listed = {s.path: s for s in list_sessions(folder)}
    assert listed[good.path].status != UNREADABLE
    bad = listed[session.path]
    assert bad.status == UNREADABLE and reason in bad.problem, bad.problem
    assert bad.practitioner == ""  # nothing of the damaged file's contents is shown
    with pytest.raises(SessionUnreadable) as refused:
        SessionFile.open(session.path)
    assert reason in str(refused.value) and session.path.name in str(refused.value)
    with pytest.raises(SessionUnreadable):
        SessionFile.open_read_only(session.path)
    assert session.path.read_bytes() == before
    assert not any(folder.glob("*.lock"))
    with SessionFile.open(good.path) as reopened:
        reopened.set_response("h3-25/pc/5", "what", "practitioner", "still works")


def test_a_file_of_every_table_undamaged_opens(new_session: NewSession, folder: Path) -> None:
    session = new_session()
    session.close()
    session.path.write_text(json.dumps(full_tables(session.path)), encoding="utf-8")
    (summary,) = list_sessions(folder)
    assert summary.status != UNREADABLE and summary.problem == ""
    with SessionFile.open(session.path) as reopened:
        reopened.set_response("h3-25/pc/5", "what", "practitioner", "saved")


def test_a_huge_file_is_refused_by_its_size_without_being_read(
    new_session: NewSession, folder: Path
) -> None:
    new_session().close()
    huge = folder / "2026-11-24-0badf11e.json"
    with open(huge, "wb") as file:
        file.truncate(1 << 30)  # sparse: a gigabyte that costs nothing
    listed = {s.path: s for s in list_sessions(folder)}
    assert "1073.7 MB, larger than a session file can be" in listed[huge].problem
    with pytest.raises(SessionUnreadable, match="larger than a session file can be"):
        SessionFile.open(huge)


def test_a_fifo_named_like_a_session_is_refused_not_waited_on(
    new_session: NewSession, folder: Path
) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    new_session().close()
    fifo = folder / "2026-11-24-0000f1f0.json"
    os.mkfifo(fifo)
    assert len(list_sessions(folder)) == 1
    with pytest.raises(SessionUnreadable, match="not a regular file"):
        load_tables(fifo)


def test_a_change_that_would_pass_the_cap_is_refused_and_the_file_still_opens(
    new_session: NewSession,
) -> None:
    session = new_session()
    session.set_response("h3-25/pc/5", "what", "practitioner", "kept")
    with pytest.raises(SessionTooLarge) as refused:
        session.set_response("h3-25/pc/5", "so-what", "practitioner", "x" * MAX_SESSION_BYTES)
    assert "more than a session file may hold" in str(refused.value)
    session.set_response("h3-25/pc/5", "now-what", "practitioner", "and on")
    session.close()
    with SessionFile.open_read_only(session.path) as reopened:
        assert reopened.response("h3-25/pc/5", "what", "practitioner") == "kept"
        assert reopened.response("h3-25/pc/5", "so-what", "practitioner") == ""
        assert reopened.response("h3-25/pc/5", "now-what", "practitioner") == "and on"


def test_quarantine_moves_a_damaged_file_whole_and_never_over_another(
    new_session: NewSession, folder: Path
) -> None:
    good = new_session()
    good.close()
    bad = new_session(practitioner="Kim")
    bad.close()
    damage(bad.path, "not-json")
    raw = bad.path.read_bytes()
    when = datetime(2026, 12, 3, 10, 0, 0)
    first = move_to_quarantine(bad.path, now=when)
    assert first == folder / QUARANTINE_NAME / f"20261203T100000-{bad.path.name}"
    assert first.read_bytes() == raw and not bad.path.exists()
    bad.path.write_bytes(b"damaged again")
    second = move_to_quarantine(bad.path, now=when)
    assert second.name == f"20261203T100000-{bad.path.stem}-2.json"
    assert first.read_bytes() == raw and second.read_bytes() == b"damaged again"
    assert [s.path for s in list_sessions(folder)] == [good.path]
    with pytest.raises(StoreError, match="opens normally"):
        move_to_quarantine(good.path)
    assert good.path.exists()


def test_through_the_door_a_change_past_the_cap_is_reported_kept_and_exportable(
    new_session: NewSession,
) -> None:
    from supervise.store.changes import SetAnswer
    from supervise.store.door import SessionDoor

    session = new_session()
    session.close()
    states: list[str | None] = []
    door = SessionDoor.open(session.path, lambda state: states.append(state.error))
    huge = "x" * MAX_SESSION_BYTES
    door.submit(SetAnswer("h3-25/pc/5", "what", Role.PRACTITIONER, huge))
    door.submit(SetAnswer("h3-25/pc/5", "so-what", Role.PRACTITIONER, "later words"))
    assert not door.flush()
    assert any(error and "more than a session file may hold" in error for error in states)
    (kept,) = door.unsaved()
    assert isinstance(kept, SetAnswer) and kept.text == huge
    copy = door.export_unsaved()
    assert huge in copy.read_text(encoding="utf-8")
    door.close()
    with SessionFile.open_read_only(session.path) as reopened:
        assert reopened.response("h3-25/pc/5", "so-what", "practitioner") == "later words"


def test_search_passes_over_a_huge_file_and_a_fifo_and_finds_the_rest(
    new_session: NewSession, folder: Path
) -> None:
    from supervise.store.search import search

    session = new_session()
    session.set_response("h3-25/pc/5", "what", "practitioner", "findable words")
    session.close()
    with open(folder / "2026-12-01-0badf11e.json", "wb") as file:
        file.truncate(1 << 30)
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "2026-12-02-0000f1f0.json")
    (hit,) = search(folder, "findable")
    assert hit.path == session.path


@pytest.mark.parametrize("name", [".index.json", ".archived.json"])
@pytest.mark.parametrize("how", ["deep", "huge"])
def test_a_hostile_index_or_archive_list_is_passed_over(
    new_session: NewSession, folder: Path, name: str, how: str
) -> None:
    from supervise.store.tidy import archived

    session = new_session()
    session.close()
    if how == "deep":
        (folder / name).write_bytes(b"[" * 100_000 + b"]" * 100_000)
    else:
        with open(folder / name, "wb") as file:
            file.truncate(1 << 30)
    assert [s.path for s in list_sessions(folder)] == [session.path]
    assert archived(folder) == frozenset()
