"""The home screen: every session in the store, newest first, and a way to start a new one."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Header, Static

from supervise.app.commands import Command, bindings
from supervise.app.messages import OpenSession, StartNewSession
from supervise.app.screens.record_actions import RECORD_COMMANDS, RecordActions
from supervise.app.widgets.key_bar import KeyBar
from supervise.store import SessionSummary, StoreError, list_sessions
from supervise.store.catalog import UNREADABLE
from supervise.store.places import sessions_elsewhere, shown
from supervise.store.records import Mode, Status

WELCOME = """\
[b]Welcome to supervise.[/b]

supervise walks you through reflective supervision, one competence statement at a time, and \
keeps every word you type in a session file on this computer.

  • [b]Supervision[/b]: a supervisor and a practitioner sit together at this screen.
  • [b]Self-reflection[/b]: a practitioner reflects alone, offline.

There are no sessions here yet. Press [b]n[/b] (or click [b]New session[/b] in the footer) to \
start your first one. Everything is saved as you type; you can stop at any point and pick up \
where you left off.
"""


class HomeScreen(RecordActions):
    """Lists the sessions in the sessions folder."""

    COMMAND_LIST: ClassVar[tuple[Command, ...]] = (
        Command("new_session", "n", "New session", "Start a new supervision or self-reflection"),
        Command("open_session", "o", "Open", "Open or resume the highlighted session"),
        Command(
            "open_read_only", "r", "Read only", "Open the highlighted session without changing it"
        ),
        *RECORD_COMMANDS,
        Command("refresh", "f5", "Refresh", "Read the sessions folder again", footer=False),
    )
    BINDINGS = bindings(COMMAND_LIST)

    def __init__(self, sessions_dir: Path) -> None:
        super().__init__()
        self.sessions_dir = sessions_dir
        """The folder the app keeps sessions in."""
        self._can_open = False
        self._folder_line = ""

    def compose(self) -> ComposeResult:
        """A header, the session table (or a welcome for a first run) and the footer."""
        yield Header()
        with Vertical(id="home"):
            yield Static(WELCOME, id="welcome")
            yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
            yield Static("", id="folder", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        """Fill the table from the sessions folder."""
        self.title = "supervise"
        self.sub_title = f"Sessions in {shown(self.sessions_dir)}"
        table = self.query_one("#sessions", DataTable)
        table.add_column("Date", key="date")
        table.add_column("Practitioner", key="practitioner")
        table.add_column("Supervisor", key="supervisor")
        table.add_column("Mode", key="mode")
        table.add_column("Status", key="status")
        table.add_column("Progress", key="progress")
        self.refresh_sessions()

    def refresh_sessions(self, select: Path | None = None) -> None:
        """Read the folder again and redraw the table, keeping ``select`` highlighted."""
        table = self.query_one("#sessions", DataTable)
        try:
            summaries = list_sessions(self.sessions_dir) if self.sessions_dir.exists() else []
        except (StoreError, OSError) as error:
            summaries = []
            self.notify(
                str(error), title="Sessions folder", severity="error", timeout=10, markup=False
            )
        table.clear()
        for summary in summaries:
            table.add_row(*self._cells(summary), key=str(summary.path))
        empty = not summaries
        self.set_class(empty, "-empty")
        plural = "s" if len(summaries) != 1 else ""
        self._folder_line = f"{len(summaries)} session{plural} in {shown(self.sessions_dir)}"
        elsewhere = sessions_elsewhere(self.sessions_dir)
        if elsewhere is not None:
            # Saying so beats silently showing one of two homes: notes must never seem lost.
            self._folder_line += f" · more sessions are in {elsewhere} (see 'supervise where')"
        self.query_one("#folder", Static).update(self._folder_line)
        if select is not None and str(select) in {str(s.path) for s in summaries}:
            table.move_cursor(row=table.get_row_index(str(select)))
        if not empty:
            table.focus()
        self._sync_open_keys()

    def show_busy(self, doing: str) -> None:
        """Show what is under way (opening a session, say) below the list; "" when done."""
        self.query_one("#folder", Static).update(doing or self._folder_line)

    @staticmethod
    def _cells(summary: SessionSummary) -> tuple[Text, ...]:
        mode = "Supervision" if summary.mode == Mode.SUPERVISION else "Self-reflection"
        status = summary.status.capitalize()
        if summary.status == Status.SIGNED:
            status = "✔ Signed"
        elif summary.status == UNREADABLE:
            status = "⚠ Unreadable"
        progress = f"{summary.answered}/{summary.total} items"
        cells = (
            summary.date,
            summary.practitioner,
            summary.supervisor or "—",
            mode,
            status,
            progress,
        )
        # Text, not str: the table would read a str as markup, so "Sam [nights]" showed as "Sam ".
        return tuple(Text(cell) for cell in cells)

    def _highlighted(self) -> Path | None:
        table = self.query_one("#sessions", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return Path(key) if key else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Open actions only make sense when a session is highlighted."""
        if action in ("open_session", "open_read_only", "export_record"):
            return self._highlighted() is not None
        return True

    def action_new_session(self) -> None:
        """Start the new-session form."""
        self.post_message(StartNewSession())

    def action_open_session(self) -> None:
        """Open (or resume) the highlighted session."""
        path = self._highlighted()
        if path is not None:
            self.post_message(OpenSession(path))

    def action_open_read_only(self) -> None:
        """Open the highlighted session read-only."""
        path = self._highlighted()
        if path is not None:
            self.post_message(OpenSession(path, read_only=True))

    def action_refresh(self) -> None:
        """Read the sessions folder again."""
        self.refresh_sessions(self._highlighted())

    @on(DataTable.RowSelected, "#sessions")
    def _row_chosen(self) -> None:
        self.action_open_session()

    @on(DataTable.RowHighlighted, "#sessions")
    def _sync_open_keys(self) -> None:
        # Only a change between "a session is highlighted" and "none is" changes which keys the
        # footer offers; redrawing it on every move made each arrow key cost a footer rebuild.
        can_open = self._highlighted() is not None
        if can_open != self._can_open:
            self._can_open = can_open
            self.refresh_bindings()
