"""The home screen's tidying: filters, archiving (hidden, kept) and deleting to the trash."""

from __future__ import annotations

from pathlib import Path

from textual.screen import Screen

from supervise.app.commands import Command
from supervise.app.widgets.session_filters import SessionFilters
from supervise.store import StoreError
from supervise.store.folder import open_sessions_folder
from supervise.store.tidy import (
    TRASH_DAYS,
    TRASH_NAME,
    archived,
    empty_old_trash,
    move_to_trash,
    set_archived,
)

TIDY_COMMANDS: tuple[Command, ...] = (
    Command("toggle_archive", "a", "Archive", "Archive the highlighted session, or bring it back"),
    Command("delete_session", "d", "Delete", "Move the highlighted session to the trash"),
    Command("show_archived", "v", "Show archived", "Show or hide archived sessions"),
    Command(
        "filter('practitioner')",
        "p",
        "Practitioner",
        "Show one practitioner's sessions",
        footer=False,
        palette="Filter by practitioner",
    ),
    Command(
        "filter('status')",
        "s",
        "Status",
        "Show sessions in progress, completed or signed",
        footer=False,
        palette="Filter by status",
    ),
)
"""The home screen's tidying commands."""


class TidyActions(Screen[None]):
    """What the home screen does to tidy its list (mixed into HomeScreen)."""

    sessions_dir: Path

    def refresh_sessions(self, select: Path | None = None) -> None:
        """Read the folder again and redraw the table (HomeScreen's)."""
        raise NotImplementedError

    def _highlighted(self) -> Path | None:
        """The highlighted session's file (HomeScreen's)."""
        raise NotImplementedError

    def empty_old_trash_later(self) -> None:
        """Once the list is up, remove what has been in the trash longer than it is kept."""

        def empty() -> None:
            try:
                open_sessions_folder(self.sessions_dir)
            except StoreError:
                return  # A folder refused as not private (the list says why) is left alone.
            empty_old_trash(self.sessions_dir)

        self.call_after_refresh(self.run_worker, empty, thread=True, exit_on_error=False)

    async def action_filter(self, which: str) -> None:
        """Open the practitioner or status filter."""
        await self.query_one(SessionFilters).open_filter(which)

    def action_show_archived(self) -> None:
        """Show archived sessions too, or hide them again."""
        filters = self.query_one(SessionFilters)
        filters.show_archived = not filters.show_archived
        self.refresh_sessions(self._highlighted())
        shown = "shown (marked “archived”)" if filters.show_archived else "hidden"
        self.notify(f"Archived sessions are {shown}.", markup=False)

    def action_toggle_archive(self) -> None:
        """Archive the highlighted session (hidden from the list, kept), or bring it back."""
        path = self._highlighted()
        if path is None:
            return
        flag = path.name not in archived(self.sessions_dir)
        try:
            set_archived(self.sessions_dir, path.name, flag)
        except StoreError as error:
            self.notify(str(error), title="Not archived", severity="error", markup=False)
            return
        self.refresh_sessions(path)
        if flag:
            self.notify("Archived: hidden from the list and kept. v shows archived sessions.")
        else:
            self.notify("Back in the list.")

    def action_delete_session(self) -> None:
        """Ask twice, then move the highlighted session to the trash."""
        path = self._highlighted()
        if path is None:
            return
        from supervise.app.screens.dialogs import Choice

        where = f"{TRASH_NAME}/ in the sessions folder"

        def second(choice: str | None) -> None:
            if choice == "delete":
                self._delete(path)

        def first(choice: str | None) -> None:
            if choice != "delete":
                return
            self.app.push_screen(
                Choice(
                    "Are you sure?",
                    "Delete this session? It leaves the list now. Archive it instead (a) to "
                    "keep it out of the way without deleting it.",
                    [("keep", "No, keep it"), ("delete", "Yes, delete it")],
                    escape="keep",
                ),
                second,
            )

        self.app.push_screen(
            Choice(
                "Delete this session?",
                f"{self._describe(path)}\n\nIt is moved to {where} and kept there for "
                f"{TRASH_DAYS} days; until then it can be moved back.",
                [("keep", "Keep it"), ("delete", "Delete")],
                escape="keep",
            ),
            first,
        )

    def _describe(self, path: Path) -> str:
        """The highlighted row as words: date, people, status."""
        from textual.widgets import DataTable

        table = self.query_one("#sessions", DataTable)
        cells = [str(cell) for cell in table.get_row(str(path))]
        return "  ·  ".join(cell for cell in cells if cell and cell != "—")

    def _delete(self, path: Path) -> None:
        try:
            target = move_to_trash(path)
        except StoreError as error:
            self.notify(str(error), title="Not deleted", severity="error", markup=False)
            return
        self.refresh_sessions()
        self.notify(
            f"Moved to {target.parent.name}/{target.name}; kept for {TRASH_DAYS} days.",
            markup=False,
        )
