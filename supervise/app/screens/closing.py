"""The closing: summary of outcomes, agreed actions, next date, completion and sign-off."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, DataTable, Input, Label, Static

from supervise.app.commands import Command, bindings
from supervise.app.live import SessionDoor
from supervise.app.screens.action_form import (
    ActionDraft,
    ActionForm,
    ask_for_action,
    date_problem,
    show_problem,
)
from supervise.app.screens.base import SESSION_COMMANDS, SessionScreen
from supervise.app.widgets.action_review import reviews_text
from supervise.app.widgets.prompt_field import AnswerArea, PromptField
from supervise.app.widgets.type_to_open import TypeToOpenButton
from supervise.content import Role
from supervise.store.changes import (
    AddAction,
    Change,
    Complete,
    EditAction,
    MoveTo,
    RemoveAction,
    SetNextDate,
    SetSummary,
    Sign,
)
from supervise.store.records import CLOSING, ITEMS, Action, Status, Step

if TYPE_CHECKING:
    from supervise.content import Library

CLOSING_COMMANDS: tuple[Command, ...] = (
    Command("back_to_items", "ctrl+b", "Items", "Back to the competence items", priority=True),
    Command("complete", "ctrl+d", "Complete", "Mark the session completed", priority=True),
    Command("edit_action", "e", "Edit action", "Change the highlighted action's what, who or date"),
    Command("remove_action", "delete", "Remove action", "Remove the highlighted action"),
    Command("undo_remove", "ctrl+z", "Undo remove", "Bring back the action just removed"),
    # Palette-only: each puts the cursor where that part of the closing is done.
    Command("add_action", "", "Add action", "Type a new agreed action", footer=False),
    Command("sign_off", "", "Sign off", "Go to the next signature", footer=False),
)

ROLE_TITLES = {Role.PRACTITIONER: "Practitioner", Role.SUPERVISOR: "Supervisor"}


class ClosingScreen(SessionScreen):
    """Wraps the session up; once everyone has signed, the record is read only."""

    COMMAND_LIST: ClassVar[tuple[Command, ...]] = CLOSING_COMMANDS + SESSION_COMMANDS
    BINDINGS = bindings(COMMAND_LIST)

    def __init__(self, live: SessionDoor, library: Library) -> None:
        super().__init__(live, library)
        self._removed: list[Action] = []
        self._form: ActionForm | None = None

    def compose(self) -> ComposeResult:
        """Summary, actions, next date, then completion and signatures."""
        yield from self.compose_frame()
        record = self.live.snapshot.record
        locked = self.live.read_only
        with VerticalScroll(id="closing"):
            yield Static("[b]Closing[/b]", classes="heading")
            yield Static(self._status_text(), id="status")
            yield PromptField(
                "What came out of this session? Summarise the outcomes in a few lines.",
                record.summary,
                self._save_summary,
                heading="Summary",
                read_only=locked,
                field="summary",
            )
            yield Label("Agreed actions" if self.supervision else "My next steps", classes="prompt")
            # Before the table, so tab from the summary leads to adding an action and the
            # words typed next land in its form (the table takes no text).
            if not locked:
                with Horizontal(id="new-action", classes="row"):
                    yield TypeToOpenButton("Add an action…", id="add-action")
            yield DataTable(id="actions", cursor_type="row")
            if not self.supervision:
                yield Static(self._flagged_text(), id="flagged-list", markup=False)
            if self.live.snapshot.reviews:
                reviews = reviews_text(self.live.snapshot.reviews)
                yield Static(reviews, id="reviewed", markup=False)
            yield Label("Date of the next session (YYYY-MM-DD)", classes="prompt")
            yield Input(record.next_date, id="next-date", disabled=locked)
            yield Static("", id="next-date-problem", classes="problem", markup=False)
            if record.status is Status.IN_PROGRESS and not locked:
                yield Button("Complete the session  (ctrl+d)", id="complete", variant="primary")
            yield Static("[b]Sign-off[/b]", classes="heading")
            yield from self._signatures()

    def _signatures(self) -> ComposeResult:
        record = self.live.snapshot.record
        signed = {signature.role: signature for signature in record.signatures}
        for role in record.required_roles:
            if role in signed:
                yield Static(
                    f"✔ Signed by {signed[role].name} ({ROLE_TITLES[role].lower()}) "
                    f"at {signed[role].at.replace('T', ' ')[:16]}",
                    classes="signed",
                    markup=False,
                )
            elif not self.live.read_only:
                with Vertical(classes="sign"):
                    yield Label(
                        f"{ROLE_TITLES[role]}: type your name, {record.name_for(role)}, to sign",
                        markup=False,
                    )
                    with Horizontal(classes="row"):
                        yield Input(
                            placeholder=f"type {record.name_for(role)} here",
                            id=f"sign-{role.value}",
                        )
                        yield Button(
                            f"Sign as {ROLE_TITLES[role].lower()}", id=f"button-{role.value}"
                        )

    def _flagged_text(self) -> str:
        """The items this reflection brings to supervision, one a line."""
        snapshot = self.live.snapshot
        flagged = [
            ref for ref in snapshot.record.scope if snapshot.rating(ref).bring_to_supervision
        ]
        if not flagged:
            return "Nothing flagged to bring to supervision (mark items in the walk)."
        lines = ["To bring to supervision (offered when your next supervision is set up):"]
        for ref in flagged:
            text = self.library.item(ref).text if self.library.has_item(ref) else ""
            lines.append(f"  ⚑ {ref}  {text}")
        return "\n".join(lines)

    def _status_text(self) -> str:
        record = self.live.snapshot.record
        if record.status is Status.SIGNED:
            return "This record is signed and read only."
        if self.live.read_only:
            return "Opened read only: nothing here can be changed."
        if record.status is Status.COMPLETED:
            return "Completed. Sign it off below to make the record final and read only."
        return "In progress. Add the summary and actions, then complete and sign."

    def on_mount(self) -> None:
        """Fill the actions table and note that the session reached its closing."""
        self._fill_actions()
        self._focus_next_step()
        self.live.submit(MoveTo(CLOSING, self.field_left()))

    @property
    def place(self) -> Step:
        """The closing."""
        return CLOSING

    def _focus_next_step(self) -> None:
        """Focus the summary while in progress; once signing has begun, the next signature.

        Typing must always land somewhere visible and expected, never nowhere.
        """
        record = self.live.snapshot.record
        remaining = self.query(".sign Input")
        if remaining and (record.status is Status.COMPLETED or record.signatures):
            remaining.first().focus()
        else:
            self.focus_answer()

    def _fill_actions(self) -> None:
        table = self.query_one("#actions", DataTable)
        if not table.columns:
            table.add_column("What", key="what")
            table.add_column("Who", key="who")
            table.add_column("By when", key="when")
        row = table.cursor_row
        table.clear()
        for action in self.live.snapshot.actions:
            # Text, not str: the table would read a str as markup and drop "[...]".
            cells = (action.what, action.who or "—", action.by_when or "—")
            table.add_row(*(Text(cell) for cell in cells), key=action.id)
        if not table.row_count:
            table.add_row("No actions yet", "", "", key="")
        # Where it was: an edited action stays highlighted.
        table.move_cursor(row=min(row, table.row_count - 1))
        self.refresh_bindings()

    def _save_summary(self, text: str) -> None:
        self.live.submit(SetSummary(text))

    @on(Input.Changed, "#next-date")
    def _next_date(self, event: Input.Changed) -> None:
        problem = date_problem(event.value)
        show_problem(self.query_one("#next-date-problem", Static), problem)
        # A date half typed is kept on screen, not saved: the record holds real dates only.
        if problem is None:
            self.live.submit(SetNextDate(event.value.strip()))

    def save_all(self) -> None:
        """Save the summary now."""
        for answer in self.query(AnswerArea):
            answer.save()

    def _change(self, change: Change, done: str) -> bool:
        """Make ``change`` (queued for the disk like every other) and say what happened."""
        try:
            self.live.submit(change)
        except ValueError as error:
            self.notify(str(error), title="Not done", severity="warning", timeout=8, markup=False)
            return False
        self.notify(done, markup=False)
        return True

    @on(Button.Pressed, "#add-action")
    def action_add_action(self) -> None:
        """Open the form for a new agreed action."""
        if self._form is None:
            self.ask_for_action()

    @on(TypeToOpenButton.Typed, "#add-action")
    def _typed_on_add(self, event: TypeToOpenButton.Typed) -> None:
        # Someone typing straight after tabbing out of the summary is writing the action.
        if self._form is not None:
            self._form.type_text(event.text)
        else:
            self.ask_for_action(what=event.text.strip())

    def ask_for_action(self, what: str = "", who: str = "", due: str = "") -> None:
        """Open the action form, filled with what is given; add the action it returns."""
        self.save_all()
        heading = "Add an agreed action" if self.supervision else "Add a next step"
        self._form = ActionForm(what, who, due, heading=heading)
        ask_for_action(self, self.live, self._form, self._action_added)

    def _action_added(self, action: Action | None) -> None:
        self._form = None
        if action is not None:
            self.notify("Action added.", markup=False)
            self._fill_actions()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Changing commands are off once the record is read only; undo needs a removal."""
        changing = (
            "complete",
            "edit_action",
            "remove_action",
            "undo_remove",
            "add_action",
            "sign_off",
        )
        if action in changing and self.live.read_only:
            return False
        if action == "undo_remove":
            return bool(self._removed)
        if action == "edit_action":
            return bool(self.live.snapshot.actions)
        return super().check_action(action, parameters)

    def _highlighted_action(self) -> Action | None:
        table = self.query_one("#actions", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((a for a in self.live.snapshot.actions if a.id == key), None)

    @on(DataTable.RowSelected, "#actions")
    def action_edit_action(self) -> None:
        """Open the highlighted action in its form, to change what, who or by when."""
        action = self._highlighted_action()
        if action is None or self._form is not None or self.live.read_only:
            return
        self.save_all()
        self._form = ActionForm(
            action.what, action.who, action.by_when, heading="Edit the action", button="Save"
        )

        def edited(draft: ActionDraft | None) -> None:
            self._form = None
            if draft is None:
                return
            changed = replace(action, what=draft.what, who=draft.who, by_when=draft.due)
            if changed != action and self._change(EditAction(changed), "Action changed."):
                self._fill_actions()

        self.app.push_screen(self._form, edited)

    def action_remove_action(self) -> None:
        """Remove the highlighted action (ctrl+z brings it back)."""
        action = self._highlighted_action()
        if action is not None and self._change(
            RemoveAction(action.id), "Action removed. Press ctrl+z to bring it back."
        ):
            self._removed.append(action)
            self.refresh_bindings()
            self._fill_actions()

    def action_undo_remove(self) -> None:
        """Bring back the action removed last."""
        if self._removed and self._change(AddAction(self._removed[-1]), "Action restored."):
            self._removed.pop()
            self.refresh_bindings()
            self._fill_actions()

    def action_sign_off(self) -> None:
        """Put the cursor in the next signature still to give."""
        remaining = self.query(".sign Input")
        if remaining:
            remaining.first().focus()
        else:
            self.notify("Everyone has signed.")

    async def action_back_to_items(self) -> None:
        """Back to the items."""
        await self.go(ITEMS)

    @on(Button.Pressed, "#complete")
    async def action_complete(self) -> None:
        """Mark the session completed."""
        await self.settled()
        if self._change(Complete(), "Session completed."):
            self.query_one("#status", Static).update(self._status_text())
            for button in self.query("#complete"):
                await button.remove()

    @on(Button.Pressed, ".sign Button")
    @on(Input.Submitted, ".sign Input")
    async def _sign(self, event: Button.Pressed | Input.Submitted) -> None:
        await self.settled()
        widget = event.button if isinstance(event, Button.Pressed) else event.input
        role = Role((widget.id or "").rsplit("-", 1)[-1])
        name = self.query_one(f"#sign-{role.value}", Input).value
        if self._change(Sign(role, name), f"Signed by {name.strip()}."):
            await self.recompose()
            self._fill_actions()
            # Recomposing drops the focus; put it where the next person signs, so their name
            # is never typed into the summary by mistake.
            self._focus_next_step()
            self.sub_title = self.live.snapshot.record.date + (
                "  (signed, read only)" if self.live.read_only else ""
            )
