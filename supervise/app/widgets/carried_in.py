"""What a practitioner brings to a new session: open actions to review and flagged items."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

from supervise.prompts import handles_of
from supervise.store.continuity import (
    FlaggedItem,
    OpenAction,
    flagged_for_supervision,
    open_actions,
    person_key,
)
from supervise.store.records import ActionReview, SessionSummary

if TYPE_CHECKING:
    from supervise.content import Library


class CarriedIn(Vertical):
    """Shows, for the practitioner named in the form, their open actions (reviewed at the
    opening) and the items they flagged in self-reflection, ticked to be covered."""

    def __init__(
        self, library: Library, sessions: Sequence[SessionSummary], *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.library = library
        """Where item texts come from."""
        self.sessions = tuple(sessions)
        """Every session in the store, as listed."""
        self._shown_for: tuple[str, bool] | None = None
        self._actions: list[OpenAction] = []
        self._flags: list[FlaggedItem] = []

    def compose(self) -> ComposeResult:
        """A line about open actions, then the flagged items to tick (hidden while none)."""
        yield Static("", id="carried-actions", classes="hint", markup=False)
        yield Static("", id="flagged-label", markup=False)
        yield SelectionList[str](id="flagged")

    def on_mount(self) -> None:
        """Nothing to show until a practitioner is named."""
        self.show_for("", supervision=True)

    def show_for(self, practitioner: str, *, supervision: bool) -> None:
        """Show what ``practitioner`` brings to a supervision (or a self-reflection)."""
        shown = (person_key(practitioner), supervision)
        if shown == self._shown_for:
            return
        self._shown_for = shown
        named = bool(shown[0])
        self._actions = open_actions(self.sessions, practitioner) if named else []
        self._flags = (
            flagged_for_supervision(self.sessions, practitioner) if named and supervision else []
        )
        line = self.query_one("#carried-actions", Static)
        count = len(self._actions)
        if count and supervision:
            plural = "s" if count != 1 else ""
            line.update(
                f"{practitioner.strip()} has {count} open action{plural} from earlier sessions: "
                "the opening asks how each went."
            )
        line.display = bool(count and supervision)
        flagged: SelectionList[str] = self.query_one("#flagged", SelectionList)
        flagged.clear_options()
        flagged.add_options(
            Selection(self._label(flag), flag.item, True, id=flag.item) for flag in self._flags
        )
        flagged.display = bool(self._flags)
        label = self.query_one("#flagged-label", Static)
        label.update(
            f"Flagged in {practitioner.strip()}'s self-reflection to bring here: ticked items are "
            "added to what to cover (space unticks one; ctrl+r reads what the reflection said)"
        )
        label.display = bool(self._flags)

    def _label(self, flag: FlaggedItem) -> str:
        words = "?"
        if self.library.has_item(flag.item):
            words = handles_of(self.library.item(flag.item))[0].text
        return f"{flag.item} · {words} (flagged {flag.date})"

    @property
    def reviews(self) -> tuple[ActionReview, ...]:
        """The open actions, as carried into a new supervision (none for a self-reflection)."""
        if self._shown_for is None or not self._shown_for[1]:
            return ()
        return tuple(action.carried() for action in self._actions)

    @property
    def chosen(self) -> tuple[str, ...]:
        """The flagged items still ticked."""
        if not self._flags:
            return ()
        flagged: SelectionList[str] = self.query_one("#flagged", SelectionList)
        return tuple(flagged.selected)

    def highlighted(self) -> FlaggedItem | None:
        """The flagged item under the cursor (the first if none is), or None if there are none."""
        if not self._flags:
            return None
        index = self.query_one("#flagged", SelectionList).highlighted
        return self._flags[index if index is not None else 0]
