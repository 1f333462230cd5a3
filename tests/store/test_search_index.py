"""The search index: only files that can match are read, and no change to a file is ever missed."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

import supervise.store.search as search_module
from supervise.store import SessionFile
from supervise.store.search import search
from supervise.store.tidy import move_to_trash, set_archived
from supervise.store.wordindex import INDEX_NAME, WordIndex, decode, encode, words_of
from tests.store.conftest import SCOPE


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the session files each search reads, in order."""
    names: list[str] = []
    real = search_module._read

    def spy(path: Path) -> tuple[bytes, bytes] | None:
        names.append(path.name)
        return real(path)

    monkeypatch.setattr(search_module, "_read", spy)
    return names


def _three(new_session: Callable[..., SessionFile]) -> list[Path]:
    paths = []
    for n, day in enumerate(("2026-09-01", "2026-10-01", "2026-11-01")):
        session = new_session(date=day)
        session.set_response(SCOPE[0], "what", "practitioner", f"Visit {n}: the tenant")
        paths.append(session.path)
        session.close()
    return paths


def test_once_indexed_only_the_files_that_can_match_are_read(
    folder: Path, new_session: Callable[..., SessionFile], reads: list[str]
) -> None:
    paths = _three(new_session)
    assert [h.line for h in search(folder, "visit 1")] == ["Visit 1: the tenant"]
    assert sorted(reads) == sorted(p.name for p in paths)  # the first search indexes all
    assert (folder / INDEX_NAME).is_file()
    reads.clear()
    assert [h.line for h in search(folder, "VISIT 1")] == ["Visit 1: the tenant"]
    assert reads == [paths[1].name]
    reads.clear()
    assert search(folder, "zugzwang") == []
    assert reads == []
    # A word inside a longer word is found, as it always was: the index is searched by part.
    assert len(search(folder, "enan")) == 3


def test_a_save_after_indexing_is_found(
    folder: Path, new_session: Callable[..., SessionFile], reads: list[str]
) -> None:
    paths = _three(new_session)
    search(folder, "visit")
    with SessionFile.open(paths[0]) as session:
        session.set_response(SCOPE[2], "so-what", "supervisor", "The lighthouse moment")
        session.update_record(summary="A summary with Ümlauts")
        session.add_action("Ring the flood team", "Sam", "2026-12-01")
    reads.clear()
    hits = search(folder, "lighthouse")
    assert [(h.place, h.detail, h.role) for h in hits] == [(SCOPE[2], "so-what", "supervisor")]
    assert reads == [paths[0].name]
    assert [h.where for h in search(folder, "ümlauts")] == ["summary"]
    assert [h.where for h in search(folder, "FLOOD team")] == ["action"]


def test_an_edit_in_place_outside_the_app_is_found_even_with_the_same_size_and_time(
    folder: Path, new_session: Callable[..., SessionFile]
) -> None:
    paths = _three(new_session)
    assert search(folder, "visit 2")
    path = paths[2]
    before = path.stat()
    raw = path.read_bytes()
    edited = raw.replace(b"tenant", b"Tenner")
    assert len(edited) == len(raw) and edited != raw
    # Written into the same file (same inode), then its modified time put back: only the
    # change time tells.
    with open(path, "r+b") as file:
        file.write(edited)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert [h.line for h in search(folder, "tenner")] == ["Visit 2: the Tenner"]
    assert len(search(folder, "tenant")) == 2


def test_a_file_written_by_another_program_or_version_is_read_again(
    folder: Path, new_session: Callable[..., SessionFile]
) -> None:
    paths = _three(new_session)
    search(folder, "visit")
    tables = json.loads(paths[1].read_text(encoding="utf-8"))
    answer = next(iter(tables["responses"].values()))
    answer["text"] = "Rewritten by hand: école, 日本語, and a lone \ud800 surrogate"
    paths[1].write_text(json.dumps(tables), encoding="utf-8", errors="surrogatepass")
    assert [h.date for h in search(folder, "ÉCOLE 日本")] == ["2026-10-01"]
    assert [h.date for h in search(folder, "\ud800")] == ["2026-10-01"]
    assert [h.date for h in search(folder, "visit")] == ["2026-11-01", "2026-09-01"]


def test_deleted_sessions_leave_the_index_and_archived_ones_are_still_found(
    folder: Path, new_session: Callable[..., SessionFile]
) -> None:
    paths = _three(new_session)
    assert len(search(folder, "tenant")) == 3
    set_archived(folder, paths[0].name, True)
    move_to_trash(paths[1])
    assert [h.date for h in search(folder, "tenant")] == ["2026-11-01", "2026-09-01"]
    raw = (folder / INDEX_NAME).read_bytes()
    assert sorted(decode(raw)) == sorted([paths[0].name, paths[2].name])


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda raw: raw[: len(raw) // 2], id="torn"),
        pytest.param(lambda raw: raw.replace(b"tenant", b"xxxxxx"), id="edited"),
        pytest.param(lambda raw: b"\0" * len(raw), id="zeroed"),
        pytest.param(lambda raw: raw.replace(b"index 1", b"index 9"), id="newer"),
        pytest.param(lambda raw: b"", id="empty"),
    ],
)
def test_a_damaged_index_is_not_trusted_and_is_repaired(
    folder: Path, new_session: Callable[..., SessionFile], damage: Callable[[bytes], bytes]
) -> None:
    _three(new_session)
    search(folder, "visit")
    index = folder / INDEX_NAME
    good = decode(index.read_bytes())
    index.write_bytes(damage(index.read_bytes()))
    assert len(search(folder, "tenant")) == 3
    assert decode(index.read_bytes()) == good


def test_an_index_that_cannot_be_written_only_costs_time(
    folder: Path, new_session: Callable[..., SessionFile], monkeypatch: pytest.MonkeyPatch
) -> None:
    _three(new_session)

    def refuse(folder: Path, raw: bytes) -> None:
        raise PermissionError(13, "read-only")

    monkeypatch.setattr("supervise.store.wordindex.write_index_file", refuse)
    assert len(search(folder, "tenant")) == 3
    assert not (folder / INDEX_NAME).exists()


def test_a_search_stopped_early_keeps_what_it_read(
    folder: Path, new_session: Callable[..., SessionFile], reads: list[str]
) -> None:
    paths = _three(new_session)
    assert len(search(folder, "tenant", limit=1)) == 1
    assert sorted(WordIndex.load(folder).entries) == [paths[2].name]
    reads.clear()
    assert len(search(folder, "visit 0")) == 1
    assert sorted(reads) == sorted(p.name for p in paths[:2])


def test_the_index_file_round_trips_any_name_and_word() -> None:
    words = words_of(["Straße ÉCOLE", "tab\tand\nnewline", "\ud800"])
    assert set(words.split(b" ")) == {
        w.encode("utf-8", "surrogatepass") for w in ("strasse", "école", "tab", "and", "newline")
    } | {"\ud800".encode("utf-8", "surrogatepass")}
    entries = {
        "2026-01-01-a.json": (b"1,2,3,4", words),
        "2026-01-02-\udcff.json": (b"5,6,7,8", b""),
    }
    assert decode(encode(entries)) == entries
    index = WordIndex()
    index.put("tab\there.json", b"1,1,1,1", b"x")
    assert index.entries == {}


def test_a_search_that_finds_the_index_current_does_not_write_it(
    folder: Path, new_session: Callable[..., SessionFile]
) -> None:
    _three(new_session)
    search(folder, "visit")
    before = (folder / INDEX_NAME).stat()
    search(folder, "tenant")
    after = (folder / INDEX_NAME).stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    # The same words give the same bytes in any process (the order of a set does not leak).
    assert words_of(["b a c a"]) == b"a b c"
