"""The home screen's damaged files: said what is wrong with them, and set aside on request."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.screen import Screen

from supervise.app.commands import Command
from supervise.store import SessionSummary, StoreError
from supervise.store.catalog import UNREADABLE
from supervise.store.quarantine import QUARANTINE_NAME, move_to_quarantine
from supervise.visible import visible

QUARANTINE = Command(
    "quarantine_session",
    "q",
    "Quarantine",
    f"Move the highlighted damaged session file to {QUARANTINE_NAME}/ in the sessions folder",
    palette="Quarantine damaged file",
)
"""Setting a damaged file aside, on the session list (only while one is highlighted)."""


class QuarantineActions(Screen[None]):
    """What the home screen does with damaged session files (mixed into HomeScreen)."""

    sessions_dir: Path
    _damaged: dict[Path, str] = {}
    _on_damaged = False

    def refresh_sessions(self, select: Path | None = None) -> None:
        """Read the folder again and redraw the table (HomeScreen's)."""
        raise NotImplementedError

    def _highlighted(self) -> Path | None:
        """The highlighted session's file (HomeScreen's)."""
        raise NotImplementedError

    def note_damaged(self, summaries: Iterable[SessionSummary]) -> str:
        """Remember which listed files are damaged and why; the words for the folder line."""
        self._damaged = {s.path: s.problem for s in summaries if s.status == UNREADABLE}
        count = len(self._damaged)
        if not count:
            return ""
        which = "1 damaged file" if count == 1 else f"{count} damaged files"
        return f" · {which} (⚠): {QUARANTINE.key} moves one to {QUARANTINE_NAME}/"

    def damaged_problem(self) -> str | None:
        """Why the highlighted file is damaged (control characters drawn, never obeyed), or
        None if it is not (or none is highlighted)."""
        path = self._highlighted()
        problem = None if path is None else self._damaged.get(path)
        return None if problem is None else visible(problem)

    def damaged_highlight_changed(self) -> bool:
        """Whether the highlight moved between a damaged file and another (the key bar then
        dims or lights the quarantine key)."""
        damaged = self.damaged_problem() is not None
        changed = damaged != self._on_damaged
        self._on_damaged = damaged
        return changed

    def explain_damaged(self) -> bool:
        """Say what is wrong with the highlighted file if it is damaged; whether it was."""
        problem = self.damaged_problem()
        path = self._highlighted()
        if problem is None or path is None:
            return False
        self.notify(
            f"{visible(str(path))}\n{problem or 'it is not a valid session file'}.\n\n"
            "It is left untouched. "
            f"Press {QUARANTINE.key} to move it to {QUARANTINE_NAME}/ (it is kept there), or "
            "ask for help to recover it.",
            title="This session file is damaged and cannot be opened",
            severity="error",
            timeout=20,
            markup=False,
        )
        return True

    def action_quarantine_session(self) -> None:
        """Ask, then move the highlighted damaged file to quarantine."""
        path, problem = self._highlighted(), self.damaged_problem()
        if path is None or problem is None:
            return
        from supervise.app.screens.dialogs import Choice

        def chosen(choice: str | None) -> None:
            if choice == "move":
                self._quarantine(path)

        self.app.push_screen(
            Choice(
                "Move this damaged file to quarantine?",
                f"{visible(str(path))}\n{problem}.\n\nIt cannot be opened. It is moved, whole and "
                "unchanged, to "
                f"{QUARANTINE_NAME}/ in the sessions folder, where it is kept (never removed) "
                "for anyone who can recover it; the list is clear of it.",
                [("keep", "Leave it"), ("move", "Move it")],
                escape="keep",
            ),
            chosen,
        )

    def _quarantine(self, path: Path) -> None:
        try:
            target = move_to_quarantine(path)
        except StoreError as error:
            self.notify(str(error), title="Not moved", severity="error", markup=False)
            return
        self.refresh_sessions()
        self.notify(f"Moved to {visible(str(target))}.", title="Set aside", markup=False)
