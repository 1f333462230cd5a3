"""One competence item in the walk: the statement, its points, the prompts and the answers."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Checkbox, Label, RadioSet, Static

from supervise.app.widgets.box import Box, ScrollBox
from supervise.app.widgets.marks import MarkedCheckbox, MarkedRadioButton
from supervise.app.widgets.prompt_field import AnswerArea, PromptField
from supervise.content import Item, Role
from supervise.prompts import ItemPrompts

CONFIDENCE_LABELS = ("1 Not yet", "2 A little", "3 Fairly", "4 Mostly", "5 Very")
"""How the 1–5 confidence scale reads on screen: number and words, never colour alone."""

SaveAnswer = Callable[[str, str, Role, str], None]
"""Called with (item, stage, role, text) when an answer should be stored."""


class ItemView(ScrollBox):
    """Everything to reflect on for one item; reports every change through callbacks."""

    def __init__(
        self,
        prompts: ItemPrompts,
        *,
        answers: dict[tuple[str, str], str],
        ticked: frozenset[int],
        confidence: int | None,
        bring: bool,
        supervision: bool,
        read_only: bool,
        on_answer: SaveAnswer,
        on_point: Callable[[str, int, bool], None],
        on_confidence: Callable[[str, int | None], None],
        on_bring: Callable[[str, bool], None],
    ) -> None:
        super().__init__(id="item-view")
        self.prompts = prompts
        """The item and its generated prompts."""
        self.item: Item = prompts.item
        """The item shown."""
        self._answers = answers
        self._ticked = ticked
        self._confidence = confidence
        self._bring = bring
        self._supervision = supervision
        self._read_only = read_only
        self._on_answer = on_answer
        self._on_point = on_point
        self._on_confidence = on_confidence
        self._on_bring = on_bring
        self._wanted = ""

    def compose(self) -> ComposeResult:
        """Statement first, then points, then each stage's prompts, then the rating."""
        # In boxes, so that typing an answer does not redraw them on each key (see Box).
        with Box(id="item-head"):
            yield Static(self.item.text, id="statement", markup=False)
            if self.item.sic:
                slips = "; ".join(f"‘{s.printed}’ reads ‘{s.reads}’" for s in self.item.sic)
                yield Static(
                    f"As printed in the source [sic]: {slips}.", classes="hint", markup=False
                )
            if self.item.note:
                yield Static(f"Note: {self.item.note}", classes="hint", markup=False)
            if self.item.points:
                yield from self._points()
        for stage in self.prompts.points_stages():
            yield from self._fields(stage, "Points")
        stages = self._stages()
        if stages:
            yield from self._fields(*stages[0])

    def on_mount(self) -> None:
        """Add everything below the first stage once the top of the item is on screen."""
        # Styling each new widget is most of the cost of showing an item (see benchmarks/), so
        # what is below the fold arrives a frame later and the item appears sooner. Handed on
        # with call_later rather than run as an after-refresh callback: those run one after
        # another, so everything waiting on the first frame would wait for this mounting too.
        self.call_after_refresh(self.call_later, self._mount_rest)

    async def _mount_rest(self) -> None:
        if not self.is_attached:
            return
        later: list[Widget] = []
        for stage, title in self._stages()[1:]:
            later.extend(self._fields(stage, title))
        rating: list[Widget] = [
            Label("How confident do you feel in this area?", classes="prompt"),
            RadioSet(
                *(
                    MarkedRadioButton(label, value=self._confidence == value)
                    for value, label in enumerate(CONFIDENCE_LABELS, start=1)
                ),
                id="confidence",
                disabled=self._read_only,
            ),
        ]
        if not self._supervision:
            rating.append(
                MarkedCheckbox(
                    "Bring this to supervision", self._bring, id="bring", disabled=self._read_only
                )
            )
        later.append(Box(*rating, id="rating"))
        await self.mount_all(later)
        wanted, self._wanted = self._wanted, ""
        for area in self.query(AnswerArea):
            if wanted and area.field == wanted:
                area.focus()
                area.move_cursor(area.document.end, record_width=True)

    def _stages(self) -> list[tuple[str, str]]:
        """(id, title) of each stage of the model, in order."""
        titles: dict[str, str] = {}
        for prompt in self.prompts.prompts:
            if prompt.asks is not None:
                titles.setdefault(prompt.stage, prompt.stage_title)
        return list(titles.items())

    def _points(self) -> ComposeResult:
        with Vertical(id="points") as box:
            box.border_title = "Which of these apply? Space or a click ticks."
            for index, point in enumerate(self.item.points):
                cut = " … (cut off here in the source)" if point.truncated else ""
                yield MarkedCheckbox(
                    point.text + cut,
                    index in self._ticked,
                    id=f"point-{index}",
                    classes="point",
                    disabled=self._read_only,
                )

    def _fields(self, stage: str, title: str) -> Iterator[PromptField]:
        ref = self.item.ref
        for role in (Role.PRACTITIONER, Role.SUPERVISOR):
            if role is Role.SUPERVISOR and not self._supervision:
                continue
            prompt = self.prompts.for_stage(stage, role)
            if prompt is None:
                continue
            heading = title if role is Role.PRACTITIONER else "Supervisor"

            def save(text: str, stage: str = stage, role: Role = role) -> None:
                self._on_answer(ref, stage, role, text)

            yield PromptField(
                prompt.text,
                self._answers.get((stage, role.value), ""),
                save,
                heading=heading,
                read_only=self._read_only,
                role=role.value,
                field=f"{stage}|{role.value}",
            )

    def save_all(self) -> None:
        """Hand every changed answer to the store now (before moving or leaving)."""
        for answer in self.query(AnswerArea):
            answer.save()

    def focus_first(self, field: str = "") -> str:
        """Put the cursor where work on this item goes on: at the end of the answer named
        ``field`` (see AnswerArea.field) if it is here, else of the first answer; return the
        name of the answer focused."""
        answers = self.query(AnswerArea)
        if not answers:
            return ""
        area = next((a for a in answers if field and a.field == field), None)
        if area is None:
            # It may be below the first stage, which arrives a frame later (see _mount_rest).
            self._wanted = field
            area = answers.first()
        # Focused now rather than queued as widget.focus() does: the focused answer is taller,
        # and focusing it after the first frame laid the screen out and drew it twice (see
        # benchmarks/). Without scroll_visible=False the view would scroll past the statement
        # and prompt.
        self.screen.set_focus(area, scroll_visible=False)
        area.move_cursor(area.document.end, record_width=True)
        return area.field

    def set_confidence(self, value: int) -> None:
        """Choose a rating as its button would (saved through the usual change message)."""
        buttons = self.query(MarkedRadioButton)
        if 1 <= value <= len(buttons):
            buttons[value - 1].value = True
        else:
            # The lower part of the item is still being added: save it directly.
            self._confidence = value
            self._on_confidence(self.item.ref, value)

    def toggle_bring(self) -> None:
        """Flip the "bring to supervision" box (saved through its change message)."""
        for box in self.query("#bring"):
            if isinstance(box, Checkbox):
                box.toggle()

    @on(Checkbox.Changed, ".point")
    def _point_toggled(self, event: Checkbox.Changed) -> None:
        index = int((event.checkbox.id or "point-0").rsplit("-", 1)[1])
        self._on_point(self.item.ref, index, event.value)

    @on(RadioSet.Changed, "#confidence")
    def _confidence_changed(self, event: RadioSet.Changed) -> None:
        self._on_confidence(self.item.ref, event.index + 1)

    @on(Checkbox.Changed, "#bring")
    def _bring_changed(self, event: Checkbox.Changed) -> None:
        self._on_bring(self.item.ref, event.value)


ITEM_KINDS: tuple[type[Widget], ...] = (
    ItemView,
    Box,
    Static,
    Vertical,
    MarkedCheckbox,
    PromptField,
    Label,
    AnswerArea,
    RadioSet,
    MarkedRadioButton,
)
"""Every kind of widget an item view is made of (their default styles are read in one go)."""
