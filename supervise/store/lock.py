"""One writer per session: a lock (flock; msvcrt on Windows) on a file beside the session file.

The lock file is never trusted blindly: it is opened without following links and must be a plain
file of the user's, and before every write the holder checks it is still the file it locked.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import socket
import stat
import time
from pathlib import Path
from types import TracebackType

from supervise.store import oslock
from supervise.store.errors import SessionLocked, StoreError, StoreUnwritable
from supervise.store.files import FILE_MODE
from supervise.store.owner import NO_FOLLOW, is_link, other_owner, same_file
from supervise.store.records import now_iso

_PID_READ_TRIES = 5
_PID_READ_PAUSE = 0.01


class LockFileUnsafe(StoreError):
    """The lock file beside a session is not a plain file of this user's (a link, say)."""

    def __init__(self, lock_path: Path, why: str) -> None:
        super().__init__(
            f"The session was not opened: its lock file {lock_path.name} {why}, so it may not "
            "be supervise's own, and writing to it could change another file.",
            f"Nothing was changed. If you did not put it there, ask for help; if you trust this "
            f"folder, remove {lock_path} and open the session again.",
        )
        self.lock_path = lock_path
        """The lock file that was refused."""
        self.why = why
        """What is wrong with it."""


class LockLost(StoreError):
    """The lock file was removed or replaced while the session was open here: another window may
    be writing the session, so this one must not."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            "This session's lock file was removed or replaced while it was open here, so "
            "another window may be changing it; to keep that window's words, this one saves "
            "nothing more.",
            "Your words are still in this window: leave the session and keep a copy of what is "
            "not saved, then open the session again.",
        )
        self.path = path
        """The session file."""


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
        on_disk = os.lstat(path)
    except FileNotFoundError:
        return False
    return same_file(os.fstat(file.fileno()), on_disk)


def _refuse_unsafe(path: Path, info: os.stat_result) -> None:
    """Raise LockFileUnsafe unless ``info`` (lstat before opening, or fstat after) describes a
    plain file of this user's with no other name."""
    if is_link(info):
        raise LockFileUnsafe(path, "is a link to somewhere else")
    if not stat.S_ISREG(info.st_mode):
        raise LockFileUnsafe(path, "is not a plain file")
    owner = other_owner(info)
    if owner is not None:
        raise LockFileUnsafe(path, f"belongs to {owner}")
    if info.st_nlink > 1:
        # A hard link: truncating it would empty the other name's file too.
        raise LockFileUnsafe(path, "is also another file (a hard link)")


def _open_lock_file(path: Path) -> io.FileIO:
    """The lock file at ``path``, created if missing, opened only if it is a plain file of ours."""
    # Checked before opening too: Windows has no O_NOFOLLOW, and would open a link's target.
    with contextlib.suppress(FileNotFoundError):
        _refuse_unsafe(path, os.lstat(path))
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | oslock.NO_INHERIT | NO_FOLLOW, FILE_MODE)
    except OSError as exc:
        # O_NOFOLLOW refuses a link put there since the check: ELOOP on Linux and macOS.
        if exc.errno in (errno.ELOOP, errno.EMLINK):
            raise LockFileUnsafe(path, "is a link to somewhere else") from exc
        raise StoreUnwritable(path.parent, exc.strerror or str(exc)) from exc
    # Handed to the caller open: it holds the lock for as long as the session is open.
    file = open(fd, "r+b", buffering=0)  # noqa: SIM115
    try:
        _refuse_unsafe(path, os.fstat(fd))
        # Windows follows a link swapped in between the check and the open: seen here, before
        # anything is written. (Any other new file there is a releaser's doing: acquire() sees
        # that what it opened is no longer current, and tries again.)
        if is_link(os.lstat(path)):
            raise LockFileUnsafe(path, "is a link to somewhere else")
    except FileNotFoundError:
        pass  # Unlinked by a releaser meanwhile: acquire() sees it is not current and retries.
    except BaseException:
        file.close()
        raise
    return file


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
        self._held: os.stat_result | None = None

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._file is not None

    def _open(self) -> io.FileIO:
        return _open_lock_file(self.lock_path)

    def still_ours(self) -> bool:
        """True if the lock file on disk is still the one this object locked (False once it has
        been removed or replaced, or if the lock is not held)."""
        if self._held is None:
            return False
        try:
            return same_file(self._held, os.lstat(self.lock_path))
        except OSError:
            return False

    def check(self) -> None:
        """Raise LockLost unless the lock file on disk is still the one this object locked.

        Run before each write: a lock file deleted or replaced while the session is open lets
        another window in, and this window's next save would throw away that window's words.
        A folder that cannot be reached just now (a drive gone for a moment) is StoreUnwritable,
        which the writer tries again, rather than a lock lost for good.
        """
        if self._held is None:
            raise LockLost(self.path)
        try:
            on_disk = os.lstat(self.lock_path)
        except FileNotFoundError:
            if not self.lock_path.parent.is_dir():
                raise StoreUnwritable(self.lock_path.parent, "the folder cannot be found") from None
            raise LockLost(self.path) from None
        except OSError as exc:
            raise StoreUnwritable(self.lock_path.parent, exc.strerror or str(exc)) from exc
        if not same_file(self._held, on_disk):
            raise LockLost(self.path)

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
        self._held = os.fstat(file.fileno())
        return self

    def release(self) -> None:
        """Let go of the lock and remove the lock file; does nothing if not held."""
        file, self._file = self._file, None
        if file is None:
            return
        # A lock file put in place of ours belongs to another window: never remove it.
        ours = self.still_ours()
        self._held = None
        locking = oslock.PLATFORM_LOCKING
        if locking.unlink_while_held:
            try:
                # Unlink while still locked: anyone who opened this inode meanwhile will see it
                # is no longer the file at lock_path and try again, so two holders never coexist.
                if ours:
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
        if ours:
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
