"""One practitioner's sessions side by side: what each covered, how it was rated, what was agreed.

Read from the session files as they are on disk, without a lock and without changing them, like
search; the History screen lays it out against the content.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from supervise.store import codec
from supervise.store.continuity import open_actions, person_key
from supervise.store.errors import StoreError
from supervise.store.files import load_tables
from supervise.store.records import Action, SessionRecord, SessionSummary

LOWEST_COUNT = 5
"""How many of the lowest-rated items a new session on them takes at most."""


@dataclass(frozen=True)
class Mark:
    """What one session holds for one item in its scope."""

    answered: bool = False
    confidence: int | None = None
    flagged: bool = False
    """Marked "bring to supervision"."""
    skipped: bool = False


@dataclass(frozen=True)
class SessionColumn:
    """One of the practitioner's sessions, as a column of the history."""

    path: Path
    id: str
    date: str
    mode: str
    status: str
    supervisor: str
    marks: Mapping[str, Mark] = field(default_factory=dict)
    """Every item in the session's scope, by reference."""
    actions: tuple[Action, ...] = ()


@dataclass(frozen=True)
class History:
    """A practitioner's sessions, oldest first."""

    practitioner: str
    sessions: tuple[SessionColumn, ...]
    still_open: frozenset[tuple[str, str]] | None = None
    """(session id, action id) of the actions not yet reviewed as done or dropped; None: all."""

    def frameworks(self) -> list[str]:
        """The frameworks any session took items from, in the order first used."""
        used = (ref.split("/", 1)[0] for s in self.sessions for ref in s.marks)
        return list(dict.fromkeys(used))

    def marks(self, ref: str) -> list[tuple[SessionColumn, Mark]]:
        """Each session that had ``ref`` in scope, oldest first, with what it holds for it."""
        return [(s, s.marks[ref]) for s in self.sessions if ref in s.marks]

    def covered(self, ref: str) -> bool:
        """Whether any session answered or rated ``ref``."""
        return any(m.answered or m.confidence is not None for _, m in self.marks(ref))

    def confidences(self, ref: str) -> list[tuple[str, int]]:
        """(date, rating) each time ``ref`` was rated, oldest first."""
        return [(s.date, m.confidence) for s, m in self.marks(ref) if m.confidence is not None]

    def latest_confidence(self, ref: str) -> int | None:
        """The rating ``ref`` was given last, if any."""
        rated = self.confidences(ref)
        return rated[-1][1] if rated else None

    def gaps(self, refs: Iterable[str]) -> list[str]:
        """Those of ``refs`` no session has answered or rated, in the order given."""
        return [ref for ref in refs if not self.covered(ref)]

    def lowest_rated(self, refs: Iterable[str], count: int = LOWEST_COUNT) -> list[str]:
        """Up to ``count`` of ``refs`` whose latest rating is lowest (below 5), in the order
        given among equals."""
        rated = [
            (value, n, ref)
            for n, ref in enumerate(refs)
            if (value := self.latest_confidence(ref)) is not None and value < 5
        ]
        return [ref for _, _, ref in sorted(rated)[:count]]

    def actions(self) -> list[tuple[SessionColumn, Action]]:
        """The actions agreed in these sessions and still open, newest session first."""
        return [
            (s, action)
            for s in reversed(self.sessions)
            for action in s.actions
            if self.still_open is None or (s.id, action.id) in self.still_open
        ]

    def latest_supervisor(self) -> str:
        """The supervisor of the newest supervision session, or ""."""
        return next((s.supervisor for s in reversed(self.sessions) if s.supervisor), "")


def _column(path: Path) -> SessionColumn | None:
    """One session file as a column; None if it cannot be read."""
    try:
        tables = load_tables(path)
        if tables is None:
            return None
        (doc,) = tables.get("session", {}).values()
        record: SessionRecord = codec.record_from_doc(doc)
        answered = codec.answered_items(tables.get("responses", {}).values())
        ratings = {
            rating.item: rating
            for rating in map(codec.rating_from_doc, tables.get("ratings", {}).values())
        }
        skipped = {
            event.detail
            for event in map(codec.event_from_doc, tables.get("events", {}).values())
            if event.kind == "skipped"
        }
        actions = tuple(map(codec.action_from_doc, tables.get("actions", {}).values()))
    except (StoreError, OSError, TypeError, ValueError):
        return None
    marks = {}
    for ref in dict.fromkeys(record.scope):
        rating = ratings.get(ref)
        marks[ref] = Mark(
            answered=ref in answered,
            confidence=rating.confidence if rating else None,
            flagged=bool(rating and rating.bring_to_supervision),
            skipped=ref in skipped,
        )
    return SessionColumn(
        path=path,
        id=record.id,
        date=record.date,
        mode=record.mode,
        status=record.status,
        supervisor=record.supervisor,
        marks=MappingProxyType(marks),
        actions=actions,
    )


def history_of(summaries: Iterable[SessionSummary], practitioner: str) -> History:
    """The history of ``practitioner`` (case and spacing aside) from the sessions listed."""
    wanted = person_key(practitioner)
    listed = list(summaries)
    theirs = sorted(
        (s for s in listed if s.status != "unreadable" and person_key(s.practitioner) == wanted),
        key=lambda s: (s.date, s.created, s.file),
    )
    columns = [column for s in theirs if (column := _column(s.path)) is not None]
    # An action reviewed as done or dropped in a later session is no longer open.
    still_open = frozenset((o.session, o.action.id) for o in open_actions(listed, practitioner))
    return History(" ".join(practitioner.split()), tuple(columns), still_open)
