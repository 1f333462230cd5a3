"""The session's lock is held while memory changes, never while a change is written or fsynced.

Each test holds the writer inside fsync with an event until it has shown what it means to:
no timing, so a busy machine cannot fail it. Had a reader waited for the held writer, the hold
would have given up first, and the test says so.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator

import pytest

from supervise.store import SessionFile
from supervise.store.records import Status
from tests.hold import HELD, Hold
from tests.store.conftest import SCOPE

NewSession = Callable[..., SessionFile]


@pytest.fixture
def held_disk(monkeypatch: pytest.MonkeyPatch) -> Iterator[Hold]:
    """A gate every fsync passes, open until a test shuts it (and opened at the end)."""
    real_fsync = os.fsync
    hold = Hold()
    hold.opened.set()

    def fsync(fd: int) -> None:
        hold.wait()
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    yield hold
    hold.opened.set()


def in_thread(work: Callable[[], object]) -> threading.Thread:
    """Start ``work`` on a thread of its own."""
    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    return thread


def on_disk(session: SessionFile) -> str:
    """The answer to the first prompt as the file holds it."""
    with SessionFile.open_read_only(session.path) as copy:
        return copy.response(SCOPE[0], "what", "practitioner")


def test_readers_are_answered_from_memory_while_a_change_is_fsynced(
    new_session: NewSession, held_disk: Hold
) -> None:
    session = new_session()
    session.set_response(SCOPE[0], "what", "practitioner", "on disk")
    held_disk.shut()
    writer = in_thread(lambda: session.set_response(SCOPE[0], "what", "practitioner", "typed"))
    assert held_disk.reached.wait(HELD)
    # The writer is inside fsync; every read is answered at once, with the change made.
    assert session.response(SCOPE[0], "what", "practitioner") == "typed"
    assert not session.read_only
    assert session.record.status is Status.IN_PROGRESS
    assert [r.text for r in session.responses()] == ["typed"]
    assert session.summary().answered == 1
    assert on_disk(session) == "on disk"
    assert not held_disk.gave_up
    held_disk.opened.set()
    writer.join(HELD)
    assert on_disk(session) == "typed"


def test_changes_wait_their_turn_and_reach_the_disk_in_the_order_made(
    new_session: NewSession, held_disk: Hold
) -> None:
    session = new_session()
    held_disk.shut()
    first = in_thread(lambda: session.set_response(SCOPE[0], "what", "practitioner", "first"))
    assert held_disk.reached.wait(HELD)
    second = in_thread(lambda: session.set_response(SCOPE[0], "what", "practitioner", "second"))
    # The second change waits for the first to be on disk before it touches memory.
    assert session.response(SCOPE[0], "what", "practitioner") == "first"
    assert not held_disk.gave_up
    held_disk.opened.set()
    first.join(HELD)
    second.join(HELD)
    assert on_disk(session) == "second"


def test_a_change_whose_write_fails_is_undone_in_memory_and_can_be_made_again(
    new_session: NewSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = new_session()
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    # Completing changes the record and logs an event: both are undone, in memory too.
    with pytest.raises(OSError, match="No space"):
        session.complete()
    assert session.record.status is Status.IN_PROGRESS
    assert [e.kind for e in session.events()] == ["created"]
    monkeypatch.setattr(os, "fsync", real_fsync)
    session.complete()
    session.close()
    with SessionFile.open_read_only(session.path) as copy:
        assert copy.record.status is Status.COMPLETED
        assert [e.kind for e in copy.events()] == ["created", "completed"]
