"""The supervise application: routes between screens and owns the open session."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import importlib
import signal
from collections.abc import Awaitable, Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from supervise.app.commands import palette_entries
from supervise.app.messages import (
    GoToStep,
    LeaveSession,
    OpenSession,
    SaveStateChanged,
    ShowHistory,
    StartNewSession,
    StartSessionOn,
)
from supervise.app.screens.home import HomeScreen
from supervise.content import ContentError, LibraryLoader
from supervise.store import SessionLocked, StoreError

if TYPE_CHECKING:
    from supervise.app.live import SaveState, SessionDoor
    from supervise.app.screens.base import SessionScreen
    from supervise.app.screens.new_session import NewSessionRequest
    from supervise.content import Library, ReflectiveModel
    from supervise.prompts import ItemPrompts


WARM_UP_DELAY = 0.05
"""Seconds after start before the content and the session screens load in the background
(sooner if they are needed): long enough for the list's first frame to go out first, short
enough to be done before anyone has picked a session (see benchmarks/)."""


GC_YOUNG_THRESHOLD = 10_000
"""New objects between young-generation collections (Python's default is 700)."""


class SuperviseApp(App[None]):
    """Guided reflective supervision: a session list, a new-session form and the session itself."""

    CSS_PATH = "supervise.tcss"
    TITLE = "supervise"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True)]

    def __init__(self, content: Library | LibraryLoader, sessions_dir: Path) -> None:
        super().__init__()
        self._content = (
            content if isinstance(content, LibraryLoader) else LibraryLoader(library=content)
        )
        self.sessions_dir = sessions_dir
        """Where session files live."""
        self.live: SessionDoor | None = None
        """The open session, if any."""
        self._last_item = ""
        self._prompts: Mapping[str, ItemPrompts] = {}
        self._model: ReflectiveModel | None = None
        self._at = ""

    @property
    def library(self) -> Library:
        """The loaded content (loaded now if it has not been yet); ContentError if broken."""
        return self._content.get()

    def _library_or_explain(self) -> Library | None:
        """The content, or None after telling the person what is wrong with it."""
        try:
            return self.library
        except ContentError as error:
            self._content_broken(error)
            return None

    def _content_broken(self, error: ContentError) -> None:
        problems = "\n".join(str(problem) for problem in error.problems[:5])
        more = len(error.problems) - 5
        if more > 0:
            problems += f"\n… and {more} more (run: supervise content check)"
        self.notify(
            f"{problems}\n\nFix the file named above, then start supervise again. Your "
            "sessions are safe and still listed.",
            title="The competence content could not be loaded",
            severity="error",
            timeout=30,
            markup=False,
        )

    def _warm_content(self) -> None:
        """Load the content and the session screens' code in the background once the list is
        up, so that opening a session is quick."""
        try:
            library = self._content.get()
        except ContentError as error:
            self.call_from_thread(self._content_broken, error)
            library = None
        # Imported here, off the UI thread: they are most of the cost of opening a session.
        for module in ("supervise.app.screens.walk", "supervise.store.door"):
            importlib.import_module(module)
        if library is not None:
            from supervise.prompts import handles_of

            # Every item's line in the walk's list needs its handle; handles_of() remembers them.
            for framework in library.frameworks.values():
                for item in framework.items():
                    handles_of(item)

    def get_default_screen(self) -> Screen[Any]:
        """The session list is the bottom of the screen stack; everything else goes on top."""
        return HomeScreen(self.sessions_dir)

    def on_mount(self) -> None:
        """Be ready to save if the terminal closes under us."""
        self.call_after_refresh(self._freeze_long_lived)
        self.set_timer(
            WARM_UP_DELAY,
            lambda: self.run_worker(self._warm_content, thread=True, exit_on_error=False),
        )
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGHUP, signal.SIGTERM):
            # Closing the terminal sends SIGHUP; without a handler the last moment of typing
            # would die with the process instead of being saved.
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signum, self._hang_up)

    def _session_screen(self) -> SessionScreen | None:
        """The current screen if it shows the open session; None on the list or a dialog."""
        # What only an open session needs is imported when first used: start-up pays for home.
        from supervise.app.screens.base import SessionScreen

        screen = self.screen
        return screen if isinstance(screen, SessionScreen) else None

    def _choose(
        self,
        title: str,
        text: str,
        options: list[tuple[str, str]],
        then: Callable[[str | None], None] | Callable[[str | None], Awaitable[None]],
        escape: str = "",
    ) -> None:
        """Ask the person to pick one of ``options`` (id, label), then call ``then`` with it."""
        from supervise.app.screens.dialogs import Choice

        self.push_screen(Choice(title, text, options, escape), then)

    def _hang_up(self) -> None:
        """Save and close at once: the terminal is gone, so there is nobody to ask."""
        live = self.live
        if live is not None:
            if (screen := self._session_screen()) is not None:
                screen.save_all()
            if not live.flush():
                # Nobody can be asked, so what the disk refused is kept the only other way.
                with contextlib.suppress(OSError):
                    live.export_unsaved()
            live.close()
            self.live = None
        self.exit()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette offers the current screen's commands beside Textual's own."""
        yield from palette_entries(screen, getattr(screen, "COMMAND_LIST", ()))
        yield from super().get_system_commands(screen)

    @on(StartNewSession)
    def _new_session(self) -> None:
        # Screens other than the list are imported when first used: start-up pays only for home.
        from supervise.app.screens.new_session import NewSessionScreen

        library = self._library_or_explain()
        if library is not None:
            self.push_screen(NewSessionScreen(library), self._create_session)

    @on(ShowHistory)
    def _history(self, message: ShowHistory) -> None:
        from supervise.app.screens.history import HistoryScreen

        library = self._library_or_explain()
        if library is not None:
            self.push_screen(HistoryScreen(library, self.sessions_dir, message.practitioner))

    @on(StartSessionOn)
    async def _new_session_on(self, message: StartSessionOn) -> None:
        from supervise.app.screens.new_session import NewSessionScreen

        library = self._library_or_explain()
        if library is not None:
            form = NewSessionScreen(library)
            await self.push_screen(form, self._create_session)
            form.fill(message.practitioner, message.supervisor, message.items)

    def _create_session(self, request: NewSessionRequest | None) -> None:
        if request is None:
            return
        from supervise.app.live import SessionDoor

        try:
            door = SessionDoor.create(
                self.sessions_dir,
                self._post_save_state,
                mode=request.mode,
                practitioner=request.practitioner,
                supervisor=request.supervisor,
                date=request.date,
                planned_minutes=request.planned_minutes,
                model=request.model,
                scope=request.scope,
                agenda=request.agenda,
            )
        except (StoreError, OSError) as error:
            self._explain("The session could not be created", error)
            return
        self._enter(door)

    @on(OpenSession)
    def _open_session(self, message: OpenSession) -> None:
        if self._library_or_explain() is None:
            return
        from supervise.app.live import SessionDoor

        try:
            door = SessionDoor.open(
                message.path, self._post_save_state, read_only=message.read_only
            )
        except SessionLocked as error:
            self._choose(
                "Open in another window",
                f"{error.message}\n\nYou can read it here without changing anything.",
                [("read", "Open read only"), ("cancel", "Cancel")],
                lambda choice: self._open_after_lock(message.path, choice, message.at),
            )
            return
        except (StoreError, OSError) as error:
            self._explain("The session could not be opened", error)
            return
        self._enter(door, message.at)

    def _post_save_state(self, state: SaveState) -> None:
        """Tell the screens how saving goes (called from the save thread too)."""
        self.post_message(SaveStateChanged(state))

    def _open_after_lock(self, path: Path, choice: str | None, at: str = "") -> None:
        if choice == "read":
            self.post_message(OpenSession(path, read_only=True, at=at))

    def _explain(self, title: str, error: Exception) -> None:
        self.notify(str(error), title=title, severity="error", timeout=15, markup=False)

    def _enter(self, door: SessionDoor, at: str = "") -> None:
        """Show ``door``'s session: a finished one read back, else where it was left (or ``at``,
        an item reference, ``opening`` or ``closing``)."""
        record = door.snapshot.record
        try:
            model = self.library.model(record.model)
        except KeyError:
            model = self.library.model(None)
            self.notify(
                f"The reflective model '{record.model}' is not loaded; showing {model.title}.",
                severity="warning",
                markup=False,
            )
        missing = [ref for ref in record.scope if not self.library.has_item(ref)]
        if missing:
            self.notify(
                f"{len(missing)} item(s) of this session are not in the loaded content and are "
                "left out. Load that content with --content to see them.",
                severity="warning",
                timeout=10,
                markup=False,
            )
        from supervise.prompts import PromptBook

        self._prompts = PromptBook(
            (self.library.item(ref) for ref in record.scope if self.library.has_item(ref)),
            model,
            {framework.id: framework.people for framework in self.library.frameworks.values()},
        )
        if not self._prompts:
            door.close()
            self.notify(
                "None of this session's items are in the loaded content, so it cannot be shown.",
                severity="error",
                markup=False,
            )
            return
        self.live = door
        self._model = model
        step = at or record.current_item or "opening"
        self._last_item = step if step in self._prompts else next(iter(self._prompts))
        self._at = at
        if record.status in ("completed", "signed"):
            step = "record"
        self._show(step, replace=False)

    def _show(self, step: str, *, replace: bool = True) -> None:
        live = self.live
        if live is None:
            return
        screen: SessionScreen
        if step == "opening":
            from supervise.app.screens.opening import OpeningScreen

            screen = OpeningScreen(live, self.library)
        elif step == "closing":
            from supervise.app.screens.closing import ClosingScreen

            screen = ClosingScreen(live, self.library)
        elif step == "record":
            from supervise.app.screens.record import RecordScreen

            screen = RecordScreen(live, self.library, self._prompts, self._model, self._at)
            self._at = ""
        else:
            from supervise.app.screens.walk import WalkScreen

            if step in self._prompts:
                self._last_item = step
            screen = WalkScreen(live, self.library, self._prompts, self._last_item)
        if replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    @on(GoToStep)
    def _go(self, message: GoToStep) -> None:
        from supervise.app.screens.walk import WalkScreen

        if isinstance(self.screen, WalkScreen):
            # Back from the opening or closing, the walk resumes at the item it was on.
            self._last_item = self.screen.current
        self._show(message.step)

    def _freeze_long_lived(self) -> None:
        """Exempt what exists once the session list is up from future garbage collections.

        The benchmark found full collections walking the long-lived widget tree (a thousand
        table rows among them) and pausing typing for 80 ms at a time. What exists now lives as
        long as the app does; screens opened later are still collected as usual.
        """
        gc.freeze()
        gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])

    @on(SaveStateChanged)
    def _save_state(self, message: SaveStateChanged) -> None:
        from supervise.app.screens.base import SessionScreen

        # Under a dialog too: the line must be right when the dialog closes.
        for screen in self.screen_stack:
            if isinstance(screen, SessionScreen):
                screen.show_save_state(message.state)

    @on(LeaveSession)
    async def _leave(self) -> None:
        await self._close_session(self._back_home)

    def _back_home(self) -> None:
        self.pop_screen()
        if isinstance(self.screen, HomeScreen):
            self.screen.refresh_sessions()

    async def _close_session(self, then: Callable[[], object]) -> None:
        """Save and close the open session, then call ``then`` (unless the person stays).

        Nothing typed is dropped without asking: if the disk refuses a change, the choice is
        to keep a copy of what is unsaved in a file of its own, to leave without it, or to stay.
        """
        live = self.live
        if live is None:
            then()
            return
        screen = self._session_screen()
        if screen is not None:
            await screen.settled()
            screen.show_saving()

        async def close() -> None:
            if self.live is not live:
                return
            self.live = None
            # Off the screen thread, like the flush: closing syncs the folder.
            await asyncio.to_thread(live.close)
            then()

        async def chosen(choice: str | None) -> None:
            if choice == "export":
                try:
                    where = await asyncio.to_thread(live.export_unsaved)
                except OSError as error:
                    self._explain("A copy could not be written either", error)
                    return
                self.notify(
                    f"What could not be saved is kept in {where}.",
                    title="A copy is kept",
                    timeout=30,
                    markup=False,
                )
            if choice in ("export", "leave"):
                await close()
            elif screen is not None:
                screen.show_save_state(live.state)

        # Off the screen thread: the screen keeps drawing (and says "Saving…") while the disk
        # catches up.
        if await asyncio.to_thread(live.flush):
            await close()
            return
        count = len(live.unsaved())
        plural = "s" if count != 1 else ""
        self._choose(
            "Not everything is saved",
            f"{live.state.error}\n\n{count} change{plural} could not be written to the session "
            "file. Keep a copy of them in a file of their own before leaving (you will be told "
            "where), or stay and try again with ctrl+s.",
            [
                ("stay", "Stay and try again"),
                ("export", "Keep a copy, then leave"),
                ("leave", "Leave without them"),
            ],
            chosen,
            escape="stay",
        )

    async def action_quit(self) -> None:
        """Save everything, close the session and quit."""
        await self._close_session(self.exit)
