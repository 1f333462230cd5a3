"""The shapes of loaded content: competence frameworks and reflective models."""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class SectionKind(str, Enum):
    """What kind of statements a section holds."""

    PERFORMANCE = "performance"
    KNOWLEDGE = "knowledge"
    ABILITY = "ability"


class Role(str, Enum):
    """Who a prompt is addressed to."""

    PRACTITIONER = "practitioner"
    SUPERVISOR = "supervisor"


class Form(str, Enum):
    """How a statement reads: something a person does, or something a person knows."""

    PRACTICE = "practice"
    KNOWLEDGE = "knowledge"


@dataclass(frozen=True)
class Point:
    """One sub-point of a competence statement."""

    text: str
    truncated: bool = False
    """True where the source document is cut off mid-sentence; the text is kept as it stands."""


@dataclass(frozen=True)
class Item:
    """One competence statement, addressed as ``FRAMEWORK/SECTION/ITEM``."""

    ref: str
    id: str
    text: str
    kind: SectionKind
    points: tuple[Point, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Section:
    """A titled group of statements of one kind."""

    ref: str
    id: str
    title: str
    kind: SectionKind
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Framework:
    """A competence framework (one YAML file), e.g. a National Occupational Standard unit."""

    id: str
    title: str
    source: str
    sections: tuple[Section, ...]
    summary: str | None = None
    note: str | None = None
    path: Path | None = field(default=None, compare=False)

    def items(self) -> tuple[Item, ...]:
        """Every item of every section, in document order."""
        return tuple(item for section in self.sections for item in section.items)


def slot_problems(template: str, slot: str) -> list[str]:
    """What is wrong with ``template`` as a template whose only placeholder is ``{slot}``."""
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError as error:
        return [f"template has unbalanced braces ({error})"]
    if fields != {slot}:
        found = ", ".join(sorted("{" + name + "}" for name in fields)) or "none"
        return [f"template must use {{{slot}}} and no other placeholder (found {found})"]
    return []


@dataclass(frozen=True)
class StagePrompts:
    """The templates one stage offers for one statement form."""

    practitioner: str
    supervisor: str

    def for_role(self, role: Role) -> str:
        """The template addressed to ``role``."""
        return self.practitioner if role is Role.PRACTITIONER else self.supervisor


@dataclass(frozen=True)
class Stage:
    """One stage of a reflective model, e.g. Driscoll's "So what?"."""

    id: str
    title: str
    practice: StagePrompts
    knowledge: StagePrompts

    def for_form(self, form: Form) -> StagePrompts:
        """The templates for statements of ``form``."""
        return self.practice if form is Form.PRACTICE else self.knowledge


@dataclass(frozen=True)
class ReflectiveModel:
    """A reflective model (one YAML file): ordered stages plus the "which points apply" prompt."""

    id: str
    title: str
    source: str
    stages: tuple[Stage, ...]
    points: Stage
    """Templates for the prompt that asks which sub-points apply (its id and title are fixed)."""
    summary: str | None = None
    path: Path | None = field(default=None, compare=False)
