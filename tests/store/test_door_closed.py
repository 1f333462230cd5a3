"""The door once closed: a cursor move that arrives late is dropped, anything else is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from supervise.content.model import Role
from supervise.store import SessionFile
from supervise.store.changes import MoveTo, SetAnswer
from supervise.store.door import SessionDoor
from supervise.store.records import Step, StepKind


def _session(folder: Path) -> Path:
    with SessionFile.create(
        folder, mode="self-reflection", practitioner="Sam", scope=["h3-25/pc/5"]
    ) as session:
        return session.path


def test_a_cursor_move_after_closing_is_dropped_not_a_crash(tmp_path: Path) -> None:
    """ctrl+n then ctrl+q in one burst: a focus event can land after the session is closed."""
    door = SessionDoor.open(_session(tmp_path / "sessions"), lambda state: None)
    door.close()
    door.submit(MoveTo(Step(StepKind.ITEM, "h3-25/pc/5"), "what/practitioner"))
    # Words are another matter: they must never be dropped quietly.
    with pytest.raises(RuntimeError):
        door.submit(SetAnswer("h3-25/pc/5", "what", Role.PRACTITIONER, "late words"))
