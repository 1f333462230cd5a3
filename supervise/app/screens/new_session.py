"""The new-session form: who, when, how long, which reflective model, and what to cover."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widgets import (
    Button,
    Header,
    Input,
    Label,
    RadioSet,
    Select,
    Static,
    TextArea,
)

from supervise.app.commands import Command, bindings
from supervise.app.widgets.carried_in import CarriedIn
from supervise.app.widgets.key_bar import KeyBar
from supervise.app.widgets.marks import MarkedRadioButton
from supervise.app.widgets.scope_tree import ScopeTree
from supervise.content import DEFAULT_MODEL, Library
from supervise.store import StoreError, list_sessions
from supervise.store.continuity import known_names, known_spelling
from supervise.store.records import ActionReview, Mode, SessionSummary


@dataclass(frozen=True)
class NewSessionRequest:
    """What the form collected, ready for the store."""

    mode: Mode
    practitioner: str
    supervisor: str
    date: str
    planned_minutes: int
    model: str
    scope: tuple[str, ...]
    agenda: str
    reviews: tuple[ActionReview, ...] = ()
    """Open actions from the practitioner's earlier sessions, to review at the opening."""


class NewSessionScreen(Screen[NewSessionRequest | None]):
    """Collects what a new session needs; dismisses with the request, or None when cancelled."""

    COMMAND_LIST: ClassVar[tuple[Command, ...]] = (
        Command("start", "ctrl+s", "Start session", "Create the session and begin", priority=True),
        Command("cancel", "escape", "Cancel", "Go back to the session list without creating"),
        Command(
            "read_reflection",
            "ctrl+r",
            "Their reflection",
            "Read the self-reflection that flagged the highlighted item",
            priority=True,
        ),
    )
    BINDINGS = bindings(COMMAND_LIST)

    def __init__(self, library: Library, sessions_dir: Path | None = None) -> None:
        super().__init__()
        self.library = library
        """The loaded content to choose from."""
        self.sessions = _sessions_in(sessions_dir)
        """The sessions already in the store: names typed before, open actions, flags."""
        self.names = known_names(self.sessions)
        """Every name typed before, one spelling per person."""

    def compose(self) -> ComposeResult:
        """The form, top to bottom in the order people think about it."""
        yield Header()
        with VerticalScroll(id="form"):
            yield Static("[b]New session[/b]", classes="heading")
            yield Label("Kind of session")
            with RadioSet(id="mode"):
                yield MarkedRadioButton("Supervision (supervisor and practitioner)", value=True)
                yield MarkedRadioButton("Self-reflection (practitioner alone)")
            yield Static(
                "Names are free text and stay inside the session file. Pseudonyms or initials "
                "are welcome.",
                classes="hint",
            )
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Practitioner")
                    yield Input(
                        placeholder="e.g. Sam or S.K.", id="practitioner", suggester=self._names()
                    )
                with Vertical(id="supervisor-box"):
                    yield Label("Supervisor")
                    yield Input(placeholder="e.g. Alex", id="supervisor", suggester=self._names())
            yield CarriedIn(self.library, self.sessions, id="carried-in")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Date (YYYY-MM-DD)")
                    yield Input(date.today().isoformat(), id="date")
                with Vertical():
                    yield Label("Planned length (minutes)")
                    yield Input("60", id="minutes", type="integer")
                with Vertical():
                    yield Label("Reflective model")
                    yield Select(
                        [(model.title, model.id) for model in self.library.models.values()],
                        value=DEFAULT_MODEL,
                        allow_blank=False,
                        id="model",
                    )
            yield Label("What to cover — Enter or click ticks a framework, section or item")
            yield Input(placeholder="Filter: type words to find statements", id="filter")
            yield ScopeTree(self.library, id="scope")
            yield Static("Nothing ticked yet.", id="scope-count", classes="hint")
            yield Label("Agenda or purpose (optional)")
            yield TextArea(id="agenda")
            yield Static("", id="problems", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Start session", id="start", variant="primary")
                yield Button("Cancel", id="cancel")
        yield KeyBar()

    def on_mount(self) -> None:
        """Put the cursor where people start: the practitioner's name."""
        self.sub_title = "New session"
        self.query_one("#practitioner", Input).focus()

    def _names(self) -> SuggestFromList | None:
        # A name typed before completes as it was spelled (right arrow takes it), so one
        # person keeps one name across sessions.
        return SuggestFromList(self.names, case_sensitive=False) if self.names else None

    @property
    def supervision(self) -> bool:
        """Whether the supervision mode (rather than self-reflection) is chosen."""
        return self.query_one("#mode", RadioSet).pressed_index != 1

    @on(RadioSet.Changed, "#mode")
    def _mode_changed(self) -> None:
        self.query_one("#supervisor-box").display = self.supervision
        self._show_carried_in()

    @on(Input.Changed, "#practitioner")
    def _show_carried_in(self) -> None:
        practitioner = known_spelling(self.query_one("#practitioner", Input).value, self.names)
        self.query_one(CarriedIn).show_for(practitioner, supervision=self.supervision)
        # ctrl+r shows in the key bar only while there is a reflection to read.
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Reading a reflection needs a flagged item to read it for."""
        if action == "read_reflection":
            return any(carried.highlighted() is not None for carried in self.query(CarriedIn))
        return True

    def action_read_reflection(self) -> None:
        """Show what the practitioner wrote about the highlighted flagged item."""
        flag = self.query_one(CarriedIn).highlighted()
        if flag is None:
            return
        from supervise.app.screens.reflection_peek import ReflectionPeek

        self.app.push_screen(ReflectionPeek(self.library, flag))

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_one(ScopeTree).set_filter(event.value)

    @on(ScopeTree.Changed)
    def _scope_changed(self, event: ScopeTree.Changed) -> None:
        count = len(event.tree.ticked)
        text = (
            f"{count} item{'s' if count != 1 else ''} ticked." if count else "Nothing ticked yet."
        )
        self.query_one("#scope-count", Static).update(text)

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        """Check the form and, when it is complete, create the session."""
        request, problems = self._collect()
        self.query_one("#problems", Static).update(
            "\n".join(f"⚠ {problem}" for problem in problems)
        )
        if request is not None:
            self.dismiss(request)
        else:
            self.notify(problems[0], title="Not started yet", severity="warning", markup=False)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Leave without creating anything; ask first if anything has been filled in."""
        if not self._filled():
            self.dismiss(None)
            return
        from supervise.app.screens.dialogs import discard_if_agreed

        discard_if_agreed(
            self,
            "What you have filled in here is not saved anywhere until the session starts.",
            lambda: self.dismiss(None),
        )

    def fill(self, practitioner: str, supervisor: str, items: list[str]) -> None:
        """Start the form with these names and these items ticked (from the History screen)."""
        self.query_one("#practitioner", Input).value = practitioner
        self.query_one("#supervisor", Input).value = supervisor
        if not supervisor:
            self.query_one("#supervisor", Input).focus()
        self.query_one(ScopeTree).tick(items)

    def _filled(self) -> bool:
        """Whether anyone has typed or ticked anything a person would miss."""
        names = ("#practitioner", "#supervisor", "#filter")
        typed = any(self.query_one(name, Input).value.strip() for name in names)
        agenda = self.query_one("#agenda", TextArea).text.strip()
        return typed or bool(agenda) or bool(self.query_one(ScopeTree).ticked)

    def _collect(self) -> tuple[NewSessionRequest | None, list[str]]:
        problems: list[str] = []
        practitioner = known_spelling(self.query_one("#practitioner", Input).value, self.names)
        supervisor = known_spelling(self.query_one("#supervisor", Input).value, self.names)
        if not self.supervision:
            supervisor = ""
        if not practitioner:
            problems.append("Type the practitioner's name (a pseudonym is fine).")
        if self.supervision and not supervisor:
            problems.append("Type the supervisor's name, or choose self-reflection.")
        when = self.query_one("#date", Input).value.strip()
        try:
            date.fromisoformat(when)
        except ValueError:
            problems.append(f"The date '{when}' is not a date like {date.today().isoformat()}.")
        minutes_text = self.query_one("#minutes", Input).value.strip()
        minutes = int(minutes_text) if minutes_text.isdigit() else 0
        if not 1 <= minutes <= 600:
            problems.append("The planned length should be a number of minutes, e.g. 60.")
        carried = self.query_one(CarriedIn)
        carried.show_for(practitioner, supervision=self.supervision)
        scope = tuple(dict.fromkeys((*carried.chosen, *self.query_one(ScopeTree).ticked)))
        if not scope:
            problems.append("Tick at least one framework, section or item to cover.")
        if problems:
            return None, problems
        model = self.query_one("#model", Select).value
        return (
            NewSessionRequest(
                mode=Mode.SUPERVISION if self.supervision else Mode.SELF_REFLECTION,
                practitioner=practitioner,
                supervisor=supervisor,
                date=when,
                planned_minutes=minutes,
                model=str(model),
                scope=scope,
                agenda=self.query_one("#agenda", TextArea).text.strip(),
                reviews=carried.reviews,
            ),
            [],
        )


def _sessions_in(folder: Path | None) -> list[SessionSummary]:
    """The sessions in ``folder`` as listed, or none if it cannot be read (the home screen has
    said why already)."""
    if folder is None:
        return []
    try:
        return list_sessions(folder)
    except (StoreError, OSError):
        return []
