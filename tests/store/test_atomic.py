"""AtomicJSONStorage: whole-file atomic writes, a cache that always equals the file."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from tinydb import TinyDB, where

from supervise.store.atomic import AtomicJSONStorage
from supervise.store.errors import SessionReadOnly, SessionUnreadable
from supervise.store.files import remove_stale_temps
from tests.store.conftest import temp_files

UNICODE = "Ça va? Größe, naïve café — 中文, עברית, 🙂\u200d and a tab\tand\nnewlines"


def _storage(tmp_path: Path, data: object | None = None) -> AtomicJSONStorage:
    path = tmp_path / "s.json"
    if data is not None:
        path.write_text(json.dumps(data), encoding="utf-8")
    return AtomicJSONStorage(path)


def test_a_missing_file_reads_as_empty_and_is_created_by_the_first_write(tmp_path: Path) -> None:
    storage = _storage(tmp_path)
    assert storage.read() is None
    storage.write({"t": {"1": {"text": UNICODE}}})
    assert json.loads(storage.path.read_text(encoding="utf-8")) == {"t": {"1": {"text": UNICODE}}}
    assert AtomicJSONStorage(storage.path).read() == {"t": {"1": {"text": UNICODE}}}


def test_files_are_written_readable_by_their_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        storage = _storage(tmp_path)
        storage.write({"t": {}})
        storage.write({"t": {"1": {}}})
    finally:
        os.umask(old)
    assert stat.S_IMODE(storage.path.stat().st_mode) == 0o600


def test_text_beyond_ascii_is_stored_escaped_and_read_back_exactly(tmp_path: Path) -> None:
    storage = _storage(tmp_path)
    storage.write({"t": {"1": {"text": UNICODE}}})
    raw = storage.path.read_bytes()
    # Escaped JSON encodes in half the time (see files.encode); any JSON reader undoes it.
    assert raw.isascii() and b"Gr\\u00f6\\u00dfe" in raw
    assert json.loads(raw)["t"]["1"]["text"] == UNICODE
    assert AtomicJSONStorage(storage.path).read() == {"t": {"1": {"text": UNICODE}}}


def test_a_lone_surrogate_from_a_bad_paste_is_kept_losslessly(tmp_path: Path) -> None:
    storage = _storage(tmp_path)
    text = "before \udcff after"
    storage.write({"t": {"1": {"text": text}}})
    assert AtomicJSONStorage(storage.path).read() == {"t": {"1": {"text": text}}}


def test_a_large_paste_survives(tmp_path: Path) -> None:
    big = ("Ünïcode paragraph of notes. " * 8000)[:200_000]
    storage = _storage(tmp_path)
    storage.write({"t": {"1": {"text": big}}})
    assert AtomicJSONStorage(storage.path).read() == {"t": {"1": {"text": big}}}


def test_the_file_is_read_once_and_then_served_from_memory(tmp_path: Path) -> None:
    storage = _storage(tmp_path, {"t": {"1": {"n": 1}}})
    assert storage.read() == {"t": {"1": {"n": 1}}}
    storage.path.write_text("not json any more", encoding="utf-8")
    assert storage.read() == {"t": {"1": {"n": 1}}}


def test_changes_never_written_are_discarded_on_request(tmp_path: Path) -> None:
    # Memory is handed to TinyDB uncopied (a save costs close to the atomic write alone); a
    # change that fails before its write is undone by discard_unsaved, back to the file.
    storage = _storage(tmp_path, {"t": {"1": {"n": 1, "list": [1]}}})
    data = storage.read()
    assert data is not None
    data["t"]["1"]["n"] = 2
    data["t"]["1"]["list"].append(2)
    data["other"] = {}
    storage.discard_unsaved()
    assert storage.read() == {"t": {"1": {"n": 1, "list": [1]}}}


@pytest.mark.parametrize("broken", ["replace", "fsync", "fchmod"])
def test_a_failed_write_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, broken: str
) -> None:
    storage = _storage(tmp_path)
    storage.write({"t": {"1": {"text": "kept"}}})
    before = storage.path.read_bytes()

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, broken, fail)
    with pytest.raises(OSError, match="No space"):
        storage.write({"t": {"1": {"text": "lost"}}})
    monkeypatch.undo()
    assert storage.path.read_bytes() == before
    assert temp_files(tmp_path) == []
    assert storage.read() == {"t": {"1": {"text": "kept"}}}


def test_a_failed_tinydb_update_leaves_memory_equal_to_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    storage = AtomicJSONStorage(tmp_path / "db.json")
    db = TinyDB(storage=lambda: storage)
    table = db.table("notes")
    table.insert({"key": "a", "text": "first"})
    table.insert({"key": "b", "text": "second"})

    def fail(*args: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        table.update({"text": "changed"}, where("key") == "a")
    with pytest.raises(OSError):
        table.remove(where("key") == "b")
    monkeypatch.undo()
    assert [doc["text"] for doc in table.all()] == ["first", "second"]
    # The next successful write must persist exactly what memory holds, no ghost of the failure.
    table.insert({"key": "c", "text": "third"})
    on_disk = json.loads(storage.path.read_text(encoding="utf-8"))
    assert [doc["text"] for doc in on_disk["notes"].values()] == ["first", "second", "third"]
    assert storage.read() == on_disk


def test_read_only_storage_refuses_to_write_and_leaves_the_file(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text('{"t": {}}', encoding="utf-8")
    storage = AtomicJSONStorage(path, read_only=True)
    with pytest.raises(SessionReadOnly):
        storage.write({"t": {"1": {}}})
    assert path.read_text(encoding="utf-8") == '{"t": {}}'
    assert temp_files(tmp_path) == []


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xff\xfe garbage \x80",
        b'{"session": {"1": {"id": "abc',
        b"[1, 2, 3]",
        b'{"session": []}',
        b'{"session": {"1": "not a document"}}',
        b"",
        b"[" * 100_000,
    ],
    ids=["garbage", "truncated", "list", "table-list", "doc-string", "empty", "deep"],
)
def test_a_file_that_is_not_a_dict_of_tables_is_unreadable_and_untouched(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "2026-01-01-abcd1234.json"
    path.write_bytes(content)
    with pytest.raises(SessionUnreadable) as caught:
        AtomicJSONStorage(path)
    assert caught.value.path == path
    assert path.name in str(caught.value)
    assert path.read_bytes() == content


def test_writing_the_same_data_again_does_not_touch_the_file(tmp_path: Path) -> None:
    storage = _storage(tmp_path)
    storage.write({"t": {"1": {"n": 1}}})
    inode = storage.path.stat().st_ino
    storage.write({"t": {"1": {"n": 1}}})
    assert storage.path.stat().st_ino == inode


def test_stale_temp_files_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text("{}", encoding="utf-8")
    (tmp_path / ".s.json.tmp-1234abcd").write_text("half", encoding="utf-8")
    (tmp_path / ".other.json.tmp-1234abcd").write_text("not ours", encoding="utf-8")
    removed = remove_stale_temps(path)
    assert [p.name for p in removed] == [".s.json.tmp-1234abcd"]
    assert temp_files(tmp_path) == [".other.json.tmp-1234abcd"]


def test_writes_are_made_durable_by_one_folder_sync_per_burst(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import supervise.store.atomic as atomic

    synced: list[Path] = []
    monkeypatch.setattr(atomic, "fsync_dir", synced.append)
    storage = _storage(tmp_path)
    for n in range(3):
        storage.write({"t": {"1": {"n": n}}})
    # Each write is whole on disk already; the folder is synced once for all three.
    assert json.loads(storage.path.read_text(encoding="utf-8")) == {"t": {"1": {"n": 2}}}
    assert synced == []
    storage.sync_folder()
    storage.sync_folder()
    assert synced == [tmp_path]
    storage.write({"t": {"1": {"n": 3}}})
    storage.close()
    assert synced == [tmp_path, tmp_path]
