"""Small modal questions: a message with a choice of buttons."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static


class Choice(ModalScreen[str]):
    """Asks one question; dismisses with the id of the chosen button.

    Escape chooses ``escape`` if given, else the last choice: either way, the safe one.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self, title: str, message: str, choices: list[tuple[str, str]], escape: str = ""
    ) -> None:
        super().__init__()
        self.escape = escape or choices[-1][0]
        """The choice escape makes."""
        self.heading = title
        """The dialog's title."""
        self.message = message
        """What happened and what the choices mean."""
        self.choices = choices
        """(id, label) pairs, the first being the suggested one."""

    def compose(self) -> ComposeResult:
        """The message above a row of buttons."""
        with Vertical(id="dialog"):
            yield Static(self.heading, classes="heading", markup=False)
            yield Static(self.message, id="dialog-message", markup=False)
            with Horizontal(classes="buttons"):
                for index, (choice_id, label) in enumerate(self.choices):
                    yield Button(
                        label, id=choice_id, variant="primary" if index == 0 else "default"
                    )

    def on_mount(self) -> None:
        """Focus the suggested choice."""
        self.query(Button).first().focus()

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "")

    def action_cancel(self) -> None:
        """Escape chooses the safe option."""
        self.dismiss(self.escape)


def discard_if_agreed(screen: Screen[Any], what: str, discard: Callable[[], object]) -> None:
    """Ask before throwing away a form someone has filled in; ``discard`` if they agree.

    ``what`` says what would be lost, e.g. "What you have filled in here is not saved
    anywhere until the session starts." Escape keeps the form.
    """

    def chosen(choice: str | None) -> None:
        if choice == "discard":
            discard()

    screen.app.push_screen(
        Choice(
            "Throw this form away?",
            what,
            [("keep", "Keep filling it in"), ("discard", "Throw it away")],
            escape="keep",
        ),
        chosen,
    )
