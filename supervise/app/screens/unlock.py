"""The first screen of an encrypted sessions folder: its passphrase, asked once per start
(three tries), and the first-run offer to protect a new folder with one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Header, Input, LoadingIndicator, Static

from supervise.app.widgets.key_bar import KeyBar
from supervise.store import StoreError
from supervise.store.keys import Pending, WrongPassphrase

if TYPE_CHECKING:
    from supervise.store.seal import Cost

TRIES = 3
"""How many passphrases are tried before supervise closes."""


def _home(screen: Screen[None], notice: str = "") -> None:
    """Go on to the session list, with ``notice`` told once it is up."""
    from supervise.app.screens.home import HomeScreen

    folder: Path = screen.app.sessions_dir  # type: ignore[attr-defined]
    # Pushed, not switched: Textual cannot switch away from the first screen of the stack
    # while a new one mounts (textual 8.2); this screen stays below, idle.
    screen.app.push_screen(HomeScreen(folder))
    if notice:
        screen.app.notify(notice, title="Sessions folder", timeout=30, markup=False)


class _PassphraseScreen(Screen[None]):
    """A heading, a message, password boxes, a problem line, a busy line and buttons."""

    HEADING = ""
    GO = "OK"
    BOXES: tuple[tuple[str, str], ...] = ()
    OTHER = ("quit", "Quit")

    def __init__(self, folder: Path, *, from_list: bool = False) -> None:
        super().__init__()
        self.folder = folder
        """The sessions folder."""
        self.from_list = from_list
        """True when opened from the session list, which it goes back to when done."""

    def message(self) -> str:
        """What is asked, and why."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        """The box in the middle of the screen."""
        yield Header()
        with Vertical(id="dialog"):
            yield Static(self.HEADING, classes="heading", markup=False)
            yield Static(self.message(), id="dialog-message", markup=False)
            for box_id, placeholder in self.BOXES:
                yield Input(password=True, id=box_id, placeholder=placeholder)
            yield Static("", id="passphrase-problem", markup=False)
            yield LoadingIndicator(id="passphrase-busy")
            with Horizontal(classes="buttons"):
                yield Button(self.GO, id="go", variant="primary")
                yield Button(self.OTHER[1], id=self.OTHER[0])
        yield KeyBar()

    def on_mount(self) -> None:
        """The cursor is in the first box; the busy line is hidden until work starts."""
        self.query_one("#passphrase-busy").display = False
        self.query(Input).first().focus()

    def typed(self, box_id: str) -> str:
        """What is in the box ``box_id``."""
        return self.query_one(f"#{box_id}", Input).value

    def problem(self, text: str) -> None:
        """Show ``text`` under the boxes and let the person type again."""
        self.busy(False)
        self.query_one("#passphrase-problem", Static).update(text)
        for box in self.query(Input):
            box.value = ""
        self.query(Input).first().focus()

    def busy(self, doing: bool, what: str = "") -> None:
        """Show that slow work (deriving a key takes about half a second) is under way."""
        self.query_one("#passphrase-busy").display = doing
        for widget in (*self.query(Input), *self.query(Button)):
            widget.disabled = doing
        if doing:
            self.query_one("#passphrase-problem", Static).update(what)

    def done(self, notice: str = "") -> None:
        """The work is done: on to the session list, or back to it (``notice`` told there)."""
        if not self.from_list:
            _home(self, notice)
            return
        self.dismiss()
        if notice:
            self.app.notify(notice, title="Sessions folder", timeout=30, markup=False)

    @on(Button.Pressed, "#quit")
    def _quit(self) -> None:
        self.app.exit()


class UnlockScreen(_PassphraseScreen):
    """Asks for an encrypted folder's passphrase; three wrong ones close supervise."""

    HEADING = "These sessions are protected by a passphrase"
    GO = "Unlock"
    BOXES = (("passphrase", "passphrase"),)

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.tries = 0
        """Wrong passphrases typed so far."""

    def message(self) -> str:
        """What is asked, and why."""
        return f"Type the passphrase for {self.folder} to open its sessions."

    @on(Input.Submitted)
    @on(Button.Pressed, "#go")
    def _go(self) -> None:
        passphrase = self.typed("passphrase")
        if not passphrase:
            self.problem("Type the passphrase first.")
            return
        self.busy(True, "Unlocking…")
        self._unlock(passphrase)

    @work(thread=True, exclusive=True)
    def _unlock(self, passphrase: str) -> None:
        from supervise.store.folder import open_sessions_folder
        from supervise.store.keys import unlock
        from supervise.store.rekey import finish, pending_message

        try:
            # A folder others could have put a key file in is refused before it is trusted.
            open_sessions_folder(self.folder)
            entry = unlock(self.folder, passphrase)
        except WrongPassphrase as error:
            self.app.call_from_thread(self._wrong, error)
            return
        except StoreError as error:
            self.app.call_from_thread(self.problem, str(error))
            return
        notice = ""
        if entry.pending is not Pending.NONE:
            self.app.call_from_thread(self.busy, True, "Finishing what was interrupted…")
            try:
                pending, _ = finish(self.folder)
                notice = pending_message(pending)
            except StoreError as error:
                notice = f"What was interrupted could not be finished yet: {error}"
        self.app.call_from_thread(self.done, notice)

    def _wrong(self, error: WrongPassphrase) -> None:
        self.tries += 1
        left = TRIES - self.tries
        if left <= 0:
            self.app.exit(
                return_code=1,
                message=f"Wrong passphrase {TRIES} times: the sessions in {self.folder} stay "
                "locked. Nothing was changed. Start supervise again to try again.",
            )
            return
        self.problem(f"{error.message} {left} {'try' if left == 1 else 'tries'} left.")


class ProtectScreen(_PassphraseScreen):
    """Offered on a first run: protect the new sessions folder with a passphrase, or not."""

    HEADING = "Protect these notes with a passphrase?"
    GO = "Protect"
    BOXES = (("passphrase", "passphrase"), ("again", "the same passphrase again"))
    OTHER = ("skip", "Not now")
    BINDINGS = [Binding("escape", "skip", "Not now")]

    def __init__(self, folder: Path, cost: Cost | None = None, *, from_list: bool = False) -> None:
        super().__init__(folder, from_list=from_list)
        self.cost = cost
        """scrypt's cost (None: the product's; tests pass a cheap one)."""

    def message(self) -> str:
        """What protection means, and what it costs."""
        return (
            f"Sessions will be kept in {self.folder}. With a passphrase, everything typed is "
            "sealed on disk and nobody can read it without the passphrase, you included: "
            "a forgotten passphrase cannot be recovered. It is asked once each time supervise "
            "starts. File names, sizes and dates stay visible."
        )

    @on(Input.Submitted)
    @on(Button.Pressed, "#go")
    def _go(self, event: Input.Submitted | Button.Pressed) -> None:
        from supervise.store.rekey import check_new_passphrase

        if isinstance(event, Input.Submitted) and event.input.id == "passphrase":
            self.query_one("#again", Input).focus()
            return
        passphrase = self.typed("passphrase")
        trouble = check_new_passphrase(passphrase, self.typed("again"))
        if trouble:
            self.problem(trouble)
            return
        self.busy(True, "Sealing…")
        self._protect(passphrase)

    @work(thread=True, exclusive=True)
    def _protect(self, passphrase: str) -> None:
        from supervise.store.rekey import encrypt_folder
        from supervise.store.seal import DEFAULT_COST

        try:
            encrypt_folder(self.folder, passphrase, cost=self.cost or DEFAULT_COST)
        except StoreError as error:
            self.app.call_from_thread(self.problem, str(error))
            return
        self.app.call_from_thread(
            self.done, "This sessions folder is protected: type the passphrase at each start."
        )

    @on(Button.Pressed, "#skip")
    def action_skip(self) -> None:
        """Go on without a passphrase (it can be set later from the session list)."""
        self.done()


class ChangePassphraseScreen(_PassphraseScreen):
    """From the session list: the passphrase changed, every file sealed again, with progress.

    The passphrase in force is asked first: a window left unlocked must not let someone lock
    the owner out of their own notes.
    """

    HEADING = "Change the passphrase"
    GO = "Change"
    BOXES = (
        ("current", "the passphrase now"),
        ("passphrase", "the new passphrase"),
        ("again", "the new passphrase again"),
    )
    OTHER = ("cancel", "Cancel")
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, folder: Path, cost: Cost | None = None) -> None:
        super().__init__(folder, from_list=True)
        self.cost = cost
        """scrypt's cost for the new passphrase (None: the folder's, or the product's)."""

    def message(self) -> str:
        """What happens."""
        return (
            f"Every file in {self.folder} is sealed again under the new passphrase. If this is "
            "cut short, every file still opens with the old passphrase and with the new one."
        )

    @on(Input.Submitted)
    @on(Button.Pressed, "#go")
    def _go(self, event: Input.Submitted | Button.Pressed) -> None:
        from supervise.store.rekey import check_new_passphrase

        boxes = [box_id for box_id, _ in self.BOXES]
        if isinstance(event, Input.Submitted) and event.input.id != boxes[-1]:
            self.query_one(f"#{boxes[boxes.index(event.input.id or '') + 1]}", Input).focus()
            return
        trouble = check_new_passphrase(self.typed("passphrase"), self.typed("again"))
        if trouble:
            self.problem(trouble)
            return
        self.busy(True, "Checking the passphrase now…")
        self._change(self.typed("current"), self.typed("passphrase"))

    @work(thread=True, exclusive=True)
    def _change(self, current: str, new: str) -> None:
        from supervise.store.keys import unlock
        from supervise.store.rekey import change_passphrase

        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(self.busy, True, f"Sealing again: {done} of {total} files…")

        try:
            unlock(self.folder, current)
            result = change_passphrase(self.folder, new, cost=self.cost, progress=progress)
        except StoreError as error:
            self.app.call_from_thread(self.problem, str(error))
            return
        count = f"{result.done} file{'' if result.done == 1 else 's'}"
        self.app.call_from_thread(
            self.done, f"Passphrase changed: {count} sealed again. Use the new one from now on."
        )

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Escape, or Cancel: nothing is changed."""
        if not self.query_one("#passphrase-busy").display:
            self.dismiss()
