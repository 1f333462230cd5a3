"""The store's Windows paths, run here by substitution: the msvcrt lock, a file in use, no
folder sync, no POSIX modes; and folders whose names have spaces and non-ASCII letters."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from pathlib import Path

import pytest

from supervise.app import hangup
from supervise.content.model import Role
from supervise.store import files, folder as store_folder, oslock
from supervise.store.changes import SetAnswer
from supervise.store.door import SaveState, SessionDoor
from supervise.store.errors import SessionFileBusy, SessionLocked
from supervise.store.files import write_atomic
from supervise.store.lock import SessionLock

ODD_NAME = "Séances d'été – Zoë Ødegård 支援"
"""A folder name with spaces, accents, a dash and CJK letters."""


class FakeMsvcrt:
    """Stands in for Windows' msvcrt: byte-range locks per file, refused to other handles."""

    LK_UNLCK = 0
    LK_NBLCK = 2

    def __init__(self) -> None:
        self.held: dict[tuple[int, int, int], int] = {}
        self.calls: list[tuple[int, int]] = []

    def locking(self, fd: int, mode: int, nbytes: int, /) -> None:
        info = os.fstat(fd)
        where = os.lseek(fd, 0, os.SEEK_CUR)
        self.calls.append((mode, where))
        key = (info.st_dev, info.st_ino, where)
        if mode == self.LK_UNLCK:
            del self.held[key]
        elif self.held.get(key, fd) != fd:
            raise PermissionError(13, "Permission denied")
        else:
            self.held[key] = fd


@pytest.fixture
def msvcrt(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    """The session lock working as it does on Windows, with a fake msvcrt."""
    fake = FakeMsvcrt()
    monkeypatch.setattr(oslock, "PLATFORM_LOCKING", oslock.WindowsLocking(fake))
    return fake


def test_the_windows_lock_keeps_a_second_window_out_and_tells_it_who_holds_it(
    tmp_path: Path, msvcrt: FakeMsvcrt
) -> None:
    session = tmp_path / ODD_NAME / "2026-12-03-abcd1234.json"
    session.parent.mkdir()
    with SessionLock(session) as lock:
        # The lock is taken far past the owner text, which stays readable at the start.
        assert msvcrt.calls == [(FakeMsvcrt.LK_NBLCK, 1 << 30)]
        assert json.loads(lock.lock_path.read_text(encoding="utf-8"))["pid"] == os.getpid()
        with pytest.raises(SessionLocked) as caught:
            SessionLock(session).acquire()
        assert caught.value.pid == os.getpid()
    assert msvcrt.held == {}
    assert not lock.lock_path.exists()
    with SessionLock(session):
        pass


def test_a_holder_on_another_computer_is_named(tmp_path: Path, msvcrt: FakeMsvcrt) -> None:
    session = tmp_path / "2026-12-03-abcd1234.json"
    with SessionLock(session) as lock:
        owner = {"pid": 4242, "host": "LAPTOP-HOUSING-7", "since": "2026-12-03T09:00:00"}
        lock.lock_path.write_text(json.dumps(owner), encoding="utf-8")
        with pytest.raises(SessionLocked) as caught:
            SessionLock(session).acquire()
    assert caught.value.host == "LAPTOP-HOUSING-7"
    assert "process 4242 on LAPTOP-HOUSING-7" in caught.value.message


def test_a_stale_windows_lock_file_left_by_a_crash_is_taken_over(
    tmp_path: Path, msvcrt: FakeMsvcrt
) -> None:
    session = tmp_path / "2026-12-03-abcd1234.json"
    SessionLock(session).lock_path.write_text('{"pid": 999999, "host": "x"}', encoding="utf-8")
    with SessionLock(session) as lock:
        assert lock.took_over_from == 999999


def test_a_save_waits_while_another_program_has_the_file_in_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / ODD_NAME / "2026-12-03-abcd1234.json"
    target.parent.mkdir()
    target.write_bytes(b"{}")
    real_replace = os.replace
    refusals = [PermissionError(13, "The process cannot access the file")] * 2

    def busy_twice(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if refusals:
            raise refusals.pop()
        real_replace(src, dst)

    monkeypatch.setattr(files, "REPLACE_PAUSE", 0)
    monkeypatch.setattr(files.os, "replace", busy_twice)
    write_atomic(target, b'{"notes": {}}')
    assert refusals == []
    assert target.read_bytes() == b'{"notes": {}}'
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]


def test_a_file_kept_in_use_gives_a_clear_error_and_the_old_file_stays_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "2026-12-03-abcd1234.json"
    target.write_bytes(b'{"old": {}}')
    tries = []

    def always_busy(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        tries.append(src)
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(files, "REPLACE_PAUSE", 0)
    monkeypatch.setattr(files.os, "replace", always_busy)
    with pytest.raises(SessionFileBusy) as caught:
        write_atomic(target, b'{"new": {}}')
    assert len(tries) == files.REPLACE_TRIES
    assert "another program kept the file in use" in caught.value.message
    assert "still in this window" in caught.value.hint
    assert target.read_bytes() == b'{"old": {}}'
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_where_a_folder_cannot_be_opened_it_is_not_synced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[object] = []
    real_open = os.open

    def watch(path: object, flags: int, *rest: int) -> int:
        opened.append(path)
        return real_open(path, flags, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(files, "_FOLDER_FLAG", None)
    monkeypatch.setattr(files.os, "open", watch)
    write_atomic(tmp_path / "a.json", b"{}")
    assert tmp_path not in opened
    assert (tmp_path / "a.json").read_bytes() == b"{}"


def test_on_windows_the_folder_is_left_to_the_profile_s_access_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delattr(os, "getuid")
    made = store_folder.sessions_folder(tmp_path / ODD_NAME / "sessions")
    assert made.is_dir()
    write_atomic(made / "b.json", b"{}")
    assert (made / "b.json").read_bytes() == b"{}"


def test_on_windows_only_the_signals_it_has_are_handled(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []

    async def hook() -> None:
        loop = asyncio.get_running_loop()
        monkeypatch.setattr(loop, "add_signal_handler", lambda signum, _: asked.append(signum))
        monkeypatch.setattr(sys, "platform", "win32")
        hangup.on_hang_up(lambda: None)

    asyncio.run(hook())
    assert asked == [signal.SIGTERM]


def test_an_answer_saved_while_the_file_is_in_use_is_kept_and_saved_once_it_is_free(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    states: list[SaveState] = []
    door = SessionDoor.create(
        tmp_path / ODD_NAME,
        states.append,
        mode="supervision",
        practitioner="Zoë",
        scope=("h3-25/pc/5",),
    )
    try:
        assert door.flush()
        real_replace = os.replace

        def busy(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
            raise PermissionError(13, "The process cannot access the file")

        monkeypatch.setattr(files, "REPLACE_PAUSE", 0)
        monkeypatch.setattr(files.os, "replace", busy)
        door.submit(SetAnswer("h3-25/pc/5", "points", Role.PRACTITIONER, "Ça va, 支援 ✓"))
        assert not door.flush(timeout=1)
        assert "another program kept the file in use" in (door.state.error or "")
        assert door.unsaved()
        monkeypatch.setattr(files.os, "replace", real_replace)
        assert door.flush()
        assert door.state.error is None
    finally:
        door.close()
    on_disk = json.loads(door.path.read_text(encoding="utf-8"))
    assert "Ça va, 支援 ✓" in json.dumps(on_disk, ensure_ascii=False)
