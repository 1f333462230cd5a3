"""The record view: a whole session read back on one scrolling page, changing nothing."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from supervise.app.commands import Command, bindings
from supervise.app.live import SessionDoor
from supervise.app.screens.base import LEAVE, SessionScreen
from supervise.app.screens.record_actions import SESSION_EXPORT
from supervise.app.widgets.record_text import (
    ItemSource,
    closing_text,
    header_text,
    item_text,
    opening_text,
    signoff_text,
)
from supervise.prompts import ItemPrompts
from supervise.store.records import ITEMS, Step

if TYPE_CHECKING:
    from supervise.content import Library, ReflectiveModel

RECORD_COMMANDS: tuple[Command, ...] = (
    Command(
        "show_walk",
        "ctrl+f",
        "Items",
        "Go to the items, one at a time (where answers are written)",
        priority=True,
        palette="Edit the items",
    ),
    Command("top", "home", "Top", "Back to the top of the record", footer=False),
    LEAVE,
    SESSION_EXPORT,
)
"""What the record view offers: the items, the top, the list of sessions, and export."""


def item_title(library: Library, ref: str) -> str:
    """Where an item sits, as the walk names it: ``H3-25 › Performance criteria › 5``."""
    if not library.has_item(ref):
        return ref
    item = library.item(ref)
    section = library.section_of(item)
    title = f"{section.title} (our title)" if section.editorial else section.title
    return f"{library.framework_of(item).id.upper()} › {title} › {item.id}"


class RecordScreen(SessionScreen):
    """Shows every part of the open session as read-only text; ``at`` is scrolled to first."""

    COMMAND_LIST: ClassVar[tuple[Command, ...]] = RECORD_COMMANDS
    BINDINGS = bindings(COMMAND_LIST)
    AUTO_FOCUS = "#record"

    def __init__(
        self,
        live: SessionDoor,
        library: Library,
        prompts: Mapping[str, ItemPrompts],
        model: ReflectiveModel | None,
        at: str = "",
    ) -> None:
        super().__init__(live, library)
        self.item_prompts = prompts
        """Generated prompts for the items in scope that the content still has."""
        self.model = model
        """The session's reflective model, if loaded."""
        self.at = at
        """Where to scroll to first: an item reference, ``opening`` or ``closing``."""

    def compose(self) -> ComposeResult:
        """Header, opening, one block per item in scope, closing and sign-off."""
        yield from self.compose_frame()
        snapshot = self.live.snapshot
        with VerticalScroll(id="record"):
            yield Static(header_text(snapshot, self.model), id="record-header")
            yield Static(opening_text(snapshot), id="record-opening", classes="record-part")
            for number, ref in enumerate(dict.fromkeys(snapshot.record.scope)):
                has = self.library.has_item(ref)
                source = ItemSource(
                    ref,
                    self.library.item(ref) if has else None,
                    self.item_prompts.get(ref),
                )
                yield Static(
                    item_text(source, snapshot, self.model, item_title(self.library, ref)),
                    id=f"record-item-{number}",
                    classes="record-part record-item",
                    name=ref,
                )
            yield Static(closing_text(snapshot), id="record-closing", classes="record-part")
            yield Static(signoff_text(snapshot), id="record-signoff", classes="record-part")

    def on_mount(self) -> None:
        """Scroll to the place asked for once the page is laid out."""
        if self.at:
            self.call_after_refresh(self.scroll_to_place, self.at)

    @property
    def place(self) -> Step:
        """The record view is not a place in the session: leaving it keeps where work was."""
        return self.live.snapshot.record.step

    def part_for(self, place: str) -> Static | None:
        """The block showing ``place`` (an item reference, ``opening`` or ``closing``)."""
        if place in ("opening", "closing"):
            return self.query_one(f"#record-{place}", Static)
        return next(
            (s for s in self.query(".record-item").results(Static) if s.name == place), None
        )

    def scroll_to_place(self, place: str) -> None:
        """Bring ``place`` to the top of the page."""
        part = self.part_for(place)
        if part is not None:
            self.query_one("#record", VerticalScroll).scroll_to_widget(
                part, top=True, animate=False
            )

    def action_top(self) -> None:
        """Back to the top of the record."""
        self.query_one("#record", VerticalScroll).scroll_home(animate=False)

    async def action_show_walk(self) -> None:
        """Go to the items, where the answers can be added to or changed."""
        await self.go(ITEMS)
