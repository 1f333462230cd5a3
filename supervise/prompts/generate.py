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
from supervise.prompts.cues import Lens
from supervise.prompts.handle import Handle, brief, handles_of, short_of
from supervise.prompts.person import PRACTITIONER, third_person
from supervise.prompts.themes import HARD, Theme, themes_of
from supervise.prompts.tidy import finish

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


def _pick(pool: tuple[str, ...], *keys: int) -> str:
    """One of ``pool``, the same for the same keys on every run."""
    return pool[sum(keys) % len(pool)]


def _fill(
    template: str, handle: Handle, people: People, role: Role, later: bool = False, **more: str
) -> str:
    """``template`` with its slots filled; in a supervisor's cue the handle and the people are
    about the practitioner ("they", "their"), while the cue's own "you" is the supervisor."""
    act, topic, doing = handle.text, handle.topic, handle.doing
    if later:
        # Once a moment has been told, its person is "the customer", not "a customer".
        act, topic, doing = (_definite(words, people) for words in (act, topic, doing))
        one = _the(people.one)
    else:
        one = people.one
    values = {"one": one, "the_one": _the(people.one), "many": people.many}
    if role is Role.SUPERVISOR:
        act, topic, doing = third_person(act), third_person(topic), third_person(doing)
        # "the person you support" is the practitioner's, not the supervisor's.
        values = {key: third_person(value) for key, value in values.items()}
    # Always "about": "what they know why ..." and "what they know how to carry out ..." are
    # not English, while "what they know about why ..." is; "what they know about how to
    # carry out ..." is, but stilted: a doing is known about as "carrying out ...".
    about = f"about {doing if handle.verb else topic}"
    text = template.format(act=act, topic=topic, about=about, doing=doing, **values, **more)
    return finish(_ASKED_WH.sub(r"\1 ", text))


_ASKED_WH = re.compile(
    r"\b(asks? (?:you|them)|teach (?:a )?(?:new )?colleague) about (?=(?:how|why|what|when|where"
    r"|whether|which|who)\b)",
    re.IGNORECASE,
)
"""One asks or teaches someone how a thing is done, not "about how" (a thing keeps "about")."""


_PEOPLE_NOUNS = "customer|young person|family|parent|carer|person|client|service user"


def _definite(text: str, people: People) -> str:
    """``text`` with "a customer" (or the framework's own word) made "the customer"."""
    own = [w for w in people.one.split()[1:] if w.isalpha() and w not in ("or", "and", "their")]
    nouns = "|".join([*own, _PEOPLE_NOUNS])
    return re.sub(rf"\ban? ({nouns})\b", r"the \1", text)


def _the(one: str) -> str:
    """ "a customer" as "the customer": the person of a moment already told."""
    for article in ("a ", "an ", "one "):
        if one.startswith(article):
            return "the " + one[len(article) :]
    return one


def _names_person(handle: Handle, people: People) -> bool:
    """Whether the handle already speaks of the person the work is with."""
    person = set(people.one.lower().split()) - {"a", "an", "the", "or", "and", "their", "one"}
    return bool(person & set(re.findall(r"\w+", handle.text.lower().replace("'s", ""))))


def _opening(stem: str) -> str:
    """The first three words of a stem, as a listener hears them."""
    return " ".join(stem.lower().split()[:3])


def _listed(words: list[str]) -> str:
    if len(words) < 3:
        return " or ".join(words)
    # The last comma keeps "using alone, or poor physical health" two points, not one.
    return ", ".join(words[:-1]) + ", or " + words[-1]


@dataclass
class _Walk:
    """What building one item's prompts needs to remember from stage to stage."""

    item: Item
    people: People
    form: Form
    handles: tuple[Handle, ...]
    themes: tuple[Theme, ...]
    parts: list[Handle]
    """Further parts of the statement not yet asked about."""
    lenses: set[cues.Lens]
    """Lenses the item's cues have used: each stage looks through another."""
    cues: set[cues.Cue]
    """Cues the item has used: none is said twice."""
    asked: set[str]
    """What the item's cues have asked (``Cue.asks``): none asks it again in other words."""
    openings: set[str]
    """How the item's questions so far begin: no two begin alike."""
    last: Lens | None = None
    """The kind of the cue just written (see ``_kind``)."""
    cue_named: int = 0
    """How many cues have named the item itself so far."""
    cased: bool = False
    """Whether a question or cue has asked for a case yet (see ``_CASE``)."""
    sure: bool = False
    """Whether a question has asked how sure of it they are yet (see ``_SURE``)."""

    @property
    def knowing(self) -> bool:
        """Whether the item is asked as knowing rather than doing."""
        return self.form is Form.KNOWLEDGE

    @property
    def ongoing(self) -> bool:
        """Whether the item is work kept up over time, asked as it goes on: then no later
        question or cue treats it as one event gone by."""
        first = self.handles[0]
        told_once = moments.noticed(first) or moments.REFLECTING.match(first.text)
        return not self.knowing and first.ongoing and not told_once

    @property
    def reflecting(self) -> bool:
        """Whether the item is reflecting on the practitioner's own values or feelings: its
        questions and cues stay with the practitioner's views, not the person served."""
        first = self.handles[0]
        return first.verb and bool(moments.REFLECTING.match(first.text))

    @property
    def stance(self) -> bool:
        """Whether the item is a way of being kept up over time ("listen without judging",
        "keep their own view"), held by no rule or agreed limit: what the organisation expects
        is beside its point."""
        governed = {Theme.RULES, Theme.BOUNDARY, Theme.RISK}.intersection(self.themes)
        return self.ongoing and not governed

    @property
    def own(self) -> bool:
        """Whether the item is knowing about the practitioner's own responses."""
        return self.knowing and Theme.OWN in self.themes


def prompts_for(item: Item, model: ReflectiveModel, people: People = DEFAULT_PEOPLE) -> ItemPrompts:
    """Every prompt ``model`` gives for ``item``, naming the served as ``people`` does."""
    handles = handles_of(item)
    walk = _Walk(
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
    for index, stage in enumerate(model.stages):
        question = _question(walk, index, stage.asks, asked[index])
        # The item itself otherwise, unless that echoes the question (then the cue names
        # nothing: see _cue).
        about = unasked.pop(0) if unasked else handles[0]
        if about is handles[0]:
            # Named in full once is enough, by a cue or by this stage's question: later cues
            # say it shorter, as a person would, where it has a short form.
            full = walk.cue_named < CUE_NAMES and asked[index] is not handles[0]
            about = handles[0] if full else short or handles[0]
            walk.cue_named += 1
            if stage.asks is Move.PLAN and len(handles) > 1 and not walk.knowing:
                # "Recognise X, and adapt Y": the next step is usually the doing, the last part.
                about = handles[-1]
        cue = _cue(walk, index, stage.asks, about, question)
        prompts.append(Prompt(stage.id, stage.title, Role.PRACTITIONER, question, stage.asks))
        prompts.append(Prompt(stage.id, stage.title, Role.SUPERVISOR, cue, stage.asks))
    return ItemPrompts(item=item, form=walk.form, prompts=tuple(prompts), handle=handles[0])


def _handle_for(walk: _Walk, index: int, move: Move) -> Handle | None:
    """What stage ``index`` names: the item first, then each further part, else nothing.

    Stages with nothing new to name refer back to the moment already told ("that moment",
    "it"), as a supervisor would, rather than saying the topic again.
    """
    if index == 0 or not stems.looking_back(move, walk.form):
        return walk.handles[0]
    if walk.own:
        # Asked as noticing in oneself: later questions speak of "it", and the cues name parts.
        return None
    if walk.parts and move is not Move.PLAN:
        return walk.parts.pop(0)
    return None


def _question(walk: _Walk, index: int, move: Move, handle: Handle | None) -> str:
    """The practitioner's question for one stage."""
    n = walk.item.number
    filled = handle or walk.handles[0]
    noticed = moments.noticed(filled) if move is Move.DESCRIBE else None
    reflecting = moments.REFLECTING.match(filled.text) if filled.verb else None
    stem = _told_over_time(walk, move, filled, noticed, reflecting) or _rotated(
        walk, index, move, handle
    )
    walk.openings.add(_opening(stem))
    walk.cased = walk.cased or bool(_CASE.search(stem))
    walk.sure = walk.sure or bool(_SURE.search(stem))
    if _SOURCE.search(stem):
        # "What have training, guidance or colleagues taught you": no cue asks it again.
        walk.asked.add(cues.SOURCE)
    # Later stems of work kept up over time are written for it ("trying to" stays).
    reword = not (walk.ongoing and index > 0)
    if filled.ongoing and reword:
        stem = moments.over_time(stem)
    if filled.inner and (reword or not filled.ongoing):
        stem = moments.without_trying(stem)
    # Knowing tells no moment, so nobody becomes "the customer".
    later = index > 0 and not walk.knowing
    text = _fill(
        stem,
        filled,
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
        easing = _pick(stems.EASING, n)
        walk.openings.add(_opening(easing))
        text = easing + " " + text
    return text


def _rotated(walk: _Walk, index: int, move: Move, handle: Handle | None) -> str:
    """A stem from the stage's pool, turned by item and stage, fitted to the handle and not
    opening as an earlier question of the item did."""
    if handle is None:
        pool = stems.looking_back(move, walk.form, walk.own, walk.ongoing)
    else:
        pool = stems.stems(move, walk.form, handle.verb, handle.clause, walk.own)
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
        inward = ("did you do", "Who comes to mind")
        rotation = tuple(s for s in rotation if not any(w in s for w in inward)) or rotation
    if walk.reflecting:
        # "What was going on for the person you support" turns away from their own views.
        rotation = tuple(s for s in rotation if "one}" not in s) or rotation
    if handle is not None and _names_person(handle, walk.people):
        # "Think of a customer ... check that a customer has understood you" says it twice.
        rotation = tuple(stem for stem in rotation if "{one}" not in stem) or rotation
    if handle is not None and re.search(r"\bhow\b", handle.text, re.IGNORECASE):
        # "how you agree how often and how ..." stacks one "how" on another.
        rotation = tuple(s for s in rotation if "how you {act}" not in s) or rotation
    if walk.stance:
        # Listening without judging is their own stance, not the organisation's expectation.
        rotation = tuple(s for s in rotation if not _EXPECTED.search(s)) or rotation
    if walk.handles[0].ongoing:
        # Work kept up over months has no single moment to go back to.
        rotation = tuple(s for s in rotation if not moments.ONE_MOMENT.search(s)) or rotation
    # Knowing is asked for a case once per item: more reads as the same question again.
    fresh = [s for s in rotation if not (walk.knowing and walk.cased and _CASE.search(s))]
    rotation = tuple(fresh) or rotation
    # Asked once how sure they are (by a question or the sub-points), not again.
    rotation = tuple(s for s in rotation if not (walk.sure and _SURE.search(s))) or rotation
    return next((s for s in rotation if _opening(s) not in walk.openings), rotation[0])


def _told_over_time(
    walk: _Walk,
    move: Move,
    handle: Handle,
    noticed: moments.Noticed | None,
    reflecting: re.Match[str] | None,
) -> str | None:
    """The first question's stem for what is no single act: a time something was noticed, a
    decision one's own values shaped, work kept up over time; None for anything else."""
    if noticed:
        # Nobody sets out to notice: ask about the time it was so, and how it came to light.
        return _pick(stems.DESCRIBE_NOTICED, walk.item.number)
    if move is not Move.DESCRIBE:
        return None
    if reflecting:
        # Reflecting is not an event: ask about a decision their own values may have shaped.
        return _pick(stems.DESCRIBE_REFLECTING, walk.item.number)
    if handle.ongoing:
        # Kept up over time: asked over a stretch of work, not as one moment.
        ongoing = stems.DESCRIBE_ONGOING
        if _names_person(handle, walk.people):
            ongoing = tuple(s for s in ongoing if "{one}" not in s)
        return _pick(ongoing, walk.item.number)
    return None


_CUT_OFF = "the point that breaks off at “{}”"
"""How a sub-point the source cuts off is named: by its printed words, said to be cut."""


def _points_prompts(walk: _Walk) -> list[Prompt]:
    """The prompts that list the sub-points: one, or one per group where the list is long."""
    # Points of something done are done; points of a thing (risks, factors) are met. Points
    # that are all doings ("checking ...", "refocusing ...") are done whatever the handle.
    doings = all(brief(point).split(" ", 1)[0].endswith("ing") for point in walk.item.points)
    doing = not walk.knowing and (walk.handles[0].verb or doings)
    # A doing statement's things are worked with, not understood ("Which do you understand
    # well" is a question for knowing).
    pool = stems.POINTS_DOING if doing else stems.POINTS_MET
    if walk.knowing:
        pool = stems.POINTS_KNOWING
    habits = all(brief(p).lower().startswith(("being ", "using ")) for p in walk.item.points)
    if habits and Theme.RUPTURE in walk.themes:
        pool = stems.POINTS_HABITS
    elif all(p.text.lower().startswith("being ") for p in walk.item.points):
        # The practitioner's own qualities: asked of themselves, not "seen in your work".
        pool = stems.POINTS_QUALITIES
    stem = _pick(pool, walk.item.number)
    # A point the source cuts off is named last, as what it is, so no question hangs on "…".
    points = sorted(walk.item.points, key=lambda point: point.truncated)
    briefs = [_CUT_OFF.format(brief(p)) if p.truncated else brief(p) for p in points]
    # As many groups as a greedy fill needs, then shared out evenly: no lone last point.
    count, line = 1, ""
    for words in briefs:
        trial = f"{line}, {words}" if line else words
        if line and len((stem + trial).split()) > POINTS_WORDS:
            count, trial = count + 1, words
        line = trial
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
        worded = _pick(pool, walk.item.number, number - 1)
        walk.openings.add(_opening(worded))
        walk.sure = walk.sure or bool(_SURE.search(worded))
        listed = _listed(group)
        asked = _fill(worded, walk.handles[0], walk.people, Role.PRACTITIONER, points=listed)
        start = (walk.item.number + number) % len(cues.POINT_CUES)
        turned = cues.POINT_CUES[start:] + cues.POINT_CUES[:start]
        cue = next((c for c in turned if _echo(c, asked) <= ECHO), turned[0])
        prompts.append(Prompt(stage, title, Role.PRACTITIONER, asked))
        prompts.append(Prompt(stage, title, Role.SUPERVISOR, cue))
    return prompts


def _cue(walk: _Walk, index: int, move: Move, handle: Handle | None, question: str) -> str:
    """The supervisor's cue for one stage: a lens not yet used for this item, in words that fit
    the stage and do not echo ``question``; while the moment is first told, the red flag its
    theme calls for."""
    options = cues.cues_for(move, walk.knowing, walk.own, walk.ongoing)
    # A cue that follows up the question ("who could help you?") is said under it, first.
    follow = {c for c in options if c.follows and re.search(c.follows, question)}
    options = tuple(c for c in options if c in follow or not c.follows)
    # "Where did they learn it" and "which source do they trust": one question, asked once.
    options = tuple(c for c in options if c.asks not in walk.asked) or options
    if walk.stance:
        options = tuple(c for c in options if not _EXPECTED.search(c.act)) or options
    if Theme.MISTAKE in walk.themes:
        # Owning a mistake is conduct, not knowledge: a reading list would patronise.
        options = tuple(c for c in options if not c.reading) or options
    if not (HARD | {Theme.RISK}).intersection(walk.themes):
        # Support for what the work took out of them fits hard work, not any skill.
        options = tuple(c for c in options if not c.toll) or options
    if walk.handles[0].inner or walk.handles[0].ongoing:
        # Reflecting or noticing has no words to ask for and nobody to shadow; what is kept up
        # over months has no one moment's exact words.
        options = tuple(c for c in options if not c.outward) or options
    start = (walk.item.number + index) % len(options)
    rotation = options[start:] + options[:start]
    if _names_person(walk.handles[0], walk.people):
        # "what a customer would want ... help a customer engage" says it twice.
        rotation = tuple(c for c in rotation if "one}" not in c.topic + c.act) or rotation
    if walk.reflecting:
        # Reflecting on their own values stays with their views, not how the person took it.
        rotation = tuple(c for c in rotation if "one}" not in c.plain) or rotation
    # "Agree one step ... they agree ...", "help them help ...": the handle's verb said twice.
    first = walk.handles[0].text.split(" ", 1)[0].lower()
    rotation = tuple(c for c in rotation if not _says_twice(c.act, first)) or rotation
    if _ORGANISATION.search(question):
        # The question already asks what the organisation expected.
        rotation = tuple(c for c in rotation if c.lens is not cues.Lens.CONTEXT) or rotation
    for asked in _SAME_ASK:
        if asked.search(question):
            # The question already asks this (what would help, what it drew on): a cue asking
            # it again in other words adds nothing.
            rotation = (
                tuple(c for c in rotation if c in follow or not asked.search(c.plain)) or rotation
            )
    if walk.knowing and walk.cased:
        # A question has asked for a case already; a cue asking for another repeats it.
        rotation = tuple(c for c in rotation if not _CASE.search(c.topic)) or rotation
    # Cues not yet said first; then one item's cues differ in kind (no two of a kind back to
    # back, the team or the service asked about once), fresh lenses first; among those, the
    # first that is not an echo and names nobody as "the practitioner" (in a cue, "they").
    ranked = sorted(
        rotation,
        key=lambda c: (
            c not in follow,
            c in walk.cues,
            _same_kind(walk, c),
            c.lens in walk.lenses,
        ),
    )
    # Values that bear on decisions about risk or endings are no risk or drift to check: the
    # flags are for what happened with the person served.
    flag = None
    if index == 0 and not walk.reflecting:
        flags = cues.KNOWING_FLAGS if walk.knowing else cues.FLAGS
        flag = next((flags[theme] for theme in walk.themes if theme in flags), None)
    written = [(c, _cue_text(walk, c, move, h)) for c in ranked for h in (handle, None)]
    fitting = [(c, t) for c, t in written if _echo(t, question) <= ECHO and PRACTITIONER not in t]
    # "Listen for ... Listen for ...": the flag said after it opens otherwise (a sorted list
    # keeps the order of the rest).
    fitting.sort(key=lambda ct: bool(flag) and _opens_alike(ct[1], flag or ""))
    chosen, text = next(iter(fitting), written[0])
    walk.lenses.add(chosen.lens)
    walk.last = _kind(chosen.lens)
    walk.cues.add(chosen)
    if chosen.asks:
        walk.asked.add(chosen.asks)
    walk.cased = walk.cased or bool(_CASE.search(text))
    if flag:
        text += " " + flag
    return text


def _opens_alike(cue: str, flag: str) -> bool:
    """Whether ``flag`` opens with the verb of the cue's last sentence ("Listen for ... Listen
    for ..."); a second "Ask" is how supervisors talk, and reads as no echo."""
    last = re.split(r"(?<=[.?;]) ", cue)[-1].split(" ", 1)[0].capitalize()
    return last != "Ask" and last == flag.split(" ", 1)[0]


_SAME_ASK = (
    re.compile(r"\b(?:help you|help them|support)\b", re.IGNORECASE),
    re.compile(r"\b(?:training|guidance)\b", re.IGNORECASE),
    re.compile(r"\b(?:read|colleagues?)\b", re.IGNORECASE),
)
"""What a question and a cue may both ask in other words: who would help, what it drew on."""
_CASE = re.compile(
    r"\b(?:real case|which case|recent case|right now|you work with now|piece of work"
    r"|glad you knew)\b"
)
"""A question or cue that asks for one real piece of work."""
_SOURCE = re.compile(r"\b(?:training|guidance)\b", re.IGNORECASE)
"""A question that asks where what they know or do comes from."""
_SURE = re.compile(r"\b(?:confident|confidence|sure|understand well)\b", re.IGNORECASE)
"""A question that asks how sure of it they are."""
_ORGANISATION = re.compile(r"\borganisation\b|\bteam\b|\bservice\b expect", re.IGNORECASE)
_EXPECTED = re.compile(r"\bexpects? of (?:you|them)\b|\borganisation expect", re.IGNORECASE)
"""A question or cue that asks what the organisation or service expects of them."""
ECHO = 0.4
"""The most of a cue's words that may also be in its stage's question (the lint allows 0.45)."""


def _kind(lens: cues.Lens) -> cues.Lens:
    """What a cue of ``lens`` asks the supervisor to do: noticing the pull between the two of
    them is noticing their own reaction, as far as a listener can tell."""
    return cues.Lens.SUPERVISOR if lens is cues.Lens.PARALLEL else lens


def _same_kind(walk: _Walk, cue: cues.Cue) -> int:
    """How much ``cue`` would repeat the item's cues in kind: 2 for a second look at the team
    or the service (it reads as the same cue twice), 1 for the kind just used, else 0."""
    kind = _kind(cue.lens)
    if kind is cues.Lens.CONTEXT and kind in walk.lenses:
        return 2
    return int(kind is walk.last)


def _says_twice(template: str, verb: str) -> bool:
    """Whether ``template`` says ``verb`` itself, first or just before the handle."""
    before = template.split("{act}", 1)[0].lower().split()
    return bool(before) and verb in (before[0], *before[-2:])


def _cue_text(walk: _Walk, cue: cues.Cue, move: Move, handle: Handle | None) -> str:
    """``cue`` written out for this item."""
    if handle is None or (handle.verb and moments.REFLECTING.match(handle.text)):
        # Reflecting on one's own values is no event to ask about: the cue names nothing.
        template, handle = cue.plain, walk.handles[0]
    else:
        template = cue.act if handle.verb and not walk.knowing else cue.topic
        if handle.inner:
            template = moments.without_trying(template)
        if handle.ongoing:
            template = moments.over_time(template)
    # Looking ahead ("next time", "a colleague who has to") is about a person yet to come.
    ahead = move in (Move.PLAN, Move.CONCLUDE)
    noticed = None if ahead or walk.knowing else moments.noticed(handle)
    if noticed:
        # Looking back, what was recognised had happened: "once they saw the person was ...".
        template, handle = moments.as_seen(template), Handle(noticed.seen, verb=True)
    return _fill(
        template, handle, walk.people, Role.SUPERVISOR, later=not ahead and not walk.knowing
    )


def _echo(cue: str, question: str) -> float:
    """The share of the cue's distinct words that the question also says."""
    mine = set(re.findall(r"[\w'’-]+", cue.lower()))
    theirs = set(re.findall(r"[\w'’-]+", question.lower()))
    return len(mine & theirs) / len(mine) if mine else 0.0


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
