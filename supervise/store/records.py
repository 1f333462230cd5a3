"""Plain, frozen records the store hands out: nothing of TinyDB leaks past this package."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from types import MappingProxyType

from supervise.content.model import Role


class Mode(str, Enum):
    """The kind of session."""

    SUPERVISION = "supervision"
    SELF_REFLECTION = "self-reflection"


class Status(str, Enum):
    """Where a session is in its life, in order."""

    IN_PROGRESS = "in progress"
    COMPLETED = "completed"
    SIGNED = "signed"


class StepKind(Enum):
    """The three parts of a session."""

    OPENING = "opening"
    ITEM = "item"
    CLOSING = "closing"


@dataclass(frozen=True)
class Step:
    """Where a session is: its opening, one item (by reference) or its closing.

    ``Step(StepKind.ITEM)`` with no reference means "the walk, at the item last shown".
    """

    kind: StepKind
    ref: str = ""

    @classmethod
    def parse(cls, stored: str) -> Step:
        """The step a session file records (``opening``, ``closing`` or a reference)."""
        if stored in ("", StepKind.OPENING.value):
            return OPENING
        if stored == StepKind.CLOSING.value:
            return CLOSING
        return cls(StepKind.ITEM, stored)

    def __str__(self) -> str:
        """The step as a session file records it."""
        return self.ref if self.kind is StepKind.ITEM else self.kind.value


OPENING = Step(StepKind.OPENING)
"""The opening step."""
CLOSING = Step(StepKind.CLOSING)
"""The closing step."""
ITEMS = Step(StepKind.ITEM)
"""The walk, at the item last shown."""

MODES = tuple(mode.value for mode in Mode)
"""The kinds of session, as stored."""
STATUSES = tuple(status.value for status in Status)
"""The life of a session, in order, as stored."""
ROLES = tuple(role.value for role in Role)
"""Who can answer prompts and sign, as stored."""
OPENING_KEYS = ("check_in", "urgent", "purpose", "prompted_by")
"""The opening texts the app asks for (other keys are kept, not rejected)."""
CONFIDENCE_RANGE = range(1, 6)
"""Allowed confidence ratings."""
DEFAULT_PLANNED_MINUTES = 60
"""How long a session is planned to take unless said otherwise."""
DEFAULT_MODEL = "driscoll"
"""The reflective model used unless another is chosen."""


def now_iso() -> str:
    """The local time now, to the second, with its UTC offset."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def iso_from_ns(timestamp_ns: int) -> str:
    """A file timestamp (nanoseconds since the epoch) as local time, like now_iso()."""
    moment = datetime.fromtimestamp(timestamp_ns / 1_000_000_000).astimezone()
    return moment.isoformat(timespec="seconds")


def new_id() -> str:
    """A short random id: 8 hex characters."""
    import secrets  # only when a session is made: listing sessions need not pay for it

    return secrets.token_hex(4)


def is_iso_date(text: str) -> bool:
    """True if ``text`` is a date written exactly ``YYYY-MM-DD``."""
    try:
        return date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def _check_str(owner: object, *names: str) -> None:
    for name in names:
        value = getattr(owner, name)
        if not isinstance(value, str):
            raise TypeError(f"{name} must be text, not {type(value).__name__}")


def _check_count(value: object, name: str) -> None:
    # bool is an int subclass; True minutes would be nonsense that JSON happily keeps.
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be a whole number, not {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{name} cannot be negative")


def check_role(role: str) -> Role:
    """``role`` as a Role; ValueError unless it is one of ROLES."""
    try:
        return Role(role)
    except ValueError:
        raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}") from None


def check_confidence(value: int | None) -> None:
    """Raise ValueError unless ``value`` is None or a whole number from 1 to 5."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value not in CONFIDENCE_RANGE:
        raise ValueError(f"confidence must be 1 to 5 or unset, not {value!r}")


@dataclass(frozen=True)
class Signature:
    """One person's signature on a session."""

    role: Role
    name: str
    at: str

    def __post_init__(self) -> None:
        _check_str(self, "role", "name", "at")
        object.__setattr__(self, "role", check_role(self.role))


@dataclass(frozen=True, kw_only=True)
class SessionRecord:
    """The session's own details: who, when, what is in scope, how far it has got."""

    id: str
    created: str
    mode: Mode
    practitioner: str
    supervisor: str = ""
    date: str
    planned_minutes: int = DEFAULT_PLANNED_MINUTES
    model: str = DEFAULT_MODEL
    scope: tuple[str, ...] = ()
    agenda: str = ""
    opening: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    summary: str = ""
    next_date: str = ""
    status: Status = Status.IN_PROGRESS
    current_item: str = ""
    current_field: str = ""
    """The answer the cursor was in at ``current_item``, to return to it on resume."""
    elapsed_seconds: int = 0
    signatures: tuple[Signature, ...] = ()
    served: tuple[str, ...] = ()
    """Full names marked as people served, to be noticed and replaced in answers; a name
    unmarked is left as "" so each keeps its place (and its placeholder's letter)."""

    def __post_init__(self) -> None:
        _check_str(self, "id", "created", "mode", "practitioner", "supervisor", "date")
        _check_str(self, "model", "agenda", "summary", "next_date", "status", "current_item")
        _check_str(self, "current_field")
        if not self.id:
            raise ValueError("id cannot be empty")
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {self.mode!r}")
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {self.status!r}")
        # Text from a file or a caller becomes the enum, so comparisons are by member.
        object.__setattr__(self, "mode", Mode(self.mode))
        object.__setattr__(self, "status", Status(self.status))
        if not is_iso_date(self.date):
            raise ValueError(f"date must be written YYYY-MM-DD, not {self.date!r}")
        _check_count(self.planned_minutes, "planned_minutes")
        _check_count(self.elapsed_seconds, "elapsed_seconds")
        # Lists arrive from JSON and from callers; freeze them so a record never changes under
        # the person holding it.
        scope = tuple(self.scope)
        if not all(isinstance(ref, str) for ref in scope):
            raise TypeError("scope must hold item references (text)")
        object.__setattr__(self, "scope", scope)
        opening = dict(self.opening)
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in opening.items()):
            raise TypeError("opening must map text to text")
        object.__setattr__(self, "opening", MappingProxyType(opening))
        signatures = tuple(self.signatures)
        if not all(isinstance(s, Signature) for s in signatures):
            raise TypeError("signatures must be Signature records")
        object.__setattr__(self, "signatures", signatures)
        served = tuple(self.served)
        if not all(isinstance(name, str) for name in served):
            raise TypeError("served must hold names (text)")
        object.__setattr__(self, "served", served)

    @property
    def supervision(self) -> bool:
        """Whether a supervisor takes part (rather than a practitioner reflecting alone)."""
        return self.mode is Mode.SUPERVISION

    @property
    def step(self) -> Step:
        """Where the session was left."""
        return Step.parse(self.current_item)

    @property
    def required_roles(self) -> tuple[Role, ...]:
        """The roles that must sign: both in supervision, the practitioner alone otherwise."""
        return tuple(Role) if self.supervision else (Role.PRACTITIONER,)

    @property
    def signed_roles(self) -> frozenset[Role]:
        """The roles that have signed so far."""
        return frozenset(s.role for s in self.signatures)

    def name_for(self, role: Role | str) -> str:
        """The name recorded for ``role``."""
        return self.practitioner if check_role(role) is Role.PRACTITIONER else self.supervisor


def _same_name(typed: str, recorded: str) -> bool:
    return " ".join(typed.split()).casefold() == " ".join(recorded.split()).casefold()


def signed_by(record: SessionRecord, role: Role | str, name: str, at: str) -> SessionRecord:
    """``record`` with ``role``'s signature added; ValueError if that name cannot sign.

    ``name`` must match the name recorded for that role (case and spacing aside). Signing again
    for a role that has already signed changes nothing, so a retried save is harmless. Once
    everyone required has signed, the record's status is "signed".
    """
    role = check_role(role)
    if role not in record.required_roles:
        raise ValueError("A self-reflection session is signed by the practitioner alone.")
    if role in record.signed_roles:
        return record
    expected = record.name_for(role)
    if not expected.strip():
        raise ValueError(f"Add the {role.value}'s name to the session before signing.")
    if not _same_name(name, expected):
        raise ValueError(f"That name does not match the {role.value} named for this session.")
    # The record's own spelling, not the typed one: "priya" signs as "Priya".
    signatures = (*record.signatures, Signature(role, " ".join(expected.split()), at))
    done = set(record.required_roles) <= {s.role for s in signatures}
    status = Status.SIGNED if done else record.status
    return replace(record, signatures=signatures, status=status)


@dataclass(frozen=True)
class Response:
    """One answer to one prompt: an item, a stage of the model, and who answered."""

    item: str
    stage: str
    role: str
    text: str
    updated: str


@dataclass(frozen=True)
class Rating:
    """How confident the practitioner feels about an item, and whether to bring it up."""

    item: str
    confidence: int | None = None
    bring_to_supervision: bool = False


@dataclass(frozen=True)
class Action:
    """An agreed action: what, who does it, and by when."""

    id: str
    what: str
    who: str
    by_when: str
    created: str


class ReviewOutcome(str, Enum):
    """What became of an action from an earlier session, as reviewed in a later one."""

    DONE = "done"
    PARTLY = "partly"
    NOT_DONE = "not done"
    DROPPED = "dropped"

    @property
    def closes(self) -> bool:
        """Whether an action reviewed so is no longer open (done or dropped)."""
        return self in (ReviewOutcome.DONE, ReviewOutcome.DROPPED)


@dataclass(frozen=True)
class ActionReview:
    """An open action from an earlier session, carried into this one and (once asked) reviewed.

    What, who and by when are copied from the action when it is carried, so the record of this
    session reads whole on its own.
    """

    session: str
    """The id of the session the action was agreed in."""
    action: str
    """The action's id within that session."""
    what: str
    who: str
    by_when: str
    outcome: ReviewOutcome | None = None
    """None until it is reviewed: an unreviewed action stays open."""
    note: str = ""

    def __post_init__(self) -> None:
        _check_str(self, "session", "action", "what", "who", "by_when", "note")
        if self.outcome is not None and not isinstance(self.outcome, ReviewOutcome):
            raise TypeError("outcome must be a ReviewOutcome or unset")

    @property
    def key(self) -> tuple[str, str]:
        """(session, action): what names one action across every session it is carried into."""
        return (self.session, self.action)


@dataclass(frozen=True)
class Event:
    """Something that happened to the session (created, resumed, signed, ...)."""

    kind: str
    at: str
    detail: str = ""


@dataclass(frozen=True)
class SessionSummary:
    """What the list of sessions shows for one file."""

    id: str
    file: str
    path: Path
    mode: str
    practitioner: str
    supervisor: str
    date: str
    status: str
    """One of STATUSES, or "unreadable" for a file that could not be read."""
    answered: int
    """How many items in scope have at least one non-blank answer."""
    total: int
    """How many items are in scope."""
    created: str
    updated: str
    """When the file was last written."""
    next_date: str = ""
    """The date agreed for the next session, or ""."""
    scope: tuple[str, ...] = ()
    """The items in scope, in order."""
    flagged: tuple[str, ...] = ()
    """Items marked "bring to supervision"."""
    actions: tuple[Action, ...] = ()
    """The actions agreed in this session."""
    reviews: tuple[ActionReview, ...] = ()
    """Actions from earlier sessions carried into this one, and how they were reviewed."""
    problem: str = ""
    """Why the file could not be read (for an "unreadable" one), else ""."""

    @property
    def frameworks(self) -> tuple[str, ...]:
        """The ids of the frameworks the scope draws on, in order of first appearance."""
        # A comprehension, not a generator: the list of sessions asks this of every row.
        return tuple({ref.split("/", 1)[0]: None for ref in self.scope})
