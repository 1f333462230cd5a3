"""A small form to mark the full names of people served, so answers are checked for them."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from supervise.app.screens.action_form import show_problem
from supervise.privacy import person_placeholder, tidy_name

SHORTEST = 2
"""Letters a name needs at least: one letter would be found in every other sentence."""


def name_problem(name: str, names: tuple[str, ...]) -> str | None:
    """Why ``name`` cannot be marked (too short, marked already), or None if it can."""
    if len(name.replace(" ", "")) < SHORTEST:
        return "Type the person's full name (or select it in the answer first)."
    if any(name.casefold() == tidy_name(other).casefold() for other in names):
        return f"{name} is marked already."
    return None


class ServedPeopleForm(ModalScreen[tuple[str, ...] | None]):
    """Marks names as people served; dismisses with every name marked, or None if unchanged.

    A name unmarked leaves an empty place, so the others keep their letters ([person B] stays
    B in what was replaced already).
    """

    DEFAULT_CSS = """
    ServedPeopleForm { align: center middle; }
    ServedPeopleForm #served-list { height: auto; max-height: 8; }
    """

    BINDINGS = [
        Binding("escape", "done", "Done"),
        Binding("delete", "unmark", "Unmark", show=False),
    ]

    def __init__(self, names: tuple[str, ...], suggestion: str = "") -> None:
        super().__init__()
        self.names = names
        """The names marked so far (changed as the form is used)."""
        self._initial = names
        self._suggestion = tidy_name(suggestion)

    def compose(self) -> ComposeResult:
        """What marking does, a field for a name, the names marked, the buttons."""
        with Vertical(id="dialog"):
            yield Static("People served in this session", classes="heading", markup=False)
            yield Static(
                "Mark the full name of someone you work with, and supervise notices it in "
                "any answer here and offers to replace it with a placeholder such as "
                "[person A]. Names are kept in this session's file only.",
                classes="hint",
                markup=False,
            )
            yield Label("Full name (enter marks it)")
            yield Input(self._suggestion, id="served-name")
            yield Static("", id="served-problem", classes="problem", markup=False)
            yield Label("Marked (delete unmarks the highlighted one)")
            yield OptionList(id="served-list")
            with Horizontal(classes="buttons"):
                yield Button("Mark  (enter)", id="mark", variant="primary")
                yield Button("Done  (escape)", id="done")

    def on_mount(self) -> None:
        """List the names marked, and put the cursor in the field."""
        self._list()
        field = self.query_one("#served-name", Input)
        field.focus()
        field.cursor_position = len(field.value)

    def _list(self) -> None:
        listed = self.query_one("#served-list", OptionList)
        listed.clear_options()
        listed.add_options(
            # Text, not markup: "[person A]" would read as a style tag.
            Option(Text(f"{person_placeholder(index)}  {name}"), id=str(index))
            for index, name in enumerate(self.names)
            if name
        )
        listed.display = listed.option_count > 0
        if listed.option_count:
            listed.highlighted = 0

    @on(Input.Submitted, "#served-name")
    @on(Button.Pressed, "#mark")
    def action_mark(self) -> None:
        """Mark the name typed in the field."""
        field = self.query_one("#served-name", Input)
        name = tidy_name(field.value)
        problem = name_problem(name, self.names)
        show_problem(self.query_one("#served-problem", Static), problem)
        if problem is None:
            self.names = (*self.names, name)
            field.value = ""
            self._list()
        field.focus()

    def action_unmark(self) -> None:
        """Unmark the highlighted name (its place is kept, empty)."""
        listed = self.query_one("#served-list", OptionList)
        if not listed.has_focus or listed.highlighted is None:
            return
        option = listed.get_option_at_index(listed.highlighted)
        index = int(option.id or 0)
        self.names = tuple("" if i == index else name for i, name in enumerate(self.names))
        self._list()

    @on(Button.Pressed, "#done")
    def action_done(self) -> None:
        """Close, handing back the names if any changed."""
        self.dismiss(None if self.names == self._initial else self.names)
