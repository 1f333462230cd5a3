"""What carries from one session to the next: open actions, flagged items and known names.

Worked out from the catalogue's summaries alone, so the home screen and the new-session form
read no session file for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from supervise.store.records import Action, ActionReview, Mode, ReviewOutcome, SessionSummary

DUE_SOON_DAYS = 7
"""An open action is shown as due once its date is this many days away or fewer."""


def person_key(name: str) -> str:
    """How a name is compared: case and spacing aside ("sam  k" is "Sam K")."""
    return " ".join(name.split()).casefold()


def _chronological(summaries: Iterable[SessionSummary]) -> list[SessionSummary]:
    readable = (s for s in summaries if s.status != "unreadable")
    return sorted(readable, key=lambda s: (s.date, s.created, s.file))


@dataclass(frozen=True)
class OpenAction:
    """An action agreed in some session and not yet reviewed as done or dropped."""

    session: str
    """The id of the session it was agreed in."""
    date: str
    """That session's date."""
    practitioner: str
    """That session's practitioner."""
    action: Action
    last: ActionReview | None = None
    """Its latest review ("partly" or "not done"), if it has been reviewed."""

    def carried(self) -> ActionReview:
        """This action as carried into a new session, not yet reviewed there."""
        action = self.action
        return ActionReview(self.session, action.id, action.what, action.who, action.by_when)

    def overdue(self, today: dt.date) -> bool:
        """Whether its date has passed."""
        return bool(self.action.by_when) and self.action.by_when < today.isoformat()


def open_actions(
    summaries: Iterable[SessionSummary], practitioner: str | None = None
) -> list[OpenAction]:
    """Actions not yet reviewed as done or dropped, oldest session first (of ``practitioner``
    only, if given)."""
    # Most sessions carry no actions: leave them out before sorting (the home screen asks this
    # of every session at start).
    ordered = _chronological(s for s in summaries if s.actions or s.reviews)
    found: dict[tuple[str, str], OpenAction] = {}
    last: dict[tuple[str, str], ActionReview] = {}
    for summary in ordered:
        for action in summary.actions:
            found[(summary.id, action.id)] = OpenAction(
                summary.id, summary.date, summary.practitioner, action
            )
        for review in summary.reviews:
            # A later session's review replaces an earlier one's; carried but not yet asked
            # about says nothing new.
            if review.outcome is not None:
                last[review.key] = review
    wanted = None if practitioner is None else person_key(practitioner)
    result = []
    for key, open_action in found.items():
        latest = last.get(key)
        if latest is not None and latest.outcome is not None and latest.outcome.closes:
            continue
        if wanted is not None and person_key(open_action.practitioner) != wanted:
            continue
        result.append(open_action if latest is None else _with_last(open_action, latest))
    return result


def _with_last(open_action: OpenAction, review: ActionReview) -> OpenAction:
    return OpenAction(
        open_action.session, open_action.date, open_action.practitioner, open_action.action, review
    )


def due_actions(
    summaries: Iterable[SessionSummary], today: dt.date, within_days: int = DUE_SOON_DAYS
) -> list[OpenAction]:
    """Open actions whose date has passed or is at most ``within_days`` away, soonest first."""
    horizon = (today + dt.timedelta(days=within_days)).isoformat()
    due = [a for a in open_actions(summaries) if a.action.by_when and a.action.by_when <= horizon]
    return sorted(due, key=lambda a: (a.action.by_when, a.date))


@dataclass(frozen=True)
class FlaggedItem:
    """An item a practitioner marked "bring to supervision" in a self-reflection."""

    item: str
    session: str
    """The id of the self-reflection."""
    path: Path
    """The self-reflection's file."""
    date: str


def flagged_for_supervision(
    summaries: Iterable[SessionSummary], practitioner: str
) -> list[FlaggedItem]:
    """Items ``practitioner`` flagged in self-reflections that no later supervision has taken
    up yet (in its scope), each from the latest reflection that flagged it."""
    wanted = person_key(practitioner)
    flagged: dict[str, FlaggedItem] = {}
    for summary in _chronological(summaries):
        if person_key(summary.practitioner) != wanted:
            continue
        if summary.mode == Mode.SUPERVISION:
            for ref in summary.scope:
                flagged.pop(ref, None)
        else:
            for ref in summary.flagged:
                flagged.pop(ref, None)  # re-inserted: the latest reflection comes last
                flagged[ref] = FlaggedItem(ref, summary.id, summary.path, summary.date)
    return list(flagged.values())


def known_names(summaries: Iterable[SessionSummary], *, supervisors: bool = True) -> list[str]:
    """Every name typed before (practitioners, and supervisors unless told not), one spelling
    per person (the latest used), in alphabetical order."""
    spelling: dict[str, str] = {}
    for summary in _chronological(summaries):
        names = (summary.practitioner, summary.supervisor if supervisors else "")
        for name in names:
            tidy = " ".join(name.split())
            if tidy:
                spelling[person_key(tidy)] = tidy
    return sorted(spelling.values(), key=str.casefold)


def known_spelling(typed: str, names: Iterable[str]) -> str:
    """The spelling already used for the person ``typed`` names, else ``typed`` tidied."""
    key = person_key(typed)
    return next((name for name in names if person_key(name) == key), " ".join(typed.split()))


__all__ = [
    "DUE_SOON_DAYS",
    "FlaggedItem",
    "OpenAction",
    "ReviewOutcome",
    "due_actions",
    "flagged_for_supervision",
    "known_names",
    "known_spelling",
    "open_actions",
    "person_key",
]
