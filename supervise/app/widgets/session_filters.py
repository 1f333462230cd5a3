"""The home screen's filters: one practitioner, one status, and whether archived sessions show."""

from __future__ import annotations

from collections.abc import Sequence, Set

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Select

from supervise.store.continuity import known_names, person_key
from supervise.store.records import SessionSummary, Status

STATUS_TITLES = {
    Status.IN_PROGRESS: "In progress",
    Status.COMPLETED: "Completed",
    Status.SIGNED: "Signed",
}
"""How each status reads in the filter."""


class SessionFilters(Horizontal):
    """Two drop-downs over the session list; posts Changed when either changes."""

    class Changed(Message):
        """A filter changed: the list should be drawn again."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.show_archived = False
        """Whether archived sessions are listed too."""
        self._names: list[str] = []

    def compose(self) -> ComposeResult:
        """The practitioner filter, then the status filter."""
        yield Select[str](
            [], prompt="All practitioners  (p)", id="filter-practitioner", compact=True
        )
        yield Select[str](
            [(title, status.value) for status, title in STATUS_TITLES.items()],
            prompt="All statuses  (s)",
            id="filter-status",
            compact=True,
        )

    def offer(self, sessions: Sequence[SessionSummary]) -> None:
        """Offer the practitioners of ``sessions`` (the one chosen stays chosen)."""
        names = known_names(sessions, supervisors=False)
        if names == self._names:
            return
        self._names = names
        select: Select[str] = self.query_one("#filter-practitioner", Select)
        chosen = select.value
        with self.prevent(Select.Changed):
            select.set_options((name, name) for name in names)
            if isinstance(chosen, str) and chosen in names:
                select.value = chosen

    @property
    def practitioner(self) -> str | None:
        """The practitioner chosen, or None for all."""
        value = self.query_one("#filter-practitioner", Select).value
        return value if isinstance(value, str) else None

    @property
    def status(self) -> str | None:
        """The status chosen, or None for all."""
        value = self.query_one("#filter-status", Select).value
        return value if isinstance(value, str) else None

    def shown(self, sessions: Sequence[SessionSummary], archived: Set[str]) -> list[SessionSummary]:
        """The ``sessions`` the list shows (``archived`` names the archived files)."""
        practitioner, status = self.practitioner, self.status
        wanted = None if practitioner is None else person_key(practitioner)
        return [
            s
            for s in sessions
            if (self.show_archived or s.file not in archived)
            and (wanted is None or person_key(s.practitioner) == wanted)
            and (status is None or s.status == status)
        ]

    def open_filter(self, which: str) -> None:
        """Put the cursor on the ``practitioner`` or ``status`` filter and open it."""
        select: Select[str] = self.query_one(f"#filter-{which}", Select)
        select.focus()
        select.action_show_overlay()

    @on(Select.Changed)
    def _changed(self, event: Select.Changed) -> None:
        event.stop()
        self.post_message(self.Changed())
