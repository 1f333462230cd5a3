"""A small form for one agreed action: what, who and by when, checked before it is added."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Label, Static

from supervise.app.commands import REPLACE_IDENTIFIERS
from supervise.app.screens.dialogs import discard_if_agreed
from supervise.app.widgets.identifier_hint import IdentifierHint, served_names_of
from supervise.privacy import find_identifiers, replace_identifiers
from supervise.store.records import Action, is_iso_date

if TYPE_CHECKING:
    from supervise.store.door import SessionDoor


@dataclass(frozen=True)
class ActionDraft:
    """An action as typed in the form, checked: ``what`` is filled, ``due`` is a date or ""."""

    what: str
    who: str
    due: str


def date_problem(text: str) -> str | None:
    """Why ``text`` is not a date people can rely on, or None if it is one (or empty)."""
    if not text.strip() or is_iso_date(text.strip()):
        return None
    return "Write the date like 2026-12-01, or leave it empty."


def show_problem(line: Static, problem: str | None) -> None:
    """Show ``problem`` on ``line`` (a ``.problem`` line, hidden while there is none)."""
    line.update(f"⚠ {problem}" if problem else "")
    line.set_class(problem is not None, "-shown")


class ActionForm(ModalScreen[ActionDraft | None]):
    """Asks for one agreed action; dismisses with the draft, or None when cancelled.

    Other screens open it pre-filled (say, from an answer to "Now what?") and add what comes
    back through the session's door.
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "add", "Add", priority=True),
        REPLACE_IDENTIFIERS.binding(),
    ]

    def __init__(
        self,
        what: str = "",
        who: str = "",
        due: str = "",
        *,
        heading: str = "Add an agreed action",
        button: str = "Add action",
    ) -> None:
        super().__init__()
        self._initial = (what, who, due)
        self._heading = heading
        self._button = button

    def type_text(self, text: str) -> None:
        """Add ``text`` to the end of "what", as if typed there (keys sent before it opened)."""
        for field in self.query("#action-what").results(Input):
            field.value += text
            field.cursor_position = len(field.value)
            return
        # Not composed yet: the field starts with it.
        what, who, due = self._initial
        self._initial = (what + text, who, due)

    def compose(self) -> ComposeResult:
        """Three labelled fields, a line for problems, and the buttons."""
        what, who, due = self._initial
        with Vertical(id="dialog"):
            yield Static(self._heading, classes="heading", markup=False)
            yield Label("What will be done")
            yield Input(what, id="action-what")
            yield Label("Who will do it")
            yield Input(who, id="action-who")
            yield Label("By when (YYYY-MM-DD, or leave empty)")
            yield Input(due, id="action-when")
            yield Static("", id="action-problem", classes="problem", markup=False)
            yield IdentifierHint()
            with Horizontal(classes="buttons"):
                yield Button(f"{self._button}  (ctrl+s)", id="add", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        """Put the cursor at the end of the first field."""
        what = self.query_one("#action-what", Input)
        what.focus()
        what.cursor_position = len(what.value)

    @on(Input.Changed)
    def _check_identifiers(self) -> None:
        """Say under the fields what in them looks like an identifier (a few words: cheap)."""
        served = served_names_of(self)
        findings = [f for field in self.query(Input) for f in find_identifiers(field.value, served)]
        self.query_one(IdentifierHint).show(findings)

    def action_replace_identifiers(self) -> None:
        """Replace what looks like an identifier in each field with its placeholder."""
        served = served_names_of(self)
        for field in self.query(Input):
            field.value = replace_identifiers(field.value, find_identifiers(field.value, served))

    def _problem(self, text: str, field: Input) -> None:
        show_problem(self.query_one("#action-problem", Static), text)
        field.focus()

    @on(Button.Pressed, "#add")
    @on(Input.Submitted)
    def action_add(self) -> None:
        """Check the fields and, if they make an action, hand it back."""
        what = self.query_one("#action-what", Input)
        who = self.query_one("#action-who", Input)
        when = self.query_one("#action-when", Input)
        if not what.value.strip():
            self._problem("Type what will be done first.", what)
            return
        problem = date_problem(when.value)
        if problem is not None:
            self._problem(problem, when)
            return
        self.dismiss(ActionDraft(what.value.strip(), who.value.strip(), when.value.strip()))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without adding anything; ask first if something was typed here."""
        values = tuple(field.value for field in self.query(Input))
        # Words handed in pre-filled are still where they came from; only typing is at stake.
        if values == self._initial or not any(value.strip() for value in values):
            self.dismiss(None)
            return
        discard_if_agreed(
            self, "This action is not added until you add it.", lambda: self.dismiss(None)
        )


def ask_for_action(
    screen: Screen[Any],
    door: SessionDoor,
    form: ActionForm,
    then: Callable[[Action | None], object] = lambda action: None,
) -> None:
    """Open ``form`` over ``screen`` and add the action it returns through ``door``.

    For any screen that turns something said into an agreed action, say an answer to "Now
    what?": ``ask_for_action(self, self.live, ActionForm(what=text, who=practitioner))``.
    ``then`` hears the action added, or None if the form was cancelled.
    """

    def added(draft: ActionDraft | None) -> None:
        then(None if draft is None else door.add_action(draft.what, draft.who, draft.due))

    screen.app.push_screen(form, added)
