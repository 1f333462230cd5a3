"""Where sessions are kept: a chosen folder, else ./sessions if there is one, else the per-user
data folder, so that starting from another folder never makes someone's notes seem gone."""

from __future__ import annotations

import enum
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from supervise.store.errors import StoreError
from supervise.store.folder import is_session_file_name, open_sessions_folder

APP_NAME = "supervise"
"""The name the system's per-user folders are kept under."""
SESSIONS_ENV = "SUPERVISE_SESSIONS_DIR"
"""Environment variable naming the folder that holds session files."""
HERE = Path("sessions")
"""The sessions folder of a clone of this repository, relative to the current folder."""


class Why(enum.Enum):
    """Why a sessions folder is the one in use."""

    OPTION = "--sessions-dir names it"
    ENVIRONMENT = f"${SESSIONS_ENV} names it"
    HERE = "the current folder has a sessions folder"
    USER = "it is your own data folder, used when the current folder has no sessions folder"


def user_sessions_dir() -> Path:
    """The per-user sessions folder (~/.local/share, ~/Library/Application Support, AppData)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "sessions"


@dataclass(frozen=True)
class SessionsPlace:
    """The sessions folder in use, why, and another default folder that holds sessions too."""

    folder: Path
    """The folder sessions are listed from and saved to."""
    why: Why
    """How it was chosen."""
    also: Path | None = None
    """The other default folder (./sessions or the per-user one) when it holds sessions too."""

    @property
    def warning(self) -> str:
        """What to tell people when sessions are also kept elsewhere; "" when they are not."""
        if self.also is None:
            return ""
        return (
            f"Sessions are also kept in {self.also}; they are not shown here. To see them, "
            f'start supervise with --sessions-dir "{self.also}".'
        )


def shown(folder: Path) -> str:
    """A sessions folder as people should read it: ./sessions, or a full path."""
    return str(folder) if folder.is_absolute() else f".{os.sep}{folder}"


def has_sessions(folder: Path) -> bool:
    """True if ``folder`` holds at least one session file."""
    try:
        with os.scandir(folder) as entries:
            return any(is_session_file_name(entry.name) and entry.is_file() for entry in entries)
    except OSError:
        return False


def _same(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except OSError:
        return False


def find_sessions_place(
    option: str | None,
    environ: Mapping[str, str] | None = None,
    user_dir: Path | None = None,
) -> SessionsPlace:
    """The sessions folder: --sessions-dir, else $SUPERVISE_SESSIONS_DIR, else ./sessions if
    the current folder has one, else the per-user data folder."""
    env = os.environ if environ is None else environ
    user = user_sessions_dir() if user_dir is None else user_dir
    if option:
        folder, why = Path(option).expanduser(), Why.OPTION
    elif env.get(SESSIONS_ENV):
        folder, why = Path(env[SESSIONS_ENV]).expanduser(), Why.ENVIRONMENT
    elif HERE.is_dir():
        folder, why = HERE, Why.HERE
    else:
        folder, why = user, Why.USER
    return SessionsPlace(folder, why, sessions_elsewhere(folder, user))


def sessions_elsewhere(folder: Path, user_dir: Path | None = None) -> Path | None:
    """If ``folder`` is one of the two default homes (./sessions, the per-user folder) and the
    other one holds sessions too, that other one; else None."""
    user = user_sessions_dir() if user_dir is None else user_dir
    # Only the two default homes are compared: a folder chosen by hand is chosen knowingly.
    for mine, other in ((HERE, user), (user, HERE)):
        if _same(folder, mine) and not _same(mine, other) and has_sessions(other):
            return other.absolute()
    return None


def where_lines(option: str | None) -> list[str]:
    """What ``supervise where`` prints: the sessions folder in use and why, any other folder
    holding sessions, and the content cache."""
    from supervise.content.cache import default_cache_dir

    place = find_sessions_place(option)
    count = _count(place.folder) if place.folder.is_dir() else "not made yet"
    lines = [
        f"Sessions: {place.folder.absolute()} ({count})",
        f"  because {place.why.value}",
    ]
    try:
        open_sessions_folder(place.folder)
    except StoreError as error:
        lines.append(f"  Refused: {error}")
    if place.warning:
        lines.append(f"  Note: {place.warning}")
    lines.append(f"Cache:    {default_cache_dir().absolute()} (safe to delete)")
    return lines


def _count(folder: Path) -> str:
    try:
        with os.scandir(folder) as entries:
            total = sum(1 for entry in entries if is_session_file_name(entry.name))
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    return f"{total} session{'' if total == 1 else 's'}"
