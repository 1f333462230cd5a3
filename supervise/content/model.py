"""The shapes of loaded content: competence frameworks and reflective models."""

from __future__ import annotations

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
    """What a statement asks of a person: something they do, or something they know."""

    PRACTICE = "practice"
    KNOWLEDGE = "knowledge"


class Move(str, Enum):
    """What one stage of a reflective model asks a person to do with an experience."""

    DESCRIBE = "describe"
    """Say what happened: one person, one moment."""
    FEEL = "feel"
    """Say what you thought and felt at the time."""
    EVALUATE = "evaluate"
    """Say what went well and what did not."""
    ANALYSE = "analyse"
    """Make sense of it: why it went as it did, what theory or guidance says."""
    MAKE_SENSE = "make-sense"
    """Feelings, judgement and meaning in one stage (Driscoll's "So what?")."""
    CONCLUDE = "conclude"
    """Say what else could have been done and what was learned."""
    PLAN = "plan"
    """Agree a concrete next step."""


@dataclass(frozen=True)
class People:
    """The words a framework uses for the people the work is with."""

    one: str
    """One of them, with its article: "a customer", "a young person or their parent"."""
    many: str
    """Several of them: "customers", "young people and their families"."""


DEFAULT_PEOPLE = People("a person you support", "the people you support")
"""The people words for a framework that names none."""


@dataclass(frozen=True)
class Sic:
    """A slip in the source, kept as printed, with the reading it was meant to have."""

    printed: str
    reads: str


@dataclass(frozen=True)
class Point:
    """One sub-point of a competence statement."""

    text: str
    truncated: bool = False
    """True where the source document is cut off mid-sentence; the text is kept as it stands."""
    brief: str | None = None
    """A few words for the point in a prompt ("being rigid" -> "rigid"); None: derived."""


@dataclass(frozen=True)
class Item:
    """One competence statement, addressed as ``FRAMEWORK/SECTION/ITEM``."""

    ref: str
    id: str
    text: str
    kind: SectionKind
    points: tuple[Point, ...] = ()
    note: str | None = None
    handle: str | None = None
    """A few words naming what the item is about: "to ..." for something done, else a noun
    phrase. None: the prompts derive one from the statement."""
    parts: tuple[str, ...] = ()
    """Handles for the other things a statement that joins several asks for, in order."""
    short: str | None = None
    """The handle said again, shorter and of the same kind ("to explore expectations" for "to
    explore what you and a customer expect of contact"): the supervisor's later cues use it."""
    sic: tuple[Sic, ...] = ()
    """Slips in the printed statement and their intended readings."""
    number: int = 0
    """The item's place in its framework, from 0 (prompts vary their wording by it)."""


@dataclass(frozen=True)
class Section:
    """A titled group of statements of one kind."""

    ref: str
    id: str
    title: str
    kind: SectionKind
    items: tuple[Item, ...]
    editorial: bool = False
    """True when the source prints no title for the group and the title is ours."""


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
    people: People = DEFAULT_PEOPLE
    """Who the work is with, in the framework's own words."""
    sic: tuple[Sic, ...] = ()
    """Slips in the printed summary or note and their intended readings."""

    def items(self) -> tuple[Item, ...]:
        """Every item of every section, in document order."""
        return tuple(item for section in self.sections for item in section.items)


@dataclass(frozen=True)
class Stage:
    """One stage of a reflective model, e.g. Driscoll's "So what?"."""

    id: str
    title: str
    asks: Move
    """What the stage asks; the prompts are worded for it."""


@dataclass(frozen=True)
class ReflectiveModel:
    """A reflective model (one YAML file): its stages, in order."""

    id: str
    title: str
    source: str
    stages: tuple[Stage, ...]
    summary: str | None = None
    path: Path | None = field(default=None, compare=False)
