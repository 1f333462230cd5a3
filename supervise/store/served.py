"""People served carry on from one session to the next of the same practitioner."""

from __future__ import annotations

from pathlib import Path

from supervise.store.catalog import list_sessions
from supervise.store.continuity import person_key
from supervise.store.errors import StoreError
from supervise.store.session import SessionFile

LOOK_BACK = 5
"""Earlier sessions opened at most, newest first, to find the names last marked."""


def served_before(
    folder: Path, practitioner: str, *, besides: Path | None = None
) -> tuple[str, ...]:
    """The people served marked in ``practitioner``'s latest session that marked any (in the
    sessions ``folder``, leaving out the file ``besides``), in their order; () if none.

    Each session keeps the names it carried in, so the latest one holds them all, letters and
    gaps included: [person B] stays B from one session to the next.
    """
    key = person_key(practitioner)
    try:
        listed = list_sessions(folder)
    except (StoreError, OSError):
        return ()  # a help, never a reason for a new session to fail
    theirs = [
        summary
        for summary in listed
        if summary.status != "unreadable"
        and person_key(summary.practitioner) == key
        and summary.path != besides
    ]
    theirs.sort(key=lambda s: (s.date, s.created, s.file), reverse=True)
    for summary in theirs[:LOOK_BACK]:
        try:
            with SessionFile.open_read_only(summary.path) as session:
                served = session.record.served
        except (StoreError, OSError):
            continue  # damaged or gone since listed: the next one back may still tell
        if any(served):
            return served
    return ()
