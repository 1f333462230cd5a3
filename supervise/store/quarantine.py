"""Setting a damaged session file aside: moved to ``quarantine/`` in the sessions folder, kept
whole, never over another file, so the list is clear of it and it can still be recovered."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from supervise.store.catalog import UNREADABLE, read_summary
from supervise.store.errors import StoreError
from supervise.store.tidy import move_aside

QUARANTINE_NAME = "quarantine"
"""The folder inside the sessions folder that damaged session files are moved to."""


def quarantine_folder(folder: Path) -> Path:
    """Where damaged session files of ``folder`` are kept."""
    return folder / QUARANTINE_NAME


def move_to_quarantine(path: Path, now: datetime | None = None) -> Path:
    """Move the damaged session file at ``path`` into quarantine and return where it is now.

    Refused (StoreError) if the file opens after all, or is open in a window: only a file that
    cannot be used is set aside. Nothing is overwritten: the name starts with when it was moved,
    and a number is added if that is taken too.
    """
    return move_aside(path, quarantine_folder(path.parent), now, check=_damaged)


def _damaged(path: Path) -> None:
    if read_summary(path).status != UNREADABLE:
        raise StoreError(
            f"The session file {path.name} opens normally, so it is left where it is.",
            "Only a damaged file is moved to quarantine; delete (d) moves others to the trash.",
        )
