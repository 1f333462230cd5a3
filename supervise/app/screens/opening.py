"""The opening: a check-in and the agreed purpose, or what prompted a self-reflection."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Button, Static

from supervise.app.commands import Command, bindings
from supervise.app.screens.base import SESSION_COMMANDS, SessionScreen
from supervise.app.widgets.prompt_field import AnswerArea, PromptField
from supervise.store.changes import MoveTo, SetOpening
from supervise.store.records import ITEMS, OPENING, Step

SUPERVISION_OPENING = (
    ("check_in", "Check-in", "How is the practitioner today? Take a moment before the work."),
    ("urgent", "Anything urgent", "Is there anything urgent that needs to come first today?"),
    ("purpose", "Purpose", "What have you agreed this session is for?"),
)
SELF_REFLECTION_OPENING = (
    ("prompted_by", "What prompted this", "What prompted this reflection? What happened?"),
)

OPENING_COMMANDS: tuple[Command, ...] = (
    Command("begin", "ctrl+n", "Begin", "Save and go on to the first item", priority=True),
)


class OpeningScreen(SessionScreen):
    """Asks the opening questions for the session's mode and saves the answers as typed."""

    COMMAND_LIST: ClassVar[tuple[Command, ...]] = OPENING_COMMANDS + SESSION_COMMANDS
    BINDINGS = bindings(COMMAND_LIST)

    def compose(self) -> ComposeResult:
        """The opening questions, then a button to begin."""
        yield from self.compose_frame()
        record = self.live.snapshot.record
        questions = SUPERVISION_OPENING if self.supervision else SELF_REFLECTION_OPENING
        with VerticalScroll(id="opening"):
            yield Static("[b]Opening[/b]", classes="heading")
            if record.agenda:
                yield Static(f"Agenda: {record.agenda}", classes="hint", markup=False)
            for key, heading, prompt in questions:
                initial = record.opening.get(key, "")
                if key == "purpose" and not initial:
                    initial = record.agenda
                yield PromptField(
                    prompt,
                    initial,
                    self._saver(key),
                    heading=heading,
                    read_only=self.live.read_only,
                    field=key,
                )
            yield Button("Begin the items  (ctrl+n)", id="begin", variant="primary")

    def on_mount(self) -> None:
        """Put the cursor in the answer left last time, else the first."""
        self.live.submit(MoveTo(OPENING, self.focus_answer(self.field_left())))

    @property
    def place(self) -> Step:
        """The opening."""
        return OPENING

    def _saver(self, key: str) -> Callable[[str], None]:
        """A save callback for the opening answer ``key``."""
        return lambda text: self.live.submit(SetOpening(key, text))

    def save_all(self) -> None:
        """Save every opening answer now."""
        for answer in self.query(AnswerArea):
            answer.save()

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        """The Begin button."""
        if event.button.id == "begin":
            await self.action_begin()

    async def action_begin(self) -> None:
        """Go on to the items, where the session was left (or the first)."""
        await self.go(ITEMS)
