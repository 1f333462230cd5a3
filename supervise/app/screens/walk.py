"""The walk: one competence item at a time, with prompts, answers, ticks and a rating."""

from __future__ import annotations

from collections.abc import Mapping
from time import monotonic
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.widgets import Header, OptionList, Static

from supervise.app.commands import Command, bindings
from supervise.app.live import SessionDoor
from supervise.app.screens.base import SESSION_COMMANDS, SessionScreen
from supervise.app.settle import settle_input
from supervise.app.textual_private import add_default_css
from supervise.app.widgets.box import Box
from supervise.app.widgets.item_list import ItemList
from supervise.app.widgets.item_view import CONFIDENCE_LABELS, ITEM_KINDS, ItemView
from supervise.app.widgets.key_bar import KeyBar
from supervise.app.widgets.save_status import SaveStatus
from supervise.content import Role
from supervise.prompts import ItemPrompts
from supervise.store.changes import (
    AddElapsed,
    MoveTo,
    Note,
    SetAnswer,
    SetBring,
    SetConfidence,
    SetPoint,
)
from supervise.store.records import CLOSING, OPENING, Step, StepKind

if TYPE_CHECKING:
    from textual.widget import Widget

    from supervise.content import Library

WALK_KINDS: tuple[type[Widget], ...] = (*ITEM_KINDS, ItemList, Header, SaveStatus, KeyBar)
"""Every kind of widget the walk shows, whose default styles it reads in one go."""

PROGRESS_WIDTH = 20
"""Cells in the text progress bar."""


def progress_bar(done: int, total: int) -> str:
    """A bar of filled and empty blocks, readable without colour: ``██████░░░░``."""
    filled = round(PROGRESS_WIDTH * done / total) if total else 0
    return "█" * filled + "░" * (PROGRESS_WIDTH - filled)


WALK_COMMANDS: tuple[Command, ...] = (
    Command(
        "next_item",
        "ctrl+n",
        "Next",
        "Save and go to the next item",
        priority=True,
        palette="Next item",
    ),
    Command(
        "previous_item",
        "ctrl+b",
        "Previous",
        "Save and go back one item",
        priority=True,
        palette="Previous item",
    ),
    Command(
        "skip_item",
        "ctrl+l",
        "Skip",
        "Leave this item for later",
        priority=True,
        palette="Skip item",
    ),
    Command("choose_item", "ctrl+g", "Go to item", "Pick any item from the list", priority=True),
    Command(
        "opening",
        "ctrl+o",
        "Opening",
        "Back to the opening check-in",
        priority=True,
        palette="Back to opening",
    ),
    *(
        Command(
            f"set_confidence({value})",
            "",
            f"Confidence {label}",
            f"Rate your confidence in this item {value} of 5",
            footer=False,
        )
        for value, label in enumerate(CONFIDENCE_LABELS, start=1)
    ),
    Command(
        "toggle_bring",
        "",
        "Bring to supervision",
        "Mark or unmark this item to bring to supervision",
        footer=False,
    ),
    Command(
        "make_action",
        "ctrl+r",
        "Make action",
        "Turn this item's next-step answer into an agreed action",
        priority=True,
        palette="Make an action from the next step",
    ),
    Command(
        "closing",
        "ctrl+t",
        "Finish",
        "Summary, actions and sign-off",
        priority=True,
        palette="Closing",
    ),
)


class WalkScreen(SessionScreen):
    """Shows one item at a time; every answer, tick and rating is saved as it happens."""

    COMMAND_LIST: ClassVar[tuple[Command, ...]] = WALK_COMMANDS + SESSION_COMMANDS
    BINDINGS = bindings(COMMAND_LIST)
    # The item view chooses where the cursor starts (see ItemView.focus_first); Textual's own
    # choice, the item list, would be focused, styled and unfocused again first.
    AUTO_FOCUS = ""

    def __init__(
        self, live: SessionDoor, library: Library, prompts: Mapping[str, ItemPrompts], start: str
    ) -> None:
        super().__init__(live, library)
        self.item_prompts = prompts
        """Generated prompts for every item in scope, by reference."""
        # Each once: a hand-edited file may name an item twice, and the list takes each once.
        self.refs = [ref for ref in dict.fromkeys(live.snapshot.record.scope) if ref in prompts]
        """The items in scope that the loaded content still has, in order."""
        self.current = start if start in prompts else self.refs[0]
        """The reference of the item on screen."""
        self._clock = monotonic()
        self._made_actions: set[tuple[str, str]] = set()

    def compose(self) -> ComposeResult:
        """Item list on the left, the current item on the right."""
        add_default_css(self.app, WALK_KINDS)
        yield from self.compose_frame(Static("", id="position", markup=False))
        # The list sits in a box of its own for the reason the header does (see compose_frame);
        # the list itself arrives with the lower part of the item (see on_mount).
        yield Box(id="side")
        # Built with the screen, not mounted after it: one layout instead of two.
        yield self._item_view(self.current)

    def on_mount(self) -> None:
        """Point at the item the session was left on, with the cursor in its first answer; add
        the list of items once the item is on screen."""
        self._arrived(self.query_one(ItemView))
        self.set_interval(15, self._update_labels)
        # The item and the cursor first: drawing the list's lines in the first frames (and
        # again once it has scrolled to the current item) was a tenth of opening a session.
        # call_later: not awaited among the after-refresh callbacks (see ItemView.on_mount).
        self.call_after_refresh(self.call_later, self._add_item_list)

    async def _add_item_list(self) -> None:
        if not self.is_attached:
            return
        snapshot = self.live.snapshot
        items = ItemList(
            self.library,
            self.refs,
            answered=self.answered(),
            skipped=snapshot.skipped,
            flagged=[r.item for r in snapshot.ratings.values() if r.bring_to_supervision],
            current=self.current,
            id="items",
        )
        side = self.query_one("#side")
        await side.mount(items)
        items.show_current(self.current)
        if side.has_class("-shown"):
            # Asked for (ctrl+g) before it was there.
            items.focus()

    def _items(self) -> ItemList | None:
        """The list of items, once it is there (see on_mount)."""
        found = self.query(ItemList)
        return found.first() if found else None

    def answered(self) -> set[str]:
        """Items with at least one non-blank answer."""
        return self.live.snapshot.answered_items()

    def _item_view(self, ref: str) -> ItemView:
        snapshot, submit = self.live.snapshot, self.live.submit
        rating = snapshot.rating(ref)
        return ItemView(
            self.item_prompts[ref],
            answers={
                (stage, role): text
                for (item, stage, role), text in snapshot.answers.items()
                if item == ref
            },
            ticked=snapshot.ticked(ref),
            confidence=rating.confidence,
            bring=rating.bring_to_supervision,
            supervision=self.supervision,
            read_only=self.live.read_only,
            on_answer=self._answer,
            on_point=lambda item, index, on: submit(SetPoint(item, index, on)),
            on_confidence=lambda item, value: submit(SetConfidence(item, value)),
            on_bring=self._bring,
        )

    def _bring(self, item: str, flag: bool) -> None:
        self.live.submit(SetBring(item, flag))
        if (items := self._items()) is not None:
            items.flag(item, flag)

    async def _show(self, ref: str) -> None:
        for old in self.query(ItemView):
            old.save_all()
            await old.remove()
        self.current = ref
        view = self._item_view(ref)
        await self.mount(view)
        self._arrived(view)

    def _arrived(self, view: ItemView) -> None:
        """Record, mark and label the item just shown, and put the cursor in its answer."""
        ref = view.item.ref
        if (items := self._items()) is not None:
            items.show_current(ref)
        self._update_labels()
        # Focus now, before the first paint, so the screen is laid out and painted once.
        field = view.focus_first(self.field_left(Step(StepKind.ITEM, ref)))
        self.live.submit(MoveTo(Step(StepKind.ITEM, ref), field))

    @property
    def place(self) -> Step:
        """The item on screen."""
        return Step(StepKind.ITEM, self.current)

    def _answer(self, item: str, stage: str, role: Role, text: str) -> None:
        before = item in self.answered()
        self.live.submit(SetAnswer(item, stage, role, text))
        if (item in self.answered()) != before:
            if (items := self._items()) is not None:
                items.mark(self.answered())
            self._update_labels()

    def _update_labels(self) -> None:
        """Redraw where-you-are, the progress bar and the time used."""
        item = self.library.item(self.current)
        framework = self.library.framework_of(item)
        section = self.library.section_of(item)
        position = self.refs.index(self.current) + 1
        answered = len(self.answered() & set(self.refs))
        record = self.live.snapshot.record
        used = (record.elapsed_seconds + monotonic() - self._clock) / 60
        planned = record.planned_minutes
        over = f" ({used - planned:.0f} over)" if used > planned else ""
        title = f"{section.title} (our title)" if section.editorial else section.title
        where = f"{framework.id.upper()} › {title} › {item.id}"
        progress = (
            f"Item {position} of {len(self.refs)} · {answered} answered  "
            f"{progress_bar(answered, len(self.refs))}  {used:.0f} of {planned} min{over}"
        )
        self.query_one("#position", Static).update(f"{where}\n{progress}", layout=False)

    def save_all(self) -> None:
        """Save the answers on screen and the time spent since the last save."""
        for view in self.query(ItemView):
            view.save_all()
        # Whole seconds only; the remainder stays on the clock for next time.
        seconds = int(monotonic() - self._clock)
        self._clock += seconds
        if seconds > 0:
            self.live.submit(AddElapsed(seconds))

    async def _move(self, offset: int) -> None:
        index = self.refs.index(self.current) + offset
        if index >= len(self.refs):
            self.notify(
                "That was the last item. Press ctrl+t to finish, or pick any item.", markup=False
            )
            return
        if index < 0:
            await self.go(OPENING)
            return
        await self.settled()
        await self._show(self.refs[index])

    async def action_next_item(self) -> None:
        """Save and go to the next item."""
        await self._move(1)

    async def action_previous_item(self) -> None:
        """Save and go back one item (from the first item, back to the opening)."""
        await self._move(-1)

    async def action_skip_item(self) -> None:
        """Note that this item was skipped and go on."""
        await settle_input(self)
        self.live.submit(Note("skipped", self.current))
        if (items := self._items()) is not None:
            items.mark(self.answered(), self.live.snapshot.skipped)
        await self._move(1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Rating and flagging need a writable session; the flag is for self-reflection."""
        if action in ("set_confidence", "toggle_bring", "make_action") and self.live.read_only:
            return False
        if action == "toggle_bring":
            return not self.supervision
        return super().check_action(action, parameters)

    def action_set_confidence(self, value: int) -> None:
        """Choose confidence ``value`` (1–5) for this item, as clicking its button would."""
        for view in self.query(ItemView):
            view.set_confidence(value)

    def action_toggle_bring(self) -> None:
        """Flip "Bring this to supervision" for this item."""
        for view in self.query(ItemView):
            view.toggle_bring()

    async def action_make_action(self) -> None:
        """Add this item's "Now what?" answer to the agreed actions, owned by the practitioner."""
        await settle_input(self)
        stage = self.item_prompts[self.current].next_step_stage()
        self.save_all()
        snapshot = self.live.snapshot
        what = snapshot.answer(self.current, stage, Role.PRACTITIONER).strip() if stage else ""
        if not stage or not what:
            title = self.item_prompts[self.current].for_stage(stage or "", Role.PRACTITIONER)
            where = f"“{title.stage_title}”" if title else "the last stage"
            self.notify(f"Write an answer to {where} first: it becomes the action.", markup=False)
            return
        if (self.current, what) in self._made_actions:
            self.notify("That step is already one of the agreed actions.", markup=False)
            return
        self._made_actions.add((self.current, what))
        who = snapshot.record.practitioner
        self.live.add_action(what, who, "")
        self.notify(
            f"Added to the agreed actions, owner {who}. Give it a date in the closing (ctrl+t).",
            markup=False,
        )

    def action_choose_item(self) -> None:
        """Show and focus the item list."""
        self.query_one("#side").add_class("-shown")
        if (items := self._items()) is not None:
            items.focus()

    async def action_opening(self) -> None:
        """Back to the opening check-in."""
        await self.go(OPENING)

    async def action_closing(self) -> None:
        """On to the closing summary, actions and sign-off."""
        await self.go(CLOSING)

    @on(OptionList.OptionSelected, "#items")
    async def _jump(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#side").remove_class("-shown")
        ref = event.option.id
        if ref and ref != self.current:
            await self.settled()
            await self._show(ref)
