"""The practitioner's questions: a pool of stems for each move of a model and kind of statement.

Slots: ``{act}`` a verb phrase ("check that a customer has understood you"), ``{topic}`` a noun
phrase or a "how/why" clause, ``{one}`` one person the work is with ("a customer"), ``{points}``
a list of sub-points, ``{did}`` the verb phrase in the past tense ("dealt with challenging
behaviour"). A slot ends its clause, so no stem leans on words a phrase might lack.
Doing is anchored in one person and one moment (or, for work kept up over time, asked as it
goes on, in the present perfect); knowing is asked as explaining, teaching, applying or looking
for, never as "a situation that called on what you know".
"""

from __future__ import annotations

from supervise.content.model import Form, Move
from supervise.prompts.themes import Knowing

Pool = tuple[str, ...]

# Routine work is part of the job, not a one-off someone "needed to" do: a stem asks for one
# recent case of it, or for how it is usually done. Not "where your part was to ..." (anger
# is a moment, not a piece of work with parts), nor "where it fell to you to ..." (owning a
# mistake is not someone else's duty): the doing is named as one ("an example of ...").
_DESCRIBE_ACT: Pool = (
    # Not "where it was your job to": it always is; not "a case that asked you to": every
    # case does.
    # Not "what did you do first?": it narrows the telling to its start.
    # Not "that involved {doing}": a form's words; nor "Think of recent work with a customer,
    # and one time you tried to ...": two set-ups, and "tried" hints they failed. Nor "Recall
    # one recent visit ... What did you do to ...?", "Think of one recent case. How did you go
    # about ...?": the case picked first may hold no such moment. The moment is named first,
    # in the past tense ("a recent time you dealt with challenging behaviour").
    "Think of a recent time you {did}. What happened, and what did you say and do?",
    "When did you last {act}? What happened?",
    "Think back to the last visit, call or meeting where you {did}. How did it go?",
    "From your own recent work, pick one example of {doing}. What did you do?",
    # Not "when it mattered that you {act}": a present verb in a past frame.
    # Not "this month": it may leave them nothing to bring.
    # Not "when it really mattered to": routine work (agreeing what contact is for) matters
    # every time.
    # Not "and how did it go?": the next stage asks that.
    # Not "What happened with them?": after a disclosure, it invites the story of the abuse;
    # nor "Who comes to mind first ...? What did you do?": from a person to an act in a jump.
    # Not "your work involved": a form's words. Not "as plainly as you can": patronising. Nor
    # "the last time you were {doing}": "you were agreeing the purpose ..." is stilted.
    "Which recent piece of work comes to mind when you think of {doing}? What did you do?",
)
_DESCRIBE_TOPIC: Pool = (
    "Think of the last time your work with {one} touched on {topic}. What happened?",
    "Think of one piece of work that involved {topic}. What did you do?",
    # Not "that turned to {topic}": a talk turns to a subject, not to "relapse as part of
    # recovery".
    "Recall a recent conversation with {one} that touched on {topic}. What was said?",
    # Not "came up against": support offered is no obstacle.
    "Describe a recent time in your work that touched on {topic}. What did you do?",
    "Which recent case comes to mind when you think of {topic}? What was your part?",
)
_DESCRIBE_KNOW: Pool = (
    "A new colleague asks you {about}. What would you tell them?",
    "In your own words, what would you tell a colleague about {topic}?",
    "If you had five minutes to teach a new colleague {about}, what would you say?",
    # Not "where do you use what you know" (a skill is not looked up), nor "where does it help
    # you to know", nor "how does what you know here apply to them" (what, here?).
    # Not "... taught you most ...? What did it show you?": the same asked twice.
    "Which piece of work has taught you most about {topic}? What happened?",
)
DESCRIBE_ONGOING: Pool = (
    # Not "one piece of work ... that has run for some time. How is it going, when it comes
    # to ...?": two clumsy turns in one question.
    "Think of someone you have worked with for a while. How have you been {doing}, and how is it"
    " going?",
    # Not "which piece of work has most needed you to": every piece needs it, and it is stiff.
    # Not "How has it gone?" after "hardest": it went hard.
    "Over recent months, where has it been hardest to {act}? What did you do?",
    # Not "where do you most need to": it is needed everywhere. Not "where is it hardest ...,
    # and how is it going?": the hardest place is not going well. Nor "In which one is it
    # hardest ...? What makes it so?": stiff, said aloud.
    "Of your current cases, where is it hardest right now to {act}? What makes it hard?",
)
"""Stems for what is kept up over time ("keep contact at the level ...", "tolerate ..."):
asked over a stretch of work, not as one moment."""
DESCRIBE_REFLECTING: Pool = (
    "Think of a recent decision where {own} may have come into play. What did you notice?",
    "Recall a recent piece of work where {own} may have shaped what you did. What do you notice"
    " now?",
)
"""Stems for reflecting on one's own values or feelings: a decision they may have shaped."""
DESCRIBE_NOTICED: Pool = (
    "Think of {when}. What first told you, and what did you do?",
    "Recall {when}. What did you make of it, and what did you do next?",
)
"""Stems for noticing ("recognise when a person is ...", "notice strain ..."): ``{when}`` is
the time it was so ("a time when a person was ...", "a recent time you noticed strain ...")."""
# Only for a thing, not a "how/why" question: you can look for signs of a thing.
_DESCRIBE_KNOW_THING: Pool = (
    # Not "give one example of": the topic may be plural ("achievements and shortfalls").
    # Not everyone has been at an overdose, and it should not be assumed; nor "which case, if
    # any, comes to mind? What did it show you?": where none does, the second question hangs.
    # Nor "what have you seen of {topic}": "seen of the signs" is awkward.
    "What has your own work shown you about {topic}?",
)
_FEEL_ACT: Pool = (
    "How did you feel as you tried to {act}? What stayed with you afterwards?",
    "What was going through your mind when you had to {act}?",
    "Most of us feel something in this work. What did you feel when you had to {act}?",
    "At what point did you feel least sure of yourself as you tried to {act}?",
)
_FEEL_TOPIC: Pool = (
    # Not "as you dealt with {topic}": "dealt with recognising that ..." is knotted.
    "How did you feel at the time? What has stayed with you about {topic}?",
    "What was going through your mind as you faced {topic}?",
    "Most practitioners feel something about {topic}. What did you notice in yourself?",
)
_FEEL_KNOW: Pool = (
    "How confident are you about {topic}? Where does that confidence come from?",
    "When it comes to {topic}, what do you feel sure of, and what leaves you uneasy?",
    # For an item whose sub-points have asked already how well each is understood.
    # Not "when your work turns to": "your work turns to helping ... work through" says work
    # twice; nor "when your work involves": "involves a customer's anger" is a form's words.
    "What do you notice in yourself when it comes to {topic}?",
)
_EVALUATE_ACT: Pool = (
    "What went well when you tried to {act}, and what was harder?",
    "Looking back, how well did you manage to {act}? What tells you so?",
    "If {one} could tell you how it felt when you tried to {act}, what would they say?",
    "What would you keep, and what would you change, about how you tried to {act}?",
)
_EVALUATE_TOPIC: Pool = (
    "What went well in how you handled {topic}, and what was harder?",
    "Looking back, how well did you handle {topic}? What tells you so?",
    "How do you think {one} saw {topic}? What would they say if you asked?",
)
_EVALUATE_KNOW: Pool = (
    # Not "which real case": as if some cases were not.
    "Which case from your own work tested what you know about {topic}? How well did it hold up?",
    # Not "where has what you know served you well": knotted, said aloud.
    # Not "thinking of {topic}, when has your knowledge ...": a long run-up, and "your
    # knowledge" of something they do.
    # Not "when has it made a real difference to know about what ending contact can do to
    # ...": tangled, once the topic is long.
    "When has what you know here made a real difference in your work?",
    # Not "how well has your work drawn on what you know": abstract.
    "Think of the last time you were glad you knew {about}. What difference did it make?",
    # Where a case has been asked for already: what is misunderstood, not another case.
    "In your experience, what do people most often get wrong about {topic}?",
)
_ANALYSE_ACT: Pool = (
    "Why do you think it went the way it did when you tried to {act}?",
    "What in your training, guidance or experience helps you {act}? Is anything missing?",
    "What was going on for {one} that made it harder or easier to {act}?",
    "What did your organisation expect of you when you had to {act}?",
)
_ANALYSE_TOPIC: Pool = (
    "What helped, and what got in the way, when it came to {topic}?",
    "What guidance, theory or past experience helps you make sense of {topic}?",
    "What was going on for {one}, as far as you could tell, around {topic}?",
)
_ANALYSE_KNOW: Pool = (
    "Think of your work with {one} right now. What in their situation links to {topic}?",
    "What does the guidance or research you know say about {topic}?",
    # Not "where has that gap shown up in your work?": it assumes a gap, and one already seen.
    "What would you like to understand better about {topic}, and where would it help you most?",
)
_CONCLUDE_ACT: Pool = (
    "Looking back, what would you keep, and what might you do differently? What have you"
    " learned about {doing}?",
    "What have you learned about how you {act}? What would you tell yourself beforehand?",
    "If you could go back, what would you do differently to {act}?",
)
_CONCLUDE_TOPIC: Pool = (
    "Looking back, what would you keep, and what might you change? What has it taught you"
    " about {topic}?",
    "What has this taught you about {topic}?",
)
_CONCLUDE_KNOW: Pool = (
    "What do you know now, that you did not before, about {topic}?",
    "What would you now tell a new colleague about {topic}?",
)
_PLAN_ACT: Pool = (
    "What will you try the next time you need to {act}? Name one step and when.",
    "What one thing will you do differently next time you {act}? How will you prepare?",
    "Name one small step that would help you {act}. When will you take it?",
    "Before your next supervision, what will you try in order to {act}?",
)
_PLAN_TOPIC: Pool = (
    "Before your next supervision, what one step will you take on {topic}?",
    "What will you do first the next time you meet {topic}?",
    "What support would help you with {topic}, and when will you ask for it?",
)
_PLAN_KNOW: Pool = (
    "What will you read, ask or try to learn more about {topic}, and by when?",
    "Who could teach you more about {topic}, and when will you ask them?",
    "This month, which case will you use to try out what you know about {topic}?",
)

_BY_MOVE: dict[Move, tuple[Pool, Pool, Pool]] = {
    Move.DESCRIBE: (_DESCRIBE_ACT, _DESCRIBE_TOPIC, _DESCRIBE_KNOW),
    Move.FEEL: (_FEEL_ACT, _FEEL_TOPIC, _FEEL_KNOW),
    Move.EVALUATE: (_EVALUATE_ACT, _EVALUATE_TOPIC, _EVALUATE_KNOW),
    Move.ANALYSE: (_ANALYSE_ACT, _ANALYSE_TOPIC, _ANALYSE_KNOW),
    Move.CONCLUDE: (_CONCLUDE_ACT, _CONCLUDE_TOPIC, _CONCLUDE_KNOW),
    Move.PLAN: (_PLAN_ACT, _PLAN_TOPIC, _PLAN_KNOW),
}
_BY_MOVE[Move.MAKE_SENSE] = (
    _EVALUATE_ACT + _ANALYSE_ACT + _FEEL_ACT,
    _EVALUATE_TOPIC + _ANALYSE_TOPIC + _FEEL_TOPIC,
    _EVALUATE_KNOW + _ANALYSE_KNOW + _FEEL_KNOW,
)


def _add_make_sense(pools: dict[Move, Pool]) -> None:
    """Driscoll's "So what?" asks for a judgement, meaning and feelings in one stage."""
    pools[Move.MAKE_SENSE] = pools[Move.EVALUATE] + pools[Move.ANALYSE] + pools[Move.FEEL]


# A further part of a statement, asked after the moment was told: as part of that same work.
_PART_ACT: dict[Move, Pool] = {
    # "How did it feel to hear mistrust without taking it personally?" assumes they did.
    Move.FEEL: (
        # Not "as you tried to ...": it hints they failed; nor "how easy or hard was it to
        # ..., and what did you feel?": a feeling tacked on.
        "What did you feel when it came to {doing}?",
        "What was it like for you when it came to {doing}?",
    ),
    Move.EVALUATE: (
        # Not "when you tried to": said of work kept up, it became "worked to"; nor "when it
        # came to {doing}": clumsy, said aloud; nor "how well did you respond with care?": an
        # appraisal of a skill no one can score.
        # Nor "what helped you ..., and what got in the way?": Analysis asks that.
        "What went well, and what less well, in {doing}?",
        "How well did you manage to {act}? What tells you so?",
    ),
    Move.ANALYSE: (
        # Not "what gets in the way" of, say, keeping within the law: it sounds like a charge.
        # Not "thinking of that moment": a part may be kept up over time (a record).
        "What made it easier, or harder, to {act}?",
        "What in your training, guidance or experience helps you {act}? Is anything missing?",
    ),
    Move.CONCLUDE: (
        "What have you learned about how to {act}?",
        "What would you tell a new colleague about how to {act}?",
    ),
    Move.PLAN: (),
    Move.DESCRIBE: (),
}
# Driscoll's "So what?" on a part weighs it; what they felt is asked of the moment.
_PART_ACT[Move.MAKE_SENSE] = _PART_ACT[Move.EVALUATE] + _PART_ACT[Move.ANALYSE]
# A further part of work kept up over time: asked as it goes on, never as one thing done.
_PART_ONGOING: dict[Move, Pool] = {
    **_PART_ACT,
    Move.FEEL: (
        "What has it been like trying to {act}?",
        "How does it feel when you try to {act}?",
    ),
    Move.EVALUATE: (
        "How well are you managing to {act}? What tells you so?",
        "So far, what has helped you {act}, and what has been harder?",
    ),
}
_PART_ONGOING[Move.MAKE_SENSE] = _PART_ONGOING[Move.EVALUATE] + _PART_ONGOING[Move.ANALYSE]

# Later stages talk about the moment already told, as a supervisor would ("it", "that moment"),
# rather than naming the topic again; these stems take no handle.
_BACK_DOING: dict[Move, Pool] = {
    Move.FEEL: (
        "Think back to it. How did you feel, and what stayed with you afterwards?",
        # Feelings, not only thoughts, at the stage that asks for them.
        "What were you feeling and thinking as it happened, and what did you do with that?",
        "What did you feel at the time, and what did you do with it?",
        "At which point did you feel least sure of yourself, and why do you think it was then?",
    ),
    Move.EVALUATE: (
        "Looking back on it, what went well, and what was harder than you expected?",
        "How well do you think it went, all things considered? What tells you so?",
        "If {the_one} could tell you honestly how it felt for them, what would they say?",
        "What went well in what you did, and what went less well?",
    ),
    Move.ANALYSE: (
        "Why do you think it went the way it did? What helped, and what got in the way?",
        "What in your training, guidance or past experience helped you then? Was anything missing?",
        "What do you think was going on for {the_one} at the time, as far as you could tell?",
        "What did your organisation expect of you there, and how did that shape what you did?",
    ),
    Move.CONCLUDE: (
        # Not "What else could you have done?": after a relapse or a hard moment it blames.
        # Not "... What have you learned?": a third question tacked on.
        # Not "Looking back, ...": Evaluation has just said it.
        "If a similar moment came up tomorrow, what would you keep, and what would you do"
        " differently?",
        "Knowing what you know now, what would you tell yourself back then?",
        "If you could go back and do it again, what would you do differently, and why?",
    ),
    Move.PLAN: (
        # Not "Name one step and when you will take it": "next time" and "when" twice, and
        # nobody can diary the next incident. Nor "when will that be", for the same reason.
        # Nor "what will you do differently next time": Conclusion has just asked it.
        "What one thing will you put in place for next time, and who could help you with it?",
        "What one thing will you try next time, and how will you prepare for it?",
        "Who could help you get better at this, and when will you ask them?",
        # Not "Before your next supervision, what is one small thing you will try?": nothing
        # urgent may come up by then.
        "To be ready next time, what one thing will you put in place?",
    ),
}
# The same, for work kept up over time: how it is going, never one event gone by.
_BACK_ONGOING: dict[Move, Pool] = {
    Move.FEEL: (
        "What has this work been like for you, and what has stayed with you?",
        # A feeling, not "what goes through your mind": where the pull to a side shows first.
        "What do you find yourself feeling as this work goes on, and what do you do with that?",
        "What do you tend to feel in this work, and what do you do with it?",
        # Not "where ..., and why then, do you think?": "where" then "then".
        "At what point in this work have you felt least sure of yourself, and why?",
    ),
    Move.EVALUATE: (
        "So far, what has gone well, and what has been harder than you expected?",
        # Not "How well is it going": the opener has asked how it is going.
        # Not "it is working": understanding someone does not "work".
        # Not "what tells you the work is going well": asked of the case that is hardest.
        "What tells you how the work is going, and where are you less sure?",
        "If {the_one} could tell you honestly how it has been for them, what would they say?",
        # Not "In this work, what is going well": which work? The item said short.
        "So far, how well are you managing to {act}, and where is it harder?",
    ),
    Move.ANALYSE: (
        "Why do you think it has gone the way it has? What helps, and what gets in the way?",
        "What in your training, guidance or past experience helps you here? Is anything missing?",
        "What do you think is going on for {the_one}, as far as you can tell?",
        "What does your organisation expect of you here, and how does that shape what you do?",
    ),
    Move.CONCLUDE: (
        # Not "What else could you try? What have you learned from it so far?": "it" would be
        # what they have not tried yet.
        "What have you learned so far, and what else could you try?",
        "Knowing what you know now, what would you tell yourself at the start?",
        "If you were starting this work again, what would you do differently, and why?",
    ),
    Move.PLAN: (
        "What will you try from here? Name one step and when you will take it.",
        "What one thing will you try over the coming weeks, and when will you start?",
        "Who could help you get better at this, and when will you ask them?",
        "Before your next supervision, what is one small thing you will try?",
    ),
}
_BACK_KNOWING: dict[Move, Pool] = {
    Move.FEEL: (
        # Not "what you know here", nor "when this comes up in your work": which "this"?
        "How confident do you feel about {topic}, and where does that confidence, or doubt, come"
        " from?",
        "How sure of yourself do you feel when it comes to {topic}, and why?",
        # Where the item's name is long: said again, it grates.
        "How confident do you feel about what you know here, and where does any doubt come from?",
        # Where the sub-points have asked how well each is understood already: "these" are
        # they. Not "what does this part of the work stir up in you": which part? Nor "what do
        # you notice in yourself as you talk about the legislation": a feeling about a fact.
        "Which of these do you find hardest to work with, and how does that feel?",
    ),
    Move.EVALUATE: (
        # Not "what you know here", "knowing this": which "this"? The item said short.
        "Which case from your own work has tested what you know {about}? How well did it hold up?",
        # Not "where has this helped": after a question on confidence, "this" is the confidence.
        # Nor "where has it helped you to know about ...": tangled, said aloud.
        "Where has what you know helped you in practice, and where has it fallen short?",
        # Where a case has been asked for already: what is misunderstood, not another case.
        "In your experience, what do people most often get wrong about {topic}?",
        "What do people most often get wrong about this, in your experience?",
    ),
    Move.ANALYSE: (
        # Not "if you did not know it": a test, and beside the point where the knowing is
        # about oneself.
        # Not "when it is missing": the topic may be plural, or harmful ("habits that get in
        # the way").
        # Not "why does this matter? what goes wrong without it?": which "this", which "it"? Nor
        # "when nobody thinks about" (it leaves the practitioner out) or "when you lose sight of"
        # (it assumes a failure), nor "how much does your work depend on" (on displaced anger?).
        # Not "what could go wrong for a customer whose worker knew nothing about ...": a
        # rhetorical test, its tenses at odds, and "a customer" twice where the topic names one.
        # Not "why does it matter to understand {topic}": "understand recognising anger" and
        # "understand why it matters that ..."; nor "what difference does it make to know about
        # how ...": "know about how" stumbles, and it asks again where knowing helped; nor
        # "how does what you know change what you do?": a cue asks that of the knowing already;
        # nor "why does it matter so much?": "it" after a plural topic, and leading; nor
        # "thinking about {topic}, what is at stake for {one}?": a long run-up, and "what is at
        # stake" says "why it matters" again.
        "What have training, guidance or colleagues taught you {about}, and what did they leave"
        " out?",
        # Nor "to act on what you know about recognising ...": tangled.
        "What makes it easy, or hard, to put what you know into practice?",
    ),
    Move.CONCLUDE: (
        # Not "what do you know now about this that you did not ...": "this" twice, and vague.
        # Not "what have you come to understand": "come to ... come to depend"; nor "since you
        # started out, what have you learned about ...": it asks the first question again.
        "Having talked this through, what will you hold on to about {topic}?",
        # Not "knowing what you know": circular where no case was told.
        "What has talking this through made clearer, and what is still unclear to you?",
    ),
    Move.PLAN: (
        "What will you read, ask or try in order to learn more, and by when?",
        "Who in your team or beyond could help you learn more {about}, and when will you ask?",
        # Knowing is not "used" like a tool (the law is not): ask where it will matter.
        "Where in your work will this matter most this month, and what will you do about it?",
    ),
}
for _back in (_BACK_DOING, _BACK_ONGOING, _BACK_KNOWING):
    _back[Move.DESCRIBE] = ()
    _add_make_sense(_back)

# Knowing about one's own responses ("the impact that this work can have on you") is asked as
# noticing in oneself, never as something to look up or be taught.
_OWN_DESCRIBE: Pool = (
    "Think of a piece of work that stayed with you. What did it show you about {topic}?",
    # Not "where have you noticed {topic}": "where have you noticed how ... can affect you".
    "What have you noticed lately {about}?",
)
_BACK_OWN: dict[Move, Pool] = {
    Move.DESCRIBE: (),
    Move.FEEL: (
        "How easy is it to talk about this? What makes it easier, or harder?",
        "What do you tend to do with feelings the work leaves you with?",
    ),
    Move.EVALUATE: (
        "How soon do you tend to notice it, and what usually tells you?",
        "How well do you look after yourself when the work gets to you?",
    ),
    Move.ANALYSE: (
        "What makes it easier, or harder, to bring your own reactions and mistakes to supervision?",
        "Why might it be hard to see this in yourself while it is happening?",
    ),
    Move.CONCLUDE: (
        "What have you learned about yourself from this?",
        "What would you want a new colleague to know about looking after themselves here?",
    ),
    Move.PLAN: (
        "What would you like to bring to your next supervision, and what would help until then?",
        "What one thing will you do to look after yourself in this work, and when?",
    ),
}
_add_make_sense(_BACK_OWN)

# Knowing about one's own qualities or habits ("being warm", "being rigid") is asked as what
# shows in their own work, never as something to teach or look up; the points were named first.
_WAYS_DESCRIBE: Pool = (
    # Not "{one} you work with now": "a person you support you work with now".
    "Think of {one} on your caseload now. Which of these show in how you are with them?",
    # Not "which of these were at work in you": it assumes some were.
    "Think of a recent session that did not go as you hoped. Did any of these play a part?",
)
_BACK_WAYS: dict[Move, Pool] = {
    Move.DESCRIBE: (),
    Move.FEEL: (
        "Which of these is hardest to look at in yourself, and why might that be?",
        "How does it feel to look at your own part in how a working relationship goes?",
    ),
    Move.EVALUATE: (
        "Which case has tested you here lately? How did you hold up, and what tells you so?",
        "Where have you been at your best here lately, and where less so?",
    ),
    Move.ANALYSE: (
        # Not "slips, or creeps in": a quality slips, a habit creeps in; this fits both.
        "What happens to a working relationship when you are not at your best here?",
        "What pulls you away from your best here on a difficult day, or with a difficult case?",
    ),
    Move.CONCLUDE: (
        "What have you noticed about yourself in talking this through?",
        "What would you tell a new colleague about spotting these in themselves?",
    ),
    Move.PLAN: (
        "Which one will you work on next, how, and how will you know it is happening?",
        "What will you try in your next few sessions, and how will you notice the difference?",
    ),
}
_add_make_sense(_BACK_WAYS)

POINTS_DOING: Pool = (
    "Which of these comes easily to you, and which is harder: {points}?",
    "Lately, which of these have you done, and how did it go: {points}?",
    "Think of one piece of work. Which of these were part of it: {points}?",
)
"""Stems for the prompt that lists a doing statement's sub-points (each opens differently)."""
POINTS_KNOWING: Pool = (
    "Which of these have come up in your work lately: {points}?",
    "Which do you understand well, and which less so: {points}?",
    "Of these, which do you see most often in your work: {points}?",
)
"""Stems for the prompt that lists things to know (each opens differently)."""
POINTS_MET: Pool = (
    "Which of these have come up in your work lately: {points}?",
    # Not "easy to work with": said of people, not of skills.
    "Which of these do you handle easily, and which are harder: {points}?",
    "Of these, which do you meet most often in your work: {points}?",
)
"""Stems for the things a doing statement's work meets ("feedback", "room for negative
feelings"): asked as work done, never as what is understood."""

POINTS_HABITS: Pool = (
    "We all slip into some of these at times. Which do you notice in yourself: {points}?",
)
"""The stem for a list of the practitioner's own unhelpful habits ("being rigid", "being
distant"): asked as something everyone does, never as a charge sheet."""

POINTS_QUALITIES: Pool = (
    "Which of these come most easily to you, and which take more effort: {points}?",
)
"""The stem for a list of the practitioner's own qualities ("being warm", "being open")."""

EASING: Pool = (
    "Many practitioners find this hard at times",
    # Not "Most of us face this sooner or later": as if it were rare, where it is everyday work.
    # Not "Most of us have struggled with this": it assumes they struggled.
    "Most of us have been here",
    "Most of us meet this at some point",
)
"""Said first on hard topics (anger, dependency, strains), so the question feels safe to
answer; joined to it by a colon, so "this" points at what follows (said alone before it, or
after it as an afterthought, readers stumbled)."""


def stems(move: Move, form: Form, verb: bool, clause: bool, known: Knowing = Knowing.FACTS) -> Pool:
    """The stems for one move, for a doing or knowing statement whose handle is a verb phrase,
    a "how/why" clause (``clause``) or a thing; ``known``: what a knowing one is knowledge of."""
    act, topic, know = _BY_MOVE[move]
    if known is Knowing.OWN_RESPONSES and form is Form.KNOWLEDGE:
        return _OWN_DESCRIBE if move is Move.DESCRIBE else _BACK_OWN[move]
    if known is Knowing.OWN_WAYS and form is Form.KNOWLEDGE:
        return _WAYS_DESCRIBE if move is Move.DESCRIBE else _BACK_WAYS[move]
    if form is Form.KNOWLEDGE:
        return know + (_DESCRIBE_KNOW_THING if move is Move.DESCRIBE and not clause else ())
    return act if verb else topic


def part_stems(move: Move, ongoing: bool = False) -> Pool:
    """Stems for a further part of a doing statement, asked after the moment was told, or as
    the work goes on (``ongoing``); empty where a part is not asked."""
    return (_PART_ONGOING if ongoing else _PART_ACT)[move]


def looking_back(
    move: Move, form: Form, known: Knowing = Knowing.FACTS, ongoing: bool = False
) -> Pool:
    """Stems that take no handle, for a stage after the first (empty for describing); for
    work kept up over time (``ongoing``), they ask how it is going."""
    if known is Knowing.OWN_RESPONSES and form is Form.KNOWLEDGE:
        return _BACK_OWN[move]
    if known is Knowing.OWN_WAYS and form is Form.KNOWLEDGE:
        return _BACK_WAYS[move]
    if form is Form.KNOWLEDGE:
        return _BACK_KNOWING[move]
    return (_BACK_ONGOING if ongoing else _BACK_DOING)[move]
