"""The catalogue: newest first, only changed files re-read, a broken index simply rebuilt."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from supervise.store import (
    SessionFile,
    SessionNotFound,
    SessionSummary,
    StoreError,
    StoreUnwritable,
    catalog,
    codec,
    find_session,
    list_sessions,
    sessions_folder,
)
from supervise.store.records import SessionRecord
from tests.store.conftest import SCOPE

NewSession = Callable[..., SessionFile]


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of session files the catalogue reads (rather than taking from its index)."""
    names: list[str] = []
    real = catalog.read_summary

    def counting(path: Path, mtime_ns: int | None = None) -> SessionSummary:
        names.append(path.name)
        return real(path, mtime_ns)

    monkeypatch.setattr(catalog, "read_summary", counting)
    return names


@pytest.fixture
def three(new_session: NewSession, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Three closed sessions: two on one day (created 09:00 and 14:00) and an older one."""
    made = []
    for date, created in [
        ("2026-11-20", "2026-11-20T09:00:00+00:00"),
        ("2026-11-01", "2026-11-01T10:00:00+00:00"),
        ("2026-11-20", "2026-11-20T14:00:00+00:00"),
    ]:
        with monkeypatch.context() as patch:
            patch.setattr("supervise.store.session.now_iso", lambda c=created: c)
            session = new_session(date=date)
        session.close()
        made.append(session.path)
    return made


# -- the folder -------------------------------------------------------------------------------


def test_sessions_folder_is_created_private(tmp_path: Path) -> None:
    folder = sessions_folder(tmp_path / "a" / "b" / "sessions")
    assert folder.is_dir()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert sessions_folder(folder) == folder


def test_an_existing_open_folder_is_made_private(tmp_path: Path) -> None:
    # A fresh clone's sessions/ (it holds a README) arrives 0755.
    folder = tmp_path / "sessions"
    folder.mkdir()
    folder.chmod(0o755)
    assert sessions_folder(folder) == folder
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_sessions_folder_explains_what_is_in_the_way(tmp_path: Path) -> None:
    blocker = tmp_path / "sessions"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(StoreUnwritable) as caught:
        sessions_folder(blocker)
    assert str(blocker) in caught.value.message
    assert "--sessions-dir" in caught.value.hint


def test_sessions_folder_that_cannot_be_made_is_unwritable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(StoreUnwritable, match="Permission denied"):
        sessions_folder(tmp_path / "sessions")


def test_find_session_by_id_file_name_or_path(new_session: NewSession, folder: Path) -> None:
    session = new_session()
    assert find_session(folder, session.record.id) == session.path
    assert find_session(folder, session.path.name) == session.path
    assert find_session(folder, str(session.path)) == session.path
    for wanted in ("00000000", "2026-01-01-00000000.json", "", "*"):
        with pytest.raises(SessionNotFound):
            find_session(folder, wanted)


# -- listing ----------------------------------------------------------------------------------


def test_a_missing_folder_lists_nothing_and_is_not_created(tmp_path: Path) -> None:
    assert list_sessions(tmp_path / "nowhere") == []
    assert not (tmp_path / "nowhere").exists()


def test_sessions_are_listed_newest_first(three: list[Path], folder: Path) -> None:
    listed = list_sessions(folder)
    assert [s.path for s in listed] == [three[2], three[0], three[1]]


def test_a_listing_matches_what_the_session_says(new_session: NewSession, folder: Path) -> None:
    session = new_session(mode="self-reflection", supervisor="")
    session.set_response(SCOPE[0], "what", "practitioner", "yes")
    session.set_response(SCOPE[1], "what", "practitioner", "")
    session.complete()
    expected = session.summary()
    session.close()
    (listed,) = list_sessions(folder)
    assert listed == expected
    assert (listed.answered, listed.total, listed.status) == (1, 3, "completed")
    # The same again, this time from the index.
    assert list_sessions(folder) == [expected]


def test_only_new_or_changed_files_are_read_again(
    three: list[Path], folder: Path, reads: list[str]
) -> None:
    list_sessions(folder)
    assert sorted(reads) == sorted(p.name for p in three)
    reads.clear()

    index = folder / catalog.INDEX_NAME
    inode = index.stat().st_ino
    assert len(list_sessions(folder)) == 3
    assert reads == []
    assert index.stat().st_ino == inode, "an unchanged folder must not rewrite the index"

    with SessionFile.open(three[1]) as session:
        session.set_response(SCOPE[0], "what", "practitioner", "an answer")
    listed = {s.path: s for s in list_sessions(folder)}
    assert reads == [three[1].name]
    assert listed[three[1]].answered == 1

    reads.clear()
    three[0].unlink()
    assert [s.path for s in list_sessions(folder)] == [three[2], three[1]]
    assert reads == []
    assert three[0].name not in json.loads(index.read_text(encoding="utf-8"))["files"]


def test_a_listing_leaves_the_index_until_asked_and_only_when_stale(
    three: list[Path], folder: Path, reads: list[str]
) -> None:
    index = folder / catalog.INDEX_NAME
    listing = catalog.read_listing(folder)
    assert [s.path for s in listing.summaries] == [three[2], three[0], three[1]]
    assert not index.exists(), "the index waits until the rows are shown"
    listing.save_index()
    reads.clear()
    again = catalog.read_listing(folder)
    assert reads == [] and again.summaries == listing.summaries
    assert again.stale_index is None, "a current index is not written again"


@pytest.mark.parametrize(
    "index_text",
    [
        "\x00 not json",
        "[]",
        '{"version": 999, "files": {}}',
        '{"version": 1, "files": []}',
    ],
    ids=["garbage", "list", "version", "files-list"],
)
def test_a_corrupt_index_is_rebuilt(
    three: list[Path], folder: Path, reads: list[str], index_text: str
) -> None:
    expected = list_sessions(folder)
    (folder / catalog.INDEX_NAME).write_text(index_text, encoding="utf-8")
    reads.clear()
    assert list_sessions(folder) == expected
    assert len(reads) == 3
    reads.clear()
    assert list_sessions(folder) == expected
    assert reads == []


def test_a_damaged_index_entry_is_re_read(
    three: list[Path], folder: Path, reads: list[str]
) -> None:
    expected = list_sessions(folder)
    index = folder / catalog.INDEX_NAME
    data = json.loads(index.read_text(encoding="utf-8"))
    data["files"][three[0].name]["summary"]["answered"] = "lots"
    index.write_text(json.dumps(data), encoding="utf-8")
    reads.clear()
    assert list_sessions(folder) == expected
    assert reads == [three[0].name]


def test_the_index_is_private_and_the_store_own_files_are_not_sessions(
    new_session: NewSession, folder: Path
) -> None:
    open_session = new_session()  # leaves its .lock file beside it
    (folder / f".{open_session.path.name}.tmp-12345678").write_text("{}", encoding="utf-8")
    (folder / "README.md").write_text("hello", encoding="utf-8")
    (folder / "a-folder.json").mkdir()
    assert [s.path for s in list_sessions(folder)] == [open_session.path]
    assert stat.S_IMODE((folder / catalog.INDEX_NAME).stat().st_mode) == 0o600


def test_an_unreadable_file_is_listed_as_unreadable_and_left_alone(
    three: list[Path], folder: Path
) -> None:
    garbage = folder / "2026-12-24-deadbeef.json"
    garbage.write_bytes(b"\xff\xfe not a session")
    stray = folder / "notes.json"
    stray.write_text("[1, 2]", encoding="utf-8")
    listed = {s.file: s for s in list_sessions(folder)}
    assert len(listed) == 5
    bad = listed[garbage.name]
    assert (bad.status, bad.id, bad.date, bad.path) == (
        "unreadable",
        "deadbeef",
        "2026-12-24",
        garbage,
    )
    assert (listed["notes.json"].status, listed["notes.json"].id) == ("unreadable", "notes")
    assert garbage.read_bytes() == b"\xff\xfe not a session"
    assert list_sessions(folder)[0].path == garbage  # still listed (from the index) by date


def test_a_folder_where_the_index_cannot_be_saved_still_lists(
    three: list[Path], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(catalog, "write_atomic", refuse)
    assert len(list_sessions(folder)) == 3
    assert not (folder / catalog.INDEX_NAME).exists()


def test_a_second_listing_of_many_sessions_reads_only_the_index(
    tmp_path: Path, reads: list[str]
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    record = SessionRecord(
        id="ID",
        created="2025-06-01T10:00:00+00:00",
        mode="supervision",
        practitioner="Sam",
        supervisor="Alex",
        date="2026-01-01",
        scope=SCOPE,
    )
    template = json.dumps({"session": {"1": codec.record_to_doc(record)}})
    # Speed itself is measured in benchmarks/, never asserted here: this proves the design.
    for n in range(2_000):
        day = f"20{10 + n % 16}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        text = template.replace('"ID"', f'"{n:08x}"').replace("2026-01-01", day)
        (folder / f"{day}-{n:08x}.json").write_text(text, encoding="utf-8")
    first = list_sessions(folder)
    assert len(reads) == 2_000
    reads.clear()
    again = list_sessions(folder)
    assert again == first and reads == []
    assert [s.date for s in again] == sorted((s.date for s in again), reverse=True)


def test_a_folder_that_is_a_file_is_a_store_error(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "sessions"
    not_a_folder.write_text("oops", encoding="utf-8")
    with pytest.raises(StoreError, match="cannot be read"):
        list_sessions(not_a_folder)
