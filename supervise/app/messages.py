"""Messages screens send to the app, so screens never reach into the app's internals."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from supervise.store.door import SaveState
    from supervise.store.records import Step


class OpenSession(Message):
    """Open or resume the session stored at ``path``."""

    def __init__(self, path: Path, read_only: bool = False, at: str = "") -> None:
        super().__init__()
        self.path = path
        """The session file."""
        self.read_only = read_only
        """Open without taking the lock or changing anything."""
        self.at = at
        """Where to open it (an item reference, ``opening`` or ``closing``); "" where it was
        left."""


class StartNewSession(Message):
    """Show the new-session form."""


class GoToStep(Message):
    """Move the open session to a step: the opening, an item or the closing."""

    def __init__(self, step: Step) -> None:
        super().__init__()
        self.step = step
        """Where to go."""


class SessionsListed(Message):
    """The session list has its rows (the first time, or again)."""


class LeaveSession(Message):
    """Save, close the open session and go back to the session list."""


class SaveStateChanged(Message):
    """The open session's save state changed (posted from the writer thread too)."""

    def __init__(self, state: SaveState) -> None:
        super().__init__()
        self.state = state
        """The new SaveState."""


class ShowHistory(Message):
    """Show the History screen of one practitioner."""

    def __init__(self, practitioner: str) -> None:
        super().__init__()
        self.practitioner = practitioner
        """Whose sessions to show."""


class StartSessionOn(Message):
    """Show the new-session form filled in for a practitioner and some items."""

    def __init__(self, practitioner: str, supervisor: str, items: list[str]) -> None:
        super().__init__()
        self.practitioner = practitioner
        """The practitioner's name."""
        self.supervisor = supervisor
        """The supervisor's name, or "" (then the form asks)."""
        self.items = items
        """Item references to tick."""


class ReadBack(Message):
    """Show the open session's record: the whole of it on one page."""
