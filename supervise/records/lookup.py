"""Find the session a person means: an id, a unique start of one, or a file's path."""

from __future__ import annotations

import glob
import os
from pathlib import Path

from supervise.store import StoreError
from supervise.store.catalog import read_summary
from supervise.store.errors import SessionNotFound
from supervise.store.folder import SUFFIX, is_session_file_name


class AmbiguousSession(StoreError):
    """More than one session's id starts with what was typed."""

    def __init__(self, wanted: str, matches: list[Path]) -> None:
        lines = []
        for path in matches:
            summary = read_summary(path)
            people = summary.practitioner + (
                f" with {summary.supervisor}" if summary.supervisor else ""
            )
            lines.append(f"  {summary.id}  {summary.date}  {summary.mode}  {people}".rstrip())
        super().__init__(
            f"{len(matches)} sessions have an id starting {wanted!r}:\n" + "\n".join(lines),
            "Type more of the id.",
        )
        self.matches = matches
        """The session files that match."""


def _id_of(path: Path) -> str:
    """The id in a session file's name (``DATE-ID.json``)."""
    return path.name[len("YYYY-MM-DD-") : -len(SUFFIX)]


def resolve_session(folder: Path, wanted: str) -> Path:
    """The session file ``wanted`` names in ``folder``: a path to a file, a file name, an id,
    or the start of exactly one id. SessionNotFound or AmbiguousSession otherwise."""
    wanted = wanted.strip()
    if not wanted:
        raise SessionNotFound(folder, wanted)
    given = Path(wanted).expanduser()
    if wanted.endswith(SUFFIX) or os.sep in wanted:
        for candidate in (given, folder / given):
            if candidate.is_file():
                return candidate
        raise SessionNotFound(folder, wanted)
    named = folder / (wanted + SUFFIX)
    if is_session_file_name(named.name) and named.is_file():
        # The file's name as the folder shows it, less its suffix.
        return named
    matches = sorted(
        path
        for path in folder.glob(f"*-*{glob.escape(wanted)}*{SUFFIX}")
        if is_session_file_name(path.name) and _id_of(path).startswith(wanted)
    )
    exact = [path for path in matches if _id_of(path) == wanted]
    if len(exact) == 1:
        return exact[0]
    if not matches:
        raise SessionNotFound(folder, wanted)
    if len(matches) > 1:
        raise AmbiguousSession(wanted, matches)
    return matches[0]
