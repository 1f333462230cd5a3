"""The open session: reads straight from the store, writes through a background writer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from supervise.store import BackgroundWriter, StoreError

if TYPE_CHECKING:
    from supervise.store import SessionFile


@dataclass(frozen=True)
class SaveState:
    """What the save indicator shows."""

    saved_at: datetime | None = None
    """When the last write reached the disk."""
    pending: bool = False
    """Whether changes are waiting to be written."""
    error: str | None = None
    """Why the last write failed, in plain words (cleared by the next success)."""

    def describe(self) -> str:
        """The indicator's text, e.g. ``✔ Saved 14:03``.

        A save in flight does not change it, and it names the minute, not the second: saves
        follow every pause in typing, and a line flickering between "Saving…" and "Saved" at
        that pace distracts (each change also redraws the screen between it and the answer
        being typed; see benchmarks/). Quitting still waits for the disk and warns if it fails.
        """
        if self.error:
            return f"⚠ Not saved: {self.error} (retrying — your text is still here)"
        if self.saved_at is None:
            return "Saving…" if self.pending else "Nothing to save yet"
        return f"✔ Saved {self.saved_at:%H:%M}"


class LiveSession:
    """One open session file plus its writer; the screens' only door to the store.

    Reads go straight to the session (it is thread-safe and keeps its data in memory); writes are
    queued so typing never waits on the disk.
    """

    def __init__(self, session: SessionFile, on_state: Callable[[SaveState], object]) -> None:
        self.session = session
        """The store's session file."""
        self._on_state = on_state
        self.state = SaveState()
        """The latest save state."""
        # Each write is atomic; the folder sync that makes the last one survive a power cut
        # runs once per burst of writes (see SessionFile.sync).
        self._writer = BackgroundWriter(
            on_saved=self._saved, on_error=self._failed, settle=session.sync
        )
        self.last_item = ""
        """The item reference last shown in the walk, to return to from the opening or closing."""

    @property
    def read_only(self) -> bool:
        """Whether nothing may be changed (signed, or opened read-only)."""
        return self.session.read_only

    def write(self, operation: Callable[[], object], key: str | None = None) -> None:
        """Queue ``operation``; a later operation with the same ``key`` replaces a queued one."""
        if self.read_only:
            return
        self._set(SaveState(self.state.saved_at, True, self.state.error))
        self._writer.submit(operation, key=key)

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything queued is on disk, durably; False when it could not be."""
        if not (self._writer.flush(timeout) and self.state.error is None):
            return False
        if self.read_only:
            return True
        try:
            # Normally done already by the writer; this also covers a sync that failed before.
            self.session.sync()
        except StoreError as error:
            self._failed(error)
            return False
        return True

    def close(self) -> None:
        """Write what is queued, stop the writer and release the session."""
        try:
            self._writer.close()
        finally:
            self.session.close()

    def _saved(self, when: datetime) -> None:
        self._set(SaveState(when, False, None))

    def _failed(self, error: Exception) -> None:
        message = error.message if isinstance(error, StoreError) else str(error)
        self._set(SaveState(self.state.saved_at, True, message))

    def _set(self, state: SaveState) -> None:
        self.state = state
        self._on_state(state)
