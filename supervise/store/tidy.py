"""Keeping the sessions folder tidy: archived sessions (hidden, kept) and a trash folder.

Nothing here erases a session someone has just deleted: it is moved to ``trash/`` inside the
sessions folder and removed only once it has been there for TRASH_DAYS.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Iterable
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
TRASH_NAME = "trash"
"""The folder inside the sessions folder that deleted sessions are moved to."""
TRASH_DAYS = 30
"""How long a deleted session is kept in the trash before it is removed."""

_STAMP = "%Y%m%dT%H%M%S"
_TRASHED = re.compile(r"(?P<stamp>\d{8}T\d{6})-(?P<name>.+)")


def archived(folder: Path) -> frozenset[str]:
    """The file names of the sessions archived in ``folder`` (none if the list is unreadable)."""
    try:
        raw = keys.read_bytes(folder / ARCHIVE_NAME)
        if raw is None:
            return frozenset()
        data = json.loads(raw)
    except (OSError, ValueError, SessionUnreadable) as exc:
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

    SessionLocked if it is open in a window: a session being written must not vanish under it.
    """
    # Only deleting needs the lock (and the socket module it loads): the list starts without it.
    from supervise.store.lock import SessionLock

    folder = path.parent
    trash = trash_folder(folder)
    stamp = (now or datetime.now()).strftime(_STAMP)
    with SessionLock(path):
        if not path.is_file():
            raise StoreError(f"The session file {path.name} is no longer there.")
        try:
            trash.mkdir(mode=FOLDER_MODE, exist_ok=True)
            target = trash / f"{stamp}-{path.name}"
            os.replace(path, target)
            fsync_dir(trash)
            fsync_dir(folder)
        except OSError as exc:
            raise StoreUnwritable(trash, exc.strerror or str(exc)) from exc
    with suppress(StoreError):
        # The name may come back one day (a restore); it must not come back hidden.
        set_archived(folder, path.name, False)
    return target


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
