"""What the screens read of an open session: one immutable value, changed by replacing it."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from supervise.store.changes import (
    AddAction,
    AddElapsed,
    Change,
    Complete,
    EditAction,
    MoveTo,
    Note,
    RemoveAction,
    SetAnswer,
    SetBring,
    SetConfidence,
    SetNextDate,
    SetOpening,
    SetPoint,
    SetReview,
    SetServed,
    SetSummary,
    Sign,
)
from supervise.store.records import (
    Action,
    ActionReview,
    Rating,
    SessionRecord,
    Status,
    now_iso,
    signed_by,
)

if TYPE_CHECKING:
    from supervise.store.session import SessionFile

AnswerKey = tuple[str, str, str]
"""(item, stage, role) of one answer."""


@dataclass(frozen=True)
class Snapshot:
    """An open session as the screens see it: everything changed so far, saved or not yet."""

    record: SessionRecord
    read_only: bool
    answers: Mapping[AnswerKey, str] = field(default_factory=dict)
    ratings: Mapping[str, Rating] = field(default_factory=dict)
    points: Mapping[str, frozenset[int]] = field(default_factory=dict)
    actions: tuple[Action, ...] = ()
    skipped: frozenset[str] = frozenset()
    reviews: tuple[ActionReview, ...] = ()
    """Actions carried in from earlier sessions, and how each has been reviewed so far."""

    @classmethod
    def of(cls, session: SessionFile) -> Snapshot:
        """Everything the screens need from ``session``, read once (when it is opened)."""
        points: dict[str, set[int]] = {}
        for item, index in session.points():
            points.setdefault(item, set()).add(index)
        return cls(
            record=session.record,
            read_only=session.read_only,
            answers=MappingProxyType(
                {(r.item, r.stage, r.role): r.text for r in session.responses()}
            ),
            ratings=MappingProxyType({r.item: r for r in session.ratings()}),
            points=MappingProxyType({k: frozenset(v) for k, v in points.items()}),
            actions=tuple(session.actions()),
            skipped=frozenset(e.detail for e in session.events() if e.kind == "skipped"),
            reviews=tuple(session.reviews()),
        )

    def answer(self, item: str, stage: str, role: str) -> str:
        """The text answered for one prompt, or ""."""
        return self.answers.get((item, stage, role), "")

    def rating(self, item: str) -> Rating:
        """How ``item`` is rated (unrated if never set)."""
        return self.ratings.get(item, Rating(item))

    def ticked(self, item: str) -> frozenset[int]:
        """The indexes of ``item``'s ticked sub-points."""
        return self.points.get(item, frozenset())

    def answered_items(self) -> set[str]:
        """Items with at least one answer that is not blank."""
        return {item for (item, _, _), text in self.answers.items() if text.strip()}

    def applied(self, change: Change) -> Snapshot:
        """This snapshot with ``change`` made; ValueError if it cannot be made (a wrong name)."""
        replace = dataclasses.replace
        record = self.record
        match change:
            case SetAnswer(item, stage, role, text):
                answers = {**self.answers, (item, stage, role.value): text}
                return replace(self, answers=MappingProxyType(answers))
            case SetOpening(key, text):
                opening = {**record.opening, key: text}
                return replace(self, record=replace(record, opening=opening))
            case SetSummary(text):
                return replace(self, record=replace(record, summary=text))
            case SetNextDate(date):
                return replace(self, record=replace(record, next_date=date))
            case SetPoint(item, index, ticked):
                now = self.ticked(item) | {index} if ticked else self.ticked(item) - {index}
                return replace(self, points=MappingProxyType({**self.points, item: now}))
            case SetConfidence(item, value):
                rating = replace(self.rating(item), confidence=value)
                return replace(self, ratings=MappingProxyType({**self.ratings, item: rating}))
            case SetBring(item, flag):
                rating = replace(self.rating(item), bring_to_supervision=flag)
                return replace(self, ratings=MappingProxyType({**self.ratings, item: rating}))
            case AddAction(action):
                kept = tuple(a for a in self.actions if a.id != action.id)
                return replace(self, actions=(*kept, action))
            case EditAction(action):
                edited = tuple(action if a.id == action.id else a for a in self.actions)
                return replace(self, actions=edited)
            case SetReview(review):
                if any(r.key == review.key for r in self.reviews):
                    reviews = tuple(review if r.key == review.key else r for r in self.reviews)
                    return replace(self, reviews=reviews)
                return replace(self, reviews=(*self.reviews, review))
            case RemoveAction(action_id):
                kept = tuple(a for a in self.actions if a.id != action_id)
                return replace(self, actions=kept)
            case MoveTo(place, field):
                moved = replace(record, current_item=str(place), current_field=field)
                return replace(self, record=moved)
            case AddElapsed(seconds):
                elapsed = record.elapsed_seconds + seconds
                return replace(self, record=replace(record, elapsed_seconds=elapsed))
            case Note(kind, detail):
                if kind == "skipped":
                    return replace(self, skipped=self.skipped | {detail})
                return self
            case Complete():
                return replace(self, record=replace(record, status=Status.COMPLETED))
            case Sign(role, name):
                signed = signed_by(record, role.value, name, now_iso())
                return replace(
                    self, record=signed, read_only=self.read_only or signed.status is Status.SIGNED
                )
            case SetServed(names):
                return replace(self, record=replace(record, served=names))
