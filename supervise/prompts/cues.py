"""The supervisor's cues: what to listen for, ask next or check, from the craft of supervision.

Each cue looks through one lens: the seven-eyed model (Hawkins and Shohet: the person served,
the interventions, the relationship, the practitioner, the parallel process, the supervisor's own
reactions, the wider context) and the functions of supervision (Proctor: normative, formative;
restorative is the practitioner's lens). A stage prefers some lenses, and one item's stages each
take a different one, so its cues differ in kind. Slots are those of ``stems``, in the third
person, plus ``{point}``: one sub-point.
"""

from __future__ import annotations

from enum import Enum

from supervise.content.model import Move
from supervise.prompts.themes import Theme


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


Pair = tuple[str, str]
"""A cue for a verb handle (``{act}``) and one for a noun handle (``{topic}``)."""

_PLAIN: dict[Lens, str] = {
    Lens.PERSON: "Keep {the_one} in view. How might it have felt from their side, and who else was"
    " affected?",
    Lens.INTERVENTION: "Ask for the exact words they used. Listen for anything skipped over or"
    " played down.",
    Lens.RELATIONSHIP: "Listen for what happened to the relationship afterwards: closer, more"
    " guarded, or unchanged?",
    Lens.SUPERVISOR: "Notice your own reaction as you listen; it may say something about the case.",
    Lens.PRACTITIONER: "Notice the feeling in how this is told, and ask who was there for them"
    " afterwards.",
    Lens.PARALLEL: "Notice whether anything similar happens between the two of you as they tell"
    " it.",
    Lens.CONTEXT: "Ask what the team, policy or law expected of them, and whether it helped.",
    Lens.STANDARDS: "Check it against the standard: what does good practice expect here, and"
    " did they meet it?",
    Lens.LEARNING: "Ask for one real case. Listen for whether the knowledge shaped what they"
    " did, or stayed on the shelf.",
}

_LOOKING_BACK: dict[Lens, Pair] = {
    Lens.PERSON: (
        "Keep {the_one} in view. How might it have felt from their side when the practitioner"
        " tried to {act}?",
        "Keep {the_one} in view, and ask how they might have seen {topic}.",
    ),
    Lens.INTERVENTION: (
        "Ask for the exact words they used as they tried to {act}. Listen for what is left out.",
        "Ask for the words actually said about {topic}. Listen for what is missing.",
    ),
    Lens.RELATIONSHIP: (
        "Listen for how the relationship changed once they tried to {act}.",
        "Listen for how the relationship changed as {topic} came into it.",
    ),
    Lens.PRACTITIONER: (
        "Notice the feeling in how this is told. Ask what it took out of them to {act}.",
        "Notice how they speak about {topic}: flat, anxious, angry? Ask who was there for them.",
    ),
    Lens.PARALLEL: (
        "As they describe trying to {act}, notice whether anything similar happens between the"
        " two of you.",
        "As they talk about {topic}, notice whether anything similar happens between the two of"
        " you.",
    ),
    Lens.SUPERVISOR: (
        "As they describe trying to {act}, notice your own reaction; it may say something about"
        " the case.",
        "Notice what stirs in you as they talk about {topic}; it may mirror the case.",
    ),
    Lens.CONTEXT: (
        "Ask what the team, policy or law expected of them here, and whether it helped them {act}.",
        "Ask what policy, law or the service says about {topic}, and whether it fitted here.",
    ),
    Lens.STANDARDS: (
        "Hold it against the standard: what would good practice have looked like, in this case,"
        " as they tried to {act}?",
        "Check it against the standard: what does good practice expect around {topic}?",
    ),
    Lens.LEARNING: (
        "Ask what theory or experience helps them {act}, and what they want to learn next.",
        "Ask them to explain {topic} in two sentences, as if to a new colleague; listen for what"
        " is missing.",
    ),
}
_LOOKING_AHEAD: dict[Lens, Pair] = {
    Lens.STANDARDS: (
        "Agree one step, with a date, that would make it easier to {act}. Does anyone else need"
        " to know?",
        "Agree one step, with a date, to take about {topic}. Does anyone else need to know?",
    ),
    Lens.PRACTITIONER: (
        "Ask what support, and from whom, would help them {act}. Offer what you can.",
        "Ask what support they would like as they work on {topic}, and offer what you can.",
    ),
    Lens.CONTEXT: (
        "Ask whether anything in the team or service makes it harder to {act}, and who could"
        " change it.",
        "Ask whether the service itself gets in the way on {topic}, and what could be raised.",
    ),
    Lens.LEARNING: (
        "Suggest one thing to read, or someone to shadow, that would help them {act}.",
        "Suggest one thing to read, or someone to ask, about {topic}; agree when to come back to"
        " it.",
    ),
}

# Knowing is not an event: its cues ask for a case, a source or a gap, never "what was said".
_KNOWING: dict[Lens, str] = {
    Lens.PERSON: "Ask what {the_one} would most want their worker to understand about {topic}.",
    Lens.INTERVENTION: "Ask what they would actually say or do tomorrow, drawing on {topic}.",
    Lens.RELATIONSHIP: "Ask for a working relationship where it mattered that they knew about"
    " {topic}.",
    Lens.PRACTITIONER: "Make it safe to say which part they feel least sure of; ask about {topic}.",
    Lens.PARALLEL: "Notice how sure or tentative they sound as they explain {topic}.",
    Lens.SUPERVISOR: "Notice what you assume they already know about {topic}, and check it gently.",
    Lens.CONTEXT: "Ask where their knowledge of {topic} comes from: training, policy, colleagues"
    " or habit.",
    Lens.STANDARDS: "Check their understanding of {topic} against current policy, and name any"
    " gap plainly.",
    Lens.LEARNING: "Ask for one real case where knowing about {topic} changed what they did.",
}
_KNOWING_AHEAD: dict[Lens, str] = {
    Lens.STANDARDS: "Agree how, and by when, they will check what they understand about {topic}.",
    Lens.PRACTITIONER: "Ask what would help them feel surer about {topic}, and offer what you can.",
    Lens.CONTEXT: "Ask who in the team knows most about {topic}, and whether they could learn"
    " from them.",
    Lens.LEARNING: "Suggest one thing to read, or someone to ask, about {topic}; agree when to"
    " come back to it.",
}

_KNOWING_PLAIN: dict[Lens, str] = {
    Lens.LEARNING: "Ask for one real case. Listen for whether the knowledge shaped what they"
    " did, or stayed on the shelf.",
    Lens.PERSON: "Ask how {the_one} might put the same thing, in their own words.",
    Lens.SUPERVISOR: "Notice what you assume they already know here, and check it gently.",
    Lens.CONTEXT: "Ask where this knowledge comes from: training, policy, colleagues or habit.",
    Lens.STANDARDS: "Check it against current policy and good practice, and name any gap plainly.",
    Lens.PRACTITIONER: "Make it safe to say which part of this they feel least sure of.",
    Lens.RELATIONSHIP: "Ask where this has made a difference to a working relationship.",
    Lens.PARALLEL: "Notice how sure or tentative they sound as they explain it.",
    Lens.INTERVENTION: "Ask what they would actually say or do tomorrow, on the strength of it.",
}
KNOWING_FLAGS: dict[Theme, str] = {
    Theme.RISK: "Check they know when, and to whom, to pass a concern on.",
    Theme.BOUNDARY: "Listen for where they would draw the line, and why there.",
    Theme.DEPENDENCY: "Ask how they would notice it growing in their own work.",
    Theme.COLLUSION: "Ask how they would notice being pulled to one side.",
    Theme.FEELINGS: "Ask how they look after themselves when this comes up.",
    Theme.RUPTURE: "Make it safe to name a time it went wrong for them.",
    Theme.RULES: "Check what they lean on: policy, law, or habit?",
}
"""The red flag for each theme on a knowing statement, where nothing has happened yet."""

_PREFERRED_KNOWING: dict[Move, tuple[Lens, ...]] = {
    Move.DESCRIBE: (Lens.LEARNING, Lens.PERSON, Lens.SUPERVISOR, Lens.CONTEXT),
    Move.FEEL: (Lens.PRACTITIONER, Lens.SUPERVISOR, Lens.PARALLEL),
    Move.EVALUATE: (Lens.STANDARDS, Lens.LEARNING, Lens.PERSON),
    Move.ANALYSE: (Lens.CONTEXT, Lens.LEARNING, Lens.RELATIONSHIP),
    Move.MAKE_SENSE: (
        Lens.PRACTITIONER,
        Lens.STANDARDS,
        Lens.CONTEXT,
        Lens.RELATIONSHIP,
        Lens.PARALLEL,
    ),
    Move.CONCLUDE: (Lens.LEARNING, Lens.SUPERVISOR, Lens.PRACTITIONER),
    Move.PLAN: (Lens.STANDARDS, Lens.PRACTITIONER, Lens.CONTEXT, Lens.LEARNING),
}

_PREFERRED: dict[Move, tuple[Lens, ...]] = {
    Move.DESCRIBE: (Lens.INTERVENTION, Lens.PERSON, Lens.RELATIONSHIP, Lens.SUPERVISOR),
    Move.FEEL: (Lens.PRACTITIONER, Lens.SUPERVISOR, Lens.PARALLEL),
    Move.EVALUATE: (Lens.STANDARDS, Lens.PERSON, Lens.INTERVENTION),
    Move.ANALYSE: (Lens.LEARNING, Lens.CONTEXT, Lens.RELATIONSHIP, Lens.PARALLEL),
    Move.MAKE_SENSE: (
        Lens.PRACTITIONER,
        Lens.RELATIONSHIP,
        Lens.LEARNING,
        Lens.PARALLEL,
        Lens.STANDARDS,
        Lens.CONTEXT,
    ),
    Move.CONCLUDE: (Lens.LEARNING, Lens.PRACTITIONER, Lens.SUPERVISOR),
    Move.PLAN: (Lens.STANDARDS, Lens.PRACTITIONER, Lens.CONTEXT, Lens.LEARNING),
}

POINT_CUES: tuple[str, ...] = (
    "Ask for one real example of the point they pick, then listen for where it got difficult.",
    "If any point is passed over, ask about it gently; what is left out often matters.",
    "Ask which point they would rather not talk about. That one may be the way in.",
)
"""Cues for the prompt that lists the sub-points."""

FLAGS: dict[Theme, str] = {
    Theme.RISK: "Was anyone at risk, and was it recorded and passed on?",
    Theme.BOUNDARY: "Check for drift: did contact or help go beyond what was agreed?",
    Theme.DEPENDENCY: "Whose need was the contact meeting?",
    Theme.COLLUSION: "Notice whose story they tell most warmly.",
    Theme.FEELINGS: "Ask what they did with their own feelings afterwards.",
    Theme.RUPTURE: "Make it safe to name their own part; most strains have two sides.",
    Theme.RULES: "Check what they lean on: policy, law, or habit?",
}
"""The red flag a supervisor checks for on each theme."""


def lenses(move: Move, knowing: bool) -> tuple[Lens, ...]:
    """The lenses a stage that ``asks`` this way looks through, in order of preference."""
    return (_PREFERRED_KNOWING if knowing else _PREFERRED)[move]


def plain(lens: Lens, knowing: bool) -> str:
    """A cue for ``lens`` that names nothing: for when the question has just named it."""
    return (_KNOWING_PLAIN if knowing else _PLAIN)[lens]


def knowing_cue(lens: Lens, move: Move) -> str:
    """The cue template for ``lens`` on a knowing statement (slot ``{topic}``)."""
    if move is Move.PLAN and lens in _KNOWING_AHEAD:
        return _KNOWING_AHEAD[lens]
    return _KNOWING[lens]


def cue(lens: Lens, move: Move, verb: bool) -> str:
    """The cue template for ``lens`` at a stage of ``move``, for a verb or a noun handle."""
    table = _LOOKING_AHEAD if move is Move.PLAN else _LOOKING_BACK
    pair = table.get(lens) or _LOOKING_BACK[lens]
    return pair[0] if verb else pair[1]
