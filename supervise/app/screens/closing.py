"""The closing: summary of outcomes, agreed actions, next date, completion and sign-off."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, DataTable, Input, Label, Static

from supervise.app.commands import Command, bindings
from supervise.app.screens.base import SESSION_COMMANDS, SessionScreen
from supervise.app.widgets.prompt_field import AnswerArea, PromptField
from supervise.store import StoreError

CLOSING_COMMANDS: tuple[Command, ...] = (
    Command("back_to_items", "ctrl+b", "Items", "Back to the competence items", priority=True),
    Command("complete", "ctrl+d", "Complete", "Mark the session completed", priority=True),
    Command("remove_action", "delete", "Remove action", "Remove the highlighted action"),
    # Palette-only: each puts the cursor where that part of the closing is done.
    Command("add_action", "", "Add action", "Type a new agreed action", footer=False),
    Command("sign_off", "", "Sign off", "Go to the next signature", footer=False),
)

ROLE_TITLES = {"practitioner": "Practitioner", "supervisor": "Supervisor"}


class ClosingScreen(SessionScreen):
    """Wraps the session up; once everyone has signed, the record is read only."""

    COMMAND_LIST: ClassVar[tuple[Command, ...]] = CLOSING_COMMANDS + SESSION_COMMANDS
    BINDINGS = bindings(COMMAND_LIST)

    def compose(self) -> ComposeResult:
        """Summary, actions, next date, then completion and signatures."""
        yield from self.compose_frame()
        record = self.live.session.record
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
            )
            yield Label("Agreed actions", classes="prompt")
            yield DataTable(id="actions", cursor_type="row")
            if not locked:
                with Horizontal(id="new-action", classes="row"):
                    yield Input(placeholder="What will be done", id="action-what")
                    yield Input(placeholder="Who", id="action-who")
                    yield Input(placeholder="By when (YYYY-MM-DD)", id="action-when")
                    yield Button("Add action", id="add-action")
            yield Label("Date of the next session (YYYY-MM-DD)", classes="prompt")
            yield Input(record.next_date, id="next-date", disabled=locked)
            if record.status == "in progress" and not locked:
                yield Button("Complete the session  (ctrl+d)", id="complete", variant="primary")
            yield Static("[b]Sign-off[/b]", classes="heading")
            yield from self._signatures()

    def _signatures(self) -> ComposeResult:
        record = self.live.session.record
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
                            placeholder=f"type {record.name_for(role)} here", id=f"sign-{role}"
                        )
                        yield Button(f"Sign as {ROLE_TITLES[role].lower()}", id=f"button-{role}")

    def _status_text(self) -> str:
        record = self.live.session.record
        if record.status == "signed":
            return "This record is signed and read only."
        if self.live.read_only:
            return "Opened read only: nothing here can be changed."
        if record.status == "completed":
            return "Completed. Sign it off below to make the record final and read only."
        return "In progress. Add the summary and actions, then complete and sign."

    def on_mount(self) -> None:
        """Fill the actions table and note that the session reached its closing."""
        self._fill_actions()
        session = self.live.session
        self.live.write(lambda: session.set_current_item("closing"), key="current")
        self._focus_next_step()

    def _focus_next_step(self) -> None:
        """Focus the summary while in progress; once signing has begun, the next signature.

        Typing must always land somewhere visible and expected, never nowhere.
        """
        record = self.live.session.record
        remaining = self.query(".sign Input")
        if remaining and (record.status == "completed" or record.signatures):
            remaining.first().focus()
        else:
            self.query(AnswerArea).first().focus(scroll_visible=False)

    def _fill_actions(self) -> None:
        table = self.query_one("#actions", DataTable)
        if not table.columns:
            table.add_column("What", key="what")
            table.add_column("Who", key="who")
            table.add_column("By when", key="when")
        table.clear()
        for action in self.live.session.actions():
            # Text, not str: the table would read a str as markup and drop "[...]".
            cells = (action.what, action.who or "—", action.by_when or "—")
            table.add_row(*(Text(cell) for cell in cells), key=action.id)
        if not table.row_count:
            table.add_row("No actions yet", "", "", key="")

    def _save_summary(self, text: str) -> None:
        session = self.live.session
        self.live.write(lambda: session.update_record(summary=text), key="summary")

    @on(Input.Changed, "#next-date")
    def _next_date(self, event: Input.Changed) -> None:
        session, value = self.live.session, event.value.strip()
        self.live.write(lambda: session.update_record(next_date=value), key="next-date")

    def save_all(self) -> None:
        """Save the summary now."""
        for answer in self.query(AnswerArea):
            answer.save()

    def _now(self, change: Callable[[], object], done: str) -> bool:
        """Save everything queued, then make ``change`` at once and say what happened."""
        self.save_all()
        if not self.live.flush():
            self.notify(
                f"Could not save: {self.live.state.error}. Nothing was changed.",
                severity="error",
                markup=False,
            )
            return False
        try:
            change()
        except (StoreError, ValueError) as error:
            self.notify(str(error), title="Not done", severity="warning", timeout=8, markup=False)
            return False
        self.notify(done, markup=False)
        return True

    @on(Button.Pressed, "#add-action")
    @on(Input.Submitted, "#new-action Input")
    def _add_action(self) -> None:
        what = self.query_one("#action-what", Input)
        who = self.query_one("#action-who", Input)
        when = self.query_one("#action-when", Input)
        if not what.value.strip():
            self.notify("Type what will be done first.", severity="warning")
            what.focus()
            return
        if when.value.strip():
            try:
                date.fromisoformat(when.value.strip())
            except ValueError:
                self.notify(
                    "Write the date like 2026-12-01, or leave it empty.",
                    severity="warning",
                    markup=False,
                )
                when.focus()
                return
        session = self.live.session
        if self._now(
            lambda: session.add_action(what.value.strip(), who.value.strip(), when.value.strip()),
            "Action added.",
        ):
            for field in (what, who, when):
                field.value = ""
            what.focus()
            self._fill_actions()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Changing commands are off once the record is read only."""
        changing = ("complete", "remove_action", "add_action", "sign_off")
        return not (action in changing and self.live.read_only)

    def action_remove_action(self) -> None:
        """Remove the highlighted action."""
        table = self.query_one("#actions", DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key:
            session = self.live.session
            if self._now(lambda: session.remove_action(key), "Action removed."):
                self._fill_actions()

    def action_add_action(self) -> None:
        """Put the cursor in the new action's first field."""
        for field in self.query("#action-what"):
            field.focus()

    def action_sign_off(self) -> None:
        """Put the cursor in the next signature still to give."""
        remaining = self.query(".sign Input")
        if remaining:
            remaining.first().focus()
        else:
            self.notify("Everyone has signed.")

    async def action_back_to_items(self) -> None:
        """Back to the items."""
        await self.go("items")

    @on(Button.Pressed, "#complete")
    def action_complete(self) -> None:
        """Mark the session completed."""
        if self._now(self.live.session.complete, "Session completed."):
            self.query_one("#status", Static).update(self._status_text())
            for button in self.query("#complete"):
                button.remove()

    @on(Button.Pressed, ".sign Button")
    @on(Input.Submitted, ".sign Input")
    async def _sign(self, event: Button.Pressed | Input.Submitted) -> None:
        widget = event.button if isinstance(event, Button.Pressed) else event.input
        role = (widget.id or "").rsplit("-", 1)[-1]
        name = self.query_one(f"#sign-{role}", Input).value
        session = self.live.session
        if self._now(lambda: session.sign(role, name), f"Signed by {name.strip()}."):
            await self.recompose()
            self._fill_actions()
            # Recomposing drops the focus; put it where the next person signs, so their name
            # is never typed into the summary by mistake.
            self._focus_next_step()
            self.sub_title = self.live.session.record.date + (
                "  (signed, read only)" if self.live.read_only else ""
            )
