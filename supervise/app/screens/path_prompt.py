"""A small modal question whose answer is a path: a message, a box to type it in, OK or Cancel."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static


class PathPrompt(ModalScreen[Path | None]):
    """Asks for a file or folder; dismisses with the path typed, or None if cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, message: str, value: str = "", action: str = "OK") -> None:
        super().__init__()
        self.heading = title
        """The dialog's title."""
        self.message = message
        """What is asked, and what happens with the answer."""
        self.value = value
        """The path offered to start with."""
        self.action = action
        """The label of the button that goes ahead."""

    def compose(self) -> ComposeResult:
        """The message, the path box and the buttons."""
        with Vertical(id="dialog"):
            yield Static(self.heading, classes="heading", markup=False)
            yield Static(self.message, id="dialog-message", markup=False)
            yield Input(self.value, id="path", placeholder="a path, e.g. ~/Documents/record.json")
            yield Static("", id="path-problem", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self.action, id="go", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        """The cursor is in the path box, at its end."""
        self.query_one("#path", Input).focus()

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#go")
    def _go(self) -> None:
        typed = self.query_one("#path", Input).value.strip()
        if not typed:
            self.query_one("#path-problem", Static).update("Type a path first (or escape).")
            return
        self.dismiss(Path(typed).expanduser())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Escape, or Cancel: nothing happens."""
        self.dismiss(None)
