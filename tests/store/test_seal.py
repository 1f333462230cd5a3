"""Encryption at rest: sealed files round trip, and every way a sealed folder can go wrong is
told apart — a wrong passphrase, a changed, cut-short, renamed or swapped file, a locked folder."""

from __future__ import annotations

import dataclasses
import os
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from supervise.store import SessionFile, StoreError, keys, list_sessions
from supervise.store.files import load_tables
from supervise.store.keys import (
    FolderLocked,
    KeyFileDamaged,
    SealBroken,
    WrongPassphrase,
)
from supervise.store.rekey import check_new_passphrase, encrypt_folder
from supervise.store.seal import DEFAULT_COST, MAGIC, Broken, Cost
from supervise.store.tidy import ARCHIVE_NAME, TRASH_NAME, archived, move_to_trash, set_archived
from tests.store.conftest import SCOPE

FAST = Cost(n=1 << 10)
"""Cheap scrypt for tests, passed explicitly: the product default is never weakened."""
WORDS = "Zebedee's eviction notice worried her"
"""An answer to look for on disk."""


def _session(folder: Path, date: str = "2026-11-01", text: str = WORDS) -> Path:
    with SessionFile.create(
        folder,
        mode="supervision",
        practitioner="Zebedee",
        supervisor="Alex",
        date=date,
        scope=SCOPE,
    ) as session:
        session.set_response(SCOPE[0], "what", "practitioner", text)
        return session.path


def _sealed_folder(tmp_path: Path, name: str = "sessions") -> tuple[Path, Path]:
    folder = tmp_path / name
    encrypt_folder(folder, "correct horse battery", cost=FAST)
    return folder, _session(folder)


def _relock(folder: Path, passphrase: str = "correct horse battery") -> None:
    keys.forget()
    keys.unlock(folder, passphrase)


def _all_bytes(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in root.rglob("*") if p.is_file())


def test_a_sealed_session_round_trips_and_no_word_is_on_disk(tmp_path: Path) -> None:
    folder, path = _sealed_folder(tmp_path)
    set_archived(folder, path.name, True)
    _relock(folder)
    with SessionFile.open(path) as session:
        assert session.response(SCOPE[0], "what", "practitioner") == WORDS
    assert [s.practitioner for s in list_sessions(folder)] == ["Zebedee"]
    assert archived(folder) == {path.name}
    for name in (path.name, ".index.json", ARCHIVE_NAME):
        assert (folder / name).read_bytes().startswith(MAGIC)
    everything = _all_bytes(tmp_path)
    for word in ("Zebedee", "eviction", "Alex", "supervision"):
        assert word.encode() not in everything


def test_the_product_cost_is_memory_hard_and_kept_in_the_key_file(tmp_path: Path) -> None:
    assert DEFAULT_COST.n >= 1 << 17 and DEFAULT_COST.memory_mb >= 128
    folder, _ = _sealed_folder(tmp_path)
    found = keys.read_key_file(folder)
    assert found.current.cost == FAST and len(found.current.salt) == 16


def test_an_existing_plain_folder_is_sealed_whole(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    path = _session(folder)
    list_sessions(folder)
    (folder / f".{path.name}.tmp-dead").write_text(WORDS, encoding="utf-8")  # a crash leftover
    trashed = move_to_trash(_session(folder, "2026-10-01"), datetime(2026, 12, 1))
    result = encrypt_folder(folder, "correct horse battery", cost=FAST)
    assert result.skipped == () and result.done == 3
    assert WORDS.encode() not in _all_bytes(folder)
    _relock(folder)
    assert load_tables(trashed) is not None
    assert len(list_sessions(folder)) == 1


def test_a_wrong_passphrase_is_told_as_such_and_changes_nothing(tmp_path: Path) -> None:
    folder, path = _sealed_folder(tmp_path)
    keys.forget()
    before = {p: p.read_bytes() for p in folder.iterdir()}
    with pytest.raises(WrongPassphrase, match="does not open"):
        keys.unlock(folder, "correct horse batterY")
    assert {p: p.read_bytes() for p in folder.iterdir()} == before
    with pytest.raises(FolderLocked, match="protected by a passphrase"):
        list_sessions(folder)
    with pytest.raises(FolderLocked):
        SessionFile.open(path, read_only=True)
    with pytest.raises(FolderLocked):
        _session(folder, "2026-11-05")


def test_a_damaged_key_file_is_not_taken_for_a_wrong_passphrase(tmp_path: Path) -> None:
    folder, _ = _sealed_folder(tmp_path)
    keys.forget()
    (folder / keys.KEY_FILE).write_text("{", encoding="utf-8")
    with pytest.raises(KeyFileDamaged, match="is damaged"):
        keys.unlock(folder, "correct horse battery")


@pytest.mark.parametrize(
    ("harm", "why"),
    [
        (lambda raw: raw[:-1] + bytes([raw[-1] ^ 1]), Broken.ALTERED),
        (lambda raw: raw[:60] + bytes([raw[60] ^ 0x80]) + raw[61:], Broken.ALTERED),
        (lambda raw: raw[: len(raw) // 2], Broken.TRUNCATED),
        (lambda raw: raw[:20], Broken.TRUNCATED),
    ],
    ids=["tag", "ciphertext", "half", "header"],
)
def test_a_changed_or_cut_short_file_is_detected(tmp_path: Path, harm: object, why: Broken) -> None:
    folder, path = _sealed_folder(tmp_path)
    path.write_bytes(harm(path.read_bytes()))  # type: ignore[operator]
    with pytest.raises(SealBroken) as caught:
        SessionFile.open(path)
    assert caught.value.why is why
    assert why.value in caught.value.message and path.name in caught.value.message
    assert [s.status for s in list_sessions(folder)] == ["unreadable"]


def test_files_swapped_between_two_stores_or_renamed_are_detected(tmp_path: Path) -> None:
    one, path_one = _sealed_folder(tmp_path, "one")
    _two, path_two = _sealed_folder(tmp_path, "two")
    shutil.copy(path_two, one / path_two.name)
    with pytest.raises(SealBroken) as caught:
        SessionFile.open(one / path_two.name, read_only=True)
    assert caught.value.why is Broken.OTHER_KEY
    renamed = one / "2026-11-01-renamed.json"
    os.replace(path_one, renamed)
    with pytest.raises(SealBroken) as caught:
        SessionFile.open(renamed, read_only=True)
    assert caught.value.why is Broken.ALTERED


def test_a_plain_file_put_in_a_sealed_folder_is_refused(tmp_path: Path) -> None:
    folder, _ = _sealed_folder(tmp_path)
    plain = _session(tmp_path / "plain")
    shutil.copy(plain, folder / plain.name)
    with pytest.raises(SealBroken) as caught:
        SessionFile.open(folder / plain.name, read_only=True)
    assert caught.value.why is Broken.NOT_SEALED


def test_a_sealed_file_without_its_key_file_says_so(tmp_path: Path) -> None:
    folder, path = _sealed_folder(tmp_path)
    (folder / keys.KEY_FILE).unlink()
    with pytest.raises(StoreError, match="no key file"):
        SessionFile.open(path, read_only=True)


def test_a_killed_write_leaves_only_sealed_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, path = _sealed_folder(tmp_path)
    seen: list[bytes] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        for temp in folder.glob(".*.tmp-*"):
            seen.append(temp.read_bytes())
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)
    with SessionFile.open(path) as session:
        session.set_response(SCOPE[1], "what", "practitioner", "a second secret")
    assert seen and all(raw.startswith(MAGIC) for raw in seen)


def test_trash_keeps_a_session_sealed_and_readable(tmp_path: Path) -> None:
    _folder, path = _sealed_folder(tmp_path)
    target = move_to_trash(path, datetime(2026, 12, 3, 9, 0, 0))
    assert target.parent.name == TRASH_NAME and target.read_bytes().startswith(MAGIC)
    tables = load_tables(target)
    assert tables is not None and "Zebedee" in str(tables)
    # Moved back out by hand, under its own name, it opens again.
    os.replace(target, path)
    with SessionFile.open(path, read_only=True) as session:
        assert session.record.practitioner == "Zebedee"


def test_the_unsaved_copy_beside_a_sealed_folder_is_sealed(tmp_path: Path) -> None:
    from supervise.store.files import write_atomic

    folder, _ = _sealed_folder(tmp_path)
    beside = folder.with_name(folder.name + keys.UNSAVED_SUFFIX)
    beside.mkdir()
    write_atomic(beside / "copy.json", WORDS.encode())
    assert (beside / "copy.json").read_bytes().startswith(MAGIC)
    assert keys.read_bytes(beside / "copy.json") == WORDS.encode()


def test_a_passphrase_change_elsewhere_stops_writes_here(tmp_path: Path) -> None:
    folder, _path = _sealed_folder(tmp_path)
    found = keys.unlocked(folder)
    assert found is not None
    stale = dataclasses.replace(found, keys=dict(found.keys))
    from supervise.store.rekey import change_passphrase

    change_passphrase(folder, "a new passphrase", cost=FAST)
    # Another window still holds the old key.
    keys.remember(stale)
    stale.stamp = None
    with pytest.raises(keys.KeyChanged, match="changed in another window"):
        _session(folder, "2026-11-09")


def test_new_passphrases_are_checked() -> None:
    assert "at least" in check_new_passphrase("short", "short")
    assert "not the same" in check_new_passphrase("long enough one", "long enough 1")
    assert check_new_passphrase("long enough one", "long enough one") == ""


def test_no_plain_write_once_the_key_file_has_gone(tmp_path: Path) -> None:
    folder, path = _sealed_folder(tmp_path)
    with SessionFile.open(path) as session:
        (folder / keys.KEY_FILE).unlink()
        with pytest.raises(KeyFileDamaged, match="has gone"):
            session.set_response(SCOPE[1], "what", "practitioner", "not to be written plain")
    assert b"not to be written plain" not in _all_bytes(folder)


def test_a_doctored_key_file_cannot_ask_for_all_the_memory(tmp_path: Path) -> None:
    folder, _ = _sealed_folder(tmp_path)
    keys.forget()
    key_file = folder / keys.KEY_FILE
    key_file.write_text(key_file.read_text().replace('"n": 1024', '"n": 1073741824'))
    with pytest.raises(KeyFileDamaged, match="more than"):
        keys.unlock(folder, "correct horse battery")


def test_the_names_the_byte_pair_relies_on_match_their_homes() -> None:
    from supervise.store import door, seal, tidy

    assert keys._MAGIC == seal.MAGIC
    assert door.UNSAVED_SUFFIX == keys.UNSAVED_SUFFIX
    stamped = datetime(2026, 12, 3, 9, 0, 0).strftime(tidy._STAMP) + "-2026-11-01-abc.json"
    assert keys._STAMPED.sub("", stamped, count=1) == "2026-11-01-abc.json"
