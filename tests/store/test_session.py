"""SessionFile: every field survives, bad files are refused untouched, signing freezes it."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import stat
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from supervise.store import (
    SessionClosed,
    SessionFile,
    SessionLocked,
    SessionNotFound,
    SessionReadOnly,
    SessionRecord,
    SessionUnreadable,
    Signature,
    StoreUnwritable,
)
from supervise.store.lock import lock_path_for
from tests.store.conftest import SCOPE, temp_files

NewSession = Callable[..., SessionFile]

OPENING = {
    "check_in": "Tired but OK — ça va",
    "urgent": "A safeguarding worry about Ö.",
    "purpose": "Reflect on the home visit.",
    "prompted_by": "Supervisor's suggestion",
}


def _dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


# -- creating ---------------------------------------------------------------------------------


def test_create_names_the_file_by_date_and_id_and_keeps_it_private(
    new_session: NewSession, folder: Path
) -> None:
    session = new_session()
    record = session.record
    assert re.fullmatch(r"[0-9a-f]{8}", record.id)
    assert session.path == folder / f"2026-11-23-{record.id}.json"
    assert "Sam" not in session.path.name and "Alex" not in session.path.name
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(session.path.stat().st_mode) == 0o600
    assert [e.kind for e in session.events()] == ["created"]
    assert record.status == "in progress" and not session.read_only
    assert lock_path_for(session.path).exists()


def test_create_takes_the_lock(new_session: NewSession) -> None:
    session = new_session()
    with pytest.raises(SessionLocked) as caught:
        SessionFile.open(session.path)
    assert caught.value.pid == os.getpid()


def test_create_refuses_bad_fields_before_touching_the_disk(
    new_session: NewSession, folder: Path
) -> None:
    with pytest.raises(ValueError, match="mode"):
        new_session(mode="chat")
    with pytest.raises(ValueError, match="date"):
        new_session(date="23/11/2026")
    with pytest.raises(TypeError):
        new_session(planned_minutes="sixty")
    assert not folder.exists() or list(folder.iterdir()) == []


def test_create_in_a_folder_that_cannot_be_written_leaves_nothing_behind(
    folder: Path, new_session: NewSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(StoreUnwritable) as caught:
        new_session()
    assert "Read-only file system" in caught.value.message
    assert "--sessions-dir" in caught.value.hint
    assert list(folder.iterdir()) == []


# -- round trips ------------------------------------------------------------------------------


def test_every_field_survives_closing_and_reopening(new_session: NewSession) -> None:
    session = new_session(
        planned_minutes=90,
        model="gibbs",
        agenda="Agenda: the Ümit case",
        opening=OPENING,
        next_date="2026-12-21",
    )
    session.update_record(summary="We agreed a plan. 🙂", current_item=SCOPE[1])
    session.add_elapsed(125)
    session.add_elapsed(5)
    session.sign("supervisor", "alex smith")
    session.set_response(SCOPE[0], "what", "practitioner", "What happened — ü")
    session.set_response(SCOPE[0], "what", "supervisor", "Supervisor's view")
    session.set_response(SCOPE[1], "so-what", "practitioner", "Why it matters")
    session.set_confidence(SCOPE[0], 4)
    session.set_bring_to_supervision(SCOPE[1], True)
    session.set_point(SCOPE[2], 0, True)
    session.set_point(SCOPE[2], 3, True)
    action = session.add_action("Read the policy", "Sam", "2026-12-01")
    session.log("note", "a detail")
    before = (
        session.record,
        session.responses(),
        session.ratings(),
        session.actions(),
        session.events(),
    )
    session.close()

    with SessionFile.open(session.path) as again:
        record = again.record
        expected = {
            "mode": "supervision",
            "practitioner": "Sam Jones",
            "supervisor": "Alex Smith",
            "date": "2026-11-23",
            "planned_minutes": 90,
            "model": "gibbs",
            "scope": SCOPE,
            "agenda": "Agenda: the Ümit case",
            "opening": OPENING,
            "summary": "We agreed a plan. 🙂",
            "next_date": "2026-12-21",
            "status": "in progress",
            "current_item": SCOPE[1],
            "elapsed_seconds": 130,
        }
        for field in dataclasses.fields(SessionRecord):
            if field.name in expected:
                assert getattr(record, field.name) == expected[field.name], field.name
        assert record.signatures == (
            Signature("supervisor", "Alex Smith", record.signatures[0].at),
        )
        assert (record.id, record.created) == (before[0].id, before[0].created)
        assert record == before[0]
        assert again.responses() == before[1]
        assert again.response(SCOPE[0], "what", "practitioner") == "What happened — ü"
        assert again.response(SCOPE[0], "what", "supervisor") == "Supervisor's view"
        assert again.response(SCOPE[2], "what", "practitioner") == ""
        assert again.ratings() == before[2]
        assert again.rating(SCOPE[0]).confidence == 4
        assert again.rating(SCOPE[1]).bring_to_supervision
        assert again.rating(SCOPE[2]).confidence is None
        assert again.ticked_points(SCOPE[2]) == frozenset({0, 3})
        assert again.ticked_points(SCOPE[0]) == frozenset()
        assert again.actions() == before[3] == [action]
        assert again.events()[: len(before[4])] == before[4]
        assert again.events()[-1].kind == "resumed"


def test_unicode_and_a_200_kb_paste_survive(new_session: NewSession) -> None:
    big = ("Ünïcode 中文 notes, pasted from a case record.\n" * 6000)[:200_000]
    session = new_session()
    session.set_response(SCOPE[0], "what", "practitioner", big)
    session.set_response(SCOPE[1], "what", "practitioner", "naïve — 🙂")
    session.close()
    with SessionFile.open_read_only(session.path) as again:
        assert again.response(SCOPE[0], "what", "practitioner") == big
        assert again.response(SCOPE[1], "what", "practitioner") == "naïve — 🙂"


def test_an_emptied_answer_is_kept_as_empty_and_is_not_answered(new_session: NewSession) -> None:
    session = new_session()
    session.set_response(SCOPE[0], "what", "practitioner", "something")
    session.set_response(SCOPE[1], "what", "practitioner", "   \n")
    assert session.answered_items() == {SCOPE[0]}
    session.set_response(SCOPE[0], "what", "practitioner", "")
    session.close()
    with SessionFile.open_read_only(session.path) as again:
        rows = [(r.item, r.text) for r in again.responses()]
        assert rows == [(SCOPE[0], ""), (SCOPE[1], "   \n")]
        assert again.answered_items() == set()


def test_set_response_updates_in_place(new_session: NewSession) -> None:
    session = new_session()
    for text in ("one", "two", "three"):
        session.set_response(SCOPE[0], "what", "practitioner", text)
    assert [r.text for r in session.responses()] == ["three"]
    with pytest.raises(ValueError, match="role"):
        session.set_response(SCOPE[0], "what", "observer", "x")


# -- validation -------------------------------------------------------------------------------


def test_update_record_checks_names_and_values_and_changes_nothing_on_error(
    new_session: NewSession,
) -> None:
    session = new_session()
    before = session.path.read_bytes()
    with pytest.raises(TypeError, match="id"):
        session.update_record(id="other")
    with pytest.raises(TypeError, match="colour"):
        session.update_record(colour="blue")
    with pytest.raises(ValueError):
        session.update_record(status="signed")
    with pytest.raises(ValueError):
        session.update_record(mode="chat")
    with pytest.raises(ValueError):
        session.update_record(planned_minutes=-5)
    with pytest.raises(ValueError):
        session.add_elapsed(-1)
    assert session.path.read_bytes() == before
    assert session.record.mode == "supervision"


def test_confidence_is_one_to_five_or_unset(new_session: NewSession) -> None:
    session = new_session()
    for bad in (0, 6, True, 2.5, "3"):
        with pytest.raises(ValueError):
            session.set_confidence(SCOPE[0], bad)  # type: ignore[arg-type]
    session.set_confidence(SCOPE[0], 5)
    session.set_bring_to_supervision(SCOPE[0], True)
    session.set_confidence(SCOPE[0], None)
    assert session.rating(SCOPE[0]).confidence is None
    assert session.rating(SCOPE[0]).bring_to_supervision


def test_points_tick_and_untick(new_session: NewSession) -> None:
    session = new_session()
    session.set_point(SCOPE[2], 1, True)
    session.set_point(SCOPE[2], 1, True)
    session.set_point(SCOPE[2], 2, True)
    session.set_point(SCOPE[2], 1, False)
    assert session.ticked_points(SCOPE[2]) == frozenset({2})
    with pytest.raises(ValueError):
        session.set_point(SCOPE[2], -1, True)


def test_actions_can_be_changed_and_removed(new_session: NewSession) -> None:
    session = new_session()
    first = session.add_action("Call the team", "Sam", "Friday")
    second = session.add_action("Book training")
    changed = session.update_action(first.id, by_when="Monday", who="Alex")
    assert changed == dataclasses.replace(first, by_when="Monday", who="Alex")
    session.remove_action(second.id)
    assert session.actions() == [changed]
    with pytest.raises(KeyError):
        session.update_action("nope", what="x")
    with pytest.raises(KeyError):
        session.remove_action(second.id)
    with pytest.raises(TypeError):
        session.update_action(first.id, id="x")


def test_completing_and_reopening_are_logged(new_session: NewSession) -> None:
    session = new_session()
    session.complete()
    session.complete()
    assert session.record.status == "completed"
    session.update_record(status="in progress")
    assert [e.kind for e in session.events()] == ["created", "completed", "reopened"]


# -- bad files --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00garbage",
        b'{"session": {"1": {"id": "abcd1234", "mode": "superv',
        b'["a", "list"]',
        b'{"responses": {}}',
        b'{"session": {"1": {"id": "abcd1234", "mode": "chat", "date": "2026-11-23"}}}',
    ],
    ids=["garbage", "truncated", "list", "no-session", "bad-mode"],
)
def test_a_corrupt_file_is_refused_untouched_and_unlocked(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "2026-11-23-abcd1234.json"
    path.write_bytes(content)
    with pytest.raises(SessionUnreadable) as caught:
        SessionFile.open(path)
    assert path.name in caught.value.message
    assert "untouched" in caught.value.hint
    assert path.read_bytes() == content
    assert not lock_path_for(path).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_a_damaged_answer_is_caught_when_opening(new_session: NewSession) -> None:
    session = new_session()
    session.set_response(SCOPE[0], "what", "practitioner", "fine")
    session.close()
    data = json.loads(session.path.read_text(encoding="utf-8"))
    data["responses"]["1"]["text"] = 42
    session.path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SessionUnreadable):
        SessionFile.open(session.path)


def test_opening_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(SessionNotFound):
        SessionFile.open(tmp_path / "2026-11-23-00000000.json")


def test_a_failed_save_keeps_the_old_file_and_the_old_answer(
    new_session: NewSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = new_session()
    session.set_response(SCOPE[0], "what", "practitioner", "saved")
    before = session.path.read_bytes()

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        session.set_response(SCOPE[0], "what", "practitioner", "not saved")
    with pytest.raises(OSError):
        session.update_record(agenda="not saved")
    monkeypatch.undo()
    assert session.path.read_bytes() == before
    assert temp_files(session.path.parent) == []
    assert session.response(SCOPE[0], "what", "practitioner") == "saved"
    assert session.record.agenda == ""
    session.set_response(SCOPE[0], "what", "practitioner", "saved again")
    session.close()
    with SessionFile.open_read_only(session.path) as again:
        assert again.response(SCOPE[0], "what", "practitioner") == "saved again"
        assert again.record.agenda == ""


# -- locks, read-only, closing ----------------------------------------------------------------


def test_reopening_logs_resumed(new_session: NewSession) -> None:
    session = new_session()
    session.close()
    with SessionFile.open(session.path) as again:
        assert [e.kind for e in again.events()] == ["created", "resumed"]
        assert again.recovered_from is None


def test_a_new_file_is_durable_at_once_and_changes_once_synced_or_closed(
    new_session: NewSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    import supervise.store.atomic as atomic

    synced: list[Path] = []
    real = atomic.fsync_dir
    monkeypatch.setattr(atomic, "fsync_dir", lambda folder: synced.append(folder) or real(folder))
    session = new_session()
    assert synced == [session.path.parent]
    session.set_response(SCOPE[0], "what", "practitioner", "one")
    session.set_response(SCOPE[0], "what", "practitioner", "two")
    assert len(synced) == 1
    session.sync()
    assert len(synced) == 2
    session.set_response(SCOPE[0], "what", "practitioner", "three")
    session.close()
    assert len(synced) == 3
    with SessionFile.open_read_only(session.path) as again:
        assert again.response(SCOPE[0], "what", "practitioner") == "three"


def test_a_caller_can_note_the_resume_itself(new_session: NewSession) -> None:
    session = new_session()
    session.close()
    before = session.path.read_bytes()
    with SessionFile.open(session.path, note_resumed=False) as again:
        # Nothing written on opening: the caller logs "resumed" when it chooses.
        assert session.path.read_bytes() == before
        again.log("resumed")
        assert [e.kind for e in again.events()] == ["created", "resumed"]


def test_a_stale_lock_is_taken_over_and_recovery_logged(new_session: NewSession) -> None:
    session = new_session()
    session.close()
    dead = _dead_pid()
    lock_path_for(session.path).write_text(json.dumps({"pid": dead}), encoding="utf-8")
    leftover = session.path.with_name(f".{session.path.name}.tmp-deadbeef")
    leftover.write_text("half a write", encoding="utf-8")
    with SessionFile.open(session.path) as again:
        events = again.events()
        assert [e.kind for e in events] == ["created", "recovered", "resumed"]
        assert str(dead) in events[1].detail
        assert again.recovered_from == dead
        assert not leftover.exists()


def test_read_only_open_takes_no_lock_and_refuses_writes(new_session: NewSession) -> None:
    session = new_session()
    session.set_response(SCOPE[0], "what", "practitioner", "hello")
    with SessionFile.open(session.path, read_only=True) as viewer:
        assert viewer.read_only
        assert viewer.response(SCOPE[0], "what", "practitioner") == "hello"
        with pytest.raises(SessionReadOnly) as caught:
            viewer.set_response(SCOPE[0], "what", "practitioner", "changed")
        assert not caught.value.signed
        assert [e.kind for e in viewer.events()] == ["created"]
    session.set_response(SCOPE[0], "what", "practitioner", "still mine")
    assert session.response(SCOPE[0], "what", "practitioner") == "still mine"


def test_a_closed_session_refuses_changes_and_frees_its_lock(new_session: NewSession) -> None:
    session = new_session()
    session.close()
    session.close()
    with pytest.raises(SessionClosed):
        session.log("late")
    assert not lock_path_for(session.path).exists()
    assert session.record.practitioner == "Sam Jones"


def test_writes_from_several_threads_all_land(new_session: NewSession) -> None:
    session = new_session()

    def write(thread: int) -> None:
        for n in range(15):
            session.set_response(f"item/{thread}/{n}", "what", "practitioner", f"{thread}-{n}")

    threads = [threading.Thread(target=write, args=(t,)) for t in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    session.close()
    with SessionFile.open_read_only(session.path) as again:
        texts = {r.item: r.text for r in again.responses()}
    assert texts == {f"item/{t}/{n}": f"{t}-{n}" for t in range(4) for n in range(15)}


# -- signing ----------------------------------------------------------------------------------


MUTATIONS: dict[str, Callable[[SessionFile], object]] = {
    "update_record": lambda s: s.update_record(agenda="x"),
    "set_current_item": lambda s: s.set_current_item(SCOPE[0]),
    "add_elapsed": lambda s: s.add_elapsed(5),
    "set_response": lambda s: s.set_response(SCOPE[0], "what", "practitioner", "x"),
    "set_confidence": lambda s: s.set_confidence(SCOPE[0], 3),
    "set_bring_to_supervision": lambda s: s.set_bring_to_supervision(SCOPE[0], True),
    "set_point": lambda s: s.set_point(SCOPE[0], 0, True),
    "add_action": lambda s: s.add_action("x"),
    "update_action": lambda s: s.update_action("any", what="x"),
    "remove_action": lambda s: s.remove_action("any"),
    "log": lambda s: s.log("x"),
    "complete": lambda s: s.complete(),
    "sign": lambda s: s.sign("practitioner", "Sam Jones"),
}


def test_signing_needs_the_recorded_name(new_session: NewSession) -> None:
    session = new_session()
    with pytest.raises(ValueError, match="does not match"):
        session.sign("practitioner", "Sam Jonas")
    with pytest.raises(ValueError):
        session.sign("observer", "Sam Jones")
    session.sign("practitioner", "  sam   JONES ")
    assert session.record.signatures[0].name == "Sam Jones"  # the record's spelling
    assert session.record.status == "in progress"
    assert not session.read_only
    session.sign("practitioner", "Sam Jones")
    assert len(session.record.signatures) == 1


def test_a_blank_recorded_name_cannot_be_signed_for(new_session: NewSession) -> None:
    session = new_session(supervisor="")
    with pytest.raises(ValueError, match="name"):
        session.sign("supervisor", "")


@pytest.mark.parametrize("method", sorted(MUTATIONS))
def test_a_fully_signed_session_is_read_only_even_after_reopening(
    new_session: NewSession, method: str
) -> None:
    session = new_session()
    session.set_response(SCOPE[0], "what", "practitioner", "final words")
    session.sign("practitioner", "Sam Jones")
    session.sign("supervisor", "Alex Smith")
    assert session.record.status == "signed"
    assert session.read_only
    assert session.events()[-1].kind == "signed"
    with pytest.raises(SessionReadOnly) as caught:
        MUTATIONS[method](session)
    assert caught.value.signed
    session.close()
    signed_file = session.path.read_bytes()

    again = SessionFile.open(session.path)
    try:
        assert again.read_only
        with pytest.raises(SessionReadOnly):
            MUTATIONS[method](again)
        # A signed session needs no lock, so another window can view it too.
        with SessionFile.open(session.path) as other:
            assert other.response(SCOPE[0], "what", "practitioner") == "final words"
    finally:
        again.close()
    assert session.path.read_bytes() == signed_file


def test_self_reflection_is_signed_by_the_practitioner_alone(new_session: NewSession) -> None:
    session = new_session(mode="self-reflection", supervisor="")
    with pytest.raises(ValueError, match="practitioner alone"):
        session.sign("supervisor", "Alex Smith")
    session.sign("practitioner", "Sam Jones")
    assert session.record.status == "signed"
    assert session.read_only


# -- the catalogue line -----------------------------------------------------------------------


def test_summary_counts_scope_items_with_a_non_blank_answer(new_session: NewSession) -> None:
    session = new_session()
    session.set_response(SCOPE[0], "what", "practitioner", "yes")
    session.set_response(SCOPE[0], "so-what", "supervisor", "also")
    session.set_response(SCOPE[1], "what", "practitioner", "  ")
    session.set_response("outside/scope/1", "what", "practitioner", "not counted")
    summary = session.summary()
    assert (summary.answered, summary.total) == (1, 3)
    assert (summary.file, summary.path, summary.id) == (
        session.path.name,
        session.path,
        session.record.id,
    )
    assert (summary.practitioner, summary.supervisor, summary.status) == (
        "Sam Jones",
        "Alex Smith",
        "in progress",
    )
