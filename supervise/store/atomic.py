"""Crash-safe JSON files: write a temporary file, fsync it, rename it over, fsync the folder."""

from __future__ import annotations

import errno
import glob
import json
import os
import secrets
from contextlib import suppress
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from supervise.store.errors import SessionReadOnly, SessionUnreadable

FILE_MODE = 0o600
"""Session notes are personal: only their owner may read them."""

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
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
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
    """``data`` as JSON text and its UTF-8 bytes."""
    text = json.dumps(data, ensure_ascii=False)
    try:
        return text, text.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (from a bad paste) cannot be UTF-8; escaped JSON keeps it losslessly
        # instead of refusing to save the rest of the note.
        text = json.dumps(data, ensure_ascii=True)
        return text, text.encode("ascii")


def _create_temp(path: Path) -> tuple[int, Path]:
    while True:
        temp = path.with_name(f".{path.name}.tmp-{secrets.token_hex(4)}")
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC
            return os.open(temp, flags, FILE_MODE), temp
        except FileExistsError:
            continue


def replace_atomic(path: Path, raw: bytes) -> None:
    """Make ``path`` hold ``raw``, all or nothing; on failure the old file is untouched."""
    fd, temp = _create_temp(path)
    try:
        with open(fd, "wb") as file:
            # The umask can only take bits away; set the mode outright so it is exactly 0600.
            os.fchmod(file.fileno(), FILE_MODE)
            file.write(raw)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
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


class AtomicJSONStorage(Storage):
    """TinyDB storage that reads its file once and replaces it atomically on every write.

    Only the process holding the session's lock writes the file, so the tables in memory are the
    truth: TinyDB gets them without a re-read or a copy, which keeps a save close to the cost of
    the atomic write itself (see benchmarks/).
    """

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        """The JSON file."""
        self.read_only = read_only
        """True if writes are refused."""
        text = read_text(self.path)
        self._text = text
        """The file's text as last read or written: the last state known to be on disk."""
        self._data = None if text is None else parse_tables(text, self.path)

    def read(self) -> Tables | None:
        """The database as TinyDB last left it (TinyDB changes it in place, then writes it)."""
        return self._data

    def write(self, data: Tables) -> None:
        """Replace the file with ``data``; on failure the file is unchanged and so is the memory."""
        if self.read_only:
            raise SessionReadOnly(self.path, signed=False)
        text, raw = encode(data)
        if text == self._text:
            return
        try:
            replace_atomic(self.path, raw)
        except BaseException:
            self.discard_unsaved()
            raise
        # The rename has happened: from here the file holds ``text`` even if syncing the folder
        # fails, so the memory must say so too.
        self._text, self._data = text, data
        fsync_dir(self.path.parent)

    def discard_unsaved(self) -> None:
        """Forget changes made in memory that never reached the file (after a failed change)."""
        self._data = None if self._text is None else parse_tables(self._text, self.path)
