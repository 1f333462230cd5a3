"""Copies of what a full disk refused are read back, checked as hostile files, and restored into
their sessions wherever that loses nothing; anything else keeps the copy."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from supervise.content.model import Role
from supervise.store import SessionFile, keys
from supervise.store.changes import (
    AddAction,
    AddElapsed,
    Change,
    EditAction,
    MoveTo,
    RemoveAction,
    SetAnswer,
    SetConfidence,
    SetOpening,
    SetPoint,
    SetSummary,
    Sign,
    to_doc,
)
from supervise.store.files import MAX_SESSION_BYTES
from supervise.store.records import CLOSING, Action
from supervise.store.rekey import encrypt_folder
from supervise.store.seal import MAGIC, Cost
from supervise.store.unsaved import (
    Copy,
    CopyUnreadable,
    Outcome,
    read_copies,
    read_copy,
    restore,
    unsaved_folder,
)
from tests.store.conftest import SCOPE
from tests.store.unsaved_copy import copy_made_on_a_full_disk

NewSession = Callable[..., SessionFile]
ITEM, OTHER = SCOPE[0], SCOPE[1]
ACTION = Action("a1b2c3d4", "ring the landlord", "Sam", "Friday", "2026-12-01T10:00:00+00:00")
MADE = (
    SetAnswer(ITEM, "what", Role.PRACTITIONER, "saved words, and the ones the disk refused"),
    SetAnswer(OTHER, "what", Role.PRACTITIONER, "a whole new answer"),
    SetOpening("purpose", "to think about the eviction"),
    SetSummary("we agreed a plan"),
    SetPoint(ITEM, 1, True),
    SetConfidence(ITEM, 4),
    AddAction(ACTION),
    MoveTo(CLOSING, "summary"),
    AddElapsed(120),
)


@pytest.fixture
def session(new_session: NewSession) -> Path:
    """A closed session whose first answer was saved in part before the disk filled up."""
    made = new_session()
    made.set_response(ITEM, "what", "practitioner", "saved words")
    made.close()
    return made.path


def _copy(session: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return copy_made_on_a_full_disk(session, MADE, monkeypatch)


def test_a_copy_made_on_a_full_disk_reads_back_whole(
    session: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _copy(session, monkeypatch)
    assert path.parent == unsaved_folder(folder)
    (found,) = read_copies(folder)
    assert isinstance(found, Copy)
    assert found.session == session.name and found.path == path
    assert found.changes == MADE


def test_restoring_puts_every_word_in_the_session_and_then_removes_the_copy(
    session: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _copy(session, monkeypatch)
    done = restore(read_copy(path), folder)
    assert done.removed and not done.problem and not done.conflicts
    outcomes = [v.outcome for v in done.verdicts]
    assert outcomes == [Outcome.RESTORED] * 7 + [Outcome.SKIPPED] * 2
    assert not path.exists()
    stored = json.loads(session.read_text(encoding="utf-8"))
    assert "the ones the disk refused" in json.dumps(stored)
    with SessionFile.open_read_only(session) as again:
        assert again.response(ITEM, "what", "practitioner") == MADE[0].text
        assert again.response(OTHER, "what", "practitioner") == "a whole new answer"
        assert again.record.opening["purpose"] == "to think about the eviction"
        assert again.record.summary == "we agreed a plan"
        assert again.ticked_points(ITEM) == {1} and again.rating(ITEM).confidence == 4
        assert again.actions() == [ACTION]
        assert again.record.elapsed_seconds == 0, "time is not counted again"
        assert again.events()[-1].kind == "restored"


def test_words_typed_again_since_are_never_overwritten_and_the_copy_is_kept(
    session: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _copy(session, monkeypatch)
    with SessionFile.open(session) as later:
        later.set_response(OTHER, "what", "practitioner", "typed again, differently")
        later.set_confidence(ITEM, 2)
        later.update_record(summary="we agreed a plan, and a date")
    done = restore(read_copy(path), folder)
    assert not done.removed and path.exists()
    (conflict,) = done.conflicts
    assert conflict.change == MADE[1]
    assert conflict.now == MADE[1]._replace(text="typed again, differently")
    by_change = {v.change: v for v in done.verdicts}
    assert by_change[MADE[3]].outcome is Outcome.ALREADY, "the session holds more already"
    assert by_change[MADE[5]].outcome is Outcome.SKIPPED and "left at 2" in by_change[MADE[5]].why
    with SessionFile.open_read_only(session) as again:
        assert again.response(OTHER, "what", "practitioner") == "typed again, differently"
        assert again.response(ITEM, "what", "practitioner") == MADE[0].text
        assert again.record.summary == "we agreed a plan, and a date"
    # Restoring again changes nothing more and still keeps the copy.
    again_done = restore(read_copy(path), folder)
    assert [v.outcome for v in again_done.verdicts][:2] == [Outcome.ALREADY, Outcome.CONFLICT]
    assert path.exists()


def test_an_emptied_answer_or_a_removal_never_takes_words_away(
    new_session: NewSession, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = new_session()
    made.set_response(ITEM, "what", "practitioner", "keep me")
    made.put_action(ACTION)
    made.close()
    emptied = SetAnswer(ITEM, "what", Role.PRACTITIONER, "")
    signed = Sign(Role.PRACTITIONER, "Sam Jones")
    path = copy_made_on_a_full_disk(
        made.path, [emptied, RemoveAction(ACTION.id), signed], monkeypatch
    )
    done = restore(read_copy(path), folder)
    assert [v.outcome for v in done.verdicts] == [Outcome.SKIPPED] * 3
    assert all(v.why for v in done.verdicts) and done.removed
    with SessionFile.open_read_only(made.path) as again:
        assert again.response(ITEM, "what", "practitioner") == "keep me"
        assert again.actions() == [ACTION] and not again.record.signatures


def test_an_action_changed_since_or_removed_is_a_conflict_showing_what_the_session_holds(
    new_session: NewSession, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = new_session()
    made.put_action(ACTION)
    made.close()
    longer = replace(ACTION, what=ACTION.what + " on Monday")
    other = replace(ACTION, id="0000beef", what="write")
    edits: list[Change] = [EditAction(longer), EditAction(other), AddAction(ACTION)]
    path = copy_made_on_a_full_disk(made.path, edits, monkeypatch)
    with SessionFile.open(made.path) as later:
        later.put_action(replace(ACTION, who="Alex"))
    done = restore(read_copy(path), folder)
    first, second, third = done.verdicts
    assert first.outcome is Outcome.CONFLICT and isinstance(first.now, EditAction)
    assert first.now.action.who == "Alex"
    assert second.outcome is Outcome.CONFLICT and second.now is None
    assert third.outcome is Outcome.CONFLICT and path.exists()


def test_a_session_open_in_another_window_keeps_its_copy(
    session: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _copy(session, monkeypatch)
    with SessionFile.open(session):
        done = restore(read_copy(path), folder)
    assert "open in another window" in done.problem and not done.verdicts
    assert path.exists()


def test_a_damaged_or_missing_session_keeps_its_copy(
    session: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _copy(session, monkeypatch)
    session.write_text("{not json", encoding="utf-8")
    assert "could not be read" in restore(read_copy(path), folder).problem
    session.unlink()
    assert "no longer in the sessions folder" in restore(read_copy(path), folder).problem
    assert path.exists()


def test_a_signed_session_keeps_its_copy_and_is_not_changed(
    session: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _copy(session, monkeypatch)
    with SessionFile.open(session) as signing:
        signing.sign("practitioner", "Sam Jones")
        signing.sign("supervisor", "Alex Smith")
    before = session.read_bytes()
    done = restore(read_copy(path), folder)
    assert "signed" in done.problem and not done.removed and path.exists()
    assert session.read_bytes() == before


def _write(folder: Path, name: str, raw: bytes) -> Path:
    target = unsaved_folder(folder)
    target.mkdir(parents=True, exist_ok=True)
    path = target / name
    path.write_bytes(raw)
    return path


def _doc(**fields: object) -> bytes:
    base: dict[str, object] = {
        "session": "2026-11-23-0badc0de.json",
        "exported": "2026-12-03T10:00:00+00:00",
        "changes": [to_doc(SetSummary("words"))],
    }
    return json.dumps({**base, **fields}).encode()


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        (b"\xff\xfe not text", "not UTF-8"),
        (b"{not json", "not JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "not JSON|nested"),
        (b"[]", "expected an object"),
        (_doc(session="../../elsewhere.json"), "does not name a session file"),
        (_doc(session="notes.txt"), "does not name a session file"),
        (_doc(session="C:elsewhere.json"), "does not name a session file"),
        (_doc(session=7), "does not name a session file"),
        (_doc(exported="yesterday"), "when it was written"),
        (_doc(changes={"0": 1}), "not a list"),
        (_doc(changes=[{"change": "SetSummary", "text": 7}]), "change 1: SetSummary: text"),
        (_doc(changes=[{"change": "Wipe"}]), "change 1: unknown kind"),
    ],
)
def test_a_file_that_is_not_a_copy_is_refused_in_a_line_and_left_in_place(
    folder: Path, raw: bytes, why: str
) -> None:
    path = _write(folder, "2026-11-23-0badc0de-20261203T100000.json", raw)
    (found,) = read_copies(folder)
    assert isinstance(found, CopyUnreadable) and found.path == path
    assert "\n" not in str(found)
    with pytest.raises(CopyUnreadable, match=why):
        read_copy(path)
    assert path.read_bytes() == raw


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX symbolic link and a FIFO")
def test_a_huge_file_a_fifo_or_a_link_is_refused_at_once(folder: Path, tmp_path: Path) -> None:
    huge = _write(folder, "a-huge.json", b"")
    with open(huge, "wb") as file:
        file.truncate(MAX_SESSION_BYTES + 1)
    outside = tmp_path / "outside.json"
    outside.write_bytes(_doc())
    (unsaved_folder(folder) / "b-link.json").symlink_to(outside)
    os.mkfifo(unsaved_folder(folder) / "c-fifo.json")
    _write(folder, ".d-temp.json.tmp-0000", b"half")
    problems = read_copies(folder)
    assert all(isinstance(p, CopyUnreadable) for p in problems)
    details = [p.detail for p in problems if isinstance(p, CopyUnreadable)]
    assert "larger than" in details[0] and "a link" in details[1]
    assert details[2:] == ["not a regular file"]


def test_in_an_encrypted_folder_the_copy_is_sealed_and_restored_with_the_passphrase(
    session: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    encrypt_folder(folder, "correct horse battery", cost=Cost(n=1 << 10))
    path = _copy(session, monkeypatch)
    assert path.read_bytes().startswith(MAGIC) and b"refused" not in path.read_bytes()
    keys.forget()
    with pytest.raises(keys.FolderLocked):
        read_copies(folder)
    keys.unlock(folder, "correct horse battery")
    done = restore(read_copy(path), folder)
    assert done.removed
    with SessionFile.open_read_only(session) as again:
        assert again.response(OTHER, "what", "practitioner") == "a whole new answer"
