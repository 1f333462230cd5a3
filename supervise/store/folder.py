"""The sessions folder: making it safely and privately, naming files in it, finding a session."""

from __future__ import annotations

import glob
import os
import stat
import sys
from contextlib import suppress
from pathlib import Path

from supervise.store.errors import SessionNotFound, StoreError, StoreUnwritable
from supervise.store.owner import other_owner, writable_by_others

FOLDER_MODE = 0o700
"""Only the owner may list or open session files."""
SUFFIX = ".json"
"""What every session file's name ends with."""


class FolderUnsafe(StoreError):
    """The sessions folder belongs to someone else, or others may change what is in it."""

    def __init__(self, path: Path, why: str, hint: str) -> None:
        super().__init__(
            f"The sessions folder {path} is not used: it {why}, so the notes in it would not be "
            "private to you.",
            hint,
        )
        self.path = path
        """The folder refused."""
        self.why = why
        """What is wrong with it."""


def session_file_name(date: str, session_id: str) -> str:
    """The file name for a session: its date and id, never a person's name."""
    return f"{date}-{session_id}{SUFFIX}"


def is_session_file_name(name: str) -> bool:
    """True for names the catalogue treats as sessions (hidden files are the store's own)."""
    return name.endswith(SUFFIX) and not name.startswith(".")


def sessions_folder(path: Path) -> Path:
    """The sessions folder at ``path``, created with mode 0700 if missing, else checked and made
    private (see open_sessions_folder)."""
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
    open_sessions_folder(path)
    if not os.access(path, os.W_OK | os.X_OK):
        raise StoreUnwritable(path, "no permission to write there")
    return path


def open_sessions_folder(path: Path) -> Path:
    """The existing sessions folder at ``path``, made private (0700) as it is opened: a clone's
    sessions/ arrives 0755, and even file names and dates say who had supervision when.

    FolderUnsafe if another user owns it, or other users may write in it (they could have put
    files there); StoreUnwritable if something that is not a folder is in the way. A missing
    folder is left to be made with the first session.
    """
    path = Path(path).expanduser()
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return path
    except OSError as exc:
        raise StoreUnwritable(path, exc.strerror or str(exc)) from exc
    if not stat.S_ISDIR(info.st_mode):
        raise StoreUnwritable(path, "something that is not a folder is in the way")
    if sys.platform == "win32":
        # Windows ignores these mode bits: there a folder is private by being in the user's
        # profile, whose access rules admit only that user (and administrators).
        return path
    owner = other_owner(info)
    if owner is not None:
        raise FolderUnsafe(
            path,
            f"belongs to {owner}",
            "Keep your sessions in a folder of your own: start supervise with --sessions-dir, "
            "or from a folder without a sessions folder to use your own data folder.",
        )
    if writable_by_others(info):
        mode = f"{stat.S_IMODE(info.st_mode):04o}"
        raise FolderUnsafe(
            path,
            f"can be changed by other users (its permissions are {mode})",
            f"Check that every file in it is yours, then make it private (chmod 700 "
            f"'{path}') and start supervise again.",
        )
    if info.st_mode & 0o077:
        # Others can at most read here; a folder that cannot be tightened (a read-only disk)
        # is still listed, and writing to it fails with its own message.
        with suppress(OSError):
            os.chmod(path, FOLDER_MODE)
    return path


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
