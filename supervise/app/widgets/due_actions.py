"""The home screen's list of actions due soon or overdue, across every session."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.widgets import Static

from supervise.store.continuity import DUE_SOON_DAYS, due_actions
from supervise.store.records import SessionSummary
from supervise.visible import visible

SHOWN = 5
"""How many due actions are listed before "and N more"."""


class DueActions(Static):
    """Open actions whose date has passed or is within a week; hidden while there are none."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        # Hidden until the list is read: shown empty first, it was laid out and drawn twice.
        self.display = False

    def show(self, sessions: Sequence[SessionSummary], today: date) -> None:
        """List the actions of ``sessions`` due by a week after ``today``."""
        due = due_actions(sessions, today)
        self.display = bool(due)
        if not due:
            self.update("")
            return
        lines = [f"Actions due (overdue, or within {DUE_SOON_DAYS} days):"]
        for open_action in due[:SHOWN]:
            action = open_action.action
            when = (
                f"⚠ overdue since {action.by_when}"
                if open_action.overdue(today)
                else f"due {action.by_when}"
            )
            # Whose it is, where that is not the practitioner already named.
            named = action.who and action.who != open_action.practitioner
            who = f" ({action.who})" if named else ""
            lines.append(
                f"  {when} · {visible(open_action.practitioner)}: {visible(action.what + who)}, "
                f"agreed {open_action.date}"
            )
        if len(due) > SHOWN:
            lines.append(f"  … and {len(due) - SHOWN} more")
        self.update("\n".join(lines))
