"""What every screen of an open session shares: the live session, the save indicator, leaving."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Header

from supervise.app.commands import MARK_PERSON, REPLACE_IDENTIFIERS, Command
from supervise.app.live import SaveState, SessionDoor, describe
from supervise.app.messages import GoToStep, LeaveSession, ReadBack
from supervise.app.screens.identifiers import IdentifierActions
from supervise.app.screens.record_actions import SESSION_EXPORT, SessionExport
from supervise.app.settle import settle_input
from supervise.app.textual_private import width_class
from supervise.app.widgets.box import Box
from supervise.app.widgets.key_bar import KeyBar
from supervise.app.widgets.prompt_field import AnswerArea
from supervise.app.widgets.save_status import SaveStatus
from supervise.store.changes import MoveTo
from supervise.store.records import Step
from supervise.visible import visible

if TYPE_CHECKING:
    from supervise.content import Library

LEAVE = Command("leave", "escape", "Sessions", "Save and go back to the list of sessions")
"""Back to the list of sessions."""
SESSION_COMMANDS: tuple[Command, ...] = (
    Command(
        "show_record",
        "ctrl+f",
        "Record",
        "Read the whole session back on one page",
        priority=True,
        palette="Read the record",
    ),
    Command("save_now", "ctrl+s", "Save", "Write everything to disk now", priority=True),
    LEAVE,
    SESSION_EXPORT,
    REPLACE_IDENTIFIERS,
    MARK_PERSON,
)
"""Commands every session screen offers."""


class SessionScreen(SessionExport, IdentifierActions):
    """Base for the opening, walk and closing screens of one open session."""

    COMMAND_LIST: ClassVar[tuple[Command, ...]] = SESSION_COMMANDS

    def __init__(self, live: SessionDoor, library: Library) -> None:
        super().__init__()
        self.live = live
        """The open session."""
        self.library = library
        """The loaded content."""
        # Titled before mounting: a title set once mounted lays the header out again.
        record = live.snapshot.record
        people = record.practitioner
        if record.supervisor:
            people += f" with {record.supervisor}"
        kind = "Supervision" if self.supervision else "Self-reflection"
        self.title = f"{kind}: {visible(people)}"
        self.sub_title = record.date + ("  (read only)" if live.read_only else "")
        # Given now, the first resize changes nothing (see width_class).
        width = width_class(self, self.app.size.width)
        if width is not None:
            self.add_class(width)
        self._resumed = False

    @property
    def supervision(self) -> bool:
        """Whether this is a supervision session (rather than self-reflection)."""
        return self.live.snapshot.record.supervision

    def compose_frame(self, *top: Widget) -> ComposeResult:
        """The header (with ``top`` below it), save indicator and footer of every session screen.

        Each sits in a box split off the screen's edge (see the stylesheet), so whatever a screen
        yields after them fills the middle. Textual redraws every widget beside an ancestor of
        the answer being typed in on each key; a box keeps what it holds out of that.
        """
        with Box(id="top-bar"):
            yield Header(show_clock=True)
            yield from top
        with Box(id="bottom-bar"):
            yield SaveStatus(describe(self.live.state), id="save-status", markup=False)
            yield KeyBar()

    def show_save_state(self, state: SaveState) -> None:
        """Update the save indicator."""
        for status in self.query(SaveStatus):
            status.show(state)

    @property
    def place(self) -> Step:
        """Where in the session this screen is."""
        raise NotImplementedError

    def field_left(self, place: Step | None = None) -> str:
        """The answer the cursor was in when the session was left at ``place`` (this screen's
        by default), or ""."""
        record = self.live.snapshot.record
        return record.current_field if record.step == (place or self.place) else ""

    def focus_answer(self, field: str = "") -> str:
        """Put the cursor at the end of the answer named ``field``, else of the first; return
        the name of the answer focused."""
        answers = self.query(AnswerArea)
        if not answers:
            return ""
        area = next((a for a in answers if field and a.field == field), answers.first())
        area.focus(scroll_visible=False)
        area.move_cursor(area.document.end, record_width=True)
        return area.field

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Shown for the first time, every widget is styled already: do not style them again."""
        # Textual styles each widget as it mounts and then, as the screen first shows, the whole
        # screen again: 4-5 ms of a session's opening (see benchmarks/). Later resumes (back from
        # a dialog) still restyle, as the theme may have changed meanwhile.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Remember which answer the cursor is in, so a resume returns to it."""
        widget = event.widget
        if isinstance(widget, AnswerArea) and widget.field and not self.live.read_only:
            self.live.submit(MoveTo(self.place, widget.field))

    def show_saving(self) -> None:
        """Say that the session is waiting for the disk (while leaving or quitting)."""
        for status in self.query(SaveStatus):
            status.show_text("Saving…")

    def save_all(self) -> None:
        """Hand everything typed on this screen to the store (subclasses add their fields)."""

    async def settled(self) -> None:
        """Let every key already typed land, then hand everything on screen to the store."""
        await settle_input(self)
        self.save_all()

    async def action_save_now(self) -> None:
        """Save everything and wait for the disk."""
        await self.settled()
        if self.live.read_only:
            self.notify("This session is read only: nothing to save.")
        elif await asyncio.to_thread(self.live.flush):
            self.notify("Everything is saved.")
        else:
            self.notify(
                f"Not saved: {self.live.state.error} Your text is still here and is tried "
                "again; if this goes on, quit and keep a copy.",
                severity="error",
                timeout=10,
                markup=False,
            )

    async def action_leave(self) -> None:
        """Save and go back to the list of sessions."""
        await self.settled()
        self.post_message(LeaveSession())

    async def action_show_record(self) -> None:
        """Save and read the whole session back on one page."""
        await self.settled()
        self.post_message(ReadBack())

    async def go(self, step: Step) -> None:
        """Save and move the session to ``step``."""
        await self.settled()
        self.post_message(GoToStep(step))
