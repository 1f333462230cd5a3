"""One practitioner's history: coverage of every item, confidence over time, agreed actions."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import DataTable, Header, Label, Sparkline, Static

from supervise.app.commands import Command, bindings
from supervise.app.messages import StartSessionOn
from supervise.app.widgets.key_bar import KeyBar
from supervise.content import Library
from supervise.prompts import handles_of
from supervise.store import StoreError, list_sessions
from supervise.store.history import History, Mark, SessionColumn, history_of
from supervise.visible import visible

LEVELS = " ▁▃▄▆█"
"""A rating of 1–5 as a bar of that height (index 0 unused), so a trend reads at a glance."""
LEGEND = (
    "In each session: 1–5 confidence · ✔ answered, not rated · ⚑ bring to supervision · "
    "– skipped · · not answered · blank: not in that session"
)
"""What the grid's marks mean, in words."""
WORDS = 26
"""Characters of an item's handle shown beside its reference."""
GRID_SESSIONS = 12
"""Sessions the grid has a column for, the newest: a table draws every column of each row it
shows, so 120 columns took seconds to draw (see benchmarks/)."""
TREND_LENGTH = 24
"""Ratings the trend column shows at most, the latest."""


def mark_cell(mark: Mark) -> str:
    """What the grid shows for one item in one session."""
    text = str(mark.confidence) if mark.confidence else "✔" if mark.answered else ""
    if mark.flagged:
        text += "⚑"
    if not text:
        text = "–" if mark.skipped else "·"
    return text


def trend(values: list[int]) -> str:
    """The latest ratings as bars, oldest first: ``▃▄▆`` (``…▃▄▆`` when there were more)."""
    bars = "".join(LEVELS[value] for value in values[-TREND_LENGTH:])
    return ("…" if len(values) > TREND_LENGTH else "") + bars


class HistoryScreen(Screen[None]):
    """Every item of the frameworks a practitioner has used, against each of their sessions."""

    COMMAND_LIST: ClassVar[tuple[Command, ...]] = (
        Command("start_gaps", "g", "Session on gaps", "Start a session on the items never covered"),
        Command(
            "start_lowest",
            "l",
            "Session on lowest",
            "Start a session on the items rated lowest last time",
        ),
        Command("close", "escape", "Back", "Back to the session list"),
    )
    BINDINGS = bindings(COMMAND_LIST)
    AUTO_FOCUS = "#coverage"

    def __init__(self, library: Library, sessions_dir: Path, practitioner: str) -> None:
        super().__init__()
        self.library = library
        """The loaded content: the items each framework has."""
        self.history = self._read(sessions_dir, practitioner)
        """The practitioner's sessions."""
        self.refs = [
            item.ref
            for framework_id in self.history.frameworks()
            if framework_id in library.frameworks
            for item in library.frameworks[framework_id].items()
        ]
        """Every item of every framework they have used, in document order."""

    def _read(self, folder: Path, practitioner: str) -> History:
        try:
            summaries = list_sessions(folder) if folder.exists() else []
        except (StoreError, OSError) as error:
            self.notify(str(error), title="Sessions folder", severity="error", markup=False)
            summaries = []
        return history_of(summaries, practitioner)

    @property
    def columns(self) -> tuple[SessionColumn, ...]:
        """The sessions the grid shows: the newest GRID_SESSIONS, oldest first."""
        return self.history.sessions[-GRID_SESSIONS:]

    @property
    def gaps(self) -> list[str]:
        """Items no session has answered or rated."""
        return self.history.gaps(self.refs)

    @property
    def lowest(self) -> list[str]:
        """The items rated lowest last time."""
        return self.history.lowest_rated(self.refs)

    def compose(self) -> ComposeResult:
        """Figures, the coverage grid, the highlighted item's trend and the agreed actions."""
        yield Header()
        with Vertical(id="history"):
            yield Static(self._figures(), id="history-figures", markup=False)
            yield Static(LEGEND, id="history-legend", markup=False)
            yield DataTable(id="coverage", cursor_type="row", fixed_columns=3)
            with Horizontal(id="history-lower"):
                with Vertical(id="trend-box"):
                    yield Label("Confidence over time", id="trend-title", markup=False)
                    yield Sparkline([], id="trend")
                    yield Static("", id="trend-words", markup=False)
                with Vertical(id="actions-box"):
                    yield Label("Agreed actions", markup=False)
                    yield Static(self._actions(), id="history-actions")
        yield KeyBar()

    def on_mount(self) -> None:
        """Fill the grid, newest sessions in view."""
        self.sub_title = f"History: {self.history.practitioner}"
        table = self.query_one("#coverage", DataTable)
        table.add_column("Item", key="item")
        table.add_column("Trend", key="trend")
        table.add_column("Last", key="last")
        for column in self.columns:
            # Month and day: the years are in the line above, and narrow columns draw quicker.
            table.add_column(column.date[5:], key=column.id)
        for ref in self.refs:
            table.add_row(*self._row(ref), key=ref)
        table.scroll_to(x=table.max_scroll_x, animate=False)
        self._show_trend(self.refs[0] if self.refs else "")

    def _figures(self) -> str:
        sessions = self.history.sessions
        if not sessions:
            return f"No readable sessions for {self.history.practitioner}."
        gaps = len(self.gaps)
        plural = "s" if len(sessions) != 1 else ""
        shown = (
            f" (the grid shows the latest {GRID_SESSIONS})" if len(sessions) > GRID_SESSIONS else ""
        )
        return (
            f"{len(sessions)} session{plural}, {sessions[0].date} to {sessions[-1].date}{shown} · "
            f"{len(self.refs) - gaps} of {len(self.refs)} items covered · "
            f"{gaps} never covered · {len(self.lowest)} rated below 5 last time"
        )

    def _row(self, ref: str) -> list[Text]:
        item = self.library.item(ref)
        words = handles_of(item)[0].text
        if len(words) > WORDS:
            words = words[:WORDS].rsplit(" ", 1)[0] + "…"
        values = [value for _, value in self.history.confidences(ref)]
        latest = str(values[-1]) if values else "✔" if self.history.covered(ref) else "○ never"
        cells = [f"{ref} {words}", trend(values), latest]
        for column in self.columns:
            mark = column.marks.get(ref)
            cells.append(mark_cell(mark) if mark is not None else "")
        return [Text(cell) for cell in cells]

    def _actions(self) -> Text:
        text = Text()
        today = date.today().isoformat()
        for column, action in self.history.actions():
            late = action.by_when and action.by_when < today
            when = f"by {action.by_when}" if action.by_when else "no date"
            text.append(f"• {visible(action.what)}")
            text.append(
                f"  ({visible(action.who) or 'no owner'}, {when}; agreed {column.date})",
                style="dim",
            )
            if late:
                text.append("  ⚠ date passed", style="bold")
            text.append("\n")
        if not text.plain:
            text.append("None agreed yet.", style="dim")
        text.rstrip()
        return text

    @on(DataTable.RowHighlighted, "#coverage")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        try:
            self._show_trend(str(event.row_key.value or ""))
        except NoMatches:
            # A highlight that arrives as the screen is taken down (the app quitting while
            # the table fills) has nothing left to show it in.
            return

    def _show_trend(self, ref: str) -> None:
        rated = self.history.confidences(ref) if ref else []
        self.query_one("#trend", Sparkline).data = [value for _, value in rated]
        self.query_one("#trend-title", Label).update(f"Confidence over time: {ref}")
        words = " → ".join(f"{value} ({when})" for when, value in rated)
        self.query_one("#trend-words", Static).update(words or "Never rated.")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A new session needs items to cover."""
        if action == "start_gaps":
            return bool(self.gaps)
        if action == "start_lowest":
            return bool(self.lowest)
        return True

    def _start(self, refs: list[str]) -> None:
        self.app.post_message(
            StartSessionOn(self.history.practitioner, self.history.latest_supervisor(), refs)
        )
        self.dismiss()

    def action_start_gaps(self) -> None:
        """Start a session on the items never covered."""
        self._start(self.gaps)

    def action_start_lowest(self) -> None:
        """Start a session on the items rated lowest last time."""
        self._start(self.lowest)

    def action_close(self) -> None:
        """Back to the session list."""
        self.dismiss()
