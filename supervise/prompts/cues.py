"""The supervisor's cues: what to listen for, ask next or check, from the craft of supervision.

Each cue looks through one lens: the seven-eyed model (Hawkins and Shohet: the person served,
the interventions, the relationship, the practitioner, the parallel process, the supervisor's own
reactions, the wider context) and the functions of supervision (Proctor: normative, formative;
restorative is the practitioner's lens). Each move of a model has its own cues, so a cue always
fits its stage ("the exact words" while the moment is told, "what they now know" at the
conclusion), and one item's stages each take a different lens. Slots are those of ``stems``;
``{act}`` and ``{topic}`` are turned into the third person in their sentence. In a cue, "they" is
always the practitioner; the person served is named ("the customer").
"""

from __future__ import annotations

from dataclasses import dataclass
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


def _fixed(lens: Lens, text: str) -> Cue:
    """A cue that says the same whatever the handle: it names nothing of the item."""
    return Cue(lens, text, text, text)


_DESCRIBE = (
    Cue(
        Lens.INTERVENTION,
        "Ask for the exact words they used when they had to {act}. Listen for what is left out.",
        "Ask for the words actually said about {topic}. Listen for what is missing.",
        "Ask for the exact words they used; listen for anything played down.",
        outward=True,
    ),
    Cue(
        Lens.PERSON,
        "As they describe it, keep {the_one} in view: how might it have felt from their side?",
        "Keep {the_one} in view: what might they say about {topic}?",
        "Keep {the_one} in view: how might it have felt from that side?",
    ),
    Cue(
        Lens.RELATIONSHIP,
        "Listen for how the relationship changed once they tried to {act}.",
        "Listen for changes in the relationship once they touched on {topic}.",
        "Listen for how {the_one} seemed to take it, and what changed in the work afterwards.",
    ),
    Cue(
        Lens.SUPERVISOR,
        "Notice your own reaction as they describe having to {act}; it may say something about"
        " the case.",
        "Notice what stirs in you as they talk about {topic}; it may mirror the case.",
        "Notice your own reaction as you listen; it may say something about the case.",
    ),
)
_FEEL = (
    Cue(
        Lens.PRACTITIONER,
        "Notice the feeling in how this is told; if it was hard to {act}, ask who supported them.",
        "Notice how they speak about {topic}: flat, anxious, angry? Ask what support they had.",
        "Notice the feeling in how this is told, and ask who was there for them afterwards.",
    ),
    Cue(
        Lens.PARALLEL,
        "As they tell it, notice whether a pull to rush, rescue or argue shows up between you.",
        "As they talk about {topic}, notice whether a pull to rush, rescue or argue shows up"
        " between you.",
        "As they tell it, notice whether a pull to rush, rescue or argue shows up between you.",
    ),
    Cue(
        Lens.SUPERVISOR,
        "Notice what you feel as they describe having to {act}; it may echo what they felt.",
        "Notice what you feel as they talk about {topic}; it may echo what they felt.",
        "Notice what you feel as you listen; it may echo what they felt.",
    ),
)
_EVALUATE = (
    Cue(
        Lens.STANDARDS,
        "Ask which parts matched good practice, and what they might add next time.",
        "Ask what good practice says about {topic}, and how close this came to it.",
        "Ask which parts matched good practice, and what they might add next time.",
    ),
    _fixed(
        Lens.PERSON,
        "Ask what {the_one} actually said or did that shows how it landed with them.",
    ),
    Cue(
        Lens.LEARNING,
        "Ask what they did well when they had to {act}. Name it, so it can be done again.",
        "Ask what they did well when it came to {topic}. Name it, so it can be done again.",
        "Ask what they did well. Name it, so it can be done again.",
    ),
)
_ANALYSE = (
    Cue(
        Lens.LEARNING,
        "Ask what guidance, training or experience helps explain how it went when they had to"
        " {act}.",
        "Ask what theory, guidance or experience helps explain {topic}.",
        "Ask what theory, guidance or experience explains how it went.",
    ),
    Cue(
        Lens.CONTEXT,
        "Ask what the team or the service expected of them when they had to {act}.",
        "Ask how the team or the service sees {topic}, and whether they agree.",
        "Ask what the team or the service expected of them, and whether it helped.",
    ),
    Cue(
        Lens.RELATIONSHIP,
        "Ask what in the relationship made it easier or harder to {act}.",
        "Ask what in the relationship helped or hindered when it came to {topic}.",
        "Ask what in the relationship made it easier or harder.",
    ),
    _FEEL[1],
)
_CONCLUDE = (
    Cue(
        Lens.LEARNING,
        "Ask what they most want to take away from it for the next time they {act}.",
        "Ask what they most want to take away from it about {topic}.",
        "Ask what they most want to take away from it.",
    ),
    Cue(
        Lens.PRACTITIONER,
        "Ask what advice they would give a new colleague who has to {act}.",
        "Ask what they would pass on to a new colleague about {topic}.",
        "Ask what they would tell a colleague facing the same tomorrow.",
    ),
    Cue(
        Lens.SUPERVISOR,
        "If what they conclude differs from what you heard, say so kindly.",
        "If what they conclude differs from what you heard, say so kindly.",
        "Notice whether what they conclude matches what you heard; if not, say so kindly.",
    ),
)
_PLAN = (
    Cue(
        Lens.STANDARDS,
        "Agree one step that would help them {act}, and a date to look back at it.",
        "Agree one step and a date to look back at it.",
        "Agree one step and a date to look back at it.",
        # Reflecting or noticing is not an event with a next time.
        outward=True,
    ),
    Cue(
        Lens.PRACTITIONER,
        "Ask what support would help them {act}, and offer what you can.",
        "Ask how they would like to be supported from here, and offer what you can.",
        "Ask how they would like to be supported; offer what you can.",
    ),
    Cue(
        Lens.CONTEXT,
        "Ask whether anything in the team or service makes it harder to {act}, and who could"
        " change it.",
        "Ask whether the service itself makes any of this harder, and what could be raised.",
        "Ask whether anything in the team or service gets in the way, and who could change it.",
    ),
    Cue(
        Lens.LEARNING,
        "Suggest one thing to read, or someone to learn from, on how to {act}.",
        "Suggest one thing to read, or someone to ask, about {topic}; agree when to come back to"
        " it.",
        "Suggest one thing to read, or someone to shadow, and agree when to come back to it.",
        outward=True,
    ),
)

# Knowing is not an event: its cues ask for a case, a source or a gap, never "what was said".
# ``act`` is unused for knowing (its handle is always read as a topic), so it repeats ``topic``.


def _knowing(lens: Lens, topic: str, plain: str) -> Cue:
    return Cue(lens, topic, topic, plain)


_KNOWING_DESCRIBE = (
    _knowing(
        Lens.LEARNING,
        "Ask for one real case where what they did was shaped by knowing {about}.",
        "Ask for one real case. Listen for whether the knowledge shaped what they did, or stayed"
        " on the shelf.",
    ),
    _knowing(
        Lens.PERSON,
        "Ask what {one} would see them do differently because they know {about}.",
        "Ask what {one} would most want them to understand here.",
    ),
    _knowing(
        Lens.SUPERVISOR,
        "Notice what you assume they already know {about}, and check it gently.",
        "Notice what you assume they already know here, and check it gently.",
    ),
    _knowing(
        Lens.CONTEXT,
        "Ask how they came to know {about}: training, colleagues, reading or experience.",
        "Ask where this knowledge comes from: training, colleagues, reading or experience.",
    ),
)
_KNOWING_FEEL = (
    _knowing(
        Lens.PRACTITIONER,
        "Make it safe for them to say where they feel least sure about {topic}.",
        "Make it safe to say which part of this they feel least sure of.",
    ),
    _knowing(
        Lens.PARALLEL,
        "Notice whether how sure they sound matches the examples they give about {topic}.",
        "Notice whether how sure they sound matches the examples they give.",
    ),
    _knowing(
        Lens.SUPERVISOR,
        "Notice what you feel as they talk about {topic}; it may echo something in the work.",
        "Notice what you feel as they talk about it; it may echo something in the work.",
    ),
)
_KNOWING_EVALUATE = (
    _knowing(
        Lens.STANDARDS,
        "Say kindly where good practice goes further than what they know {about}.",
        "Check it against current policy and practice, and name any gap plainly.",
    ),
    _knowing(
        Lens.LEARNING,
        "Ask what they understand best about {topic}, and name it, so they can build on it.",
        "Ask what they understand best here, and name it, so they can build on it.",
    ),
    _KNOWING_DESCRIBE[1],
)
_KNOWING_ANALYSE = (
    _KNOWING_DESCRIBE[3],
    _knowing(
        Lens.LEARNING,
        "Ask what they lean on most for {topic}: a colleague, a policy, or their own experience.",
        "Ask which theory or guidance here they find most useful, and why.",
    ),
    _fixed(
        Lens.RELATIONSHIP,
        "Ask how knowing this shapes the way they talk with {one}.",
    ),
)
_KNOWING_CONCLUDE = (
    _knowing(
        Lens.LEARNING,
        "Ask them to name the one thing they most want to remember about {topic}.",
        "Ask them to name the one thing here they most want to remember.",
    ),
    _knowing(
        Lens.SUPERVISOR,
        "Listen for whether what they take away matches what they told you about {topic}; if not,"
        " say so kindly.",
        "If the change they name is vague, ask what it would look like with {one} next week.",
    ),
)
_KNOWING_PLAN = (
    _knowing(
        Lens.STANDARDS,
        "Agree a date to look back, and one change that puts into practice what they know {about}.",
        "Agree one way to put this into practice, and a date to look back at it.",
    ),
    _knowing(
        Lens.PRACTITIONER,
        "Ask what would help them learn more about {topic}, and offer what you can.",
        "Ask what would help them feel surer here, and offer what you can.",
    ),
    _knowing(
        Lens.CONTEXT,
        "Help them name a colleague to ask about {topic}, and agree when.",
        "Help them name a colleague who knows this well, and agree when they will ask.",
    ),
    _knowing(
        Lens.LEARNING,
        "Suggest one thing to read, or someone to ask, about {topic}; agree when to come back to"
        " it.",
        "Suggest one thing to read, or someone to ask, and agree when to come back to it.",
    ),
)

_DOING: dict[Move, tuple[Cue, ...]] = {
    Move.DESCRIBE: _DESCRIBE,
    Move.FEEL: _FEEL,
    Move.EVALUATE: _EVALUATE,
    Move.ANALYSE: _ANALYSE,
    # Driscoll's "So what?" asks for feelings, a judgement and meaning in one stage.
    Move.MAKE_SENSE: (_FEEL[0], _EVALUATE[0], _ANALYSE[0], _ANALYSE[2], _FEEL[1], _ANALYSE[1]),
    Move.CONCLUDE: _CONCLUDE,
    Move.PLAN: _PLAN,
}
_KNOWING_CUES: dict[Move, tuple[Cue, ...]] = {
    Move.DESCRIBE: _KNOWING_DESCRIBE,
    Move.FEEL: _KNOWING_FEEL,
    Move.EVALUATE: _KNOWING_EVALUATE,
    Move.ANALYSE: _KNOWING_ANALYSE,
    Move.MAKE_SENSE: (
        _KNOWING_FEEL[0],
        _KNOWING_EVALUATE[0],
        _KNOWING_ANALYSE[0],
        _KNOWING_ANALYSE[2],
        _KNOWING_FEEL[1],
    ),
    Move.CONCLUDE: _KNOWING_CONCLUDE,
    Move.PLAN: _KNOWING_PLAN,
}

# Knowing about one's own responses: the restorative function first, and safety to speak.
_OWN_DESCRIBE = (
    _fixed(
        Lens.PRACTITIONER,
        "Listen for how the work is landing on them: tiredness, numbness, over-involvement, or"
        " carrying it home.",
    ),
    _fixed(
        Lens.SUPERVISOR,
        "Make it safe to name a reaction or a mistake they are not proud of; most of us have some.",
    ),
)
_OWN_FEEL = (
    _knowing(
        Lens.PARALLEL,
        "Notice what they feel, and what you feel, as they talk about {topic}.",
        "Notice what they feel, and what you feel, as they talk about it.",
    ),
)
_OWN_EVALUATE = (
    _fixed(
        Lens.STANDARDS,
        "Ask, gently, whether there have been times they kept a reaction or a mistake out of"
        " supervision.",
    ),
)
_OWN_ANALYSE = (
    _knowing(
        Lens.CONTEXT,
        "Ask what in the team or the service makes it easier, or harder, to speak about {topic}.",
        "Ask what in the team or the service makes it easier or harder to say the work is getting"
        " to them.",
    ),
)
_OWN_CONCLUDE = (
    _fixed(
        Lens.SUPERVISOR,
        "If they judge themselves more harshly than what you heard warrants, say so kindly.",
    ),
)
_OWN_PLAN = (
    _fixed(
        Lens.PRACTITIONER,
        "Agree what support they need from you, and when you will check in.",
    ),
    _fixed(
        Lens.CONTEXT,
        "Agree how they will bring reactions and mistakes here, and what would make that easier.",
    ),
)
_OWN_CUES: dict[Move, tuple[Cue, ...]] = {
    Move.DESCRIBE: _OWN_DESCRIBE,
    Move.FEEL: _OWN_FEEL,
    Move.EVALUATE: _OWN_EVALUATE,
    Move.ANALYSE: _OWN_ANALYSE,
    Move.MAKE_SENSE: _OWN_FEEL + _OWN_EVALUATE + _OWN_ANALYSE,
    Move.CONCLUDE: _OWN_CONCLUDE,
    Move.PLAN: _OWN_PLAN,
}

POINT_CUES: tuple[str, ...] = (
    "Ask for one real example of the point they pick, then listen for where it got difficult.",
    "If any point is passed over, ask about it gently; what is left out often matters.",
    "Ask which point matters most in their work at the moment, and why that one.",
)
"""Cues for the prompt that lists the sub-points."""

FLAGS: dict[Theme, str] = {
    Theme.RISK: (
        "Check whether any risk was immediate, what was done, and whether it was recorded and"
        " passed on."
    ),
    Theme.BOUNDARY: "Check for drift: was contact or help more, or less, than was agreed?",
    Theme.DEPENDENCY: (
        "Ask, gently, whose needs the contact was meeting: the person's, or partly their own."
    ),
    Theme.COLLUSION: "Notice whose story they tell most warmly.",
    Theme.FEELINGS: "Ask what they did with their own feelings afterwards.",
    Theme.RUPTURE: "Make it safe to name their own part; most strains have two sides.",
    Theme.RULES: "Check what they leaned on: policy, law, or habit?",
    Theme.DOUBT: "Listen for how they met doubt or disagreement: curious, or defensive?",
    Theme.MISTAKE: "Check it has been put right, and that they would feel able to raise the next"
    " one early.",
}
"""The red flag a supervisor listens for, on each theme, as the moment is told."""
KNOWING_FLAGS: dict[Theme, str] = {
    Theme.RISK: "Where this touches on risk, check they know what to do at once, and who must be"
    " told.",
    Theme.BOUNDARY: "Ask where they would draw the line on contact, and why there.",
    Theme.DEPENDENCY: "Ask how they would notice it growing in their own work.",
    Theme.COLLUSION: "Ask how they would notice being pulled to one side.",
    Theme.FEELINGS: "Ask how they look after themselves when this comes up.",
    Theme.RUPTURE: "Make it safe for them to name a time it went wrong in their own work.",
}
"""The red flag for each theme on a knowing statement, where nothing has happened yet."""


def cues_for(move: Move, knowing: bool, own: bool = False) -> tuple[Cue, ...]:
    """The cues that fit a stage that asks ``move``, in order of preference; ``own`` for knowing
    about the practitioner's own responses."""
    if knowing and own:
        return _OWN_CUES[move]
    return (_KNOWING_CUES if knowing else _DOING)[move]
