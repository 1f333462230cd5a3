"""The supervisor's cues: what to listen for, ask next or check, from the craft of supervision.

Each cue looks through one lens: the seven-eyed model (Hawkins and Shohet: the person served,
the interventions, the relationship, the practitioner, the parallel process, the supervisor's own
reactions, the wider context) and the functions of supervision (Proctor: normative, formative;
restorative is the practitioner's lens). Each move of a model has its own cues, so a cue always
fits its stage ("what they actually said and did" while the moment is told, "what they now
know" at the conclusion), and one item's stages each take a different lens. Slots are those of
``stems``; ``{act}`` and ``{topic}`` are turned into the third person in their sentence. In a
cue, "they" is always the practitioner; the person served is named ("the customer"). A cue's
words keep the time of the item's questions (``Time``): one moment gone by, or work still going
on.
"""

from __future__ import annotations

from supervise.content.model import Move
from supervise.prompts.cue_types import (
    NO_ONE_TO_ASK,
    NO_ONE_TO_ASK_PLAIN,
    SOURCE as SOURCE,
    STEP_IN_THE_WAY,
    WHO_TO_ASK,
    Cue as Cue,
    Lens as Lens,
    Time as Time,
    fixed,
)
from supervise.prompts.knowing_cues import KNOWING_CUES, OWN_CUES, WAYS_CUES
from supervise.prompts.themes import Knowing, Theme

# Routine work is not something they "had to" do, nor a way of working a one-off they "set out
# to" do: cues name it as a doing ("{doing}": "checking understanding"), which fits any tense;
# "as they {act}" and "how they {act}" read stilted, and clash with a cue's past tense.
_DESCRIBE = (
    # Where the question has asked what they said and did, and the person is named in it.
    # Not "As they talk about {doing}, ...": the name said again before the cue begins.
    fixed(
        Lens.STANDARDS,
        "Listen for what guided them in the moment: the service's way of doing things, or their"
        " own judgement.",
    ),
    Cue(
        Lens.INTERVENTION,
        # Not "the exact words they used when ...": helping someone reach a service is calls,
        # forms and going along as much as words, and keeping a dialogue going is no one line.
        # Not "Listen for what is left out": nothing to listen for in particular.
        "Ask what they actually said and did when {doing}, as near word for word as they can.",
        "Ask what was actually said and done about {topic}, as near word for word as they can.",
        "Ask them to replay what they said and did, as near word for word as they can.",
        outward=True,
        time=Time.MOMENT,
    ),
    Cue(
        Lens.PERSON,
        # Not "from that side": said to nobody in particular, and heard as taking sides. Not
        # "how it might have felt": work still going on has not finished being felt.
        "As they describe it, ask how it might look to {the_one}.",
        "Ask how {the_one} might see {topic}.",
        "Ask how it might look to {the_one}.",
    ),
    Cue(
        Lens.RELATIONSHIP,
        # Not "after {doing}": whose doing is unclear, and ongoing work has no after. Not "how
        # the customer took it when it came to ...": two idioms stacked.
        "As they talk about {doing}, ask how {the_one} responded.",
        "Listen for how the relationship fared when the talk turned to {topic}.",
        "Ask how {the_one} responded, and whether anything changed in the work from then on.",
        # Noticing strain happens inside: there is nothing for the person to "take".
        outward=True,
        time=Time.MOMENT,
    ),
    Cue(
        Lens.RELATIONSHIP,
        # Not "over the weeks of ...": that assumes a time span the work may not have had; not
        # "changed through {doing}": that assumes it was done. Nor "listen for any shift in the
        # relationship over time": vague, said aloud.
        # Nor "ask what has changed in the relationship along the way": beside the point of
        # listening without judging. The words they choose say where the relationship is.
        "As they talk about {doing}, listen for the words they use about the people involved,"
        " and what those words suggest.",
        "As they talk about {topic}, listen for the words they use about the people involved,"
        " and what those words suggest.",
        "Listen for the words they use about the people involved, and what those words suggest.",
        time=Time.ONGOING,
    ),
    Cue(
        Lens.SUPERVISOR,
        # Not "be aware of your own reaction ...; it may say something about the case": nothing
        # to do with it; nor "hold back and ask one more open question", beside a red flag too
        # long to say. Where they reflect on their own values, the supervisor's count too.
        # Nor "notice your own views ..., and keep them from steering": long, and "them" is
        # the views or the practitioner.
        "Keep your own views out of the way as they talk about {doing}.",
        "Keep your own views out of the way as they talk about {topic}.",
        "Keep your own views out of the way while they tell it.",
    ),
)
_FEEL = (
    # Not "Notice ...": the supervisor's own reaction is noticed by other cues, and two
    # notice-cues back to back read as one said twice.
    # Support is offered where the work took a toll, not wherever a skill was hard to use.
    Cue(
        Lens.PRACTITIONER,
        # Not "if it took a toll on them to explain the limits": what was heard takes the toll.
        # Not "who was there for them after {doing}": "after judging how much support to give"
        # is the topic bolted on.
        "If what came up took a toll on them, ask who was there for them afterwards, and whether"
        " that was enough.",
        "Listen to how they speak about {topic}. If they sound flat, anxious or angry, ask what"
        " support they had.",
        "If it took a toll on them, ask who was there for them afterwards, and whether that was"
        " enough.",
        time=Time.MOMENT,
        toll=True,
    ),
    Cue(
        Lens.PRACTITIONER,
        "If it takes a toll on them to {act}, ask who is there for them, and whether that is"
        " enough.",
        "Listen to how they speak about {topic}. If they sound flat, anxious or angry, ask what"
        " support they have.",
        "If the work is taking a toll on them, ask who is there for them, and whether that is"
        " enough.",
        time=Time.ONGOING,
        toll=True,
    ),
    Cue(
        Lens.PRACTITIONER,
        # Not "what it asked of them": "ask what it asked" is said twice over.
        # Not "what it cost them personally to {act}": the cost is the work's, not the skill's
        # ("to judge how much support to give"), and "what it cost" assumes a cost.
        "As they talk about {doing}, ask whether it cost them anything personally, and give them"
        " room to say so.",
        "As they talk about {topic}, ask whether it cost them anything personally, and give them"
        " room to say so.",
        "Ask whether it cost them anything personally, and give them room to say so.",
        time=Time.MOMENT,
        # What checking understanding "cost them personally" is too heavy a question.
        toll=True,
    ),
    Cue(
        Lens.PRACTITIONER,
        "As they talk about {doing}, ask whether this work costs them anything personally, and"
        " give them room to say so.",
        "As they talk about {topic}, ask whether this work costs them anything personally, and"
        " give them room to say so.",
        "Ask whether the work costs them anything personally, and give them room to say so.",
        time=Time.ONGOING,
        toll=True,
    ),
    fixed(
        Lens.PARALLEL,
        # Not "notice whether a pull ... shows up": noticed, and then what?
        # Not "as they tell it": at Analysis the telling is done.
        "If you feel pulled to rush, rescue or argue as you talk it through, say so gently; it may"
        " mirror the case.",
    ),
    Cue(
        Lens.SUPERVISOR,
        "Notice what you feel as they tell you about {doing}; if it might echo what they felt,"
        " offer it tentatively.",
        "Notice what you feel as they talk about {topic}; if it might echo what they felt, offer"
        " it tentatively.",
        "Notice what you feel as you listen; if it might echo what they felt, offer it"
        " tentatively.",
    ),
    # Where nothing hard was at stake, a lighter look at what they came away with. Last, so
    # that the places of the cues above hold (_FEEL[4], the parallel cue, is used elsewhere).
    Cue(
        Lens.PRACTITIONER,
        # Not "ask how they came away from that conversation": the question has just asked how
        # they felt, and the work told may have been more than one conversation.
        # Not "listen for whether they sound at ease, unsettled or drained": nothing to do next,
        # and "drained" by explaining a service? Reflecting a feeling back is the move.
        "As they talk about {doing}, name any feeling you hear that they leave unsaid, and ask if"
        " it fits.",
        "As they talk about {topic}, name any feeling you hear that they leave unsaid, and ask if"
        " it fits.",
        "If they tell you the facts but not the feeling, name the feeling you heard and ask if it"
        " fits.",
        time=Time.MOMENT,
        light=True,
    ),
    Cue(
        Lens.PRACTITIONER,
        # A cue, not a question: no question mark after "Ask how ...".
        "As they talk about {doing}, name any feeling you hear that they leave unsaid, and ask if"
        " it fits.",
        "As they talk about {topic}, name any feeling you hear that they leave unsaid, and ask if"
        " it fits.",
        "If they describe the work but not how it leaves them, say what you hear and ask if it"
        " fits.",
        time=Time.ONGOING,
        light=True,
    ),
)
_EVALUATE = (
    Cue(
        Lens.STANDARDS,
        # Not "which parts match good practice, and what they might add": vague, and a quiz.
        # Not "which part of what they did": work kept up over time was not done once.
        "Ask which part of their work here they would hold up as good practice, and why.",
        "Ask what good practice says about {topic}, and how their own work compares.",
        "Ask which part of their work here they would hold up as good practice, and why.",
    ),
    fixed(
        Lens.PERSON,
        "Ask what {the_one} actually said or did that shows how the work landed with them.",
        Time.MOMENT,
    ),
    fixed(
        Lens.PERSON,
        "Ask what {the_one} has said or done that shows how the work is landing with them.",
        Time.ONGOING,
    ),
    Cue(
        Lens.LEARNING,
        # Not "ask what they did well": the question beside it has just asked that.
        "Name one strength you heard in how they went about {doing}, so they can use it again.",
        "Name one strength you heard in how they handled {topic}, so they can use it again.",
        "Name one strength you heard in what they did, so they can use it again.",
        time=Time.MOMENT,
    ),
    Cue(
        Lens.LEARNING,
        # Not "how they go about {doing}": nobody "goes about tolerating" anything; nor "their
        # work on {doing}": "their work on using ..." stumbles.
        "Name one strength you hear in how they are {doing}, so they can build on it.",
        "Name one strength you hear in how they handle {topic}, so they can build on it.",
        "Name one strength you hear in their work here, so they can build on it.",
        time=Time.ONGOING,
    ),
)
_ANALYSE = (
    # Not "what guidance, training or experience they draw on", nor "what theory helps them make
    # sense of it": filler, beside a question on what helped them.
    Cue(
        Lens.LEARNING,
        # Not "what was driving their choices: a rule, training or a gut feeling": which
        # choices, and training is what the question beside it asks.
        "Ask what they were weighing up when {doing}, and what tipped the balance.",
        "Ask what they were weighing up around {topic}, and what tipped the balance.",
        "Ask what they were weighing up at the time, and what tipped the balance.",
        weighed=True,
        # Noticing is no choice.
        outward=True,
        time=Time.MOMENT,
    ),
    Cue(
        Lens.LEARNING,
        "Ask what they weigh up when {doing}, and what tips the balance.",
        "Ask what they weigh up around {topic}, and what tips the balance.",
        "Ask what they weigh up in this work, and what tips the balance.",
        # Keeping a view in mind is no choice either.
        outward=True,
        weighed=True,
        time=Time.ONGOING,
    ),
    Cue(
        Lens.CONTEXT,
        # Not "whether that helps": a safeguarding procedure is followed, helpful or not.
        "Ask what the service expects of them when it comes to {doing}, and how clear they are"
        " about it.",
        "Ask whether they have brought this to the team, and how the team tends to think about"
        " {topic}.",
        "Ask whether they have talked this through with their team, and what the team made of it.",
    ),
    # Not "what in their relationship with the customer makes it easier or harder": a service
    # is explained before there is any relationship; nor "helps or hinders here": where?
    Cue(
        Lens.PERSON,
        "Ask what about {the_one} made it easier or harder to {act}.",
        "Ask what about {the_one} made it easier or harder to handle {topic}.",
        "Ask what about {the_one} made it easier or harder.",
        time=Time.MOMENT,
    ),
    Cue(
        Lens.PERSON,
        "Ask what about {the_one} makes it easier or harder to {act}.",
        "Ask what about {the_one} makes it easier or harder to handle {topic}.",
        "Ask what about {the_one} makes the work easier or harder.",
        time=Time.ONGOING,
    ),
    _FEEL[4],
    # Where nothing was at stake to weigh, and the person is named by the question already.
    # Not "that might make sense of {doing}": an idea explains what happened, not the skill.
    fixed(
        Lens.LEARNING,
        "Offer one idea from theory or practice that might explain what they describe, and see if"
        " it fits.",
    ),
)
_CONCLUDE = (
    Cue(
        Lens.LEARNING,
        # Not "what they most want to take away": the question has just asked what they learned.
        "Ask what they will watch for the next time they {act}, and what would tell them it is"
        " going well.",
        # Not "when they next meet {topic}": one meets a person, not relapse or a risk.
        "Ask what they will watch for the next time their work touches on {topic}.",
        "Ask what they will watch for next time, and what would tell them it is going well.",
        time=Time.MOMENT,
    ),
    fixed(
        Lens.LEARNING,
        "Ask what they most want to carry forward from the work so far.",
        Time.ONGOING,
    ),
    Cue(
        Lens.PRACTITIONER,
        "Ask what advice they would give a new colleague about {doing}.",
        "Ask what they would pass on to a new colleague about {topic}.",
        "Ask what they would tell a colleague who faced the same thing tomorrow.",
    ),
    Cue(
        Lens.SUPERVISOR,
        "If what they conclude differs from what you heard, say so kindly.",
        "If what they conclude differs from what you heard, say so kindly.",
        "If what they conclude does not fit what you heard, say so kindly.",
    ),
)
_PLAN = (
    Cue(
        Lens.STANDARDS,
        # Not "Agree one step ... and a date": the question has just asked for both. Nor "their
        # next step in responding to disclosures": heard as the next step in the case.
        # Not "how they will know the step has helped": which step?
        # Nor "how they will know that what they try has helped with ...": clumsy.
        # Not "what they would notice, next time they ..., if it went better": tangled.
        "Agree a date to look at it together, and ask what would show they are getting better at"
        " {doing}.",
        "Agree a date to look at it together, and ask what would show they are getting better at"
        " handling {topic}.",
        STEP_IN_THE_WAY,
        # Reflecting or noticing is not an event with a next time.
        outward=True,
    ),
    Cue(
        Lens.PRACTITIONER,
        "Ask what support would help them {act}, and offer what you can.",
        "Ask how they would like to be supported from here, and offer what you can.",
        "Ask what they need from you between now and the next session.",
    ),
    Cue(
        Lens.CONTEXT,
        "Ask whether anything in the team or service makes it harder to {act}, and who could"
        " change it.",
        # Not "makes any of this harder, and what could be raised": raised by whom?
        "Ask whether anything in the service makes it harder to deal with {topic}, and who could"
        " change that.",
        "Ask whether anything in the team or service gets in the way of this work, and who could"
        " change it.",
    ),
    Cue(
        Lens.LEARNING,
        "Suggest one thing to read, or someone to learn from, about {doing}.",
        "Suggest one thing to read, or someone to ask, about {topic}; agree when to come back to"
        " it.",
        "Suggest one thing to read, or someone to shadow, and agree when to come back to it.",
        outward=True,
        reading=True,
    ),
    # Not "suggest someone to ask" under "who could help you ...?": a cue follows it up.
    Cue(
        Lens.LEARNING,
        # Not "someone good at {doing}": a part of the work ("staying within the rules") is no
        # thing to pick a mentor for.
        # Not "if they cannot name anyone, offer a name": "name" three times over.
        # Not "and agree when": beside a handle that agrees something, said twice.
        "If no one comes to mind, suggest someone to learn from or something to read on {doing},"
        " and set a date.",
        NO_ONE_TO_ASK,
        NO_ONE_TO_ASK_PLAIN,
        reading=True,
        follows=WHO_TO_ASK,
    ),
)
_DOING: dict[Move, tuple[Cue, ...]] = {
    Move.DESCRIBE: _DESCRIBE,
    Move.FEEL: _FEEL,
    Move.EVALUATE: _EVALUATE,
    Move.ANALYSE: _ANALYSE,
    # Driscoll's "So what?" asks for feelings, a judgement and meaning in one stage.
    Move.MAKE_SENSE: (
        _FEEL[0],
        _FEEL[1],
        _FEEL[2],
        _FEEL[3],
        _EVALUATE[0],
        _ANALYSE[0],
        _ANALYSE[1],
        _ANALYSE[3],
        _ANALYSE[4],
        _FEEL[4],
        _ANALYSE[2],
        _ANALYSE[6],
    ),
    Move.CONCLUDE: _CONCLUDE,
    Move.PLAN: _PLAN,
}
POINT_CUES: tuple[str, ...] = (
    # Not "then listen for where it got difficult": said of what comes easily too.
    "Ask for a real example of one they name, and listen for what made it easy or hard.",
    "If any point is passed over, ask about it gently; what is left out often matters.",
    # Not "which point": the app's word, not a supervisor's.
    "Ask which of these matters most in their work at the moment, and why that one.",
)
"""Cues for the prompt that lists the sub-points."""

DOUBT_TOLD_FLAG = (
    "Listen for whether they stayed curious or grew defensive, especially where the doubts were"
    " about them."
)
"""The doubt flag on an item whose moment is the doubt itself ("where doubt came into it" read
as a template there)."""
ENDING_FLAG = "Check the ending was planned with the person, not drifted into or cut short."
"""The boundary flag on an item about ending the work ("has contact ended up more, or less,
than agreed?" muddled an ending)."""
POLICY_FLAG = (
    "Check what the service's policy asked of them here, and whether that was clear to them at"
    " the time."
)
"""The rules flag where the statement speaks of policy, not of the law."""
FLAGS: dict[Theme, str] = {
    Theme.RISK: (
        # Not "whether any risk was immediate": on an item about acting at once it was.
        # Not "what was done": the cue it follows has asked what they did.
        "Check whether any risk is still live, and whether it was recorded and passed on."
    ),
    # Not "Check for drift: has contact or help ended up ...": jargon, and help is not contact.
    Theme.BOUNDARY: "Check whether contact has drifted to more, or less, than was agreed.",
    Theme.DEPENDENCY: (
        "Ask, gently, whose needs the contact was meeting: the person's, or partly their own."
    ),
    Theme.COLLUSION: "Notice whose story they tell most warmly.",
    # Not what they felt: the next stage asks that.
    Theme.FEELINGS: "Listen for whose feelings fill the story, and whose are missing.",
    Theme.RUPTURE: "Make it safe to name their own part; most strains have two sides.",
    # Not "what they leaned on": on what, for what?
    # Not "what guided their choices: policy, the law, or habit?": whose choices is unclear, and
    # "habit" reads as a dig.
    # Not "whether they knew it then": a test.
    Theme.RULES: "Check what policy or the law asked of them here, and whether that was clear to"
    " them at the time.",
    # Not "how they met doubt": beside "a young person or their parent", whose doubt?
    # Not "how they met doubt", nor "whoever voiced it, whether they met it": whose "they"?
    # Not "if doubt ... came up" (on an item about doubt, it is the moment they tell), nor
    # "when" (on an item about suspending disbelief, it may not have).
    Theme.DOUBT: "Where doubt or disagreement came into it, listen for whether they stayed"
    " curious or grew defensive.",
    # Not "raise the next one": it assumes another mistake.
    Theme.MISTAKE: "Check it has been put right, and that they would feel able to raise any future"
    " mistake early.",
}
"""The red flag a supervisor listens for, on each theme, as the moment is told."""
KNOWING_FLAGS: dict[Theme, str] = {
    # Not "where this touches on risk": a hedge, on items that are all about risk.
    # Not "Check they know": it follows cues that check already.
    Theme.RISK: "Make sure they know what to do at once if someone is at risk, and who must be"
    " told.",
    # Not "on contact": the limits may be of a role, of help or of time. Not "where they would
    # draw the line": which line?
    Theme.BOUNDARY: "Ask how they would tell, in their own work, that they were doing more than"
    " their role allows, or less than it asks.",
    # Not "notice it growing": beside a cue on another part, "it" points nowhere.
    # Not "notice dependence on them growing": knotted, and "them" twice.
    Theme.DEPENDENCY: "Ask how they would spot someone growing too dependent on them.",
    Theme.COLLUSION: "Ask how they would notice being pulled to one side.",
    # No flag for strong feelings: beside knowing why people hold back, or where anger comes
    # from, "how they look after themselves" (and every rewording of it) read as bolted on.
    Theme.RUPTURE: "Make it safe for them to name a time it went wrong in their own work.",
}
"""The red flag for each theme on a knowing statement, where nothing has happened yet."""


def cues_for(
    move: Move, knowing: bool, known: Knowing = Knowing.FACTS, ongoing: bool = False
) -> tuple[Cue, ...]:
    """The cues that fit a stage that asks ``move``, in order of preference; ``known`` says what
    a knowing item is knowledge of, ``ongoing`` marks work told as it goes on."""
    if knowing and known is Knowing.OWN_RESPONSES:
        return OWN_CUES[move]
    if knowing and known is Knowing.OWN_WAYS:
        return WAYS_CUES[move]
    if knowing:
        return KNOWING_CUES[move]
    unfit = Time.MOMENT if ongoing else Time.ONGOING
    return tuple(cue for cue in _DOING[move] if cue.time is not unfit)
