"""A session read back as styled text: header, opening, each item, closing and sign-off.

Everything people typed goes in as plain text (control characters drawn, never obeyed); only
supervise's own labels carry a style. One block per part keeps the record view to a few dozen
widgets however long the session.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from supervise.app.widgets.item_view import CONFIDENCE_LABELS
from supervise.content import Item, ReflectiveModel, Role
from supervise.prompts import ItemPrompts
from supervise.store.snapshot import Snapshot
from supervise.visible import visible

HEADING = "bold"
"""A part's or a stage's title."""
LABEL = "bold"
"""What a line or paragraph is (``Summary``, ``Practitioner:``)."""
PROMPT = "italic dim"
"""The question that was asked, set back from the answer."""
MUTED = "dim"
"""Notes of supervise's own (``Not reached.``, ``not yet``)."""

ROLE_NAMES = {"practitioner": "Practitioner", "supervisor": "Supervisor"}
"""How each role is named in the record."""

OPENING_TITLES = {
    "check_in": "Check-in",
    "urgent": "Anything urgent",
    "purpose": "Purpose",
    "prompted_by": "What prompted this",
}
"""The opening's answers, in the order the opening asks for them."""

STATUS_WORDS = {"in progress": "In progress", "completed": "Completed", "signed": "✔ Signed"}
"""How each status reads in the header."""


@dataclass(frozen=True)
class ItemSource:
    """What the record needs to know of one item in scope: its content and prompts, if loaded."""

    ref: str
    item: Item | None
    prompts: ItemPrompts | None


@dataclass
class Page:
    """One part of the record being written: lines of text, and indented paragraphs."""

    parts: list[RenderableType] = field(default_factory=list)
    """What is finished, in order."""
    text: Text = field(default_factory=Text)
    """The lines being added to, until the next paragraph."""

    def append(self, words: str, style: str = "") -> None:
        """Add ``words`` (supervise's own, or already made visible) to the current lines."""
        self.text.append(words, style=style)

    def paragraph(self, value: str, indent: int = 2, style: str = "") -> None:
        """Add someone's text as a paragraph, every wrapped line indented alike."""
        self._flush()
        self.parts.append(Padding(Text(visible(value.rstrip()), style=style), (0, 0, 0, indent)))

    def _flush(self) -> None:
        if self.text.plain:
            self.text.rstrip()
            self.parts.append(self.text)
            self.text = Text()

    def render(self) -> RenderableType:
        """Everything added, in order."""
        self._flush()
        return Group(*self.parts)


def _line(text: Page, label: str, value: str, style: str = "") -> None:
    text.append(f"{label}: ", style=LABEL)
    text.append(visible(value), style=style)
    text.append("\n")


def _minutes(seconds: int) -> str:
    minutes = round(seconds / 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def header_text(snapshot: Snapshot, model: ReflectiveModel | None) -> RenderableType:
    """Date, time, length, people and roles, mode, model, status and signatures."""
    record = snapshot.record
    text = Page()
    kind = "Supervision" if record.mode == "supervision" else "Self-reflection"
    text.append(f"{kind} record\n", style=HEADING)
    started = record.created[11:16] if len(record.created) >= 16 else ""
    _line(text, "Date", f"{record.date}" + (f", started {started}" if started else ""))
    _line(
        text,
        "Length",
        f"{_minutes(record.elapsed_seconds)} used of {record.planned_minutes} planned",
    )
    _line(text, "Practitioner", record.practitioner)
    if record.supervisor:
        _line(text, "Supervisor", record.supervisor)
    _line(text, "Reflective model", model.title if model is not None else record.model)
    _line(text, "Status", STATUS_WORDS.get(record.status, record.status))
    _signatures(text, snapshot)
    return text.render()


def _signatures(text: Page, snapshot: Snapshot) -> None:
    record = snapshot.record
    signed = {signature.role: signature for signature in record.signatures}
    for role in record.required_roles:
        if role in signed:
            at = signed[role].at.replace("T", " ")[:16]
            _line(text, f"Signed by the {role.value}", f"{signed[role].name}, {at}")
        else:
            _line(text, f"Signed by the {role.value}", "not yet", MUTED)


def signoff_text(snapshot: Snapshot) -> RenderableType:
    """Who has signed, and when."""
    text = Page()
    text.append("Sign-off\n", style=HEADING)
    _signatures(text, snapshot)
    return text.render()


def opening_text(snapshot: Snapshot) -> RenderableType:
    """The agenda and the opening's answers; blank ones are left out."""
    record = snapshot.record
    text = Page()
    text.append("Opening\n", style=HEADING)
    shown = False
    if record.agenda.strip():
        text.append("Agenda\n", style=LABEL)
        text.paragraph(record.agenda)
        shown = True
    known = [key for key in OPENING_TITLES if key in record.opening]
    others = [key for key in record.opening if key not in OPENING_TITLES]
    for key in (*known, *others):
        value = record.opening[key]
        if value.strip():
            text.append(f"{OPENING_TITLES.get(key, key)}\n", style=LABEL)
            text.paragraph(value)
            shown = True
    if not shown:
        text.append("Nothing written.\n", style=MUTED)
    return text.render()


def _stages(prompts: ItemPrompts | None, model: ReflectiveModel | None) -> list[tuple[str, str]]:
    """(id, title) of each stage an item's answers can be under, in the walk's order."""
    if prompts is not None:
        titles: dict[str, str] = {}
        for prompt in prompts.prompts:
            titles.setdefault(prompt.stage, prompt.stage_title)
        return list(titles.items())
    return [(stage.id, stage.title) for stage in model.stages] if model is not None else []


def _stage_blocks(
    source: ItemSource, answers: Mapping[tuple[str, str], str], model: ReflectiveModel | None
) -> Iterator[tuple[str, list[tuple[str, str, str]]]]:
    """Per stage with any answer: its title and (role, prompt, answer) for each answer."""
    stages = _stages(source.prompts, model)
    known = {stage for stage, _ in stages}
    # Answers under a stage the model no longer has are still the person's words: kept last.
    stages += [(stage, stage) for stage, _ in answers if stage not in known]
    for stage, title in dict.fromkeys(stages):
        rows = []
        for role in Role:
            answer = answers.get((stage, role.value), "")
            if not answer.strip():
                continue
            prompt = source.prompts.for_stage(stage, role) if source.prompts else None
            rows.append((role.value, prompt.text if prompt else "", answer))
        if rows:
            yield title, rows


def item_text(
    source: ItemSource, snapshot: Snapshot, model: ReflectiveModel | None, title: str
) -> RenderableType:
    """One item as read back: statement, ticked points, rating, and each answered prompt."""
    ref = source.ref
    answers = {
        (stage, role): value
        for (item, stage, role), value in snapshot.answers.items()
        if item == ref and value.strip()
    }
    rating = snapshot.rating(ref)
    ticked = snapshot.ticked(ref)
    covered = bool(answers or ticked or rating.confidence or rating.bring_to_supervision)
    # The walk's marks: ✔ something recorded, – skipped, ○ not reached.
    mark = "✔" if covered else "–" if ref in snapshot.skipped else "○"
    text = Page()
    text.append(f"{mark} {visible(title)}\n", style=HEADING)
    item = source.item
    if item is None:
        text.append("(This item is not in the loaded content.)\n", style=MUTED)
    else:
        text.paragraph(item.text, indent=0)
        if item.sic:
            slips = "; ".join(f"‘{s.printed}’ reads ‘{s.reads}’" for s in item.sic)
            text.append(f"As printed in the source [sic]: {visible(slips)}.\n", style=MUTED)
    if not covered:
        status = "Skipped (left for later)." if ref in snapshot.skipped else "Not reached."
        text.append(status + "\n", style=MUTED)
        return text.render()
    if ticked:
        text.append("Applies:\n", style=LABEL)
        for index in sorted(ticked):
            point = item.points[index].text if item and index < len(item.points) else None
            text.paragraph(f"☑ {point or f'point {index + 1}'}")
    if rating.confidence:
        _line(text, "Confidence", CONFIDENCE_LABELS[rating.confidence - 1])
    if rating.bring_to_supervision:
        _line(text, "Bring to supervision", "yes")
    for stage_title, rows in _stage_blocks(source, answers, model):
        text.append(f"{visible(stage_title)}\n", style=HEADING)
        for role, prompt, answer in rows:
            if prompt:
                text.paragraph(prompt, style=PROMPT)
            text.append(f"  {ROLE_NAMES[role]}:\n", style=LABEL)
            text.paragraph(answer, indent=4)
    return text.render()


def closing_text(snapshot: Snapshot) -> RenderableType:
    """The summary, the agreed actions and the next date."""
    record = snapshot.record
    text = Page()
    text.append("Closing\n", style=HEADING)
    text.append("Summary\n", style=LABEL)
    if record.summary.strip():
        text.paragraph(record.summary)
    else:
        text.append("  Not written.\n", style=MUTED)
    text.append("Agreed actions\n", style=LABEL)
    for action in snapshot.actions:
        who = action.who or "no owner yet"
        when = f"by {action.by_when}" if action.by_when else "no date yet"
        text.paragraph(f"• {action.what}  ({who}, {when})")
    if not snapshot.actions:
        text.append("  None.\n", style=MUTED)
    _line(text, "Next session", record.next_date or "not set")
    return text.render()
