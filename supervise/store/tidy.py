"""Keeping the sessions folder tidy: archived sessions (hidden, kept) and a trash folder.

Nothing here erases a session someone has just deleted: it is moved to ``trash/`` inside the
sessions folder and removed only once it has been there for TRASH_DAYS.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import re
from collections.abc import Callable, Iterable
from contextlib import suppress
from datetime import datetime, timedelta
from pathlib import Path

from supervise.store import keys
from supervise.store.errors import SessionUnreadable, StoreError, StoreUnwritable
from supervise.store.files import encode, fsync_dir, write_atomic
from supervise.store.folder import FOLDER_MODE, is_session_file_name

log = logging.getLogger(__name__)

ARCHIVE_NAME = ".archived.json"
"""The list of archived session files, inside the sessions folder (hidden: not a session)."""
MAX_ARCHIVE_BYTES = 16_000_000
"""The largest list of archived sessions read (10,000 names are about 300 KB)."""
TRASH_NAME = "trash"
"""The folder inside the sessions folder that deleted sessions are moved to."""
TRASH_DAYS = 30
"""How long a deleted session is kept in the trash before it is removed."""

_STAMP = "%Y%m%dT%H%M%S"
_TRASHED = re.compile(r"(?P<stamp>\d{8}T\d{6})-(?P<name>.+)")


def archived(folder: Path) -> frozenset[str]:
    """The file names of the sessions archived in ``folder`` (none if the list is unreadable)."""
    path = folder / ARCHIVE_NAME
    try:
        if path.stat().st_size > MAX_ARCHIVE_BYTES:
            raise ValueError(f"larger than {MAX_ARCHIVE_BYTES} bytes: not one supervise wrote")
        raw = keys.read_bytes(path)
        if raw is None:
            return frozenset()
        data = json.loads(raw)
    except FileNotFoundError:
        return frozenset()
    except (OSError, ValueError, RecursionError, SessionUnreadable) as exc:
        # Archiving only hides; a damaged list shows everything rather than hiding at random.
        log.info("could not read %s: %s", folder / ARCHIVE_NAME, exc)
        return frozenset()
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, list):
        return frozenset()
    return frozenset(name for name in files if isinstance(name, str))


def _write_archived(folder: Path, names: Iterable[str]) -> None:
    _, raw = encode({"version": 1, "files": sorted(names)})
    try:
        write_atomic(folder / ARCHIVE_NAME, raw)
    except OSError as exc:
        raise StoreUnwritable(folder, exc.strerror or str(exc)) from exc


def set_archived(folder: Path, file_name: str, flag: bool) -> None:
    """Archive (hide from the list, keeping it) or bring back the session ``file_name``."""
    names = set(archived(folder))
    if (file_name in names) == flag:
        return
    names.symmetric_difference_update({file_name})
    _write_archived(folder, names)


def trash_folder(folder: Path) -> Path:
    """Where deleted sessions of ``folder`` are kept."""
    return folder / TRASH_NAME


def move_to_trash(path: Path, now: datetime | None = None) -> Path:
    """Move the session at ``path`` into the trash and return where it is now.

    SessionLock if it is open in a window: a session being written must not vanish under it.
    """
    return move_aside(path, trash_folder(path.parent), now)


def move_aside(
    path: Path,
    into: Path,
    now: datetime | None = None,
    check: Callable[[Path], None] | None = None,
) -> Path:
    """Move the session file at ``path`` into the folder ``into`` (made if missing), named with
    when it was moved, never over another file; return where it is now.

    It is moved under its lock (SessionLock if it is open in a window); ``check``, if given,
    runs under the lock first and may refuse with a StoreError.
    """
    # Only moving needs the lock (and the socket module it loads): the list starts without it.
    from supervise.store.lock import SessionLock

    folder = path.parent
    stamp = (now or datetime.now()).strftime(_STAMP)
    with SessionLock(path):
        if not path.is_file():
            raise StoreError(f"The session file {path.name} is no longer there.")
        if check is not None:
            check(path)
        try:
            into.mkdir(mode=FOLDER_MODE, exist_ok=True)
            target = _move_without_overwriting(path, into, f"{stamp}-{path.name}")
            fsync_dir(into)
            fsync_dir(folder)
        except OSError as exc:
            raise StoreUnwritable(into, exc.strerror or str(exc)) from exc
    with suppress(StoreError):
        # The name may come back one day (a restore); it must not come back hidden.
        set_archived(folder, path.name, False)
    return target


def _move_without_overwriting(path: Path, folder: Path, name: str) -> Path:
    """Move ``path`` into ``folder`` as ``name``, or ``name`` with a number, whichever is free."""
    stem, suffix = os.path.splitext(name)
    for number in range(1, 1000):
        target = folder / (name if number == 1 else f"{stem}-{number}{suffix}")
        try:
            # A hard link is made only where nothing is: no file is ever replaced.
            os.link(path, target)
        except FileExistsError:
            continue
        except OSError:
            # Some file systems (FAT, some network shares) have no hard links. Windows renames
            # only to a free name; elsewhere the name was free a moment ago.
            if target.exists():
                continue
            os.rename(path, target)
            return target
        os.unlink(path)
        return target
    raise FileExistsError(errno.EEXIST, "no free name left", str(folder))


def trashed(folder: Path) -> list[tuple[datetime, Path]]:
    """The sessions in ``folder``'s trash with when each was deleted, oldest first."""
    found = []
    with suppress(OSError):
        for entry in os.scandir(trash_folder(folder)):
            match = _TRASHED.fullmatch(entry.name)
            if match is None or not is_session_file_name(match["name"]):
                continue
            with suppress(ValueError):
                found.append((datetime.strptime(match["stamp"], _STAMP), Path(entry.path)))
    return sorted(found)


def empty_old_trash(folder: Path, now: datetime | None = None) -> list[Path]:
    """Remove the sessions that have been in the trash for more than TRASH_DAYS; return them."""
    cutoff = (now or datetime.now()) - timedelta(days=TRASH_DAYS)
    removed = []
    for when, path in trashed(folder):
        if when >= cutoff:
            break
        try:
            path.unlink()
        except OSError as exc:
            log.info("could not remove %s from the trash: %s", path, exc)
            continue
        removed.append(path)
    return removed
