"""The supervisor's cues for knowing: an item asked as knowledge, and knowing about one's own
responses (noticed in oneself, never looked up)."""

from __future__ import annotations

from supervise.content.model import Move
from supervise.prompts.cue_types import (
    NO_ONE_TO_ASK,
    NO_ONE_TO_ASK_PLAIN,
    SOURCE,
    STEP_IN_THE_WAY,
    TAUGHT,
    WHO_TO_ASK,
    Cue,
    Lens,
    fixed,
)

# Knowing is not an event: its cues ask for a case, a source or a gap, never "what was said".
# ``act`` is unused for knowing (its handle is always read as a topic), so it repeats ``topic``.


def _knowing(
    lens: Lens,
    topic: str,
    plain: str,
    asks: str = "",
    follows: str = "",
    grave: bool = False,
    gentle: bool = False,
) -> Cue:
    return Cue(lens, topic, topic, plain, asks=asks, follows=follows, grave=grave, gentle=gentle)


_KNOWING_DESCRIBE = (
    _knowing(
        Lens.LEARNING,
        # Not "shaped by knowing about", nor "how it drew on what they know": a case draws on
        # nothing, and said aloud each stacks one phrase on another.
        "Ask for one real case where what they knew made a difference, and how.",
        "Ask for one real case. Listen for whether the knowledge shaped what they did, or stayed"
        " on the shelf.",
    ),
    # No cue on the person served: "how their work with a customer shows what they know",
    # "what a customer would most want them to understand", "apply it to one person they work
    # with now": each read as abstract, or no fit for their own stress or a procedure.
    _knowing(
        Lens.SUPERVISOR,
        # Not "notice what you assume they already know, and check it gently": nothing to do.
        "Let them finish before you add what you know {about}; notice any pull to teach.",
        "Let them finish before you add what you know here; notice any pull to teach.",
    ),
    _knowing(
        Lens.CONTEXT,
        "Ask where they learned what they know {about}: training, colleagues, reading or"
        " experience.",
        "Ask where this knowledge comes from: training, colleagues, reading or experience.",
        asks=SOURCE,
    ),
)
_KNOWING_FEEL = (
    _knowing(
        Lens.PRACTITIONER,
        "Make it safe for them to say where they feel least sure about {topic}.",
        # Not "Make it safe to say ...": how?
        "Say that most people find some of this harder than the rest, then ask what is hardest"
        " for them.",
    ),
    _knowing(
        Lens.PARALLEL,
        # Not "Notice whether ...": beside "Notice what you assume ...", said twice over. Not
        # "weigh the examples they give against how sure they sound about {topic}": no example
        # may have been asked for yet, and "sure about how to ..." or "weigh ... weighing up".
        # Not "whether how sure they sound fits what ...": four readers stumbled on it.
        "Listen for whether their confidence is borne out by what they can describe {about}.",
        "Listen for whether their confidence is borne out by what they can describe.",
    ),
    _knowing(
        Lens.PRACTITIONER,
        # Not "notice what you feel ...; it may echo something in the work": on referral
        # thresholds or the law, readers heard no echo to listen for.
        # Beside an overdose, distress or loss; beside thresholds or the law, frustration.
        "Listen for any unease or distress as they talk about {topic}, and give it room.",
        "Listen for any unease or distress as they talk about it, and give it room.",
        grave=True,
    ),
    _knowing(
        Lens.PRACTITIONER,
        "Listen for any frustration or unease as they talk about {topic}, and give it room.",
        "Listen for any frustration or unease as they talk about it, and give it room.",
        gentle=True,
    ),
)
_KNOWING_EVALUATE = (
    _knowing(
        Lens.STANDARDS,
        # Not "where good practice goes further than their account": stiff, and no fit for
        # knowing local services or the law.
        # Not "something you know about": as if it were whatever the supervisor happens to know.
        "If they have missed something important {about}, say so kindly, and suggest where to"
        " look.",
        # Not "Check it against ...": "it" had nothing to point to.
        # Not "Check what they say against current policy": most knowing is no policy.
        "If they have missed something important, say so kindly, and suggest where to look.",
        gentle=True,
    ),
    _knowing(
        Lens.STANDARDS,
        # Where a life may hang on it (the signs of an overdose), a gap is closed at once.
        "If they miss or confuse anything {about}, correct it clearly there and then.",
        "If they miss or confuse anything here, correct it clearly there and then.",
        grave=True,
    ),
    _knowing(
        Lens.LEARNING,
        # Not "ask what they understand best, and name it": who names it?
        "Name one thing they clearly understand about {topic}, so they can build on it.",
        "Name one thing they clearly understand here, so they can build on it.",
    ),
)
_KNOWING_ANALYSE = (
    _KNOWING_DESCRIBE[2],
    # Where every other cue has been said, or asks what the question asks.
    _knowing(
        Lens.PARALLEL,
        "If they sound as if they are reciting what they know {about}, ask what they make of it"
        " themselves.",
        "If what they say sounds recited, ask what they make of it themselves.",
    ),
    _knowing(
        Lens.LEARNING,
        "Ask which source they trust most on {topic}, and why: a colleague, a policy, or their"
        " own experience.",
        "Ask which theory or guidance here they find most useful, and why.",
        asks=SOURCE,
    ),
    # Not "how knowing this shapes the way they talk with ...": beside "how knowing this
    # changes what they do with ...", one cue said twice in one item.
    # Not "what they do when what a customer wants sits uneasily with what they know about
    # ...": three "what"s, and no tension at all for knowing the signs of an overdose. Nor "how
    # they would put it across to a customer": nobody explains dependency to the customer.
    # Nor "where what they know here shows in the way they are with ...": clumsy, and close
    # to "how knowing this changes what they do with ...". Nor "when this last came up
    # between them and ...": law, an assessment or an overdose does not "come up between".
    # Nor "the last time this mattered in their work with ...": a case asked for again at
    # Analysis, and an assessment or the law matters every time.
    fixed(
        Lens.LEARNING,
        "Ask which part of this they find hardest to put into practice, and why.",
    ),
    # Under a question that has asked what training or guidance taught them: the team's view.
    _knowing(
        Lens.CONTEXT,
        # Not "how their team tends to think about how ...", nor "where they see it
        # differently": the team, or the practitioner?
        # Nor "what their team makes of {topic}": the law, or what is on offer locally, is no
        # matter of opinion; and a long topic after it tangles.
        "Ask how their team tends to approach this, and where their own view differs.",
        "Ask how their team tends to approach this, and where their own view differs.",
        follows=TAUGHT,
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
        "If what they take away does not fit the examples they gave, say so kindly.",
        "If the change they name is vague, ask what it would look like with {one} next week.",
    ),
)
_KNOWING_PLAN = (
    _knowing(
        Lens.STANDARDS,
        # Not "one way to use what they know": vague; a step in a case they have now.
        # Not "draws on what they know about": abstract, said aloud.
        # Not "in a current case that puts this into practice": a current case may hold no
        # safeguarding concern to practise on.
        # Nor "agree one step that would firm up what they know": the question asks for it.
        # Not "of learning more about": the question may have asked where it will matter; nor
        # "the step they name on the signs of ...": clumsy.
        # Not "what would look different once they know more about why ... matters": long.
        "Agree a date to look at it together, and ask what they will do differently once they know"
        " more {about}.",
        STEP_IN_THE_WAY,
    ),
    _knowing(
        Lens.PRACTITIONER,
        "Ask what they would like to understand better about {topic}, and offer what you can.",
        "Ask what would help them feel surer here, and offer what you can.",
    ),
    _knowing(
        Lens.CONTEXT,
        "Help them name a colleague to ask about {topic}, and set a date.",
        "Help them name a colleague who knows this well, and agree when they will ask.",
    ),
    _knowing(
        Lens.LEARNING,
        "Suggest one thing to read, or someone to ask, about {topic}; agree when to come back to"
        " it.",
        "Suggest one thing to read, or someone to ask, and agree when to come back to it.",
    ),
    _knowing(
        Lens.LEARNING,
        # Not "someone who knows about these habits": an expert in being aloof.
        NO_ONE_TO_ASK,
        NO_ONE_TO_ASK_PLAIN,
        follows=WHO_TO_ASK,
    ),
)

KNOWING_CUES: dict[Move, tuple[Cue, ...]] = {
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
"""The cues for an item asked as knowing, by move."""

# Knowing about one's own responses: the restorative function first, and safety to speak.
_OWN_DESCRIBE = (
    fixed(
        Lens.PRACTITIONER,
        "Listen for how the work is landing on them: tiredness, numbness, over-involvement, or"
        " carrying it home.",
    ),
    fixed(
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
    fixed(
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
    fixed(
        Lens.SUPERVISOR,
        "If they are harder on themselves than what you heard warrants, say so kindly.",
    ),
)
_OWN_PLAN = (
    fixed(
        Lens.PRACTITIONER,
        "Agree what support they need from you, and when you will check in.",
    ),
    fixed(
        Lens.CONTEXT,
        "Agree how they will bring reactions and mistakes here, and what would make that easier.",
    ),
)
OWN_CUES: dict[Move, tuple[Cue, ...]] = {
    Move.DESCRIBE: _OWN_DESCRIBE,
    Move.FEEL: _OWN_FEEL,
    Move.EVALUATE: _OWN_EVALUATE,
    Move.ANALYSE: _OWN_ANALYSE,
    Move.MAKE_SENSE: _OWN_FEEL + _OWN_EVALUATE + _OWN_ANALYSE,
    Move.CONCLUDE: _OWN_CONCLUDE,
    Move.PLAN: _OWN_PLAN,
}
"""The cues for knowing about the practitioner's own responses, by move."""

# Knowing about one's own qualities or habits: what shows in their work, seen without blame.
_WAYS_DESCRIBE = (
    fixed(
        Lens.PERSON,
        "Listen for real moments rather than good intentions: what would {the_one} say they see?",
    ),
    _knowing(
        Lens.SUPERVISOR,
        # Not "how hard, or how easy, on themselves they are": knotted, said aloud.
        "Notice whether they are too hard, or too easy, on themselves as they talk about {topic}.",
        "Notice whether they are too hard, or too easy, on themselves here.",
    ),
)
_WAYS_FEEL = (
    fixed(
        Lens.PRACTITIONER,
        # Not "hardest to admit to": a quality (being warm) is not admitted to.
        "Make it safe to name the one that is hardest for them; most of us have one.",
    ),
)
_WAYS_EVALUATE = (
    fixed(
        Lens.LEARNING,
        "Name a strength you have seen in how they build relationships, with a real example.",
    ),
)
_WAYS_ANALYSE = (
    fixed(
        Lens.PARALLEL,
        "Notice whether any of these shows up here, in how the two of you work together.",
    ),
    fixed(
        Lens.CONTEXT,
        "Ask what in their caseload or the service makes this harder to keep up.",
    ),
)
_WAYS_CONCLUDE = (
    fixed(
        Lens.SUPERVISOR,
        "If how they see themselves differs from what you see in supervision, say so kindly.",
    ),
)
_WAYS_PLAN = (
    fixed(
        Lens.LEARNING,
        "Agree one thing to practise, where they will try it, and when you will look back at it.",
    ),
)
WAYS_CUES: dict[Move, tuple[Cue, ...]] = {
    Move.DESCRIBE: _WAYS_DESCRIBE,
    Move.FEEL: _WAYS_FEEL,
    Move.EVALUATE: _WAYS_EVALUATE,
    Move.ANALYSE: _WAYS_ANALYSE,
    Move.MAKE_SENSE: _WAYS_FEEL + _WAYS_EVALUATE + _WAYS_ANALYSE[1:],
    Move.CONCLUDE: _WAYS_CONCLUDE,
    Move.PLAN: _WAYS_PLAN,
}
"""The cues for knowing about the practitioner's own qualities or habits, by move."""
