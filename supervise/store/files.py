"""Crash-safe JSON files: write a temporary file, fsync it, rename it over, fsync the folder.

No TinyDB here: listing sessions reads and indexes files without paying for it.
"""

from __future__ import annotations

import errno
import glob
import json
import os
import stat
import sys
import time
from collections.abc import Collection, Mapping
from contextlib import suppress
from itertools import repeat
from pathlib import Path
from typing import Any

from supervise.store import bulk, keys
from supervise.store.errors import SessionFileBusy, SessionUnreadable
from supervise.store.oslock import NO_INHERIT

FILE_MODE = 0o600
"""Session notes are personal: only their owner may read them."""
MAX_SESSION_BYTES = 16_000_000
"""The largest session file read or written. A long session with a few pasted documents is a
megabyte or two; the cap lets a file be checked by its size before it is read, so a huge or
endless file in the folder is refused at once rather than read into memory."""
MAX_SESSION_DEPTH = 16
"""The deepest nesting of lists and objects read: a session file uses five levels."""
TOO_DEEP = f"nested more than {MAX_SESSION_DEPTH} levels deep"
"""Why a file nested deeper is refused."""

REPLACE_TRIES = 10
"""How often a rename is tried when the system says the file is in use (Windows)."""
REPLACE_PAUSE = 0.1
"""Seconds between those tries: an indexer or antivirus lets go within about a second."""
_FOLDER_FLAG: int | None = getattr(os, "O_DIRECTORY", None)
"""The flag to open a folder for syncing; None where a folder cannot be opened (Windows)."""
_READ_FLAGS = os.O_RDONLY | NO_INHERIT | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
"""How a session file is opened to be read."""

Tables = dict[str, dict[str, Any]]
"""A whole TinyDB database as JSON: table name -> document id -> document."""


def parse_tables(text: str, path: Path, *, nesting: bool = True) -> Tables:
    """Parse a session file's text; raise SessionUnreadable unless it is an object of tables
    nested no deeper than MAX_SESSION_DEPTH (the nesting is left to ``codec.check_tables``,
    which checks it with the documents, when ``nesting`` is False)."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise SessionUnreadable(path, f"not JSON: {exc}") from exc
    except RecursionError as exc:
        raise SessionUnreadable(path, TOO_DEEP) from exc
    if not isinstance(data, dict):
        raise SessionUnreadable(path, f"expected an object of tables, found {type(data).__name__}")
    for name, table in data.items():
        # map, not a generator: every document of every file listed is tested, in C.
        if not isinstance(table, dict) or not all(map(isinstance, table.values(), repeat(dict))):
            raise SessionUnreadable(path, f"table {name!r} is not an object of documents")
    if nesting and too_deep(data):
        # JSON this deep opens, but every later save of it fails: refuse it at the door.
        raise SessionUnreadable(path, TOO_DEEP)
    return data


def too_deep(tables: Mapping[str, Mapping[str, Any]], flat: Collection[str] = ()) -> bool:
    """Whether lists and objects in ``tables`` nest more than MAX_SESSION_DEPTH deep; the
    tables named in ``flat`` are known to hold neither."""
    # Only a table whose documents hold lists or objects can nest deeper than its documents
    # (three levels): the thousands of answers are passed over in one sweep each.
    nested = {
        name: table
        for name, table in tables.items()
        if name not in flat and not bulk.flat(table.values())
    }
    return deeper_than(nested, MAX_SESSION_DEPTH)


def deeper_than(data: object, limit: int) -> bool:
    """Whether lists and objects in ``data`` nest more than ``limit`` deep (no recursion)."""
    level: list[Any] = [data]
    for _ in range(limit):
        below: list[Any] = []
        for value in level:
            # Exact types, not isinstance: this runs over every value of every file listed.
            for child in value.values() if type(value) is dict else value:
                if type(child) is dict or type(child) is list:
                    below.append(child)
        if not below:
            return False
        level = below
    return True


def read_text(path: Path) -> str | None:
    """A file's plain text, or None if it does not exist; SessionUnreadable if it is not a
    regular file, is larger than MAX_SESSION_BYTES (checked before reading), cannot be unsealed
    or is not UTF-8."""
    try:
        # Non-blocking, so that a FIFO put in the folder is refused rather than waited on.
        fd = os.open(path, _READ_FLAGS)
    except FileNotFoundError:
        return None
    with open(fd, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise SessionUnreadable(path, "not a regular file")
        if info.st_size > MAX_SESSION_BYTES:
            raise SessionUnreadable(path, too_large(info.st_size))
        # Asked for its size and a byte more, not for the limit: a read of 16 MB sets aside
        # 16 MB first, which took longer than reading the whole folder of small sessions.
        raw = file.read(info.st_size + 1)
        if len(raw) > info.st_size:
            # It has grown since: read no more than one byte past the limit.
            raw += file.read(MAX_SESSION_BYTES + 1 - len(raw))
    if len(raw) > MAX_SESSION_BYTES:
        raise SessionUnreadable(path, too_large(len(raw)))
    raw = keys.plain(path, raw)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SessionUnreadable(path, f"not UTF-8: {exc}") from exc


def too_large(size: int) -> str:
    """Why a session file of ``size`` bytes is refused."""
    return (
        f"{size / 1e6:.1f} MB, larger than a session file can be: at most "
        f"{MAX_SESSION_BYTES / 1e6:.0f} MB"
    )


def load_tables(path: Path, *, nesting: bool = True) -> Tables | None:
    """Read and check a session file (see ``parse_tables``); None if it does not exist."""
    text = read_text(path)
    return None if text is None else parse_tables(text, path, nesting=nesting)


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
