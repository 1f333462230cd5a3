"""SessionLock: one writer per session, stale locks from crashed windows taken over."""

from __future__ import annotations

import io
import json
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from supervise.store.errors import SessionLocked
from supervise.store.lock import SessionLock, lock_path_for

HOLD_LOCK = """
import sys
from pathlib import Path
from supervise.store.lock import SessionLock
lock = SessionLock(Path(sys.argv[1])).acquire()
print("locked", flush=True)
sys.stdin.read()
"""


def _dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def test_the_lock_file_sits_beside_the_session_and_names_its_holder(tmp_path: Path) -> None:
    session = tmp_path / "2026-11-23-abcd1234.json"
    with SessionLock(session) as lock:
        assert lock.lock_path == tmp_path / "2026-11-23-abcd1234.json.lock"
        owner = json.loads(lock.lock_path.read_text(encoding="utf-8"))
        assert owner["pid"] == os.getpid()
        assert owner["host"] == socket.gethostname()
        assert owner["since"][:4].isdigit()
        assert stat.S_IMODE(lock.lock_path.stat().st_mode) == 0o600
        assert lock.took_over_from is None
    assert not lock.lock_path.exists()


def test_a_second_lock_in_the_same_process_is_refused_with_our_pid(tmp_path: Path) -> None:
    session = tmp_path / "s.json"
    with SessionLock(session):
        with pytest.raises(SessionLocked) as caught:
            SessionLock(session).acquire()
        assert caught.value.pid == os.getpid()
        assert caught.value.path == session
        assert f"(process {os.getpid()})" in caught.value.message
        assert "read-only" in caught.value.hint
        assert lock_path_for(session).exists()
    # Once released, the session can be locked again, and nothing is reported as stale.
    with SessionLock(session) as again:
        assert again.took_over_from is None


def test_a_lock_held_by_another_live_process_is_refused(tmp_path: Path) -> None:
    session = tmp_path / "s.json"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(session)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        with pytest.raises(SessionLocked) as caught:
            SessionLock(session).acquire()
        assert caught.value.pid == holder.pid
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=10)
    # The holder exited without releasing: its lock file is stale and is taken over.
    assert lock_path_for(session).exists()
    with SessionLock(session) as lock:
        assert lock.took_over_from == holder.pid


def test_a_stale_lock_file_from_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    session = tmp_path / "s.json"
    dead = _dead_pid()
    lock_path_for(session).write_text(json.dumps({"pid": dead, "host": "h", "since": "x"}))
    with SessionLock(session) as lock:
        assert lock.took_over_from == dead
        assert json.loads(lock.lock_path.read_text(encoding="utf-8"))["pid"] == os.getpid()


def test_an_unreadable_stale_lock_file_is_taken_over_too(tmp_path: Path) -> None:
    session = tmp_path / "s.json"
    lock_path_for(session).write_bytes(b"\x00garbage")
    with SessionLock(session) as lock:
        assert lock.held
        assert lock.took_over_from is None


def test_release_is_idempotent_and_acquire_twice_is_a_bug(tmp_path: Path) -> None:
    lock = SessionLock(tmp_path / "s.json").acquire()
    with pytest.raises(RuntimeError):
        lock.acquire()
    lock.release()
    lock.release()
    assert not lock.held


def test_a_lock_file_replaced_while_waiting_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Simulate the race where the holder unlinks the lock file just as we lock the old inode:
    # the first flock lands on a file that is no longer at the lock path, so we must retry.
    session = tmp_path / "s.json"
    lock_path = lock_path_for(session)
    real_open = SessionLock._open
    calls = 0

    def racing_open(self: SessionLock) -> io.FileIO:
        nonlocal calls
        calls += 1
        file = real_open(self)
        if calls == 1:
            lock_path.unlink()
        return file

    monkeypatch.setattr(SessionLock, "_open", racing_open)
    with SessionLock(session):
        assert calls == 2
        monkeypatch.undo()
        # Had we kept the lock on the unlinked file, this newcomer would get one too.
        with pytest.raises(SessionLocked):
            SessionLock(session).acquire()
    assert not lock_path.exists()
