"""A change told in words: what it changed (an answer, the summary, a tick) and the words it
holds, for people reading back a copy of what a disk refused."""

from __future__ import annotations

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
from supervise.visible import visible

PREVIEW_WORDS = 8
"""How many words of a text a preview shows."""
PREVIEW_CHARACTERS = 60
"""The longest preview, for texts of long words (a pasted link)."""


def is_bookkeeping(change: Change) -> bool:
    """Whether ``change`` is the app's own record-keeping (where the cursor was, time spent, a
    note of what happened), not something a person typed or chose."""
    return isinstance(change, MoveTo | AddElapsed | Note)


def place(change: Change) -> str:
    """Which part of the session ``change`` is to, in words."""
    match change:
        case SetAnswer(item, stage, role, _):
            return f"answer to {item}, {stage} ({role.value})"
        case SetOpening(field, _):
            return f"opening, {field.replace('_', ' ')}"
        case SetSummary():
            return "summary"
        case SetNextDate():
            return "date of the next session"
        case SetServed():
            return "people served"
        case AddAction():
            return "action agreed"
        case EditAction():
            return "action changed"
        case SetReview(review):
            return f"review of the action {review.what!r}"
        case SetPoint(item, point, ticked):
            return f"point {point + 1} of {item} {'ticked' if ticked else 'unticked'}"
        case SetConfidence(item, value):
            return f"confidence in {item} {'cleared' if value is None else f'set to {value}'}"
        case SetBring(item, flag):
            return f"{item} {'marked' if flag else 'unmarked'} to bring to supervision"
        case RemoveAction(action_id):
            return f"action {action_id} removed"
        case Complete():
            return "session marked completed"
        case Sign(role, _):
            return f"signed by the {role.value}"
        case MoveTo():
            return "where you were"
        case AddElapsed(seconds):
            return f"{seconds} seconds spent"
        case Note(kind, _):
            return f"note: {kind}"


def words(change: Change) -> str:
    """The words ``change`` holds ("" for one that holds none, a tick say)."""
    match change:
        case SetAnswer(text=text) | SetOpening(text=text) | SetSummary(text=text):
            return text
        case SetNextDate(date):
            return date
        case SetServed(names):
            return ", ".join(name for name in names if name)
        case AddAction(action) | EditAction(action):
            return " · ".join(part for part in (action.what, action.who, action.by_when) if part)
        case SetReview(review):
            outcome = review.outcome.value if review.outcome else ""
            return " · ".join(part for part in (outcome, review.note) if part)
        case Sign(_, name):
            return name
    return ""


def preview(text: str) -> str:
    """The first few words of ``text`` on one line, safe to print."""
    every = text.split()
    shown = " ".join(every[:PREVIEW_WORDS])
    if len(shown) > PREVIEW_CHARACTERS:
        shown = shown[: PREVIEW_CHARACTERS - 1].rstrip()
    elif len(every) <= PREVIEW_WORDS:
        return visible(shown)
    return visible(shown) + "…"


def indented(text: str, margin: str) -> str:
    """``text`` whole, safe to print, every line after the first beginning with ``margin``."""
    return visible(text).replace("\n", "\n" + margin)
