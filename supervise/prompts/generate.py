"""Build each item's prompts: the practitioner's questions and the supervisor's cues."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from supervise.content.model import (
    DEFAULT_PEOPLE,
    Form,
    Framework,
    Item,
    Move,
    People,
    ReflectiveModel,
    Role,
    SectionKind,
)
from supervise.prompts import cues, moments, stems
from supervise.prompts.cue_choice import ECHO, echo, supervisor_cue
from supervise.prompts.cue_types import WHO_TO_ASK
from supervise.prompts.draft import (
    CASE,
    EXPECTED,
    SOURCE,
    SURE,
    Draft,
    fill,
    listed,
    names_person,
    opening,
    pick,
    served,
)
from supervise.prompts.handle import Handle, brief, handles_of, short_of
from supervise.prompts.own_checks import listed_check, manner_check, seen_check, without_check
from supervise.prompts.themes import HARD, Theme, themes_of

POINTS_STAGE = "points"
"""The stage id given to the prompts that ask which sub-points apply."""
POINTS_TITLE = "Which points apply"
"""The heading of the sub-points prompt."""
CUE_NAMES = 1
"""How many of an item's cues name it in full (none where its question just did); later
ones use its short form, if it has one."""
POINTS_WORDS = 34
"""A sub-points prompt longer than this lists the rest in another one."""


@dataclass(frozen=True)
class Prompt:
    """One question or cue for one stage, addressed to one role."""

    stage: str
    stage_title: str
    role: Role
    text: str
    asks: Move | None = None
    """What the stage asks (None for the sub-points prompt)."""


@dataclass(frozen=True)
class ItemPrompts:
    """Every prompt a reflective model offers for one competence statement."""

    item: Item
    form: Form
    prompts: tuple[Prompt, ...]
    """Any sub-points prompts, then each stage's in model order (practitioner, then supervisor)."""
    handle: Handle
    """What the item is about, in a few words."""

    def for_stage(self, stage_id: str, role: Role) -> Prompt | None:
        """The prompt for ``stage_id`` addressed to ``role``, or None if there is none."""
        for prompt in self.prompts:
            if prompt.stage == stage_id and prompt.role is role:
                return prompt
        return None

    def points_stages(self) -> list[str]:
        """The ids of the prompts that list the sub-points, in order ("points", "points-2")."""
        return list(dict.fromkeys(p.stage for p in self.prompts if p.asks is None))

    def next_step_stage(self) -> str | None:
        """The id of the stage that agrees a next step ("Now what?"), if the model has one."""
        for prompt in self.prompts:
            if prompt.asks is Move.PLAN:
                return prompt.stage
        return None


def form_of(item: Item) -> Form:
    """Knowing for items of a knowledge section, doing for the rest, whatever the wording."""
    return Form.KNOWLEDGE if item.kind is SectionKind.KNOWLEDGE else Form.PRACTICE


def prompts_for(item: Item, model: ReflectiveModel, people: People = DEFAULT_PEOPLE) -> ItemPrompts:
    """Every prompt ``model`` gives for ``item``, naming the served as ``people`` does."""
    handles = handles_of(item)
    walk = Draft(
        item,
        people,
        form_of(item),
        handles,
        themes_of(item),
        list(handles[1:]),
        set(),
        set(),
        set(),
        set(),
    )
    prompts = _points_prompts(walk) if item.points else []
    short = short_of(item)
    asked = [_handle_for(walk, index, stage.asks) for index, stage in enumerate(model.stages)]
    # The cues name what the questions do not: parts no question reached, then the item itself
    # where its question did not name it; otherwise the cue names nothing.
    unasked = [handle for handle in handles if handle not in asked]
    # What the statement itself asks to listen for: what it lists, heard as the moment is first
    # told; the way it asks for it, where the work is weighed. Parts a framework writes name
    # the way already ("to respond to the customer with care"); examples of a mistake are what
    # is told, not what to listen for.
    manner = None if walk.knowing or item.parts else manner_check(item.text, served(people))
    listed = None if Theme.MISTAKE in walk.themes else listed_check(item.text, walk.knowing)
    if manner is None and not walk.knowing and "without" not in handles[0].text:
        # "... without arguing with or pressuring them": how it is done, which no handle says.
        manner = without_check(item.text, served(people))
    if manner is None and walk.reflecting:
        # "and to recognise how these may influence decisions about risk": what the supervisor
        # listens for as they reflect, said once; no other cue names it.
        seen = next((part for part in handles[1:] if part.inner and " how " in part.text), None)
        if seen:
            manner = seen_check(item.text, seen.text)
            unasked = [handle for handle in unasked if handle is not seen]
    # Every question first: a cue that asks what any question of the item asks (where they
    # learned it, one real case) says it twice, even before that question comes.
    questions: list[str] = []
    sure_by_then: list[bool] = []
    for index, stage in enumerate(model.stages):
        questions.append(_question(walk, index, stage.asks, asked[index]))
        sure_by_then.append(walk.sure)
    for index, stage in enumerate(model.stages):
        question = questions[index]
        # Their confidence is weighed only once a question has asked how sure they are.
        walk.sure = sure_by_then[index]
        # The item itself otherwise, unless that echoes the question (then the cue names
        # nothing: see supervisor_cue).
        # The first cue stays with what its question asks; parts come later (a cue on "keeping
        # to their own role" under "deal with challenging behaviour" reads as another item).
        waiting = index == 0 and bool(unasked) and unasked[0] is not handles[0]
        # Likewise a cue under a question on one part stays with that part ("borne out by what
        # they can describe about reviewing agreements" under a question on feedback read as a
        # cue for another question); unasked parts go to stages whose question names nothing.
        part = asked[index]
        if part is not None and part is not handles[0]:
            about = part
        elif unasked and not waiting:
            about = unasked.pop(0)
        else:
            about = handles[0]
        if about is handles[0]:
            # Named in full once is enough, by a cue or by this stage's question: later cues
            # say it shorter, as a person would, where it has a short form.
            full = walk.cue_named < CUE_NAMES and asked[index] is not handles[0]
            about = handles[0] if full else short or handles[0]
            walk.cue_named += 1
            if (
                stage.asks is Move.PLAN
                and len(handles) > 1
                and not walk.knowing
                and not item.handle
            ):
                # "Recognise X, and adapt Y": the next step is usually the doing, the last part
                # of a statement split by rule. Parts a framework writes are aspects of the work
                # ("staying within the rules"), not its next step.
                about = handles[-1]
        own = listed if index == 0 else None
        if manner and stage.asks in (Move.MAKE_SENSE, Move.EVALUATE):
            own, manner = manner, None
        cue = supervisor_cue(walk, index, stage.asks, about, question, own)
        prompts.append(Prompt(stage.id, stage.title, Role.PRACTITIONER, question, stage.asks))
        prompts.append(Prompt(stage.id, stage.title, Role.SUPERVISOR, cue, stage.asks))
    return ItemPrompts(item=item, form=walk.form, prompts=tuple(prompts), handle=handles[0])


def _handle_for(walk: Draft, index: int, move: Move) -> Handle | None:
    """What stage ``index`` names: the item first, then each further part, else nothing.

    Stages with nothing new to name refer back to the moment already told ("that moment",
    "it"), as a supervisor would, rather than saying the topic again.
    """
    if index == 0 or not stems.looking_back(move, walk.form):
        return walk.handles[0]
    if walk.about_self:
        # Asked as noticing in oneself: later questions speak of "it", and the cues name parts.
        return None
    # A part done only where a case calls for it is left to the cues, which can ask it; so is
    # "while maintaining ...", kept up over time, which no question about the moment says well
    # ("how did you handle maintaining ...").
    # Nor, where they reflect on their own values, is recognising how those values work asked
    # as a moment ("what did you feel as you had to recognise ..."): the cues listen for it.
    told = [
        part
        for part in walk.parts
        if not part.conditional and not part.kept_up and not (walk.reflecting and part.inner)
    ]
    # Nor is a part what they felt: feelings belong to the moment ("what did you feel when it
    # came to responding with care?" narrowed the fear or anger of a hard moment to its care).
    if told and move not in (Move.PLAN, Move.FEEL):
        walk.parts.remove(told[0])
        return told[0]
    return None


_SLOT = re.compile(r"\{(?:act|topic|about|doing|did)\}")
_SAID_AGAIN = 5
"""The most words of an item's name that a later question says again."""
_PICKED = re.compile(r"\bone recent case\b|\bcurrent cases\b", re.IGNORECASE)


def _question(walk: Draft, index: int, move: Move, handle: Handle | None) -> str:
    """The practitioner's question for one stage."""
    n = walk.item.number
    filled = handle or walk.handles[0]
    noticed = moments.noticed(filled) if move is Move.DESCRIBE else None
    reflecting = moments.REFLECTING.match(filled.text) if filled.verb else None
    stem = _told_over_time(walk, move, filled, noticed, reflecting) or _rotated(
        walk, index, move, handle
    )
    walk.openings.add(opening(stem))
    walk.cased = walk.cased or bool(CASE.search(stem))
    walk.sure = walk.sure or bool(SURE.search(stem))
    if SOURCE.search(stem):
        # "What have training, guidance or colleagues taught you": no cue asks it again.
        walk.asked.add(cues.SOURCE)
    # Later stems of work kept up over time are written for it ("trying to" stays).
    reword = not (walk.ongoing and index > 0)
    if filled.ongoing and reword:
        stem = moments.over_time(stem)
    if filled.inner and (reword or not filled.ongoing):
        stem = moments.without_trying(stem)
    # Knowing tells no moment, so nobody becomes "the customer"; a case already picked ("Take
    # one recent case ... how did you help the customer ...") has its person.
    later = (index > 0 or _PICKED.search(stem) is not None) and not walk.knowing
    # A later stage that names the item again says it shorter, where it has a short form
    # ("what will you hold on to about keeping the relationship going as things change?").
    said = filled if handle else short_of(walk.item) or filled
    text = fill(
        stem,
        said,
        walk.people,
        Role.PRACTITIONER,
        later=later,
        when=noticed.time if noticed else "",
        own=reflecting.group(1) if reflecting else "",
    )
    # Said first where a doing is hard to admit to; never before a risk question, which is
    # asked plainly, nor before knowing, where nothing has happened.
    hard = HARD.intersection(walk.themes) and Theme.RISK not in walk.themes
    if index == 0 and hard and not walk.knowing:
        text = f"{pick(stems.EASING, n)}: {text[:1].lower()}{text[1:]}"
    return text


def _rotated(walk: Draft, index: int, move: Move, handle: Handle | None) -> str:
    """A stem from the stage's pool, turned by item and stage, fitted to the handle and not
    opening as an earlier question of the item did."""
    if handle is None:
        pool = stems.looking_back(move, walk.form, walk.known, walk.ongoing)
    else:
        pool = stems.stems(move, walk.form, handle.verb, handle.clause, walk.known)
        if index > 0 and handle is not walk.handles[0] and handle.verb and not walk.knowing:
            # A further part is asked as part of the same work, in words of its own.
            pool = stems.part_stems(move, walk.ongoing) or pool
    # Each item opens differently from its neighbours (n), and each stage from the others; the
    # turn is taken over the whole pool, so that leaving some stems out below does not make
    # neighbours land on the same one.
    start = (walk.item.number + index * 2) % len(pool)
    rotation = pool[start:] + pool[:start]
    # The next item's stem comes last: a stem left out below gives way to one two along.
    rotation = rotation[:1] + rotation[2:] + rotation[1:2]
    if handle is not None and handle.inner:
        # Noticing or reflecting happens inside: ask what was noticed, not what was done.
        # Nor "who comes to mind": reflecting is not done with someone.
        inward = ("did you do", "Who comes to mind", "go about")
        rotation = tuple(s for s in rotation if not any(w in s for w in inward)) or rotation
    if handle is None and len((short_of(walk.item) or walk.handles[0]).text.split()) > _SAID_AGAIN:
        # A long name said again in a later question grates ("what will you hold on to about
        # how alcohol and other drugs can affect a person's mood and memory?").
        rotation = tuple(s for s in rotation if not _SLOT.search(s)) or rotation
    if not walk.item.points:
        # "Which of these ...": only where the sub-points have been listed.
        rotation = tuple(s for s in rotation if "of these" not in s) or rotation
    if not (handle or walk.handles[0]).verb:
        # "How well are you managing to displaced anger?": a thing is no verb phrase.
        rotation = tuple(s for s in rotation if "{act}" not in s and "{did}" not in s) or rotation
    if handle is not None and handle is not walk.handles[0]:
        # A further part is named by its question, or it is never asked at all.
        rotation = tuple(s for s in rotation if _SLOT.search(s)) or rotation
    if walk.reflecting or walk.among_staff:
        # "What was going on for the person you support" turns away from their own views, or
        # from a review with their supervisor.
        rotation = tuple(s for s in rotation if "one}" not in s) or rotation
    if handle is not None and (handle.verb or handle.text.split(" ", 1)[0].endswith("ing")):
        # "glad you knew about helping a customer work through anger": a doing is not known.
        rotation = tuple(s for s in rotation if "glad you knew" not in s) or rotation
    if handle is not None and re.search(r"\bmind\b", handle.text):
        # "Who comes to mind ... with a young person's view in mind" says it twice.
        rotation = tuple(s for s in rotation if "to mind" not in s) or rotation
    if handle is not None and names_person(handle, walk.people):
        # "Think of a customer ... check that a customer has understood you" says it twice.
        rotation = _naming_no_one(rotation) or rotation
    if re.search(r"\bmatter", (handle or walk.handles[0]).text, re.IGNORECASE):
        # A topic that is itself why something matters is not asked where it will "matter most".
        rotation = tuple(s for s in rotation if "matter" not in s) or rotation
    if handle is not None and re.search(r"\bhow\b", handle.text, re.IGNORECASE):
        # "how you agree how often and how ..." stacks one "how" on another.
        rotation = tuple(s for s in rotation if "how you {act}" not in s) or rotation
    if re.match(r"why\b", (handle or walk.handles[0]).text, re.IGNORECASE):
        # "How confident do you feel about why ... matters": sure of a reason, not of a skill.
        rotation = tuple(s for s in rotation if "feel about {topic}" not in s) or rotation
    if SOURCE.search(walk.handles[0].text):
        # "What have training, guidance or colleagues taught you" about the guidance itself.
        rotation = tuple(s for s in rotation if not SOURCE.search(s)) or rotation
    if Theme.MISTAKE in walk.themes:
        # Owning a mistake: "do it again" or "next time" is heard as making it again; and
        # "who could help you get better" asks for a follow-up with reading, which patronises.
        rotation = (
            tuple(s for s in rotation if not _AGAIN.search(s) and not re.search(WHO_TO_ASK, s))
            or rotation
        )
    if walk.stance:
        # Listening without judging is their own stance, not the organisation's expectation.
        rotation = tuple(s for s in rotation if not EXPECTED.search(s)) or rotation
    if walk.handles[0].ongoing:
        # Work kept up over months has no single moment to go back to.
        rotation = tuple(s for s in rotation if not moments.ONE_MOMENT.search(s)) or rotation
    # Knowing is asked for a case once per item: more reads as the same question again.
    fresh = [s for s in rotation if not (walk.knowing and walk.cased and CASE.search(s))]
    rotation = tuple(fresh) or rotation
    # Asked once how sure they are (by a question or the sub-points), not again.
    rotation = tuple(s for s in rotation if not (walk.sure and SURE.search(s))) or rotation
    return next((s for s in rotation if opening(s) not in walk.openings), rotation[0])


def _naming_no_one(pool: tuple[str, ...]) -> tuple[str, ...]:
    """The stems of ``pool`` that bring in no person of their own ("a customer", "someone"),
    for a handle that names one already."""
    return tuple(s for s in pool if "{one}" not in s and "someone" not in s)


def _told_over_time(
    walk: Draft,
    move: Move,
    handle: Handle,
    noticed: moments.Noticed | None,
    reflecting: re.Match[str] | None,
) -> str | None:
    """The first question's stem for what is no single act: a time something was noticed, a
    decision one's own values shaped, work kept up over time; None for anything else."""
    if noticed:
        # Nobody sets out to notice: ask about the time it was so, and how it came to light.
        return pick(stems.DESCRIBE_NOTICED, walk.item.number)
    if move is not Move.DESCRIBE:
        return None
    if reflecting:
        # Reflecting is not an event: ask about a decision their own values may have shaped.
        return pick(stems.DESCRIBE_REFLECTING, walk.item.number)
    if handle.ongoing:
        # Kept up over time: asked over a stretch of work, not as one moment.
        ongoing = stems.DESCRIBE_ONGOING
        if names_person(handle, walk.people):
            ongoing = _naming_no_one(ongoing)
        return pick(ongoing, walk.item.number)
    return None


_AGAIN = re.compile(r"\bdo it again\b|\bnext time\b", re.IGNORECASE)
"""A question about doing it again: beside the point where "it" was a mistake."""

_CUT_OFF = (
    "One point is cut off in the source ({}); if it fits their case, explore it with them,"
    " without guessing how it ends."
)
"""The supervisor's cue for a sub-point the source cuts off, where its brief runs to the cut:
named by its printed words, in the cue, since readers heard "…" in a question as trailing off
and a note about the source in it as a note, not a question."""


def _points_prompts(walk: Draft) -> list[Prompt]:
    """The prompts that list the sub-points: one, or one per group where the list is long."""
    # Points of something done are done; points of a thing (risks, factors) are met. Points
    # that are all doings ("checking ...", "refocusing ...") are done whatever the handle.
    doings = all(brief(point).split(" ", 1)[0].endswith("ing") for point in walk.item.points)
    doing = not walk.knowing and (walk.handles[0].verb or doings)
    # A doing statement's things are worked with, not understood ("Which do you understand
    # well" is a question for knowing).
    pool = stems.POINTS_DOING if doing else stems.POINTS_MET
    if walk.knowing and not doings:
        # Knowing whose points are doings ("staying calm") asks how they come, not "understand".
        pool = stems.POINTS_KNOWING
    habits = all(brief(p).lower().startswith(("being ", "using ")) for p in walk.item.points)
    if habits and Theme.RUPTURE in walk.themes:
        pool = stems.POINTS_HABITS
    elif walk.about_self or all(p.text.lower().startswith("being ") for p in walk.item.points):
        # The practitioner's own qualities, or their own ways of coping ("regular breaks"):
        # asked of themselves, not "seen in your work" nor "understood".
        pool = stems.POINTS_QUALITIES
    stem = pick(pool, walk.item.number)
    # A point the source cuts off where its brief runs to the cut is the supervisor's to raise,
    # by its printed words: no question hangs on "…".
    cut_off = [brief(p) for p in walk.item.points if brief(p).endswith("…")]
    briefs = [brief(p) for p in walk.item.points if not brief(p).endswith("…")]
    # As many groups as a greedy fill needs, then shared out evenly: no lone last point.
    count, line = 1, ""
    for words in briefs:
        trial = f"{line}, {words}" if line else words
        if line and len((stem + trial).split()) > POINTS_WORDS:
            count, trial = count + 1, words
        line = trial
    # A group of one is no "which of these": two at least, in a longer line if need be.
    count = max(1, min(count, len(briefs) // 2))
    size, extra = divmod(len(briefs), count)
    groups, start = [], 0
    for number in range(count):
        end = start + size + (number < extra)
        groups.append(briefs[start:end])
        start = end
    prompts = []
    for number, group in enumerate(groups, start=1):
        stage = POINTS_STAGE if number == 1 else f"{POINTS_STAGE}-{number}"
        title = POINTS_TITLE if len(groups) == 1 else f"{POINTS_TITLE} ({number} of {len(groups)})"
        # Each group in other words (the stems open differently), so no two sound alike.
        worded = pick(pool, walk.item.number, number - 1)
        walk.openings.add(opening(worded))
        walk.sure = walk.sure or bool(SURE.search(worded))
        names = listed(group)
        asked = fill(worded, walk.handles[0], walk.people, Role.PRACTITIONER, points=names)
        start = (walk.item.number + number) % len(cues.POINT_CUES)
        turned = cues.POINT_CUES[start:] + cues.POINT_CUES[:start]
        cue = next((c for c in turned if echo(c, asked) <= ECHO), turned[0])
        if cut_off and number == len(groups):
            cue = " ".join(_CUT_OFF.format(said) for said in cut_off)
        prompts.append(Prompt(stage, title, Role.PRACTITIONER, asked))
        prompts.append(Prompt(stage, title, Role.SUPERVISOR, cue))
    return prompts


def prompts_for_framework(framework: Framework, model: ReflectiveModel) -> list[ItemPrompts]:
    """The prompts for every item of ``framework``, in document order."""
    return [prompts_for(item, model, framework.people) for item in framework.items()]


class PromptBook(Mapping[str, ItemPrompts]):
    """The prompts for a set of items by reference, each made the first time it is asked for.

    Opening a session needs the prompts of the item on screen, not of every item in scope.
    """

    def __init__(
        self,
        items: Iterable[Item],
        model: ReflectiveModel,
        people: Mapping[str, People] | None = None,
    ) -> None:
        self._items = {item.ref: item for item in items}
        self._model = model
        self._people = people or {}
        self._made: dict[str, ItemPrompts] = {}

    def __getitem__(self, ref: str) -> ItemPrompts:
        """The prompts for the item ``ref``; KeyError if it is not in the book."""
        made = self._made.get(ref)
        if made is None:
            people = self._people.get(ref.split("/", 1)[0], DEFAULT_PEOPLE)
            made = self._made[ref] = prompts_for(self._items[ref], self._model, people)
        return made

    def __contains__(self, ref: object) -> bool:
        """Whether the item ``ref`` is in the book (without making its prompts)."""
        return ref in self._items

    def __iter__(self) -> Iterator[str]:
        """The references, in the order the items were given."""
        return iter(self._items)

    def __len__(self) -> int:
        """How many items the book holds."""
        return len(self._items)
