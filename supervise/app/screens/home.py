"""The home screen: every session in the store, newest first, and a way to start a new one."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Header, Static

from supervise.app.commands import Command, bindings
from supervise.app.messages import OpenSession, SessionsListed, ShowHistory, StartNewSession
from supervise.app.screens.index_later import IndexLater
from supervise.app.screens.passphrase_actions import PASSPHRASE, PassphraseActions
from supervise.app.screens.quarantine_actions import QUARANTINE, QuarantineActions
from supervise.app.screens.record_actions import RECORD_COMMANDS, RecordActions
from supervise.app.screens.tidy_actions import TIDY_COMMANDS, TidyActions
from supervise.app.widgets.due_actions import DueActions
from supervise.app.widgets.key_bar import KeyBar
from supervise.app.widgets.session_filters import SessionFilters
from supervise.store import SessionSummary, StoreError, read_listing
from supervise.store.catalog import UNREADABLE
from supervise.store.folder import open_sessions_folder
from supervise.store.places import sessions_elsewhere, shown
from supervise.store.records import Mode, Status
from supervise.store.tidy import archived
from supervise.visible import visible

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


class HomeScreen(TidyActions, RecordActions, QuarantineActions, PassphraseActions, IndexLater):
    """Lists the sessions in the sessions folder."""

    COMMAND_LIST: ClassVar[tuple[Command, ...]] = (
        Command("new_session", "n", "New session", "Start a new supervision or self-reflection"),
        Command("open_session", "o", "Open", "Open or resume the highlighted session"),
        Command(
            "open_read_only", "r", "Read only", "Open the highlighted session without changing it"
        ),
        *TIDY_COMMANDS,
        Command("search", "slash", "Search", "Find words in every session and open one there"),
        Command(
            "history",
            "h",
            "History",
            "The highlighted session's practitioner: coverage, confidence over time, actions",
        ),
        *RECORD_COMMANDS,
        QUARANTINE,
        PASSPHRASE,
        Command("refresh", "f5", "Refresh", "Read the sessions folder again", footer=False),
    )
    BINDINGS = bindings(COMMAND_LIST)

    def __init__(self, sessions_dir: Path) -> None:
        super().__init__()
        self.sessions_dir = sessions_dir
        """The folder the app keeps sessions in."""
        self._can_open = False
        self._any_archived = False
        self._folder_line = ""
        self._listing = False
        # A session asked for (read only or not) while the list was being read.
        self._open_when_listed: bool | None = None
        # History asked for while the list was being read.
        self._history_when_listed = False

    def compose(self) -> ComposeResult:
        """A header, the session table (or a welcome for a first run) and the footer."""
        yield Header()
        with Vertical(id="home"):
            yield Static(WELCOME, id="welcome")
            yield DueActions(id="due")
            yield SessionFilters(id="filters")
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
        table.add_column("Next", key="next")
        table.add_column("Frameworks", key="frameworks")
        self.refresh_sessions()
        self.empty_old_trash_later()

    def refresh_sessions(self, select: Path | None = None) -> None:
        """Read the folder again (in a worker thread) and redraw the table, keeping ``select``
        highlighted."""
        self._listing = True
        self.show_busy("Reading the sessions folder…")
        self.run_worker(
            partial(self._read_folder, select),
            thread=True,
            exclusive=True,
            group="list",
            exit_on_error=False,
        )

    def _read_folder(self, select: Path | None) -> None:
        """List the folder (in the worker thread); show the list on the screen thread."""
        try:
            open_sessions_folder(self.sessions_dir)
            listing = read_listing(self.sessions_dir) if self.sessions_dir.exists() else None
            hidden = archived(self.sessions_dir)
            # A look into another folder (on a network drive it may be slow): here, not on
            # the screen thread.
            elsewhere = sessions_elsewhere(self.sessions_dir)
        except (StoreError, OSError) as error:
            self.app.call_from_thread(self._show_sessions, [], frozenset(), select, error, None)
            return
        summaries = listing.summaries if listing is not None else []
        self.app.call_from_thread(self._show_sessions, summaries, hidden, select, None, elsewhere)
        # The index only speeds the next listing, so it is written once the rows are shown.
        if listing is not None:
            self.app.call_from_thread(self.save_index_later, listing)

    def _show_sessions(
        self,
        summaries: list[SessionSummary],
        hidden: frozenset[str],
        select: Path | None,
        error: Exception | None,
        elsewhere: Path | None,
    ) -> None:
        self._listing = False
        if error is not None:
            self.notify(
                str(error), title="Sessions folder", severity="error", timeout=10, markup=False
            )
        self.query_one(DueActions).show(summaries, date.today())
        filters = self.query_one(SessionFilters)
        filters.offer(summaries)
        listed = filters.shown(summaries, hidden)
        table = self.query_one("#sessions", DataTable)
        table.clear()
        for summary in listed:
            table.add_row(*self._cells(summary, summary.file in hidden), key=str(summary.path))
        empty = not summaries
        self.set_class(empty, "-empty")
        plural = "s" if len(summaries) != 1 else ""
        line = f"{len(summaries)} session{plural} in {shown(self.sessions_dir)}"
        if len(listed) != len(summaries):
            line += f", {len(listed)} shown"
        archived_count = sum(1 for s in summaries if s.file in hidden)
        if bool(archived_count) != self._any_archived:
            self._any_archived = bool(archived_count)
            self.refresh_bindings()
        if archived_count and not filters.show_archived:
            line += f" ({archived_count} archived: v shows them)"
        line += self.note_damaged(summaries)
        if elsewhere is not None:
            # Saying so beats silently showing one of two homes: notes must never seem lost.
            line += f" · more sessions are in {elsewhere} (see 'supervise where')"
        self._folder_line = line
        self.query_one("#folder", Static).update(line)
        if select is not None and str(select) in {str(s.path) for s in listed}:
            table.move_cursor(row=table.get_row_index(str(select)))
        if not empty:
            table.focus()
        # The open keys worked while the list was read; now they work if a row is there.
        self._can_open = self._highlighted() is not None
        self.refresh_bindings()
        self.post_message(SessionsListed())
        wanted, self._open_when_listed = self._open_when_listed, None
        if wanted is not None:
            self.action_open_session(read_only=wanted)
        if self._history_when_listed:
            self._history_when_listed = False
            self.action_history()

    def on_screen_suspend(self) -> None:
        """Covered by another screen (an opened session, say): what was under way is done."""
        if not self._listing:
            self.show_busy("")

    def show_busy(self, doing: str) -> None:
        """Show what is under way (opening a session, say) below the list; "" when done."""
        # One line, always: no need to lay the list out again (it held up opening a session).
        self.query_one("#folder", Static).update(doing or self._folder_line, layout=False)

    @staticmethod
    def _cells(summary: SessionSummary, archived: bool = False) -> tuple[Text, ...]:
        mode = "Supervision" if summary.mode == Mode.SUPERVISION else "Self-reflection"
        status = summary.status.capitalize()
        if summary.status == Status.SIGNED:
            status = "✔ Signed"
        elif summary.status == UNREADABLE:
            # What is known of a damaged file: its name, and why it cannot be opened.
            why = visible(f"{summary.file}: {summary.problem}")
            return tuple(Text(c) for c in (summary.date, "", "—", "—", "⚠ Damaged", "—", "—", why))
        if archived:
            status += " · archived"
        progress = f"{summary.answered}/{summary.total} items"
        cells = (
            summary.date,
            summary.practitioner,
            summary.supervisor or "—",
            mode,
            status,
            progress,
            summary.next_date or "—",
            ", ".join(summary.frameworks) or "—",
        )
        # Text, not str: the table would read a str as markup, so "Sam [nights]" showed as "Sam ".
        return tuple([Text(visible(cell)) for cell in cells])

    def _highlighted(self) -> Path | None:
        table = self.query_one("#sessions", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return Path(key) if key else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Open, export, archive, delete and History only make sense when a session is
        highlighted (opening and History also while the list is being read: they wait for it)."""
        if action in ("open_session", "open_read_only", "history"):
            return self._listing or self._highlighted() is not None
        if action in ("export_record", "toggle_archive", "delete_session"):
            return self._highlighted() is not None
        if action == "quarantine_session":
            return self.damaged_problem() is not None
        if action == "show_archived":
            return self._any_archived or any(f.show_archived for f in self.query(SessionFilters))
        return True

    def action_new_session(self) -> None:
        """Start the new-session form."""
        self.post_message(StartNewSession())

    def action_open_session(self, read_only: bool = False) -> None:
        """Open (or resume) the highlighted session; while the list is being read, once it is."""
        if self._listing:
            self._open_when_listed = read_only
            return
        path = self._highlighted()
        if path is not None and not self.explain_damaged():
            self.post_message(OpenSession(path, read_only=read_only))

    def action_open_read_only(self) -> None:
        """Open the highlighted session read-only."""
        self.action_open_session(read_only=True)

    def action_search(self) -> None:
        """Find words in every session; the place chosen opens there."""
        from supervise.app.screens.search import Place, SearchScreen

        def chosen(place: Place | None) -> None:
            if place is not None:
                self.post_message(OpenSession(place.path, at=place.at))

        self.app.push_screen(SearchScreen(self.sessions_dir), chosen)

    def action_history(self) -> None:
        """Show the History of the highlighted session's practitioner; while the list is being
        read, once it is."""
        if self._listing:
            self._history_when_listed = True
            return
        table = self.query_one("#sessions", DataTable)
        if self._highlighted() is not None:
            name = str(table.get_row_at(table.cursor_row)[1]).strip()
            if name:
                self.post_message(ShowHistory(name))
            else:
                self.notify(
                    "This session names no practitioner (it may be unreadable): choose another.",
                    title="No History to show",
                    severity="warning",
                )

    def action_refresh(self) -> None:
        """Read the sessions folder again."""
        self.refresh_sessions(self._highlighted())

    @on(SessionFilters.Changed)
    def _filtered(self) -> None:
        self.refresh_sessions(self._highlighted())

    @on(DataTable.RowSelected, "#sessions")
    def _row_chosen(self) -> None:
        self.action_open_session()

    @on(DataTable.RowHighlighted, "#sessions")
    def _sync_open_keys(self) -> None:
        # Only a change between "a session is highlighted" and "none is" changes which keys the
        # footer offers; redrawing it on every move made each arrow key cost a footer rebuild.
        can_open = self._highlighted() is not None
        if self.damaged_highlight_changed() or can_open != self._can_open:
            self._can_open = can_open
            self.refresh_bindings()
