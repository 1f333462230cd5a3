"""One writer per session: a lock (flock; msvcrt on Windows) on a file beside the session file."""

from __future__ import annotations

import contextlib
import io
import json
import os
import socket
import time
from pathlib import Path
from types import TracebackType

from supervise.store import oslock
from supervise.store.errors import SessionLocked, StoreUnwritable
from supervise.store.files import FILE_MODE
from supervise.store.records import now_iso

_PID_READ_TRIES = 5
_PID_READ_PAUSE = 0.01


def lock_path_for(path: Path) -> Path:
    """The lock file that guards the session file ``path``."""
    return path.with_name(path.name + ".lock")


def _read_owner(file: io.FileIO) -> tuple[int | None, str | None]:
    """The pid and host written in the lock file, each None if unreadable."""
    file.seek(0)
    try:
        owner = json.loads(file.read().decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None, None
    if not isinstance(owner, dict):
        return None, None
    pid, host = owner.get("pid"), owner.get("host")
    return (
        pid if isinstance(pid, int) and not isinstance(pid, bool) else None,
        host if isinstance(host, str) and host else None,
    )


def _holder(file: io.FileIO) -> tuple[int | None, str | None]:
    # The holder writes its pid just after taking the lock; give it a moment to do so.
    for _ in range(_PID_READ_TRIES):
        pid, host = _read_owner(file)
        if pid is not None:
            return pid, host
        time.sleep(_PID_READ_PAUSE)
    return None, None


def _is_current(file: io.FileIO, path: Path) -> bool:
    """True if ``file`` is still the file at ``path`` (not one a releaser has just unlinked)."""
    try:
        on_disk = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(file.fileno())
    return (held.st_dev, held.st_ino) == (on_disk.st_dev, on_disk.st_ino)


class SessionLock:
    """An exclusive lock on one session file, held while this process may write it.

    The lock belongs to the open file, so the system drops it when the holder dies: a lock file
    that nobody has locked is stale and is taken over.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        """The session file this lock guards."""
        self.lock_path = lock_path_for(self.path)
        """The lock file itself."""
        self.took_over_from: int | None = None
        """The pid in a stale lock file this lock replaced (a crashed window), if any."""
        self._file: io.FileIO | None = None

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._file is not None

    def _open(self) -> io.FileIO:
        try:
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | oslock.NO_INHERIT, FILE_MODE)
        except OSError as exc:
            raise StoreUnwritable(self.lock_path.parent, exc.strerror or str(exc)) from exc
        return open(fd, "r+b", buffering=0)

    def acquire(self) -> SessionLock:
        """Take the lock; raise SessionLocked if a live process holds it."""
        if self._file is not None:
            raise RuntimeError(f"{self.lock_path} is already held by this object")
        while True:
            file = self._open()
            try:
                oslock.PLATFORM_LOCKING.try_lock(file.fileno())
            except BlockingIOError:
                pid, host = _holder(file)
                file.close()
                elsewhere = host if host is not None and host != socket.gethostname() else None
                raise SessionLocked(self.path, pid, host=elsewhere) from None
            except OSError as exc:
                file.close()
                raise StoreUnwritable(self.lock_path.parent, exc.strerror or str(exc)) from exc
            if _is_current(file, self.lock_path):
                break
            file.close()
        previous, _ = _read_owner(file)
        owner = {"pid": os.getpid(), "host": socket.gethostname(), "since": now_iso()}
        try:
            file.seek(0)
            file.truncate()
            file.write(json.dumps(owner).encode("utf-8"))
        except OSError as exc:
            file.close()
            raise StoreUnwritable(self.lock_path.parent, exc.strerror or str(exc)) from exc
        self.took_over_from = previous
        self._file = file
        return self

    def release(self) -> None:
        """Let go of the lock and remove the lock file; does nothing if not held."""
        file, self._file = self._file, None
        if file is None:
            return
        locking = oslock.PLATFORM_LOCKING
        if locking.unlink_while_held:
            try:
                # Unlink while still locked: anyone who opened this inode meanwhile will see it
                # is no longer the file at lock_path and try again, so two holders never coexist.
                self.lock_path.unlink(missing_ok=True)
            finally:
                file.close()
            return
        # Windows cannot remove a file that is open, so unlock and close first; if another
        # window has the file open by then, it stays for that window to lock (an unlocked lock
        # file is stale and is taken over).
        try:
            locking.unlock(file.fileno())
        except OSError:
            pass
        finally:
            file.close()
        with contextlib.suppress(OSError):
            self.lock_path.unlink(missing_ok=True)

    def __enter__(self) -> SessionLock:
        return self if self.held else self.acquire()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
