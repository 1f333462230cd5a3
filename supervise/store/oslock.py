"""Locking a file without waiting, as each system does it: flock on POSIX, msvcrt on Windows."""

from __future__ import annotations

import os
import sys
from typing import Protocol

NO_INHERIT: int = getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
"""Flags for os.open: not inherited by child processes (POSIX), bytes kept as bytes (Windows)."""

_WINDOWS_LOCK_OFFSET = 1 << 30
"""Windows locks byte ranges and hides locked bytes from readers; lock one far past the owner
text so a second window can still read who holds it."""


class FileLocking(Protocol):
    """One system's way to take and drop an exclusive lock on an open file."""

    unlink_while_held: bool
    """True where a locked file can be unlinked while still open (POSIX, not Windows)."""

    def try_lock(self, fd: int) -> None:
        """Lock ``fd`` now; raise BlockingIOError if another open file holds the lock."""

    def unlock(self, fd: int) -> None:
        """Drop the lock on ``fd`` before it is closed."""


class Msvcrt(Protocol):
    """The part of Windows' msvcrt module the lock uses (a protocol, so tests can stand in)."""

    LK_NBLCK: int
    LK_UNLCK: int

    def locking(self, fd: int, mode: int, nbytes: int, /) -> None:
        """Lock or unlock ``nbytes`` from the current position of ``fd``."""


class WindowsLocking:
    """msvcrt.locking on one byte far past the owner text; Windows drops it when the process
    dies, as flock does."""

    unlink_while_held = False

    def __init__(self, msvcrt: Msvcrt) -> None:
        self._msvcrt = msvcrt

    def _at_lock_byte(self, fd: int, mode: int) -> None:
        where = os.lseek(fd, 0, os.SEEK_CUR)
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            self._msvcrt.locking(fd, mode, 1)
        finally:
            os.lseek(fd, where, os.SEEK_SET)

    def try_lock(self, fd: int) -> None:
        """Lock ``fd`` now; raise BlockingIOError if another open file holds the lock."""
        try:
            self._at_lock_byte(fd, self._msvcrt.LK_NBLCK)
        except PermissionError as exc:
            # Windows says EACCES for "locked by someone else".
            raise BlockingIOError(exc.errno, exc.strerror) from exc

    def unlock(self, fd: int) -> None:
        """Drop the lock on ``fd`` before it is closed."""
        self._at_lock_byte(fd, self._msvcrt.LK_UNLCK)


if sys.platform == "win32":
    import msvcrt

    PLATFORM_LOCKING: FileLocking = WindowsLocking(msvcrt)
    """How this system locks files."""
else:
    import fcntl

    class PosixLocking:
        """flock: belongs to the open file, dropped by the kernel when the holder dies."""

        unlink_while_held = True

        def try_lock(self, fd: int) -> None:
            """Lock ``fd`` now; raise BlockingIOError if another open file holds the lock."""
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

        def unlock(self, fd: int) -> None:
            """Drop the lock on ``fd`` (closing it would too)."""
            fcntl.flock(fd, fcntl.LOCK_UN)

    PLATFORM_LOCKING = PosixLocking()
    """How this system locks files."""
