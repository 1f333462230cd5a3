"""Export and Import: a session's record written to files, a bundle taken in.

On the session list, Export writes the highlighted session and Import asks for a bundle; on the
screens of an open session, Export (in the palette) saves first, then writes that session.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import work
from textual.screen import Screen

from supervise.app.commands import Command
from supervise.content import ContentError
from supervise.store import StoreError

if TYPE_CHECKING:
    from supervise.app.app import SuperviseApp
    from supervise.app.live import SessionDoor

EXPORT = Command(
    "export_record",
    "x",
    "Export",
    "Write the highlighted session's record as Markdown, HTML and a bundle to hand over",
    palette="Export record",
)
"""Export on the session list."""
RECORD_COMMANDS: tuple[Command, ...] = (
    EXPORT,
    Command(
        "import_bundle",
        "i",
        "Import",
        "Add a session from a JSON bundle made by export on another computer",
        palette="Import bundle",
    ),
)
"""The record-on-file commands of the session list."""
SESSION_EXPORT = Command(
    "export_record",
    "",
    "Export record",
    "Save, then write this session's record as Markdown, HTML and a bundle to hand over",
    footer=False,
)
"""Export on the screens of an open session: palette only, so it takes no key from typing."""


class ExportRecord(Screen[None]):
    """Asks where, then writes a session file's record there and says where it went."""

    def export_to_chosen_folder(self, path: Path) -> None:
        """Ask for a folder (``records/`` beside the sessions folder offered), then export."""
        # Imported when first used: the session list starts without the dialog's widgets.
        from supervise.app.screens.path_prompt import PathPrompt
        from supervise.records.export import records_folder

        def chosen(folder: Path | None) -> None:
            if folder is not None:
                self._export(path, folder)

        sessions_dir = cast("SuperviseApp", self.app).sessions_dir
        self.app.push_screen(
            PathPrompt(
                "Export record",
                f"The record of {path.name} will be written as Markdown (.md) and HTML (.html) to "
                "read and print, with a bundle (.bundle.json) to import on another computer, all "
                "private to you, into this folder:",
                str(records_folder(sessions_dir)),
                "Export",
            ),
            chosen,
        )

    @work(thread=True, exclusive=True, group="record-file")
    def _export(self, path: Path, folder: Path) -> None:
        from supervise.records.export import export_files

        try:
            written = export_files(path, cast("SuperviseApp", self.app).library, folder)
        except (StoreError, ContentError, OSError) as error:
            self.app.call_from_thread(self.failed, "The record could not be written", error)
            return
        names = ", ".join(file.name for file in written[:-1]) + f" and {written[-1].name}"
        from supervise.store.keys import is_encrypted

        plain = (
            " Your sessions are encrypted, but these copies are plain text: keep them somewhere "
            "safe, and delete them once they have served."
            if is_encrypted(path.parent)
            else ""
        )
        self.app.call_from_thread(
            self.notify,
            f"{names} written to {folder}.{plain}",
            title="Record exported",
            timeout=15,
            markup=False,
        )
        self._warn_of_identifiers(path)

    def _warn_of_identifiers(self, path: Path) -> None:
        """Say which likely identifiers the record exported still holds (from the worker)."""
        from supervise.records.identifiers import SHOWN, remaining_in_session, report

        try:
            said = report(remaining_in_session(path, cast("SuperviseApp", self.app).library), SHOWN)
        except (StoreError, ContentError, OSError) as error:
            self.app.call_from_thread(
                self.failed,
                "Exported, but not checked for identifiers: read it before sharing",
                error,
            )
            return
        if said:
            self.app.call_from_thread(
                self.notify,
                said,
                title="Identifiers in the record",
                severity="warning",
                timeout=30,
                markup=False,
            )

    def failed(self, title: str, error: Exception) -> None:
        """Say what went wrong and what to do next."""
        self.notify(str(error), title=title, severity="error", timeout=20, markup=False)


class RecordActions(ExportRecord):
    """Export and Import for the session list (mixed into the home screen)."""

    sessions_dir: Path

    def _highlighted(self) -> Path | None:
        """The session file the person has picked, if any."""
        raise NotImplementedError

    def refresh_sessions(self, select: Path | None = None) -> None:
        """List the sessions again, with ``select`` highlighted."""
        raise NotImplementedError

    def action_export_record(self) -> None:
        """Ask where, then write the highlighted session's record there."""
        path = self._highlighted()
        if path is not None:
            self.export_to_chosen_folder(path)

    def action_import_bundle(self) -> None:
        """Ask for a bundle's path, then add its session to the sessions folder."""
        from supervise.app.screens.path_prompt import PathPrompt

        def chosen(file: Path | None) -> None:
            if file is not None:
                self._import(file)

        self.app.push_screen(
            PathPrompt(
                "Import bundle",
                "The path of a bundle made by Export record (JSON) on another computer. A "
                "damaged or edited file is refused, and no session here is ever replaced.",
                action="Import",
            ),
            chosen,
        )

    @work(thread=True, exclusive=True, group="record-file")
    def _import(self, file: Path) -> None:
        from supervise.records.handover import import_file

        try:
            result = import_file(self.sessions_dir, file)
        except StoreError as error:
            self.app.call_from_thread(self.failed, "Nothing was imported", error)
            return
        self.app.call_from_thread(self._imported, result.path, result.message())

    def _imported(self, path: Path, message: str) -> None:
        self.refresh_sessions(path)
        self.notify(message, title="Import", timeout=15, markup=False)


class SessionExport(ExportRecord):
    """Export for the screens of an open session (mixed into SessionScreen)."""

    live: SessionDoor

    async def settled(self) -> None:
        """Let every key already typed land and hand it to the store."""
        raise NotImplementedError

    async def action_export_record(self) -> None:
        """Save everything, then ask where and write this session's record there."""
        await self.settled()
        if not self.live.read_only and not await asyncio.to_thread(self.live.flush):
            self.failed(
                "Not exported",
                StoreError(
                    f"The session could not be saved first: {self.live.state.error}",
                    "Your text is still here; try again once saving works (ctrl+s).",
                ),
            )
            return
        self.export_to_chosen_folder(self.live.path)
