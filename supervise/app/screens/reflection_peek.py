"""A look at what a practitioner wrote about one item in a self-reflection, from the new-session
form."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from supervise.app.live import SaveState, SessionDoor
from supervise.store import StoreError
from supervise.store.continuity import FlaggedItem

if TYPE_CHECKING:
    from supervise.content import Library
    from supervise.store.snapshot import Snapshot


class ReflectionPeek(ModalScreen[None]):
    """Shows, read only, one flagged item's answers and rating from its self-reflection."""

    BINDINGS = [Binding("escape,ctrl+r", "close", "Close")]

    def __init__(self, library: Library, flag: FlaggedItem) -> None:
        super().__init__()
        self.library = library
        """Where the statement and the model's stage titles come from."""
        self.flag = flag
        """The item and the reflection that flagged it."""

    def compose(self) -> ComposeResult:
        """The heading, then the answers once read."""
        with VerticalScroll(id="dialog", classes="peek"):
            yield Static(
                f"Self-reflection of {self.flag.date}: {self.flag.item}",
                classes="heading",
                markup=False,
            )
            yield Static("Reading…", id="peek-body", markup=False)
            yield Static("escape closes", classes="hint")

    async def on_mount(self) -> None:
        """Read the reflection off the screen thread, then show it."""
        try:
            snapshot = await asyncio.to_thread(self._read)
        except (StoreError, OSError) as error:
            text = f"The reflection could not be read: {error}"
        else:
            text = self._describe(snapshot)
        self.query_one("#peek-body", Static).update(text)

    def _read(self) -> Snapshot:
        door = SessionDoor.open(self.flag.path, _ignore, read_only=True)
        try:
            return door.snapshot
        finally:
            door.close()

    def _describe(self, snapshot: Snapshot) -> str:
        ref = self.flag.item
        lines = []
        if self.library.has_item(ref):
            lines += [self.library.item(ref).text, ""]
        try:
            stages = self.library.model(snapshot.record.model).stages
        except KeyError:
            stages = ()
        titles = {stage.id: stage.title for stage in stages}
        answered = [
            (stage, text)
            for (item, stage, role), text in snapshot.answers.items()
            if item == ref and role == "practitioner" and text.strip()
        ]
        for stage, text in answered:
            lines += [titles.get(stage, stage), f"  {text.strip()}", ""]
        if not answered:
            lines.append("(No answers were written for this item; it was flagged only.)")
        confidence = snapshot.rating(ref).confidence
        if confidence is not None:
            lines.append(f"Confidence: {confidence} of 5")
        return "\n".join(lines)

    def action_close(self) -> None:
        """Back to the form."""
        self.dismiss(None)


def _ignore(_: SaveState) -> None:
    """A read-only look saves nothing, so there is no save state to show."""
