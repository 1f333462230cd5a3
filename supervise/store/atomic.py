"""TinyDB storage on crash-safe JSON files (see ``files``): one session, held in memory."""

from __future__ import annotations

from pathlib import Path

from tinydb.storages import Storage

from supervise.store.errors import SessionReadOnly, SessionTooLarge
from supervise.store.files import (
    MAX_SESSION_BYTES,
    Tables,
    encode,
    fsync_dir,
    parse_tables,
    read_text,
    replace_atomic,
)


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
        self.deferred = False
        """True if write() only changes memory and commit() writes the file (see SessionFile:
        its lock is held while memory changes, never while the disk is written)."""
        text = read_text(self.path)
        self._text = text
        """The file's text as last read or written: the last state known to be on disk."""
        self._data = None if text is None else parse_tables(text, self.path)
        self._uncommitted = False
        self._folder_unsynced = False

    def read(self) -> Tables | None:
        """The database as TinyDB last left it (TinyDB changes it in place, then writes it)."""
        return self._data

    def write(self, data: Tables) -> None:
        """Replace the file with ``data``; on failure the file is unchanged and so is the memory.

        While ``deferred``, only the memory changes: commit() writes the file.
        """
        if self.read_only:
            raise SessionReadOnly(self.path, signed=False)
        self._data, self._uncommitted = data, True
        if self.deferred:
            return
        try:
            self.commit()
        except BaseException:
            self.discard_unsaved()
            raise

    def commit(self) -> None:
        """Write what memory holds to the file, if it differs from it; on failure the file is
        unchanged and the memory is left for the caller to keep or discard_unsaved()."""
        if not self._uncommitted or self._data is None:
            return
        text, raw = encode(self._data)
        if len(raw) > MAX_SESSION_BYTES:
            # A file past the cap would be refused when next read: the caller keeps the last
            # one that opens (and discards this change from memory).
            raise SessionTooLarge(self.path, len(raw), MAX_SESSION_BYTES)
        if text != self._text:
            replace_atomic(self.path, raw)
            self._text = text
            # The rename is made durable by sync_folder(), once per burst of writes rather
            # than per write: until then a power cut (not a crash) may bring back the
            # previous whole file.
            self._folder_unsynced = True
        self._uncommitted = False

    def sync_folder(self) -> None:
        """Make the last write's rename survive a power cut (a no-op if it already would)."""
        if self._folder_unsynced:
            fsync_dir(self.path.parent)
            self._folder_unsynced = False

    def close(self) -> None:
        """Make the last write durable before the session is let go (TinyDB calls this)."""
        self.sync_folder()

    def discard_unsaved(self) -> None:
        """Forget changes made in memory that never reached the file (after a failed change)."""
        self._data = None if self._text is None else parse_tables(self._text, self.path)
        self._uncommitted = False
