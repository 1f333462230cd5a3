"""The life of the open session: opening or creating it off the screen thread, showing its steps,
and closing it without losing anything."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from supervise.app.live import SaveState, SessionDoor
from supervise.app.messages import OpenSession, SaveStateChanged
from supervise.app.screens.base import SessionScreen
from supervise.app.screens.identifiers import carry_served
from supervise.store import SessionLocked, StoreError
from supervise.store.records import Status, Step, StepKind

if TYPE_CHECKING:
    from supervise.app.app import SuperviseApp
    from supervise.app.screens.new_session import NewSessionRequest
    from supervise.content import ReflectiveModel
    from supervise.prompts import ItemPrompts


log = logging.getLogger(__name__)


class SessionKeeper:
    """Holds the open session for the app: at most one, opened, shown and closed here."""

    def __init__(self, app: SuperviseApp) -> None:
        self._app = app
        self.live: SessionDoor | None = None
        """The open session, if any."""
        self._busy = False
        self._last_item = ""
        self._prompts: Mapping[str, ItemPrompts] = {}
        self._model: ReflectiveModel | None = None

    # -- opening ------------------------------------------------------------------------------

    def open(self, path: Path, *, read_only: bool, at: str = "") -> None:
        """Open the session at ``path`` in a worker thread, then show it (at ``at``, an item
        reference, ``opening`` or ``closing``, if given)."""
        self._start(f"Opening {path.name}…", partial(self._open, path, read_only, at))

    def create(self, request: NewSessionRequest) -> None:
        """Create a session from the new-session form in a worker thread, then show it."""
        self._start("Creating the session…", partial(self._create, request))

    def _start(self, doing: str, work: Callable[[], None]) -> None:
        # One at a time: a second "o" while the first opens must not open it twice.
        if self._busy or self.live is not None:
            return
        self._busy = True
        self._app.show_busy(doing)
        self._app.run_worker(work, thread=True, group="session", exit_on_error=False)

    def _open(self, path: Path, read_only: bool, at: str) -> None:
        """Open the session (in the worker thread); report back on the screen thread."""
        try:
            door = SessionDoor.open(path, self._post_state, read_only=read_only)
        except SessionLocked as error:
            self._app.call_from_thread(self._locked, path, error, at)
        except (StoreError, OSError) as error:
            self._app.call_from_thread(self._failed, "The session could not be opened", error)
        except Exception as error:
            # A fault of supervise's own, not of the file: said, logged, and the list stays
            # usable (a failed worker would leave every later open waiting on this one).
            log.exception("opening %s failed", path)
            unexpected = StoreError(
                f"Something unexpected stopped {path.name} from opening ({error!r}).",
                "The file has not been changed. Try again, or open another session.",
            )
            self._app.call_from_thread(self._failed, "The session could not be opened", unexpected)
        else:
            self._app.call_from_thread(self._enter, door, at)

    def _create(self, request: NewSessionRequest) -> None:
        """Create the session (in the worker thread); report back on the screen thread."""
        try:
            door = SessionDoor.create(
                self._app.sessions_dir,
                self._post_state,
                mode=request.mode,
                practitioner=request.practitioner,
                supervisor=request.supervisor,
                date=request.date,
                planned_minutes=request.planned_minutes,
                model=request.model,
                scope=request.scope,
                agenda=request.agenda,
                reviews=request.reviews,
            )
        except (StoreError, OSError) as error:
            self._app.call_from_thread(self._failed, "The session could not be created", error)
        else:
            carry_served(door, self._app.sessions_dir)
            self._app.call_from_thread(self._enter, door)

    def _post_state(self, state: SaveState) -> None:
        """Tell the screens how saving goes (called from the save thread too)."""
        self._app.post_message(SaveStateChanged(state))

    def _done(self) -> None:
        self._busy = False
        self._app.show_busy("")

    def _failed(self, title: str, error: Exception) -> None:
        self._done()
        self._app.explain(title, error)

    def _locked(self, path: Path, error: SessionLocked, at: str = "") -> None:
        self._done()

        def chosen(choice: str | None) -> None:
            if choice == "read":
                self._app.post_message(OpenSession(path, read_only=True, at=at))

        self._app.choose(
            "Open in another window",
            f"{error.message}\n\nYou can read it here without changing anything.",
            [("read", "Open read only"), ("cancel", "Cancel")],
            chosen,
        )

    def _enter(self, door: SessionDoor, at: str = "") -> None:
        """Show ``door``'s session: a finished one read back, else where it was left (or at
        ``at``)."""
        # The list's "Opening …" line goes once the session's screen covers the list (see
        # HomeScreen.on_screen_suspend): cleared before, it redrew the list under the session.
        self._busy = False
        app, record = self._app, door.snapshot.record
        library = app.library
        try:
            model = library.model(record.model)
        except KeyError:
            model = library.model(None)
            app.notify(
                f"The reflective model '{record.model}' is not loaded; showing {model.title}.",
                severity="warning",
                markup=False,
            )
        missing = [ref for ref in record.scope if not library.has_item(ref)]
        if missing:
            app.notify(
                f"{len(missing)} item(s) of this session are not in the loaded content and are "
                "left out. Load that content with --content to see them.",
                severity="warning",
                timeout=10,
                markup=False,
            )
        from supervise.prompts import PromptBook

        self._prompts = PromptBook(
            (library.item(ref) for ref in record.scope if library.has_item(ref)),
            model,
            {framework.id: framework.people for framework in library.frameworks.values()},
        )
        if not self._prompts:
            self._done()
            door.close()
            app.notify(
                "None of this session's items are in the loaded content, so it cannot be shown.",
                severity="error",
                markup=False,
            )
            return
        self.live = door
        self._model = model
        step = Step.parse(at) if at else record.step
        self._last_item = step.ref if step.ref in self._prompts else next(iter(self._prompts))
        if record.status is not Status.IN_PROGRESS:
            self.show_record(at, replace=False)
        else:
            self.show(step, replace=False)

    # -- moving between steps -----------------------------------------------------------------

    def show(self, step: Step, *, replace: bool = True) -> None:
        """Show ``step`` (an item step without a reference shows the item last shown)."""
        live, app = self.live, self._app
        if live is None:
            return
        from supervise.app.screens.walk import WalkScreen

        if isinstance(app.screen, WalkScreen):
            # Back from the opening or closing, the walk resumes at the item it was on.
            self._last_item = app.screen.current
        screen: SessionScreen
        if step.kind is StepKind.OPENING:
            from supervise.app.screens.opening import OpeningScreen

            screen = OpeningScreen(live, app.library)
        elif step.kind is StepKind.CLOSING:
            from supervise.app.screens.closing import ClosingScreen

            screen = ClosingScreen(live, app.library)
        else:
            if step.ref in self._prompts:
                self._last_item = step.ref
            screen = WalkScreen(live, app.library, self._prompts, self._last_item)
        if replace:
            app.switch_screen(screen)
        else:
            app.push_screen(screen)

    def show_record(self, at: str = "", *, replace: bool = True) -> None:
        """Show the whole session on one page, scrolled to ``at`` (an item reference,
        ``opening`` or ``closing``) if given."""
        live, app = self.live, self._app
        if live is None:
            return
        from supervise.app.screens.record import RecordScreen
        from supervise.app.screens.walk import WalkScreen

        if isinstance(app.screen, WalkScreen):
            self._last_item = app.screen.current
        screen = RecordScreen(live, app.library, self._prompts, self._model, at)
        if replace:
            app.switch_screen(screen)
        else:
            app.push_screen(screen)

    def show_save_state(self, state: SaveState) -> None:
        """Update the save line of every session screen, also those under a dialog."""
        for screen in self._app.screen_stack:
            if isinstance(screen, SessionScreen):
                screen.show_save_state(state)

    # -- closing ------------------------------------------------------------------------------

    def _screen(self) -> SessionScreen | None:
        screen = self._app.screen
        return screen if isinstance(screen, SessionScreen) else None

    async def close(self, then: Callable[[], object]) -> None:
        """Save and close the open session, then call ``then`` (unless the person stays).

        Nothing typed is dropped without asking: if the disk refuses a change, the choice is
        to stay, to keep a copy of what is unsaved in a file of its own, or to leave without it.
        """
        live, app = self.live, self._app
        if live is None:
            then()
            return
        screen = self._screen()
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
                    app.explain("A copy could not be written either", error)
                    return
                app.notify(
                    f"What could not be saved is kept in {where}. Once the disk is fine, "
                    "'supervise recover --restore' puts it back into the session.",
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
        app.choose(
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

    def hang_up(self) -> None:
        """Save and close at once: the terminal is gone, so there is nobody to ask."""
        live = self.live
        if live is None:
            return
        if (screen := self._screen()) is not None:
            screen.save_all()
        if not live.flush():
            # Nobody can be asked, so what the disk refused is kept the only other way.
            with contextlib.suppress(OSError):
                live.export_unsaved()
        live.close()
        self.live = None
