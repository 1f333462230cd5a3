"""Import: a bundle becomes a session file in a sessions folder, never over another one."""

from __future__ import annotations

import glob
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from supervise.records.bundle import Bundle, BundleRefused, read_bundle
from supervise.store import StoreError
from supervise.store.files import MAX_SESSION_BYTES, Tables, encode, load_tables, write_atomic
from supervise.store.folder import is_session_file_name, session_file_name, sessions_folder
from supervise.store.lock import SessionLock
from supervise.store.records import new_id

MAX_BUNDLE_BYTES = 4 * MAX_SESSION_BYTES
"""The largest bundle read: a session file's cap, with room for the record written beside it."""


class Outcome(Enum):
    """What an import did."""

    ADDED = "added"
    """The session was not here: it is now."""
    ALREADY_HERE = "already here"
    """The same session, identical, was here already: nothing was done."""
    KEPT_BOTH = "kept both"
    """A different version of the session was here: both are kept, the new one with a new id."""


@dataclass(frozen=True)
class Imported:
    """What an import did, and where the session is."""

    outcome: Outcome
    path: Path
    """The session file: the new one, or the one already here."""
    original_id: str
    """The id the session had in the bundle."""

    def message(self) -> str:
        """What happened, in plain words."""
        if self.outcome is Outcome.ALREADY_HERE:
            return f"Nothing to do: this session is already here, identical ({self.path.name})."
        if self.outcome is Outcome.KEPT_BOTH:
            return (
                f"A different version of session {self.original_id} is already here, so both "
                f"are kept: the imported one is {self.path.name}."
            )
        return f"Imported as {self.path.name}."


def _same_id(folder: Path, session_id: str) -> list[Path]:
    return sorted(
        path
        for path in folder.glob(f"*-{glob.escape(session_id)}.json")
        if is_session_file_name(path.name)
    )


def import_file(
    folder: Path, file: Path, opener: Callable[[bytes], bytes] | None = None
) -> Imported:
    """Import the bundle in ``file`` into ``folder``; BundleRefused or StoreError if it cannot
    be, in which case the folder is as it was. ``opener`` turns a sealed export into its bundle."""
    path = Path(file).expanduser()
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise BundleRefused(f"{file} is not a file.")
        if size > MAX_BUNDLE_BYTES:
            # Checked before reading: a huge file is refused at once, not read into memory.
            raise BundleRefused(
                f"{file} is {size / 1e6:.1f} MB, larger than a bundle can be "
                f"({MAX_BUNDLE_BYTES / 1e6:.0f} MB)."
            )
        with open(path, "rb") as opened:
            raw = opened.read(MAX_BUNDLE_BYTES + 1)
    except OSError as exc:
        raise StoreError(
            f"{file} cannot be read ({exc.strerror or exc}).", "Check the path."
        ) from exc
    return import_bundle(folder, read_bundle(raw if opener is None else opener(raw)))


def import_bundle(folder: Path, bundle: Bundle) -> Imported:
    """Add ``bundle``'s session to ``folder`` (see Outcome); an existing file is never replaced."""
    folder = sessions_folder(folder)
    original = bundle.record.id
    tables = bundle.tables
    for path in _same_id(folder, original):
        if load_tables(path) == tables:
            return Imported(Outcome.ALREADY_HERE, path, original)
    outcome = Outcome.KEPT_BOTH if _same_id(folder, original) else Outcome.ADDED
    session_id = original
    while True:
        if outcome is Outcome.KEPT_BOTH:
            session_id = new_id()
            tables = _renamed(bundle.tables, session_id)
        path = folder / session_file_name(bundle.record.date, session_id)
        # The store's own way to claim a name: its lock, then a look for the same id.
        lock = SessionLock(path).acquire()
        try:
            if not _same_id(folder, session_id):
                try:
                    write_atomic(path, encode(tables)[1])
                except OSError as exc:
                    raise StoreError(
                        f"The session could not be written to {folder} ({exc.strerror or exc}).",
                        "Nothing was imported. Check the folder, or choose another with "
                        "--sessions-dir.",
                    ) from exc
                return Imported(outcome, path, original)
        finally:
            lock.release()
        outcome = Outcome.KEPT_BOTH


def _renamed(tables: Tables, session_id: str) -> Tables:
    """``tables`` with the session document's id changed to ``session_id``."""
    ((key, doc),) = tables["session"].items()
    return {**tables, "session": {key: {**doc, "id": session_id}}}
