"""Every change a person can make to an open session, as a value that can be queued and kept.

A change is applied twice: at once to the snapshot the screens read (``Snapshot.applied``), and
later, in order, to the file by the writer (``apply``). Being plain values, the changes a disk
refused can also be written out for the person to keep (``to_doc``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from supervise.content.model import Role
from supervise.store.records import Action, ActionReview, Step

if TYPE_CHECKING:
    from supervise.store.session import SessionFile


class _Value:
    """What every change shares: equal to one of the same kind with equal fields, hashable,
    shown by its fields. Written once here rather than generated for each change by
    ``dataclass(eq=True, repr=True)``, which made importing this module the slowest step of
    opening a session (a few ms on Python 3.11)."""

    __slots__ = ()
    __match_args__: tuple[str, ...]
    """The fields, in order (set by ``dataclass`` on each change)."""

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__match_args__)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, _Value)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__match_args__)
        return f"{type(self).__name__}({shown})"


@dataclass(frozen=True, eq=False, repr=False)
class SetAnswer(_Value):
    """The answer to one prompt of one item, by one person."""

    item: str
    stage: str
    role: Role
    text: str


@dataclass(frozen=True, eq=False, repr=False)
class SetOpening(_Value):
    """One of the opening's answers (check-in, purpose, ...)."""

    field: str
    text: str


@dataclass(frozen=True, eq=False, repr=False)
class SetSummary(_Value):
    """The closing's summary of outcomes."""

    text: str


@dataclass(frozen=True, eq=False, repr=False)
class SetNextDate(_Value):
    """The date of the next session (YYYY-MM-DD, or "" for none yet)."""

    date: str


@dataclass(frozen=True, eq=False, repr=False)
class SetPoint(_Value):
    """A sub-point of an item ticked or unticked."""

    item: str
    index: int
    ticked: bool


@dataclass(frozen=True, eq=False, repr=False)
class SetConfidence(_Value):
    """Confidence in an item, 1 to 5, or None to clear it."""

    item: str
    value: int | None


@dataclass(frozen=True, eq=False, repr=False)
class SetBring(_Value):
    """An item marked (or unmarked) to bring to supervision."""

    item: str
    flag: bool


@dataclass(frozen=True, eq=False, repr=False)
class AddAction(_Value):
    """An agreed action (its id is chosen before it is queued, so it can be undone)."""

    action: Action


@dataclass(frozen=True, eq=False, repr=False)
class EditAction(_Value):
    """An agreed action changed (what, who or by when), kept in its place."""

    action: Action


@dataclass(frozen=True, eq=False, repr=False)
class SetReview(_Value):
    """An action carried in from an earlier session, reviewed (or its review changed)."""

    review: ActionReview


@dataclass(frozen=True, eq=False, repr=False)
class RemoveAction(_Value):
    """An agreed action deleted."""

    action_id: str


@dataclass(frozen=True, eq=False, repr=False)
class MoveTo(_Value):
    """Where the session is now, and in which answer there the cursor is ("" for the first)."""

    place: Step
    field: str = ""


@dataclass(frozen=True, eq=False, repr=False)
class AddElapsed(_Value):
    """Seconds spent in the walk since the last note of it."""

    seconds: int


@dataclass(frozen=True, eq=False, repr=False)
class Note(_Value):
    """Something that happened (an item skipped, the session resumed)."""

    kind: str
    detail: str = ""


@dataclass(frozen=True, eq=False, repr=False)
class Complete(_Value):
    """The session marked completed."""


@dataclass(frozen=True, eq=False, repr=False)
class Sign(_Value):
    """One person's signature, by typing their name."""

    role: Role
    name: str


@dataclass(frozen=True, eq=False, repr=False)
class SetServed(_Value):
    """The full names marked as people served ("" where one was unmarked: see SessionRecord)."""

    names: tuple[str, ...]


Change = (
    SetAnswer
    | SetOpening
    | SetSummary
    | SetNextDate
    | SetPoint
    | SetConfidence
    | SetBring
    | AddAction
    | EditAction
    | SetReview
    | RemoveAction
    | MoveTo
    | AddElapsed
    | Note
    | Complete
    | Sign
    | SetServed
)
"""Anything the screens can change."""

_LATEST_WINS = (
    SetAnswer,
    SetOpening,
    SetSummary,
    SetNextDate,
    SetConfidence,
    SetBring,
    SetServed,
)


def key_of(change: Change) -> Hashable | None:
    """Changes with the same key replace each other while queued; None for ones that add up."""
    if isinstance(change, SetPoint):
        return (SetPoint, change.item, change.index)
    if isinstance(change, MoveTo):
        return MoveTo  # only where the session is last matters
    if isinstance(change, SetReview):
        return (SetReview, *change.review.key)
    if isinstance(change, EditAction):
        return (EditAction, change.action.id)
    if not isinstance(change, _LATEST_WINS):
        return None
    fields = dataclasses.astuple(change)
    # Everything but the new value names what is changed.
    return (type(change), *fields[:-1])


def to_doc(change: Change) -> dict[str, Any]:
    """``change`` as plain JSON, for a person to read back if it could not be saved."""
    doc: dict[str, Any] = {"change": type(change).__name__}
    for name, value in dataclasses.asdict(change).items():
        doc[name] = value.value if isinstance(value, Role) else value
    if isinstance(change, SetReview) and change.review.outcome is not None:
        doc["review"]["outcome"] = change.review.outcome.value
    if isinstance(change, MoveTo):
        doc["place"] = str(change.place)
    return doc


def apply(session: SessionFile, change: Change) -> None:
    """Make ``change`` to the session file (run by the writer, in order)."""
    match change:
        case SetAnswer(item, stage, role, text):
            session.set_response(item, stage, role.value, text)
        case SetOpening(field, text):
            opening = dict(session.record.opening)
            opening[field] = text
            session.update_record(opening=opening)
        case SetSummary(text):
            session.update_record(summary=text)
        case SetNextDate(date):
            session.update_record(next_date=date)
        case SetPoint(item, index, ticked):
            session.set_point(item, index, ticked)
        case SetConfidence(item, value):
            session.set_confidence(item, value)
        case SetBring(item, flag):
            session.set_bring_to_supervision(item, flag)
        case AddAction(action) | EditAction(action):
            session.put_action(action)
        case SetReview(review):
            session.put_review(review)
        case RemoveAction(action_id):
            # Already gone is what was wanted: a retried removal must not fail for ever.
            with suppress(KeyError):
                session.remove_action(action_id)
        case MoveTo(place, field):
            session.set_current_item(str(place), field)
        case AddElapsed(seconds):
            session.add_elapsed(seconds)
        case Note(kind, detail):
            session.log(kind, detail)
        case Complete():
            session.complete()
        case Sign(role, name):
            session.sign(role.value, name)
        case SetServed(names):
            session.update_record(served=names)
