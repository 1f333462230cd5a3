"""The one door to an open session: a snapshot to read, changes queued in order, save reports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from supervise.store import changes
from supervise.store.changes import Change
from supervise.store.errors import StoreError
from supervise.store.records import Action, new_id, now_iso
from supervise.store.session import SessionFile
from supervise.store.snapshot import Snapshot
from supervise.store.writer import BackgroundWriter

UNSAVED_SUFFIX = "-unsaved"
"""Changes that could not be saved are kept in a folder named like the sessions folder plus
this, beside it: out of the way of the list of sessions, easy to find."""


@dataclass(frozen=True)
class SaveState:
    """How saving is going."""

    saved_at: datetime | None = None
    """When the last write reached the disk."""
    pending: bool = False
    """Whether changes are waiting to be written."""
    error: str | None = None
    """Why a change is not saved, in plain words; kept until every failed change is saved."""


class _Write:
    """One queued change: the writer runs it; the door can still tell what it was."""

    __slots__ = ("change", "session")

    def __init__(self, session: SessionFile, change: Change) -> None:
        self.session = session
        self.change = change

    def __call__(self) -> None:
        changes.apply(self.session, self.change)


class SessionDoor:
    """An open session as the screens reach it.

    Reading is ``snapshot``: an immutable value, never a lock or the disk. Every change goes
    through ``submit``, which applies it to a new snapshot at once and queues it for the
    writer thread, in the order made. How saving goes is told to ``on_state`` (from the writer
    thread too), and a change that fails stays failed until it is saved.
    """

    def __init__(self, session: SessionFile, on_state: Callable[[SaveState], object]) -> None:
        """Take over an opened session file; ``open`` and ``create`` are the usual ways in."""
        self._session = session
        self._on_state = on_state
        self.snapshot = Snapshot.of(session)
        """The session as the screens see it, with every change submitted so far."""
        self.state = SaveState()
        """The latest save state."""
        # Each write is atomic; the folder sync that makes the last one survive a power cut
        # runs once per burst of writes (see SessionFile.sync).
        self._writer = BackgroundWriter(
            on_saved=self._saved, on_error=self._failed, settle=session.sync
        )

    @classmethod
    def open(
        cls, path: Path, on_state: Callable[[SaveState], object], *, read_only: bool = False
    ) -> SessionDoor:
        """Open the session at ``path`` (slow: run it off the screen thread)."""
        session = SessionFile.open(path, read_only=read_only, note_resumed=False)
        try:
            door = cls(session, on_state)
        except BaseException:
            session.close()
            raise
        if not door.read_only:
            # Queued, not written here: opening should not wait for the disk.
            door.submit(changes.Note("resumed"))
        return door

    @classmethod
    def create(
        cls, folder: Path, on_state: Callable[[SaveState], object], **fields: Any
    ) -> SessionDoor:
        """Start a new session in ``folder`` (see SessionFile.create for ``fields``)."""
        return cls(SessionFile.create(folder, **fields), on_state)

    @property
    def path(self) -> Path:
        """The session file."""
        return self._session.path

    @property
    def read_only(self) -> bool:
        """Whether nothing may be changed (signed, or opened read-only)."""
        return self.snapshot.read_only

    def submit(self, change: Change) -> None:
        """Make ``change`` now on screen and queue it for the disk; ValueError if it cannot be."""
        if self.read_only:
            return
        if self._writer.closed and isinstance(change, changes.MoveTo):
            # A focus that lands as the screen closes (ctrl+n, ctrl+q in one burst) moves no
            # cursor worth keeping; any other change this late is refused below, never dropped.
            return
        self.snapshot = self.snapshot.applied(change)
        self._set(SaveState(self.state.saved_at, True, self.state.error))
        self._writer.submit(_Write(self._session, change), key=changes.key_of(change))

    def add_action(self, what: str, who: str = "", by_when: str = "") -> Action:
        """Add an agreed action (queued like any change) and return it, id and all."""
        taken = {action.id for action in self.snapshot.actions}
        action_id = new_id()
        while action_id in taken:
            action_id = new_id()
        action = Action(id=action_id, what=what, who=who, by_when=by_when, created=now_iso())
        self.submit(changes.AddAction(action))
        return action

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every change is on disk, durably; False if one is not (slow: off-screen)."""
        saved = self._writer.flush(timeout) and not self._writer.failing
        if not saved or self.read_only:
            return saved
        try:
            # Normally done already by the writer; this also covers a sync that failed before.
            self._session.sync()
        except StoreError as error:
            self._failed(error)
            return False
        return True

    def unsaved(self) -> list[Change]:
        """The changes not on disk yet, failed or waiting, oldest first."""
        return [op.change for op in self._writer.unsaved() if isinstance(op, _Write)]

    def export_unsaved(self) -> Path:
        """Write the unsaved changes, as plain JSON, beside the sessions folder; return where.

        For a disk that refuses the session file: the person's words are kept somewhere they
        can be read back, rather than lost with the window.
        """
        # Only here: opening a session need not pay for the reading and restoring of copies.
        from supervise.store.unsaved import write_copy

        return write_copy(self.path, self.unsaved())

    def close(self) -> None:
        """Write what is queued, stop the writer and release the session."""
        try:
            self._writer.close()
        finally:
            self._session.close()

    def _saved(self, when: datetime) -> None:
        error = self.state.error if self._writer.failing else None
        self._set(SaveState(when, False, error))

    def _failed(self, error: Exception) -> None:
        message = error.message if isinstance(error, StoreError) else str(error)
        self._set(SaveState(self.state.saved_at, True, message))

    def _set(self, state: SaveState) -> None:
        self.state = state
        self._on_state(state)
