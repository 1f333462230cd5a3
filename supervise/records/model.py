"""The shape of a session's record: what a reader of the file sees, in the order they see it."""

from __future__ import annotations

from dataclasses import dataclass

MODE_TITLES = {"supervision": "Supervision", "self-reflection": "Self-reflection"}
"""How each mode of session is named in a record."""
ROLE_TITLES = {"practitioner": "Practitioner", "supervisor": "Supervisor"}
"""How each role is named in a record."""
OPENING_TITLES = {
    "check_in": "Check-in",
    "urgent": "Anything urgent",
    "purpose": "Purpose",
    "prompted_by": "What prompted this",
}
"""The opening's questions as the opening screen heads them (other keys show as stored)."""
CONFIDENCE_WORDS = ("Not yet", "A little", "Fairly", "Mostly", "Very")
"""The words of the 1–5 confidence scale, as the walk shows them."""
CONFIDENTIAL = (
    "Confidential: a supervision record holding personal notes. Keep it as your organisation "
    "keeps supervision records, share it only with the people named in it, and do not send it "
    "by unencrypted email."
)
"""The line every rendered record carries."""


@dataclass(frozen=True)
class Person:
    """Someone named in the session, with their role."""

    role: str
    name: str


@dataclass(frozen=True)
class SignedBy:
    """One signature: who signed, in which role, and when."""

    role: str
    name: str
    at: str


@dataclass(frozen=True)
class Header:
    """The facts at the top of a record."""

    session_id: str
    date: str
    time: str
    """The time the session was started, HH:MM, or "" if unknown."""
    planned_minutes: int
    elapsed_minutes: int
    """Time spent in the items, rounded to the minute."""
    mode: str
    model: str
    """The reflective model's title (its id if it is not loaded)."""
    status: str
    people: tuple[Person, ...]
    signatures: tuple[SignedBy, ...]
    frameworks: tuple[str, ...]
    """The titles of the frameworks the items come from."""

    @property
    def mode_title(self) -> str:
        """The mode in words."""
        return MODE_TITLES.get(self.mode, self.mode)


@dataclass(frozen=True)
class PromptRecord:
    """One prompt of an item and both people's words for it."""

    stage: str
    title: str
    question: str
    """The practitioner's question ("" if the prompt is no longer generated)."""
    cue: str
    """The supervisor's cue ("" in self-reflection or if none)."""
    practitioner: str
    supervisor: str

    @property
    def empty(self) -> bool:
        """Whether neither person wrote anything here."""
        return not (self.practitioner.strip() or self.supervisor.strip())


@dataclass(frozen=True)
class ItemRecord:
    """One competence item of the session, as covered (or skipped, or not reached)."""

    ref: str
    statement: str
    """The statement as printed; "" if the item is not in the loaded content."""
    where: str
    """Framework and section, in words."""
    points: tuple[str, ...]
    """The sub-points ticked as applying."""
    confidence: int | None
    bring_to_supervision: bool
    prompts: tuple[PromptRecord, ...]
    skipped: bool

    @property
    def answered(self) -> bool:
        """Whether anything was written for this item."""
        return any(not prompt.empty for prompt in self.prompts)

    @property
    def confidence_words(self) -> str:
        """The rating in words ("3 of 5, Fairly"), or "" if unrated."""
        if self.confidence is None:
            return ""
        return f"{self.confidence} of 5, {CONFIDENCE_WORDS[self.confidence - 1]}"


@dataclass(frozen=True)
class ActionRecord:
    """An agreed action."""

    what: str
    who: str
    by_when: str


@dataclass(frozen=True)
class Record:
    """A whole session as it goes on file."""

    header: Header
    agenda: str
    opening: tuple[tuple[str, str], ...]
    """(heading, text) of each opening answer, in the opening's order."""
    items: tuple[ItemRecord, ...]
    summary: str
    actions: tuple[ActionRecord, ...]
    next_date: str
    required_roles: tuple[str, ...]
    """The roles that sign this kind of session."""

    @property
    def supervision(self) -> bool:
        """Whether this is a supervision session (two people) rather than self-reflection."""
        return self.header.mode == "supervision"

    @property
    def title(self) -> str:
        """The record's title line."""
        names = " with ".join(p.name for p in self.header.people if p.name.strip())
        return f"{self.header.mode_title} record: {names}, {self.header.date}"


def moment(at: str) -> str:
    """A stored time ("2026-11-23T10:05:31+00:00") as a reader writes it ("2026-11-23 10:05")."""
    if len(at) >= 16 and at[10] == "T":
        return f"{at[:10]} {at[11:16]}"
    return at


def facts(record: Record) -> list[tuple[str, str]]:
    """The header as (label, value) lines, in the order a record shows them."""
    header = record.header
    when = header.date + (f", {header.time}" if header.time else "")
    length = f"{header.elapsed_minutes} min in the items (planned {header.planned_minutes} min)"
    rows = [("Date", when), ("Length", length), ("Mode", header.mode_title)]
    rows += [(ROLE_TITLES.get(p.role, p.role), p.name or "—") for p in header.people]
    rows += [("Reflective model", header.model), ("Status", header.status.capitalize())]
    if header.frameworks:
        rows.append(("Frameworks", "; ".join(header.frameworks)))
    for signature in header.signatures:
        role = ROLE_TITLES.get(signature.role, signature.role)
        rows.append((f"Signed ({role.lower()})", f"{signature.name}, {moment(signature.at)}"))
    rows.append(("Session id", header.session_id))
    return rows


def sign_off(record: Record) -> list[tuple[str, str]]:
    """(role, who signed and when, or "not signed") for each role that signs this session."""
    signed = {s.role: s for s in record.header.signatures}
    lines = []
    for role in record.required_roles:
        signature = signed.get(role)
        status = "not signed" if signature is None else f"{signature.name}, {moment(signature.at)}"
        lines.append((ROLE_TITLES.get(role, role), status))
    return lines


def item_state(item: ItemRecord) -> str:
    """ "skipped", "not covered", or "" for an item with answers."""
    if item.answered:
        return ""
    return "skipped" if item.skipped else "not covered"
