"""The export's second look: likely identifiers still in a session's record, and where."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from supervise.privacy import Finding, find_identifiers
from supervise.records.model import ROLE_TITLES, Record

if TYPE_CHECKING:
    from supervise.content import Library

SHOWN = 5
"""Places listed at most in a short report (the app's notice); the rest are counted."""


@dataclass(frozen=True)
class Remaining:
    """A likely identifier left in the record, and where it is."""

    where: str
    """The part of the record, in words ("Opening, Check-in")."""
    finding: Finding

    def __str__(self) -> str:
        """One line: where, then what ("Summary: a postcode (M1 1AE)")."""
        return f"{self.where}: {self.finding.kind.described} ({self.finding.shown})"


def _texts(record: Record) -> Iterator[tuple[str, str]]:
    """(where, text) of everything people wrote in ``record``, in the record's order."""
    yield "Agenda", record.agenda
    for heading, text in record.opening:
        yield f"Opening, {heading}", text
    for number, review in enumerate(record.reviews, start=1):
        yield f"Earlier action {number}", review.what
        yield f"Earlier action {number}, note", review.note
    for item in record.items:
        for prompt in item.prompts:
            for role, text in (
                ("practitioner", prompt.practitioner),
                ("supervisor", prompt.supervisor),
            ):
                yield f"{item.ref}, {prompt.title} ({ROLE_TITLES[role].lower()})", text
    yield "Summary", record.summary
    for number, action in enumerate(record.actions, start=1):
        yield f"Action {number}", action.what
        yield f"Action {number}, who", action.who


def identifiers_in(
    record: Record, served: Sequence[str] = (), today: date | None = None
) -> tuple[Remaining, ...]:
    """Every likely identifier in what was written in ``record`` (see find_identifiers)."""
    return tuple(
        Remaining(where, finding)
        for where, text in _texts(record)
        if text
        for finding in find_identifiers(text, served, today)
    )


def remaining_in_session(path: Path, library: Library) -> tuple[Remaining, ...]:
    """The likely identifiers in the record of the session file at ``path`` (read unlocked)."""
    from supervise.records.build import build_record
    from supervise.store import SessionFile
    from supervise.store.snapshot import Snapshot

    with SessionFile.open_read_only(path) as session:
        snapshot = Snapshot.of(session)
    return identifiers_in(build_record(snapshot, library), snapshot.record.served)


def report(remaining: Sequence[Remaining], shown: int | None = None) -> str:
    """What an export says about identifiers left in it ("" if none): a line, then one line per
    place (the first ``shown`` of them, if given)."""
    if not remaining:
        return ""
    count = len(remaining)
    lines = [
        f"{count} likely identifier{'s' if count != 1 else ''} still in the record (exported "
        "all the same; anonymise them in the session and export again before sharing it):"
    ]
    listed = remaining if shown is None else remaining[:shown]
    lines.extend(f"  {place}" for place in listed)
    if len(listed) < count:
        lines.append(f"  and {count - len(listed)} more")
    return "\n".join(lines)
