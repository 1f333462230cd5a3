"""Changing the passphrase seals every file again; a crash midway leaves each file readable with
the old passphrase and the new, and the next unlock finishes the change the way it was typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from supervise.store import SessionFile, SessionLocked, keys, list_sessions
from supervise.store.files import load_tables
from supervise.store.keys import Pending, WrongPassphrase
from supervise.store.rekey import (
    change_passphrase,
    encrypt_folder,
    finish,
    pending_message,
    store_files,
)
from supervise.store.seal import MAGIC, Cost, key_id_of
from supervise.store.tidy import set_archived
from tests.store.conftest import SCOPE

FAST = Cost(n=1 << 10)
OLD, NEW = "the old passphrase", "the new passphrase"


class Crash(Exception):
    """Stands for the power going off midway."""


def _folder(tmp_path: Path, sessions: int = 4) -> Path:
    folder = tmp_path / "sessions"
    encrypt_folder(folder, OLD, cost=FAST)
    for n in range(sessions):
        with SessionFile.create(
            folder, mode="self-reflection", practitioner=f"Person {n}", date=f"2026-11-0{n + 1}"
        ) as session:
            session.set_response(SCOPE[0], "what", "practitioner", f"answer {n}")
    set_archived(folder, next(folder.glob("2026-11-01-*.json")).name, True)
    list_sessions(folder)
    return folder


def _crash_after(count: int) -> object:
    def progress(done: int, total: int) -> None:
        if done == count:
            raise Crash

    return progress


def _readable_with(folder: Path, passphrase: str) -> list[str]:
    keys.forget()
    keys.unlock(folder, passphrase)
    names = []
    for path in store_files(folder):
        assert keys.read_bytes(path) is not None
        names.append(path.name)
    return names


def test_a_change_seals_every_file_with_a_new_key(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    before = {key_id_of(p.read_bytes()) for p in store_files(folder)}
    result = change_passphrase(folder, NEW, cost=FAST)
    assert result.skipped == () and result.done == 6
    after = {key_id_of(p.read_bytes()) for p in store_files(folder)}
    assert len(after) == 1 and not after & before
    keys.forget()
    with pytest.raises(WrongPassphrase):
        keys.unlock(folder, OLD)
    assert _readable_with(folder, NEW)
    assert sorted(s.practitioner for s in list_sessions(folder))[0] == "Person 0"


@pytest.mark.parametrize("typed", [OLD, NEW])
def test_a_crash_midway_leaves_every_file_readable_with_either(tmp_path: Path, typed: str) -> None:
    folder = _folder(tmp_path)
    with pytest.raises(Crash):
        change_passphrase(folder, NEW, cost=FAST, progress=_crash_after(3))  # type: ignore[arg-type]
    ids = {key_id_of(p.read_bytes()) for p in store_files(folder)}
    assert len(ids) == 2, "some files are sealed with the new key, some with the old"
    everything = _readable_with(folder, OLD)
    assert _readable_with(folder, NEW) == everything and len(everything) == 6

    keys.forget()
    entry = keys.unlock(folder, typed)
    expected = Pending.CHANGE_UNLOCKED_OLD if typed == OLD else Pending.CHANGE_UNLOCKED_NEW
    assert entry.pending is expected
    pending, result = finish(folder)
    assert pending is expected and result.skipped == ()
    message = pending_message(pending)
    assert ("undone" in message) if typed == OLD else ("finished" in message)
    other = NEW if typed == OLD else OLD
    keys.forget()
    with pytest.raises(WrongPassphrase):
        keys.unlock(folder, other)
    assert len(_readable_with(folder, typed)) == 6
    assert keys.read_key_file(folder).next is None


def test_a_crash_while_encrypting_is_finished_on_unlock(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    for n in range(3):
        with SessionFile.create(
            folder, mode="self-reflection", practitioner=f"Person {n}", date=f"2026-11-0{n + 1}"
        ):
            pass
    with pytest.raises(Crash):
        encrypt_folder(folder, OLD, cost=FAST, progress=_crash_after(2))  # type: ignore[arg-type]
    keys.forget()
    entry = keys.unlock(folder, OLD)
    assert entry.pending is Pending.SEALING
    assert len(list_sessions(folder)) == 3  # the plain ones still read meanwhile
    pending, _ = finish(folder)
    assert "interrupted" in pending_message(pending)
    assert all(p.read_bytes().startswith(MAGIC) for p in store_files(folder))
    keys.forget()
    keys.unlock(folder, OLD)
    assert keys.unlocked(folder) is not None and keys.unlocked(folder).pending is Pending.NONE  # type: ignore[union-attr]


def test_no_change_while_a_session_is_open_in_a_window(tmp_path: Path) -> None:
    folder = _folder(tmp_path, sessions=1)
    path = next(folder.glob("2026-*.json"))
    with SessionFile.open(path), pytest.raises(SessionLocked):
        change_passphrase(folder, NEW, cost=FAST)
    assert keys.read_key_file(folder).next is None
    assert load_tables(path) is not None


def test_a_readme_in_the_sessions_folder_is_left_plain(tmp_path: Path) -> None:
    """The repository's sessions/README.md is not the user's data: encrypting the folder leaves
    it as it is (sealed, it showed as a change to a file of the project)."""
    folder = tmp_path / "sessions"
    with SessionFile.create(folder, mode="self-reflection", practitioner="Sam") as session:
        session.set_response("h3-25/pc/1", "what", "practitioner", "words")
    readme = folder / "README.md"
    readme.write_text("Your sessions are kept here.\n")
    encrypt_folder(folder, "correct horse battery", cost=FAST)
    assert readme.read_text() == "Your sessions are kept here.\n"
    assert session.path.read_bytes().startswith(MAGIC)
