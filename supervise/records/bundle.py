"""The JSON bundle: a whole session in one file that says what it is and proves it is whole."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from supervise import __version__
from supervise.records.model import Record
from supervise.store import StoreError, codec
from supervise.store.files import MAX_SESSION_DEPTH, Tables, deeper_than, load_tables
from supervise.store.folder import session_file_name
from supervise.store.records import SessionRecord, now_iso

FORMAT = "supervise-session-bundle"
"""What a bundle says it is, in its ``format`` field."""
VERSION = 1
"""The bundle format this supervise writes, and the newest it reads."""
ABOUT = (
    "One supervise session, for moving it to another computer with `supervise import FILE`. "
    "'session' is the session file's tables exactly as stored; 'record' is the same session as "
    "read back (statements, prompts and both people's words) for reading without supervise; "
    "'checksum' is the sha256 of the canonical encoding of everything else."
)
"""The bundle's own description of itself."""
CANONICAL = (
    "JSON of the bundle without 'checksum': keys sorted, no spaces, non-ASCII as \\u escapes"
)
"""How the checksummed bytes are made, as the bundle states it."""


class BundleRefused(StoreError):
    """A file that cannot be imported; nothing has been changed."""

    def __init__(self, reason: str, hint: str = "Nothing was imported.") -> None:
        super().__init__(f"This file cannot be imported: {reason}", hint)


@dataclass(frozen=True)
class Bundle:
    """A bundle read and verified: the session's tables and its record."""

    tables: Tables
    record: SessionRecord

    @property
    def file_name(self) -> str:
        """The name the session file takes in a sessions folder."""
        return session_file_name(self.record.date, self.record.id)


def canonical(data: Any) -> bytes:
    """The bytes a checksum is taken over: one encoding for one value, wherever it is made."""
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return text.encode("ascii")


def checksum(body: dict[str, Any]) -> str:
    """The sha256 (hex) of ``body``'s canonical encoding, its own checksum left out."""
    return hashlib.sha256(canonical({k: v for k, v in body.items() if k != "checksum"})).hexdigest()


def make_bundle(path: Path, record: Record) -> bytes:
    """The bundle of the session file at ``path`` (read as it is on disk) and its ``record``."""
    tables = load_tables(path)
    if tables is None:
        raise StoreError(f"The session file {path.name} has gone.", "List the sessions again.")
    body: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "about": ABOUT,
        "exported": now_iso(),
        "exported_by": f"supervise {__version__}",
        "session": tables,
        "record": dataclasses.asdict(record),
    }
    body["checksum"] = {"algorithm": "sha256", "of": CANONICAL, "value": checksum(body)}
    try:
        return json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate from a bad paste cannot be UTF-8; escaped, it is kept as it was.
        return json.dumps(body, ensure_ascii=True, indent=1).encode("ascii")


def read_bundle(raw: bytes) -> Bundle:
    """The verified bundle in ``raw``; BundleRefused saying why if it is not one we can take."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BundleRefused(f"it is not text (byte {exc.start} is not UTF-8).") from exc
    try:
        body = json.loads(text)
    except (ValueError, RecursionError) as exc:
        # Cut short, a bundle stops mid-way: not at its last "}", or with JSON still wanted.
        at_end = isinstance(exc, json.JSONDecodeError) and exc.pos >= len(text.rstrip())
        if at_end or not text.rstrip().endswith("}"):
            raise BundleRefused(
                "it ends too early, as if cut short (truncated) in copying.",
                "Nothing was imported. Export it again, or copy the whole file.",
            ) from exc
        raise BundleRefused(f"it is damaged, not valid JSON ({exc}).") from exc
    if deeper_than(body, MAX_SESSION_DEPTH + 1):
        # Deeper than any session is: refused before the checksum, whose encoder would give up.
        raise BundleRefused(f"it is nested more than {MAX_SESSION_DEPTH} levels deep.")
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise BundleRefused(
            "it is not a supervise session bundle.",
            "Nothing was imported. Make one with 'supervise export SESSION --format json'.",
        )
    version = body.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise BundleRefused(f"its format version ({version!r}) is damaged.")
    if version > VERSION:
        raise BundleRefused(
            f"it was made by a newer supervise (bundle format {version}; this one reads up to "
            f"format {VERSION}).",
            "Nothing was imported. Update supervise, then import it again.",
        )
    stated = body.get("checksum")
    if not isinstance(stated, dict) or stated.get("algorithm") != "sha256":
        raise BundleRefused("it has no checksum to prove it is whole.")
    if stated.get("value") != checksum(body):
        raise BundleRefused(
            "its checksum does not match its contents, so it was changed after it was exported "
            "(edited, or damaged in copying).",
            "Nothing was imported. Export it again from the original session.",
        )
    return _check_session(body.get("session"))


def _check_session(tables: Any) -> Bundle:
    """The session's tables and record, once they read as the store reads a session file (the
    list and opening a session use the same check)."""
    try:
        if not isinstance(tables, dict) or not all(
            isinstance(t, dict) and all(isinstance(d, dict) for d in t.values())
            for t in tables.values()
        ):
            raise TypeError("the session is not an object of tables")
        record = codec.check_tables(tables)
    except (TypeError, ValueError) as exc:
        raise BundleRefused(f"its session is not a valid session ({exc}).") from exc
    return Bundle(tables, record)
