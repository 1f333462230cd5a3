"""The shape of a supervisor's cue: the lens it looks through, the time its words keep, and
its wording for a verb handle, a noun handle and no handle at all."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Lens(Enum):
    """What a supervisor's cue attends to."""

    PERSON = "the person served"
    INTERVENTION = "what was done"
    RELATIONSHIP = "the relationship"
    PRACTITIONER = "the practitioner (restorative)"
    PARALLEL = "the parallel process"
    SUPERVISOR = "the supervisor's own reactions"
    CONTEXT = "the wider context"
    STANDARDS = "standards and safety (normative)"
    LEARNING = "learning (formative)"


class Time(Enum):
    """When a cue's words place the work: any time, one moment gone by, or work still going."""

    ANY = "any"
    MOMENT = "one moment"
    ONGOING = "ongoing"
    """Work kept up over time ("keep contact at the level ..."), asked as it goes on."""


@dataclass(frozen=True)
class Cue:
    """One cue through one lens: for a verb handle, for a noun handle, and naming nothing."""

    lens: Lens
    act: str
    topic: str
    plain: str
    outward: bool = False
    """True where the cue assumes something others could see or hear (words said, someone to
    shadow): it does not fit an inner act such as reflecting or noticing."""
    time: Time = Time.ANY
    """The time its words place the work in: a cue of one moment never follows work told as
    going on, nor the other way round."""
    reading: bool = False
    """True where the cue suggests reading up: not for owning a mistake, which is conduct."""
    toll: bool = False
    """True where the cue offers support for what the work took out of them: only for an item
    that touches something hard (risk, strong feelings, strain), not for a skill hard to use."""
    light: bool = False
    """True where the cue fits only work with nothing hard at stake: "pleased, uneasy, or
    drained?" is no question to ask after a disclosure of abuse."""
    grave: bool = False
    """True where the cue fits only where someone's safety is at stake ("correct it there and
    then"), and False for one too gentle there ("say so kindly, and suggest where to look"):
    see ``gentle``."""
    gentle: bool = False
    """True where the cue is too soft for knowledge that keeps someone alive."""
    weighed: bool = False
    """True where the cue asks what tipped a judgement: only for an item with one to weigh
    (risk, limits, strong feelings), not for explaining a service."""
    asks: str = ""
    """What the cue asks where another cue asks it in other words ("source": where what they
    know comes from): one item's cues ask it once."""
    follows: str = ""
    """A pattern of the question this cue follows up ("who could help ..."): said only under
    such a question, and there first, where a cue of its own would ask the question again."""


STEP_IN_THE_WAY = (
    "Ask what might get in the way of the step they have named, and what they would do then."
)
"""A next step's cue where the question named the item: what could stop it."""


def fixed(lens: Lens, text: str, time: Time = Time.ANY) -> Cue:
    """A cue that says the same whatever the handle: it names nothing of the item."""
    return Cue(lens, text, text, text, time=time)


SOURCE = "source"
"""Where what they know or do comes from: asked once per item, whichever words ask it."""
NO_ONE_TO_ASK = (
    # Not "suggest someone, or something to read": the comma reads as "someone to read".
    "If no one comes to mind, suggest someone to learn from or something to read {about}, and"
    " set a date."
)
"""The cue under "who could help you?", for when no name comes (doing and knowing alike)."""
NO_ONE_TO_ASK_PLAIN = (
    "If no one comes to mind, suggest someone to talk to or something to read, and set a date."
)
"""``NO_ONE_TO_ASK`` where the item is not named."""
WHO_TO_ASK = r"(?i)\bwho\b.*\bwhen will you ask\b"
"""A question that asks who will help them learn: its cue follows it up."""
TAUGHT = r"(?i)\b(?:training|guidance)\b"
"""A question that asks where what they know comes from."""
