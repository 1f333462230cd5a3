"""The supervise application: routes messages between the screens and the open session."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.filter import LineFilter
from textual.screen import Screen

from supervise.app import process
from supervise.app.commands import FOCUS_BINDINGS, palette_entries
from supervise.app.hangup import on_hang_up
from supervise.app.messages import (
    GoToStep,
    LeaveSession,
    OpenSession,
    ReadBack,
    SaveStateChanged,
    SessionsListed,
    ShowHistory,
    StartNewSession,
    StartSessionOn,
)
from supervise.app.screens.home import HomeScreen
from supervise.app.terminal_guard import GUARD
from supervise.app.textual_private import add_default_css
from supervise.app.warmup import WARM_UP_DELAY, WarmUp, warm_up
from supervise.content import ContentError, LibraryLoader

if TYPE_CHECKING:
    from supervise.app.live import SessionDoor
    from supervise.app.screens.new_session import NewSessionRequest
    from supervise.app.sessions import SessionKeeper
    from supervise.content import Library
    from supervise.store.seal import Cost


class SuperviseApp(App[None]):
    """Guided reflective supervision: a session list, a new-session form and the session itself."""

    CSS_PATH = "supervise.tcss"
    TITLE = "supervise"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    # Tab as a priority binding on every screen, dialogs included: a burst typed straight after
    # it lands in the next field (see FOCUS_BINDINGS).
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True), *FOCUS_BINDINGS]

    def __init__(
        self,
        content: Library | LibraryLoader,
        sessions_dir: Path,
        *,
        offer_protection: bool = False,
        protection_cost: Cost | None = None,
    ) -> None:
        super().__init__()
        self._offer_protection = offer_protection
        self.protection_cost = protection_cost
        """scrypt's cost for a new passphrase (None: the product's; tests pass a cheap one)."""
        self._content = (
            content if isinstance(content, LibraryLoader) else LibraryLoader(library=content)
        )
        self.sessions_dir = sessions_dir
        """Where session files live."""
        self._keeper: SessionKeeper | None = None
        self._tuned = False
        self._frozen = False
        self._warm_up = WarmUp.NOT_YET

    # -- process and start-up -----------------------------------------------------------------

    def run(self, *args: Any, **kwargs: Any) -> None:
        """Run the app as the only thing in this process, tuned for it (see app/process.py)."""
        process.tune_collector()
        self._tuned = True
        return super().run(*args, **kwargs)

    def get_default_screen(self) -> Screen[Any]:
        """The session list is the bottom of the screen stack; everything else goes on top.

        An encrypted folder first asks for its passphrase, and a first run may offer one; each
        of those screens then gives way to the list."""
        from supervise.store.keys import needs_unlock

        if needs_unlock(self.sessions_dir):
            from supervise.app.screens.unlock import UnlockScreen

            return UnlockScreen(self.sessions_dir)
        if self._offer_protection:
            from supervise.app.screens.unlock import ProtectScreen

            return ProtectScreen(self.sessions_dir, self.protection_cost)
        return HomeScreen(self.sessions_dir)

    def on_mount(self) -> None:
        """Be ready to save if the terminal closes."""
        on_hang_up(self._hang_up)

    def _start_warm_up(self) -> None:
        if self._warm_up is not WarmUp.SCHEDULED:
            return
        self._warm_up = WarmUp.STARTED

        def work() -> None:
            warm_up(self._content, self._content_broken_from_thread)
            self.call_from_thread(self._walk_styles_ahead)

        self.run_worker(work, thread=True, exit_on_error=False)

    def _walk_styles_ahead(self) -> None:
        """Read the walk's widget styles now, while the list waits, rather than when it opens."""
        from supervise.app.screens.walk import WALK_KINDS

        # The stylesheet belongs to the screen thread: read here, after the warm-up thread.
        add_default_css(self, WALK_KINDS)

    # -- content ------------------------------------------------------------------------------

    @property
    def library(self) -> Library:
        """The loaded content (loaded now if it has not been yet); ContentError if broken."""
        return self._content.get()

    def _library_or_explain(self) -> Library | None:
        """The content, or None after telling the person what is wrong with it."""
        if self._warm_up is not WarmUp.STARTED:
            # This first use loads what it needs itself; a warm-up thread beside it would only
            # take turns with it on the interpreter lock.
            self._warm_up = WarmUp.NOT_NEEDED
        try:
            return self.library
        except ContentError as error:
            self._content_broken(error)
            return None

    def _content_broken_from_thread(self, error: ContentError) -> None:
        self.call_from_thread(self._content_broken, error)

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

    # -- what screens and the session keeper share --------------------------------------------

    @property
    def live(self) -> SessionDoor | None:
        """The open session, if any."""
        return None if self._keeper is None else self._keeper.live

    @property
    def keeper(self) -> SessionKeeper:
        """The open session's keeper (made when first needed: start-up pays for home only)."""
        if self._keeper is None:
            from supervise.app.sessions import SessionKeeper

            self._keeper = SessionKeeper(self)
        return self._keeper

    def choose(
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

    def explain(self, title: str, error: Exception) -> None:
        """Tell the person what went wrong and what to do, in the store's own words."""
        self.notify(str(error), title=title, severity="error", timeout=15, markup=False)

    def show_busy(self, doing: str) -> None:
        """Say on the session list what is under way ("Opening …"), or "" when it is done."""
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.show_busy(doing)

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then the guard that keeps control characters off the terminal."""
        return [*super().get_line_filters(), GUARD]

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette offers the current screen's commands beside Textual's own."""
        yield from palette_entries(screen, getattr(screen, "COMMAND_LIST", ()))
        yield from super().get_system_commands(screen)

    # -- routing ------------------------------------------------------------------------------

    @on(StartNewSession)
    def _new_session(self) -> None:
        # Screens other than the list are imported when first used: start-up pays only for home.
        from supervise.app.screens.new_session import NewSessionScreen

        library = self._library_or_explain()
        if library is not None:
            self.push_screen(NewSessionScreen(library, self.sessions_dir), self._create_session)

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
        if request is not None:
            self._hold_collections()
            self.keeper.create(request)

    @on(OpenSession)
    def _open_session(self, message: OpenSession) -> None:
        if self._library_or_explain() is not None:
            self._hold_collections()
            self.keeper.open(message.path, read_only=message.read_only, at=message.at)

    def _hold_collections(self) -> None:
        """Let a session's screen be built without garbage collections (a real run only)."""
        if self._tuned:
            process.hold_collections()
            self.set_timer(process.OPENING_HOLD, process.release_collections)

    @on(ReadBack)
    def _read_back(self) -> None:
        self.keeper.show_record()

    @on(SessionsListed)
    def _listed(self) -> None:
        if self._warm_up is WarmUp.NOT_YET:
            # Not before: on one interpreter lock, a warm-up thread takes its time from the
            # list's first frame.
            self._warm_up = WarmUp.SCHEDULED
            self.call_after_refresh(self.set_timer, WARM_UP_DELAY, self._start_warm_up)
        if self._tuned and not self._frozen:
            # What exists once the list's rows are in lives as long as the app does.
            self._frozen = True
            self.call_after_refresh(process.freeze_long_lived)

    @on(GoToStep)
    def _go(self, message: GoToStep) -> None:
        self.keeper.show(message.step)

    @on(SaveStateChanged)
    def _save_state(self, message: SaveStateChanged) -> None:
        self.keeper.show_save_state(message.state)

    @on(LeaveSession)
    async def _leave(self) -> None:
        await self.keeper.close(self._back_home)

    def _back_home(self) -> None:
        self.pop_screen()
        if isinstance(self.screen, HomeScreen):
            self.screen.refresh_sessions()

    async def action_quit(self) -> None:
        """Save everything, close the session and quit."""
        if self._keeper is None:
            self.exit()
        else:
            await self._keeper.close(self.exit)

    def _hang_up(self) -> None:
        if self._keeper is not None:
            self._keeper.hang_up()
        self.exit()
