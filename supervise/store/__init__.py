"""Session storage: one crash-safe TinyDB file per session, a lock, a writer thread, a catalogue.

Nothing here imports Textual or the app; the app is written against the names below.
"""

from supervise.store.catalog import find_session, list_sessions, sessions_folder
from supervise.store.errors import (
    SessionClosed,
    SessionLocked,
    SessionNotFound,
    SessionReadOnly,
    SessionUnreadable,
    StoreError,
    StoreUnwritable,
)
from supervise.store.records import (
    Action,
    Event,
    Rating,
    Response,
    SessionRecord,
    SessionSummary,
    Signature,
)
from supervise.store.session import SessionFile
from supervise.store.writer import BackgroundWriter

__all__ = [
    "Action",
    "BackgroundWriter",
    "Event",
    "Rating",
    "Response",
    "SessionClosed",
    "SessionFile",
    "SessionLocked",
    "SessionNotFound",
    "SessionReadOnly",
    "SessionRecord",
    "SessionSummary",
    "SessionUnreadable",
    "Signature",
    "StoreError",
    "StoreUnwritable",
    "find_session",
    "list_sessions",
    "sessions_folder",
]
