"""The record view: a whole session read back on one scrolling page, changing nothing."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
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


FIRST_ITEMS = 4
"""Items laid out with the page (more than a screenful): the rest follow a batch at a time once
it is shown, as wrapping a few hundred answers took most of a second (see README)."""
BATCH = 10
"""Items added to the page at a time after it is shown; keys are answered between batches."""


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
        self._refs: list[str] = []
        self._shown = 0

    def compose(self) -> ComposeResult:
        """Header, opening, one block per item in scope, closing and sign-off: the first items
        now (up to the one to scroll to), the rest once the page is shown (see ``_add_items``)."""
        yield from self.compose_frame()
        snapshot = self.live.snapshot
        self._refs = list(dict.fromkeys(snapshot.record.scope))
        first = FIRST_ITEMS
        if self.at in self._refs:
            first = max(first, self._refs.index(self.at) + 1 + BATCH)
        self._shown = min(first, len(self._refs))
        with VerticalScroll(id="record"):
            yield Static(header_text(snapshot, self.model), id="record-header")
            yield Static(opening_text(snapshot), id="record-opening", classes="record-part")
            yield from self._item_blocks(0, self._shown)
            if self._shown < len(self._refs):
                yield Static(self._building_text(), id="record-building", markup=False)
            else:
                yield from self._ending()

    def _item_blocks(self, start: int, end: int) -> Iterator[Static]:
        """The blocks of the items in scope from ``start`` up to ``end``."""
        snapshot = self.live.snapshot
        for number in range(start, end):
            ref = self._refs[number]
            has = self.library.has_item(ref)
            source = ItemSource(
                ref, self.library.item(ref) if has else None, self.item_prompts.get(ref)
            )
            yield Static(
                item_text(source, snapshot, self.model, item_title(self.library, ref)),
                id=f"record-item-{number}",
                classes="record-part record-item",
                name=ref,
            )

    def _ending(self) -> Iterator[Static]:
        """The closing and the sign-off."""
        snapshot = self.live.snapshot
        yield Static(closing_text(snapshot), id="record-closing", classes="record-part")
        yield Static(signoff_text(snapshot), id="record-signoff", classes="record-part")

    def _building_text(self) -> str:
        return f"Building the record… {self._shown} of {len(self._refs)} items shown so far."

    @property
    def built(self) -> bool:
        """True once every part of the record is on the page."""
        return bool(self.query("#record-signoff"))

    def on_mount(self) -> None:
        """Scroll to the place asked for once the page is laid out, and add the items not yet
        on it."""
        if self.at and self.at != "closing":
            self.call_after_refresh(self.scroll_to_place, self.at)
        self.call_after_refresh(self._add_items)

    async def _add_items(self) -> None:
        """Add the next batch of items (after the last, the closing and sign-off instead of the
        progress line), then come back once that is shown."""
        if not self.is_attached or self.built:
            return  # left before it was all shown, or all shown
        record = self.query_one("#record", VerticalScroll)
        marker = self.query_one("#record-building", Static)
        end = min(self._shown + BATCH, len(self._refs))
        await record.mount_all(list(self._item_blocks(self._shown, end)), before=marker)
        self._shown = end
        if end < len(self._refs):
            marker.update(self._building_text())
            self.call_after_refresh(self._add_items)
            return
        await record.mount_all(list(self._ending()), after=marker)
        await marker.remove()
        if self.at == "closing":
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
