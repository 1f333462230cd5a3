"""BackgroundWriter: in order, latest-per-key, failures kept and retried, nothing dropped."""

from __future__ import annotations

import functools
import os
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from supervise.store import BackgroundWriter, SessionFile, SessionReadOnly, StoreError

WAIT = 5.0


class Recorder:
    """Collects what the writer ran and reported."""

    def __init__(self) -> None:
        self.ran: list[str] = []
        self.saved: list[datetime] = []
        self.errors: list[StoreError | OSError] = []

    def op(self, name: str) -> Callable[[], None]:
        return lambda: self.ran.append(name)

    def writer(self) -> BackgroundWriter:
        return BackgroundWriter(on_saved=self.saved.append, on_error=self.errors.append)


def _gate(recorder: Recorder) -> tuple[threading.Event, threading.Event, Callable[[], None]]:
    """An operation that holds the writer until released, so tests can queue behind it."""
    started, release = threading.Event(), threading.Event()

    def hold() -> None:
        started.set()
        release.wait(WAIT)
        recorder.ran.append("gate")

    return started, release, hold


def test_writes_run_in_order_and_each_batch_reports_saved() -> None:
    rec = Recorder()
    writer = rec.writer()
    for name in "abc":
        writer.submit(rec.op(name))
    assert writer.flush(WAIT)
    assert rec.ran == ["a", "b", "c"]
    assert rec.saved and rec.saved[-1].tzinfo is not None
    assert writer.pending == 0
    assert writer.close()


def test_queued_writes_with_a_key_coalesce_to_the_latest() -> None:
    rec = Recorder()
    writer = rec.writer()
    started, release, hold = _gate(rec)
    writer.submit(hold)
    assert started.wait(WAIT)
    writer.submit(rec.op("text v1"), key="text")
    writer.submit(rec.op("action"))
    writer.submit(rec.op("other v1"), key="other")
    writer.submit(rec.op("text v2"), key="text")
    writer.submit(rec.op("text v3"), key="text")
    assert writer.pending == 4
    release.set()
    assert writer.flush(WAIT)
    # The latest text runs where it was submitted: after everything submitted before it.
    assert rec.ran == ["gate", "action", "other v1", "text v3"]
    writer.close()


def test_a_failed_write_is_kept_and_retried_on_the_next_submit() -> None:
    rec = Recorder()
    writer = rec.writer()
    disk_full = True

    def save() -> None:
        if disk_full:
            raise OSError(28, "No space left on device")
        rec.ran.append("save")

    writer.submit(save)
    assert not writer.flush(WAIT)
    assert [type(e) for e in rec.errors] == [OSError]
    assert writer.pending == 1 and writer.stalled
    writer.submit(rec.op("later"))
    assert not writer.flush(WAIT)
    assert rec.ran == []
    assert writer.pending == 2

    disk_full = False
    saved_before = len(rec.saved)
    writer.submit(rec.op("latest"))
    assert writer.flush(WAIT)
    assert rec.ran == ["save", "later", "latest"]
    assert len(rec.saved) > saved_before and not writer.stalled
    writer.close()


def test_flush_alone_retries_a_failed_write() -> None:
    rec = Recorder()
    writer = rec.writer()
    attempts: list[int] = []

    def flaky() -> None:
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError(5, "Input/output error")
        rec.ran.append("flaky")

    writer.submit(flaky)
    assert not writer.flush(WAIT)
    assert writer.flush(WAIT)
    assert rec.ran == ["flaky"] and len(attempts) == 2
    writer.close()


def test_a_newer_write_for_the_same_key_replaces_a_failed_one() -> None:
    rec = Recorder()
    writer = rec.writer()

    def fail() -> None:
        raise OSError(28, "No space left on device")

    writer.submit(fail, key="text")
    assert not writer.flush(WAIT)
    writer.submit(rec.op("text v2"), key="text")
    assert writer.flush(WAIT)
    assert rec.ran == ["text v2"]
    writer.close()


def test_a_write_that_fails_for_good_stays_failed_and_does_not_block_the_rest(
    tmp_path: Path,
) -> None:
    rec = Recorder()
    writer = rec.writer()

    def signed() -> None:
        raise SessionReadOnly(tmp_path / "s.json", signed=True)

    def bug() -> None:
        raise KeyError("no action with id 'x'")

    writer.submit(signed)
    writer.submit(bug, key="answer")
    writer.submit(rec.op("after"))
    assert not writer.flush(WAIT)
    assert rec.ran == ["after"]
    assert isinstance(rec.errors[0], SessionReadOnly)
    assert isinstance(rec.errors[1], StoreError) and "fault" in rec.errors[1].message
    # Kept, never dropped: each flush tries them again and reports them again.
    assert writer.failing and writer.unsaved() == [signed, bug]
    assert not writer.flush(WAIT)
    assert writer.failing and writer.unsaved() == [signed, bug]
    # A newer write for the same key that succeeds settles the failed one.
    writer.submit(rec.op("answer v2"), key="answer")
    assert not writer.flush(WAIT)
    assert writer.unsaved() == [signed]
    assert rec.ran == ["after", "answer v2"]
    writer.close()


def test_a_failing_callback_does_not_stop_the_writer() -> None:
    ran: list[str] = []

    def explode(_: object) -> None:
        raise RuntimeError("the UI went away")

    writer = BackgroundWriter(on_saved=explode, on_error=explode)
    writer.submit(lambda: ran.append("one"))
    assert writer.flush(WAIT)
    writer.submit(lambda: ran.append("two"))
    assert writer.flush(WAIT)
    assert ran == ["one", "two"]
    writer.close()


def test_flush_gives_up_after_its_timeout() -> None:
    rec = Recorder()
    writer = rec.writer()
    started, release, hold = _gate(rec)
    writer.submit(hold)
    assert started.wait(WAIT)
    assert not writer.flush(0.05)
    release.set()
    assert writer.flush(WAIT)
    writer.close()


def test_close_saves_what_is_queued_then_refuses_more() -> None:
    rec = Recorder()
    writer = rec.writer()
    started, release, hold = _gate(rec)
    writer.submit(hold)
    assert started.wait(WAIT)
    writer.submit(rec.op("queued"))
    release.set()
    assert writer.close()
    assert rec.ran == ["gate", "queued"]
    with pytest.raises(RuntimeError):
        writer.submit(rec.op("late"))
    assert writer.close()


def test_close_reports_writes_it_could_not_save() -> None:
    writer = BackgroundWriter()

    def fail() -> None:
        raise OSError(28, "No space left on device")

    writer.submit(fail)
    assert not writer.close(timeout=1.0)
    assert writer.pending == 1


def test_typing_saved_through_the_writer_survives_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rec = Recorder()
    writer = rec.writer()
    session = SessionFile.create(
        tmp_path, mode="self-reflection", practitioner="Sam", date="2026-11-23"
    )

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    for text in ("I", "I felt", "I felt unsure"):
        save = functools.partial(session.set_response, "a/b/1", "what", "practitioner", text)
        writer.submit(save, key="a/b/1|what|practitioner")
    assert not writer.flush(WAIT)
    assert rec.errors and "No space" in str(rec.errors[-1])
    monkeypatch.undo()
    assert writer.flush(WAIT)
    assert writer.close()
    session.close()
    with SessionFile.open_read_only(session.path) as again:
        assert again.response("a/b/1", "what", "practitioner") == "I felt unsure"


def test_writes_are_settled_once_no_write_has_come_for_a_while() -> None:
    rec = Recorder()
    settled = threading.Event()

    def settle() -> None:
        rec.ran.append("settle")
        settled.set()

    writer = BackgroundWriter(
        on_saved=lambda when: rec.ran.append("saved"),
        on_error=rec.errors.append,
        settle=settle,
        settle_after=0.2,
    )
    for name in "abc":
        writer.submit(rec.op(name))
    # Saved as soon as written; the settle waits for the quiet.
    assert writer.flush(WAIT)
    assert "settle" not in rec.ran and rec.ran[-1] == "saved"
    assert settled.wait(WAIT)
    assert rec.ran.count("settle") == 1 and rec.ran[-1] == "settle"
    # Nothing written since: nothing to settle.
    time.sleep(0.4)
    assert rec.ran.count("settle") == 1
    settled.clear()
    writer.submit(rec.op("d"))
    assert settled.wait(WAIT)
    assert rec.ran[-3:] == ["d", "saved", "settle"] and rec.errors == []
    assert writer.close()


def test_a_settle_that_fails_is_reported() -> None:
    rec = Recorder()
    reported = threading.Event()

    def settle() -> None:
        raise OSError(5, "Input/output error")

    def on_error(error: StoreError | OSError) -> None:
        rec.errors.append(error)
        reported.set()

    writer = BackgroundWriter(
        on_saved=rec.saved.append, on_error=on_error, settle=settle, settle_after=0.05
    )
    writer.submit(rec.op("a"))
    assert writer.flush(WAIT) and rec.ran == ["a"]
    assert reported.wait(WAIT)
    assert [str(error) for error in rec.errors] == ["[Errno 5] Input/output error"]
    writer.close()
