"""The list of sessions in a folder, kept fast by a small index that can always be rebuilt."""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from supervise.store import codec, keys
from supervise.store.errors import SessionUnreadable, StoreError
from supervise.store.files import encode, load_tables, write_atomic
from supervise.store.folder import find_session, is_session_file_name, sessions_folder
from supervise.store.records import SessionSummary, iso_from_ns

__all__ = [
    "INDEX_NAME",
    "Listing",
    "find_session",
    "list_sessions",
    "read_listing",
    "read_summary",
    "sessions_folder",
]

log = logging.getLogger(__name__)

INDEX_NAME = ".index.json"
"""The catalogue index inside a sessions folder (hidden, so it is never taken for a session)."""
INDEX_VERSION = 3
"""Bumped when the index layout changes, or what counts as readable; an index of another version
is rebuilt."""
MAX_INDEX_BYTES = 64_000_000
"""The largest index read: its line for each of 10,000 sessions is about 5 MB in all."""
UNREADABLE = "unreadable"
"""The status listed for a file that could not be read."""

_NAME = re.compile(r"(?P<date>\d{4}-\d{2}-\d{2})-(?P<id>.+)\.json")


def unreadable_summary(path: Path, updated: str, problem: str = "") -> SessionSummary:
    """A listing for a file that could not be read, with what its name tells and why."""
    match = _NAME.fullmatch(path.name)
    return SessionSummary(
        id=match["id"] if match else path.stem,
        file=path.name,
        path=path,
        mode="",
        practitioner="",
        supervisor="",
        date=match["date"] if match else "",
        status=UNREADABLE,
        answered=0,
        total=0,
        created="",
        updated=updated,
        problem=problem,
    )


def read_summary(path: Path, mtime_ns: int | None = None) -> SessionSummary:
    """Summarise one session file from its JSON (no lock needed: files are replaced whole);
    ``mtime_ns`` is when it was written, if the caller has asked already."""
    try:
        updated = iso_from_ns(os.stat(path).st_mtime_ns if mtime_ns is None else mtime_ns)
    except OSError:
        updated = ""
    try:
        tables = load_tables(path, nesting=False)
        if tables is None:
            raise SessionUnreadable(path, "the file has gone")
        # The check opening a session makes (nesting too): what is listed as readable opens.
        record = codec.check_tables(tables)
        return codec.summarise(
            record,
            tables.get(codec.RESPONSES, {}).values(),
            path,
            updated,
            ratings=tables.get(codec.RATINGS, {}).values(),
            actions=tables.get(codec.ACTIONS, {}).values(),
            reviews=tables.get(codec.REVIEWS, {}).values(),
        )
    except SessionUnreadable as exc:
        log.info("listing %s as unreadable: %s", path, exc)
        return unreadable_summary(path, updated, exc.detail or exc.message)
    except (StoreError, OSError, TypeError, ValueError) as exc:
        log.info("listing %s as unreadable: %s", path, exc)
        return unreadable_summary(path, updated, str(exc))


def _load_index(folder: Path) -> dict[str, Any]:
    path = folder / INDEX_NAME
    try:
        if path.stat().st_size > MAX_INDEX_BYTES:
            # Not one supervise wrote: rebuilt from the session files rather than read.
            return {}
        index = json.loads(keys.read_bytes(path) or b"{}")
    except (OSError, ValueError, RecursionError, SessionUnreadable):
        return {}
    if not isinstance(index, dict) or index.get("version") != INDEX_VERSION:
        return {}
    files = index.get("files")
    return files if isinstance(files, dict) else {}


@dataclass(frozen=True)
class _Read:
    """A file read for this listing: its index entry is made only if the index is written."""

    stamp: list[int]
    summary: SessionSummary

    def entry(self) -> dict[str, Any]:
        """The file's entry in the index."""
        return {"stamp": self.stamp, "summary": codec.summary_to_doc(self.summary)}


def _save_index(folder: Path, files: dict[str, Any]) -> None:
    entries = {name: e.entry() if isinstance(e, _Read) else e for name, e in files.items()}
    _, raw = encode({"version": INDEX_VERSION, "files": entries})
    try:
        write_atomic(folder / INDEX_NAME, raw)
    except OSError as exc:
        # The index only saves time; a folder we cannot write to can still be listed.
        log.info("could not save the session index in %s: %s", folder, exc)


def _cached(entry: Any, stamp: list[int], path: Path) -> SessionSummary | None:
    if not isinstance(entry, dict) or entry.get("stamp") != stamp:
        return None
    summary = entry.get("summary")
    if not isinstance(summary, dict):
        return None
    try:
        return codec.summary_from_doc(summary, path)
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class Listing:
    """A folder's sessions, newest first, and the index to save if the folder changed since."""

    folder: Path
    summaries: list[SessionSummary]
    stale_index: dict[str, Any] | None
    """The index entries to write (each as the index held it, or a file read this time), or
    None when the saved index is already current."""

    def save_index(self) -> None:
        """Write the index if it was stale; it is only a cache, so this can wait until the rows
        are on screen, and a crash before it only means the next listing reads the files again."""
        if self.stale_index is not None:
            _save_index(self.folder, self.stale_index)


def list_sessions(folder: Path) -> list[SessionSummary]:
    """Every session in ``folder``, newest first; only new or changed files are read."""
    listing = read_listing(folder)
    listing.save_index()
    return listing.summaries


def read_listing(folder: Path) -> Listing:
    """Every session in ``folder``, newest first, leaving the index for the caller to save."""
    folder = Path(folder)
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return Listing(folder, [], None)
    except OSError as exc:
        raise StoreError(
            f"The sessions folder {folder} cannot be read ({exc.strerror or exc}).",
            "Check that it is a folder you can open, or choose another with --sessions-dir.",
        ) from exc
    if keys.needs_unlock(folder):
        raise keys.FolderLocked(folder)
    index = _load_index(folder)
    files: dict[str, Any] = {}
    summaries: list[SessionSummary] = []
    changed = False
    for entry in entries:
        if not is_session_file_name(entry.name):
            continue
        try:
            if not entry.is_file():
                continue
            stat = entry.stat()
        except FileNotFoundError:
            continue
        path = folder / entry.name
        # A save replaces the file, so the inode changes even if size and time do not.
        stamp = [stat.st_mtime_ns, stat.st_size, stat.st_ino]
        cached = index.get(entry.name)
        summary = _cached(cached, stamp, path)
        if summary is None:
            summary = read_summary(path, stat.st_mtime_ns)
            cached = _Read(stamp, summary)
            changed = True
        files[entry.name] = cached
        summaries.append(summary)
    stale = changed or files.keys() != index.keys()
    summaries.sort(key=lambda s: (s.date, s.created, s.file), reverse=True)
    return Listing(folder, summaries, files if stale else None)
