"""A lock file nobody can turn against its user: links, odd files and other owners are refused,
and a lock file removed or replaced while a session is open stops that window's saves."""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import cast

import pytest

from supervise.content.model import Role
from supervise.store import SessionFile, StoreUnwritable, lock as lock_module, owner
from supervise.store.changes import SetAnswer
from supervise.store.door import SaveState, SessionDoor
from supervise.store.lock import LockFileUnsafe, LockLost, SessionLock, lock_path_for

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links, pipes and owners")


@posix_only
def test_a_lock_file_planted_as_a_link_is_refused_and_its_target_untouched(
    new_session: Callable[..., SessionFile], tmp_path: Path
) -> None:
    session = new_session()
    session.close()
    target = tmp_path / "precious.txt"
    target.write_text("someone's other file", encoding="utf-8")
    lock_path_for(session.path).symlink_to(target)
    before = session.path.read_bytes()
    with pytest.raises(LockFileUnsafe) as caught:
        SessionFile.open(session.path)
    assert "is a link" in caught.value.message and "Nothing was changed" in caught.value.hint
    assert target.read_text(encoding="utf-8") == "someone's other file"
    assert session.path.read_bytes() == before
    # A link to nowhere is refused too, rather than creating its target.
    lock_path_for(session.path).unlink()
    lock_path_for(session.path).symlink_to(tmp_path / "made-by-supervise")
    with pytest.raises(LockFileUnsafe):
        SessionLock(session.path).acquire()
    assert not (tmp_path / "made-by-supervise").exists()


def _plant_link_after_first_look(monkeypatch: pytest.MonkeyPatch, lock: Path, target: Path) -> None:
    """The first look at ``lock`` finds nothing; a link to ``target`` appears just after it."""
    real_lstat = os.lstat
    planted: list[Path] = []

    def plant_then_lstat(path: str | os.PathLike[str]) -> os.stat_result:
        if Path(path) == lock and not planted:
            planted.append(lock)
            os.symlink(target, path)
            raise FileNotFoundError(path)
        return real_lstat(path)

    monkeypatch.setattr(os, "lstat", plant_then_lstat)


@posix_only
@pytest.mark.parametrize("no_follow", [True, False], ids=["O_NOFOLLOW", "as on Windows"])
def test_a_link_swapped_in_after_the_check_is_refused_before_any_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_follow: bool
) -> None:
    # Without O_NOFOLLOW (Windows) the open follows the link; the check after it refuses it
    # before a byte is written.
    if not no_follow:
        monkeypatch.setattr(lock_module, "NO_FOLLOW", 0)
    target = tmp_path / "precious.txt"
    target.write_text("keep", encoding="utf-8")
    session = tmp_path / "s.json"
    _plant_link_after_first_look(monkeypatch, lock_path_for(session), target)
    with pytest.raises(LockFileUnsafe, match="is a link"):
        SessionLock(session).acquire()
    assert target.read_text(encoding="utf-8") == "keep"


@posix_only
@pytest.mark.parametrize("kind", ["hard link", "pipe", "folder"])
def test_a_lock_file_that_is_not_a_plain_file_of_its_own_is_refused(
    tmp_path: Path, kind: str
) -> None:
    session = tmp_path / "s.json"
    lock = lock_path_for(session)
    if kind == "hard link":
        (tmp_path / "other").write_text("other", encoding="utf-8")
        os.link(tmp_path / "other", lock)
    elif kind == "pipe":
        os.mkfifo(lock)
    else:
        lock.mkdir()
    with pytest.raises(LockFileUnsafe):
        SessionLock(session).acquire()
    if kind == "hard link":
        assert (tmp_path / "other").read_text(encoding="utf-8") == "other"


@posix_only
def test_a_lock_file_of_another_user_is_refused_with_who(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = tmp_path / "s.json"
    lock_path_for(session).write_text("{}", encoding="utf-8")
    monkeypatch.setattr(os, "geteuid", lambda: os.stat(tmp_path).st_uid + 1)
    with pytest.raises(LockFileUnsafe, match=r"belongs to .*user \d+"):
        SessionLock(session).acquire()


def test_windows_reparse_points_count_as_links() -> None:
    junction = types.SimpleNamespace(st_mode=0o040755, st_file_attributes=0x400)
    plain = types.SimpleNamespace(st_mode=0o100600, st_file_attributes=0x20)
    assert owner.is_link(cast(os.stat_result, junction))
    assert not owner.is_link(cast(os.stat_result, plain))


def test_the_holder_sees_its_lock_file_removed_or_replaced(tmp_path: Path) -> None:
    session = tmp_path / "s.json"
    lock = SessionLock(session).acquire()
    lock.check()
    lock.lock_path.unlink()
    with pytest.raises(LockLost) as caught:
        lock.check()
    assert "another window may be changing it" in caught.value.message
    assert "keep a copy" in caught.value.hint
    # Another window comes in; letting go of ours must not remove its lock file.
    other = SessionLock(session).acquire()
    lock.release()
    assert other.still_ours() and lock.lock_path.exists()
    other.release()
    assert not lock.lock_path.exists()


def test_a_folder_out_of_reach_for_a_moment_is_not_a_lost_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock = SessionLock(tmp_path / "s.json").acquire()
    real_lstat = os.lstat

    def unreachable(path: str | os.PathLike[str]) -> os.stat_result:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "lstat", unreachable)
    with pytest.raises(StoreUnwritable, match="Input/output error"):
        lock.check()
    monkeypatch.setattr(os, "lstat", real_lstat)
    lock.check()
    lock.release()


def test_a_deleted_lock_file_lets_in_one_writer_and_discards_nothing(
    new_session: Callable[..., SessionFile],
) -> None:
    first = new_session()
    first.set_response("h3-25/pc/5", "what", "practitioner", "first window's words")
    lock_path_for(first.path).unlink()
    second = SessionFile.open(first.path)
    second.set_response("h3-25/pc/5", "so_what", "practitioner", "second window's words")
    with pytest.raises(LockLost):
        first.set_response("h3-25/pc/5", "now_what", "practitioner", "would overwrite")
    first.close()
    second.set_response("h3-25/pc/5", "now_what", "practitioner", "second again")
    second.close()
    with SessionFile.open_read_only(first.path) as on_disk:
        texts = {(r.stage, r.text) for r in on_disk.responses()}
    assert texts == {
        ("what", "first window's words"),
        ("so_what", "second window's words"),
        ("now_what", "second again"),
    }


def test_through_the_door_the_failed_save_stays_failed_and_kept(folder: Path) -> None:
    states: list[SaveState] = []
    door = SessionDoor.create(folder, states.append, mode="supervision", practitioner="Sam")
    try:
        door.submit(SetAnswer("h3-25/pc/5", "what", Role.PRACTITIONER, "saved"))
        assert door.flush()
        lock_path_for(door.path).unlink()
        door.submit(SetAnswer("h3-25/pc/5", "what", Role.PRACTITIONER, "kept in memory"))
        assert not door.flush(timeout=5)
        assert door.state.error is not None and "lock file was removed" in door.state.error
        assert [c.text for c in door.unsaved() if isinstance(c, SetAnswer)] == ["kept in memory"]
        assert door.snapshot.answer("h3-25/pc/5", "what", "practitioner") == "kept in memory"
    finally:
        door.close()
    with SessionFile.open_read_only(door.path) as on_disk:
        assert on_disk.response("h3-25/pc/5", "what", "practitioner") == "saved"
