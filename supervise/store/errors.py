"""Errors the store raises, each worded for the person at the keyboard."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """A problem with session files, with a plain-words message and a hint of what to do next."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message, hint)
        self.message = message
        """What went wrong, in plain words."""
        self.hint = hint
        """What the person can do about it."""

    def __str__(self) -> str:
        return f"{self.message} {self.hint}" if self.hint else self.message


class SessionLocked(StoreError):
    """The session is open for writing in another window (another live process holds its lock)."""

    def __init__(self, path: Path, pid: int | None, *, host: str | None = None) -> None:
        where = f" (process {pid})" if pid is not None else ""
        if host is not None:
            where = f" (process {pid} on {host})" if pid is not None else f" (on {host})"
        super().__init__(
            f"This session is open in another window{where}.",
            "Close it there, or open this one read-only.",
        )
        self.path = path
        """The session file."""
        self.pid = pid
        """The process holding the lock, if it could be read from the lock file."""
        self.host = host
        """The other computer the holder runs on (a shared folder), if not this one."""


class SessionUnreadable(StoreError):
    """A file is not a valid session file (not JSON, or not the shape a session has)."""

    def __init__(self, path: Path, detail: str = "") -> None:
        why = f" ({detail})" if detail else ""
        super().__init__(
            f"The session file {path.name} could not be read: it is not a valid session file{why}.",
            "It has been left untouched; open another session, or ask for help to recover it.",
        )
        self.path = path
        """The file that could not be read."""
        self.detail = detail
        """A technical reason, for logs."""


class SessionReadOnly(StoreError):
    """Something tried to change a signed session, or one opened read-only."""

    def __init__(self, path: Path, *, signed: bool) -> None:
        if signed:
            message = "This session has been signed, so it can no longer be changed."
            hint = "Start a new session to add to it."
        else:
            message = "This session is open read-only, so changes cannot be saved."
            hint = "Close it in any other window and open it again to make changes."
        super().__init__(message, hint)
        self.path = path
        """The session file."""
        self.signed = signed
        """True if the session is read-only because it is signed."""


class StoreUnwritable(StoreError):
    """The sessions folder cannot be created or written to."""

    def __init__(self, path: Path, detail: str = "") -> None:
        reason = f" ({detail})" if detail else ""
        super().__init__(
            f"Sessions cannot be saved in {path}{reason}.",
            "Choose another folder with --sessions-dir.",
        )
        self.path = path
        """The folder (or file) that could not be written."""
        self.detail = detail
        """A technical reason, for logs."""


class SessionNotFound(StoreError):
    """No session in the folder matches the id or file name asked for."""

    def __init__(self, folder: Path, wanted: str) -> None:
        super().__init__(
            f"There is no session {wanted!r} in {folder}.",
            "Check the id or file name against the list of sessions.",
        )
        self.folder = folder
        """The folder searched."""
        self.wanted = wanted
        """The id or file name asked for."""


class SessionClosed(StoreError):
    """Something tried to change a session after it was closed (its lock is gone)."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            "This session has been closed, so changes cannot be saved.",
            "Open it again to make changes.",
        )
        self.path = path
        """The session file."""


class SessionFileBusy(StoreUnwritable):
    """Another program (an indexer, antivirus, file sync) kept a session file open (Windows);
    unwritable for now, so the writer keeps the change and tries again."""

    def __init__(self, path: Path, detail: str = "") -> None:
        StoreError.__init__(
            self,
            f"The latest change could not be written to {path.name}: another program kept the "
            "file in use (often a search indexer, antivirus or file sync).",
            "Your words are still in this window; wait a moment and go on. If this keeps "
            "happening, ask for the sessions folder to be excluded from that program.",
        )
        self.path = path
        """The session file that was in use."""
        self.detail = detail
        """A technical reason, for logs."""


class SessionTooLarge(StoreError):
    """A change would make the session file larger than a session file may be, so it is not
    written (the file keeps its last state, which opens); not worth retrying as it is."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(
            f"The latest change was not saved: it would make {path.name} {size / 1e6:.1f} MB, "
            f"more than a session file may hold ({limit / 1e6:.0f} MB).",
            "Shorten what was just pasted or typed, or keep a copy of it when you leave.",
        )
        self.path = path
        """The session file, as it was before the change."""
        self.size = size
        """The size the change would have made it, in bytes."""
