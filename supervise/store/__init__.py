"""Session storage: one crash-safe TinyDB file per session, a lock, a writer thread, a catalogue.

Nothing here imports Textual or the app; the app is written against the names below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from supervise.lazy import lazy_exports

if TYPE_CHECKING:
    from supervise.store.catalog import (
        find_session as find_session,
        list_sessions as list_sessions,
        read_listing as read_listing,
        sessions_folder as sessions_folder,
    )
    from supervise.store.errors import (
        SessionClosed as SessionClosed,
        SessionLocked as SessionLocked,
        SessionNotFound as SessionNotFound,
        SessionReadOnly as SessionReadOnly,
        SessionUnreadable as SessionUnreadable,
        StoreError as StoreError,
        StoreUnwritable as StoreUnwritable,
    )
    from supervise.store.records import (
        Action as Action,
        Event as Event,
        Rating as Rating,
        Response as Response,
        SessionRecord as SessionRecord,
        SessionSummary as SessionSummary,
        Signature as Signature,
    )
    from supervise.store.session import (
        SessionFile as SessionFile,
    )
    from supervise.store.writer import (
        BackgroundWriter as BackgroundWriter,
    )

# Names are imported on first use (PEP 562): the session list needs the catalogue, not TinyDB.
_HOMES = {
    "supervise.store.catalog": (
        "find_session",
        "list_sessions",
        "read_listing",
        "sessions_folder",
    ),
    "supervise.store.errors": (
        "SessionClosed",
        "SessionLocked",
        "SessionNotFound",
        "SessionReadOnly",
        "SessionUnreadable",
        "StoreError",
        "StoreUnwritable",
    ),
    "supervise.store.records": (
        "Action",
        "Event",
        "Rating",
        "Response",
        "SessionRecord",
        "SessionSummary",
        "Signature",
    ),
    "supervise.store.session": ("SessionFile",),
    "supervise.store.writer": ("BackgroundWriter",),
}
__all__, __getattr__ = lazy_exports(__name__, globals(), _HOMES)
