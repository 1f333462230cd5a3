"""The sessions folder: making it safely, naming files in it, finding a session by id."""

from __future__ import annotations

import glob
import os
import sys
from pathlib import Path

from supervise.store.errors import SessionNotFound, StoreError, StoreUnwritable

FOLDER_MODE = 0o700
"""Only the owner may list or open session files."""
SUFFIX = ".json"
"""What every session file's name ends with."""


def session_file_name(date: str, session_id: str) -> str:
    """The file name for a session: its date and id, never a person's name."""
    return f"{date}-{session_id}{SUFFIX}"


def is_session_file_name(name: str) -> bool:
    """True for names the catalogue treats as sessions (hidden files are the store's own)."""
    return name.endswith(SUFFIX) and not name.startswith(".")


def sessions_folder(path: Path) -> Path:
    """The sessions folder at ``path``, created with mode 0700 if missing."""
    path = Path(path).expanduser()
    if not path.is_dir():
        try:
            path.mkdir(parents=True, mode=FOLDER_MODE)
            # mkdir's mode passes through the umask; set it outright.
            os.chmod(path, FOLDER_MODE)
        except FileExistsError as exc:
            raise StoreUnwritable(path, "something that is not a folder is in the way") from exc
        except OSError as exc:
            raise StoreUnwritable(path, exc.strerror or str(exc)) from exc
    if not os.access(path, os.W_OK | os.X_OK):
        raise StoreUnwritable(path, "no permission to write there")
    _make_private(path)
    return path


def _make_private(path: Path) -> None:
    """Close a folder we own to others (a clone's sessions/ arrives 0755): even file names and
    dates say who had supervision when. A folder someone else owns is left as it is."""
    if sys.platform == "win32":
        # Windows ignores these mode bits: there a folder is private by being in the user's
        # profile, whose access rules admit only that user (and administrators).
        return
    try:
        info = path.stat()
        if info.st_uid == os.getuid() and info.st_mode & 0o077:
            os.chmod(path, FOLDER_MODE)
    except OSError:
        # Privacy is best effort here; saving must not fail because of it.
        pass


def find_session(folder: Path, id_or_file: str) -> Path:
    """The session file in ``folder`` with this id or file name (or this path)."""
    wanted = id_or_file.strip()
    if not wanted:
        raise SessionNotFound(folder, id_or_file)
    if wanted.endswith(SUFFIX) or os.sep in wanted:
        candidate = folder / Path(wanted).expanduser()
        if candidate.is_file():
            return candidate
        raise SessionNotFound(folder, id_or_file)
    matches = sorted(
        path
        for path in folder.glob(f"*-{glob.escape(wanted)}{SUFFIX}")
        if is_session_file_name(path.name)
    )
    if not matches:
        raise SessionNotFound(folder, id_or_file)
    if len(matches) > 1:
        names = ", ".join(path.name for path in matches)
        raise StoreError(
            f"More than one session has the id {wanted!r}: {names}.",
            "Open the one you mean by its file name.",
        )
    return matches[0]
