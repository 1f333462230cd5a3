"""A real copy of unsaved changes, made the way the app makes one: through the door, with a
disk that refuses every save, then told to keep a copy."""

from __future__ import annotations

import errno
from collections.abc import Sequence
from pathlib import Path

import pytest

from supervise.store import atomic
from supervise.store.changes import Change
from supervise.store.door import SessionDoor


def copy_made_on_a_full_disk(
    session: Path, made: Sequence[Change], monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Open ``session``, make ``made`` while every save fails (disk full), keep a copy of
    them and close; the disk works again afterwards. Returns the copy."""
    door = SessionDoor.open(session, lambda state: None)
    # The note that it was resumed reaches the disk before the disk fills up.
    assert door.flush()

    def full(path: Path, raw: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(atomic, "replace_atomic", full)
        for change in made:
            door.submit(change)
        assert not door.flush(timeout=1)
        assert door.unsaved(), "the disk refused nothing"
        copy = door.export_unsaved()
        door.close()
    return copy
