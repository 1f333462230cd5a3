"""Every change a person can make to an open session, as a value that can be queued and kept.

A change is applied twice: at once to the snapshot the screens read (``Snapshot.applied``), and
later, in order, to the file by the writer (``apply``). Being plain values, the changes a disk
refused can also be written out for the person to keep (``to_doc``), and read back
(``from_doc``) to be restored.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable
from contextlib import suppress
from typing import TYPE_CHECKING, Any, NamedTuple, cast, get_args

from supervise.content.model import Role
from supervise.store.records import (
    Action,
    ActionReview,
    Step,
    check_confidence,
    check_role,
    is_iso_date,
)

if TYPE_CHECKING:
    from supervise.store.session import SessionFile


class SetAnswer(NamedTuple):
    """The answer to one prompt of one item, by one person."""

    item: str
    stage: str
    role: Role
    text: str


class SetOpening(NamedTuple):
    """One of the opening's answers (check-in, purpose, ...)."""

    field: str
    text: str


class SetSummary(NamedTuple):
    """The closing's summary of outcomes."""

    text: str


class SetNextDate(NamedTuple):
    """The date of the next session (YYYY-MM-DD, or "" for none yet)."""

    date: str


class SetPoint(NamedTuple):
    """A sub-point of an item ticked or unticked."""

    item: str
    point: int
    """Which sub-point, from 0 (not ``index``: a tuple's method has that name)."""
    ticked: bool


class SetConfidence(NamedTuple):
    """Confidence in an item, 1 to 5, or None to clear it."""

    item: str
    value: int | None


class SetBring(NamedTuple):
    """An item marked (or unmarked) to bring to supervision."""

    item: str
    flag: bool


class AddAction(NamedTuple):
    """An agreed action (its id is chosen before it is queued, so it can be undone)."""

    action: Action


class EditAction(NamedTuple):
    """An agreed action changed (what, who or by when), kept in its place."""

    action: Action


class SetReview(NamedTuple):
    """An action carried in from an earlier session, reviewed (or its review changed)."""

    review: ActionReview


class RemoveAction(NamedTuple):
    """An agreed action deleted."""

    action_id: str


class MoveTo(NamedTuple):
    """Where the session is now, and in which answer there the cursor is ("" for the first)."""

    place: Step
    field: str = ""


class AddElapsed(NamedTuple):
    """Seconds spent in the walk since the last note of it."""

    seconds: int


class Note(NamedTuple):
    """Something that happened (an item skipped, the session resumed)."""

    kind: str
    detail: str = ""


class Complete(NamedTuple):
    """The session marked completed."""


class Sign(NamedTuple):
    """One person's signature, by typing their name."""

    role: Role
    name: str


class SetServed(NamedTuple):
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
"""Anything the screens can change.

Each kind is a NamedTuple: as immutable and as typed as a frozen dataclass, but defined in a
fraction of the time (17 frozen dataclasses made importing this module the slowest step of
opening a session on Python 3.11). What a tuple would add is taken back below: a change equals
only a change of its own kind."""


def _same_kind(change: tuple[Any, ...], other: object) -> bool:
    return type(other) is type(change) and tuple.__eq__(change, other) is True


def _other_kind(change: tuple[Any, ...], other: object) -> bool:
    return not _same_kind(change, other)


def _kind_hash(change: tuple[Any, ...]) -> int:
    return hash((type(change), tuple(change)))


for _kind in get_args(Change):
    # setattr: mypy refuses a function assigned to a class's method.
    setattr(_kind, "__eq__", _same_kind)  # noqa: B010
    setattr(_kind, "__ne__", _other_kind)  # noqa: B010
    setattr(_kind, "__hash__", _kind_hash)  # noqa: B010

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
        return (SetPoint, change.item, change.point)
    if isinstance(change, MoveTo):
        return MoveTo  # only where the session is last matters
    if isinstance(change, SetReview):
        return (SetReview, *change.review.key)
    if isinstance(change, EditAction):
        return (EditAction, change.action.id)
    if not isinstance(change, _LATEST_WINS):
        return None
    # Everything but the new value names what is changed.
    return (type(change), *change[:-1])


def to_doc(change: Change) -> dict[str, Any]:
    """``change`` as plain JSON, for a person to read back if it could not be saved."""
    doc: dict[str, Any] = {"change": type(change).__name__}
    for name, value in change._asdict().items():
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            value = dataclasses.asdict(value)
        doc[name] = value.value if isinstance(value, Role) else value
    if isinstance(change, SetReview) and change.review.outcome is not None:
        doc["review"]["outcome"] = change.review.outcome.value
    if isinstance(change, MoveTo):
        doc["place"] = str(change.place)
    return doc


class BadChange(ValueError):
    """A document that is not a change ``to_doc`` writes (read from a file: anything may be in
    it), and why, in a few words."""


def _field(doc: dict[str, Any], name: str, kind: type | tuple[type, ...], what: str) -> Any:
    value = doc[name]
    # bool is an int, and an int is no bool: a tick of 1 or a point True is refused.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise BadChange(f"{name} must be {what}, not {type(value).__name__}")
    return value


def _text(doc: dict[str, Any], name: str) -> str:
    return str(_field(doc, name, str, "text"))


def _count(doc: dict[str, Any], name: str) -> int:
    value = int(_field(doc, name, int, "a whole number"))
    if value < 0:
        raise BadChange(f"{name} cannot be negative")
    return value


def _flag(doc: dict[str, Any], name: str) -> bool:
    return bool(_field(doc, name, bool, "true or false"))


def _role(doc: dict[str, Any], name: str) -> Role:
    try:
        return check_role(_text(doc, name))
    except ValueError as exc:
        raise BadChange(str(exc)) from None


def _shape(value: object, kind: type, name: str) -> dict[str, Any]:
    """``value`` checked to hold exactly the fields of the dataclass ``kind``."""
    fields = {f.name for f in dataclasses.fields(kind)}
    if not isinstance(value, dict) or set(value) != fields:
        raise BadChange(f"{name} must be an object of {', '.join(sorted(fields))}")
    return value


def _action(doc: dict[str, Any], name: str) -> Action:
    shape = _shape(doc[name], Action, name)
    return Action(**{key: _text(shape, key) for key in shape})


def _review(doc: dict[str, Any], name: str) -> ActionReview:
    from supervise.store.codec import review_from_doc

    shape = _shape(doc[name], ActionReview, name)
    for key in shape:
        if key != "outcome":
            _text(shape, key)
    try:
        return review_from_doc(shape)
    except (TypeError, ValueError) as exc:
        raise BadChange(f"{name}: {exc}") from None


def _confidence(doc: dict[str, Any], name: str) -> int | None:
    value = doc[name]
    try:
        check_confidence(value)
    except ValueError as exc:
        raise BadChange(str(exc)) from None
    return cast(int | None, value)


def _date(doc: dict[str, Any], name: str) -> str:
    value = _text(doc, name)
    if value and not is_iso_date(value):
        raise BadChange(f"{name} must be a date written YYYY-MM-DD, or empty")
    return value


def _step(doc: dict[str, Any], name: str) -> Step:
    return Step.parse(_text(doc, name))


def _names(doc: dict[str, Any], name: str) -> tuple[str, ...]:
    value = _field(doc, name, list, "a list of names")
    if not all(isinstance(one, str) for one in value):
        raise BadChange(f"{name} must hold only text")
    return tuple(value)


_Reader = Callable[[dict[str, Any], str], Any]
_READERS: dict[str, tuple[type, tuple[_Reader, ...]]] = {
    "SetAnswer": (SetAnswer, (_text, _text, _role, _text)),
    "SetOpening": (SetOpening, (_text, _text)),
    "SetSummary": (SetSummary, (_text,)),
    "SetNextDate": (SetNextDate, (_date,)),
    "SetPoint": (SetPoint, (_text, _count, _flag)),
    "SetConfidence": (SetConfidence, (_text, _confidence)),
    "SetBring": (SetBring, (_text, _flag)),
    "AddAction": (AddAction, (_action,)),
    "EditAction": (EditAction, (_action,)),
    "SetReview": (SetReview, (_review,)),
    "RemoveAction": (RemoveAction, (_text,)),
    "MoveTo": (MoveTo, (_step, _text)),
    "AddElapsed": (AddElapsed, (_count,)),
    "Note": (Note, (_text, _text)),
    "Complete": (Complete, ()),
    "Sign": (Sign, (_role, _text)),
    "SetServed": (SetServed, (_names,)),
}
"""How each field of each kind of change is read back, in the order the kind declares them."""


def from_doc(doc: object) -> Change:
    """The change ``to_doc`` wrote as ``doc``; BadChange unless ``doc`` is exactly such a
    document (every field present, of its type and range, and nothing else)."""
    if not isinstance(doc, dict):
        raise BadChange(f"a change must be an object, not {type(doc).__name__}")
    name = doc.get("change")
    found = _READERS.get(name) if isinstance(name, str) else None
    if found is None:
        raise BadChange(f"unknown kind of change: {str(name)[:40]!r}")
    kind, readers = found
    fields: tuple[str, ...] = kind._fields  # type: ignore[attr-defined]
    if set(doc) != {"change", *fields}:
        expected = ", ".join(fields) or "nothing more"
        raise BadChange(f"{name} must hold {expected}")
    try:
        values = [read(doc, field) for read, field in zip(readers, fields, strict=True)]
    except BadChange as exc:
        raise BadChange(f"{name}: {exc}") from None
    return cast(Change, kind(*values))


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
        case SetPoint(item, point, ticked):
            session.set_point(item, point, ticked)
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
