"""Crash-safe JSON files: write a temporary file, fsync it, rename it over, fsync the folder.

No TinyDB here: listing sessions reads and indexes files without paying for it.
"""

from __future__ import annotations

import errno
import glob
import json
import os
import sys
import time
from contextlib import suppress
from pathlib import Path
from typing import Any

from supervise.store import keys
from supervise.store.errors import SessionFileBusy, SessionUnreadable
from supervise.store.oslock import NO_INHERIT

FILE_MODE = 0o600
"""Session notes are personal: only their owner may read them."""

REPLACE_TRIES = 10
"""How often a rename is tried when the system says the file is in use (Windows)."""
REPLACE_PAUSE = 0.1
"""Seconds between those tries: an indexer or antivirus lets go within about a second."""
_FOLDER_FLAG: int | None = getattr(os, "O_DIRECTORY", None)
"""The flag to open a folder for syncing; None where a folder cannot be opened (Windows)."""

Tables = dict[str, dict[str, Any]]
"""A whole TinyDB database as JSON: table name -> document id -> document."""


def parse_tables(text: str, path: Path) -> Tables:
    """Parse a session file's text; raise SessionUnreadable unless it is an object of tables."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise SessionUnreadable(path, f"not JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise SessionUnreadable(path, f"expected an object of tables, found {type(data).__name__}")
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise SessionUnreadable(path, f"table {name!r} is not an object of documents")
    return data


def read_text(path: Path) -> str | None:
    """A file's text, or None if it does not exist; SessionUnreadable if it is not UTF-8."""
    raw = keys.read_bytes(path)
    if raw is None:
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SessionUnreadable(path, f"not UTF-8: {exc}") from exc


def load_tables(path: Path) -> Tables | None:
    """Read and check a session file; None if it does not exist."""
    text = read_text(path)
    return None if text is None else parse_tables(text, path)


def encode(data: Any) -> tuple[str, bytes]:
    """``data`` as JSON text, every character beyond ASCII escaped, and its bytes."""
    # Escaped, Python's JSON encoder takes half the time it takes to write UTF-8 (measured on
    # a 300-answer session, see benchmarks/), and a lone surrogate from a bad paste, which
    # UTF-8 cannot hold, is kept losslessly. The file is a little larger; it is for supervise
    # to read, and any JSON reader reads it the same.
    text = json.dumps(data, ensure_ascii=True, check_circular=False)
    return text, text.encode("ascii")


def _create_temp(path: Path) -> tuple[int, Path]:
    while True:
        temp = path.with_name(f".{path.name}.tmp-{os.urandom(4).hex()}")
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | NO_INHERIT
            return os.open(temp, flags, FILE_MODE), temp
        except FileExistsError:
            continue


def replace_atomic(path: Path, raw: bytes) -> None:
    """Make ``path`` hold ``raw``, all or nothing; on failure the old file is untouched."""
    # Sealed before the temporary file exists: in an encrypted folder no plain byte is written.
    raw = keys.for_disk(path, raw)
    fd, temp = _create_temp(path)
    try:
        with open(fd, "wb") as file:
            if sys.platform != "win32":
                # The umask can only take bits away; set the mode outright so it is exactly
                # 0600. (On Windows the user's profile and its access rules keep files private.)
                os.fchmod(file.fileno(), FILE_MODE)
            file.write(raw)
            file.flush()
            os.fsync(file.fileno())
        _replace_patiently(temp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise


def _replace_patiently(temp: Path, path: Path) -> None:
    """os.replace, tried again for a moment while Windows reports the file in use."""
    for attempt in range(REPLACE_TRIES):
        try:
            os.replace(temp, path)
            return
        except PermissionError as exc:
            if attempt + 1 < REPLACE_TRIES:
                time.sleep(REPLACE_PAUSE)
                continue
            raise SessionFileBusy(path, exc.strerror or str(exc)) from exc


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable, where the system lets a folder be synced."""
    if _FOLDER_FLAG is None:
        # Windows cannot open a folder to sync it; NTFS journals the rename itself.
        return
    fd = os.open(folder, os.O_RDONLY | _FOLDER_FLAG | NO_INHERIT)
    try:
        os.fsync(fd)
    except OSError as exc:
        # Some file systems cannot sync a directory; the rename itself has still happened.
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP):
            raise
    finally:
        os.close(fd)


def write_atomic(path: Path, raw: bytes) -> None:
    """Write ``raw`` to ``path`` atomically and durably."""
    replace_atomic(path, raw)
    fsync_dir(path.parent)


def remove_stale_temps(path: Path) -> list[Path]:
    """Delete temporary files a crashed writer left beside ``path``; return what was removed."""
    removed = []
    for temp in path.parent.glob(f".{glob.escape(path.name)}.tmp-*"):
        with suppress(FileNotFoundError):
            temp.unlink()
            removed.append(temp)
    return removed
