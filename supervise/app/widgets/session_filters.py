"""The home screen's filters: one practitioner, one status, and whether archived sessions show."""

from __future__ import annotations

from collections.abc import Sequence, Set

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Select

from supervise.app.widgets.filter_face import FilterFace
from supervise.store.continuity import known_names, person_key
from supervise.store.records import SessionSummary, Status

STATUS_TITLES = {
    Status.IN_PROGRESS: "In progress",
    Status.COMPLETED: "Completed",
    Status.SIGNED: "Signed",
}
"""How each status reads in the filter."""
PROMPTS = {"practitioner": "All practitioners  (p)", "status": "All statuses  (s)"}
"""What each filter says while nothing is chosen, by filter."""


class SessionFilters(Horizontal):
    """Two drop-downs over the session list; posts Changed when either changes.

    Each shows as a FilterFace until first used, then as the Select it stands for.
    """

    class Changed(Message):
        """A filter changed: the list should be drawn again."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.show_archived = False
        """Whether archived sessions are listed too."""
        self._sessions: Sequence[SessionSummary] = ()
        self._names: list[str] = []

    def compose(self) -> ComposeResult:
        """The practitioner filter, then the status filter."""
        for which, prompt in PROMPTS.items():
            yield FilterFace(prompt, id=f"face-{which}")

    def _options(self, which: str) -> list[tuple[str, str]]:
        if which == "practitioner":
            self._names = known_names(self._sessions, supervisors=False)
            return [(name, name) for name in self._names]
        return [(title, status.value) for status, title in STATUS_TITLES.items()]

    def _select(self, which: str) -> Select[str] | None:
        found = self.query(f"#filter-{which}").results(Select)
        return next(iter(found), None)

    async def _realise(self, which: str) -> Select[str]:
        """The ``which`` filter's Select, built in its face's place if it is not there yet."""
        select = self._select(which)
        if select is None:
            select = Select[str](
                self._options(which), prompt=PROMPTS[which], id=f"filter-{which}", compact=True
            )
            face = self.query_one(f"#face-{which}", FilterFace)
            await self.mount(select, before=face)
            await face.remove()
        return select

    def offer(self, sessions: Sequence[SessionSummary]) -> None:
        """Offer the practitioners of ``sessions`` (the one chosen stays chosen)."""
        self._sessions = sessions
        select = self._select("practitioner")
        if select is None:
            # Named when the filter is first opened.
            return
        names = self._names
        options = self._options("practitioner")
        if self._names == names:
            return
        chosen = select.value
        with self.prevent(Select.Changed):
            select.set_options(options)
            if isinstance(chosen, str) and chosen in self._names:
                select.value = chosen

    def _value(self, which: str) -> str | None:
        select = self._select(which)
        value = None if select is None else select.value
        return value if isinstance(value, str) else None

    @property
    def practitioner(self) -> str | None:
        """The practitioner chosen, or None for all."""
        return self._value("practitioner")

    @property
    def status(self) -> str | None:
        """The status chosen, or None for all."""
        return self._value("status")

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

    async def open_filter(self, which: str) -> None:
        """Put the cursor on the ``practitioner`` or ``status`` filter and open it."""
        select = await self._realise(which)
        select.focus()
        select.action_show_overlay()

    @on(FilterFace.Wanted)
    async def _wanted(self, event: FilterFace.Wanted) -> None:
        event.stop()
        await self.open_filter((event.face.id or "").removeprefix("face-"))

    @on(Select.Changed)
    def _changed(self, event: Select.Changed) -> None:
        event.stop()
        self.post_message(self.Changed())
