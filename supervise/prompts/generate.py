"""Build each item's prompts: the practitioner's questions and the supervisor's cues."""

from __future__ import annotations

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
from supervise.prompts import cues, stems
from supervise.prompts.handle import Handle, brief, handles_of
from supervise.prompts.person import third_person
from supervise.prompts.themes import HARD, Theme, themes_of
from supervise.prompts.tidy import finish

POINTS_STAGE = "points"
"""The stage id given to the prompts that ask which sub-points apply."""
POINTS_TITLE = "Which points apply"
"""The heading of the sub-points prompt."""
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
    """Stage prompts in model order (practitioner, then supervisor), then any points prompts."""
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


def _fill(template: str, handle: Handle, people: People, role: Role, **more: str) -> str:
    """``template`` with its slots filled for ``role``; the supervisor's words in third person."""
    act, topic = handle.text, handle.topic
    if role is Role.SUPERVISOR:
        act, topic = third_person(act), third_person(topic)
    return finish(
        template.format(
            act=act, topic=topic, one=people.one, the_one=_the(people.one), many=people.many, **more
        )
    )


def _the(one: str) -> str:
    """ "a customer" as "the customer": the person of a moment already told."""
    for article in ("a ", "an ", "one "):
        if one.startswith(article):
            return "the " + one[len(article) :]
    return one


def _names_person(handle: Handle, people: People) -> bool:
    """Whether the handle already speaks of the person the work is with."""
    person = set(people.one.lower().split()) - {"a", "an", "the", "or", "and", "their", "one"}
    return bool(person & set(handle.text.lower().replace("'s", "").split()))


def _listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def prompts_for(item: Item, model: ReflectiveModel, people: People = DEFAULT_PEOPLE) -> ItemPrompts:
    """Every prompt ``model`` gives for ``item``, naming the served as ``people`` does."""
    form = form_of(item)
    handles = handles_of(item)
    themes = themes_of(item)
    n = item.number
    risky = Theme.RISK in themes
    # The first stage names what the item is about; each further part of the statement is
    # asked about at a later stage; the other stages refer back to what was told.
    parts = list(handles[1:])
    used: set[cues.Lens] = set()
    prompts: list[Prompt] = []
    for index, stage in enumerate(model.stages):
        back = stems.looking_back(stage.asks, form)
        handle: Handle | None = handles[0]
        if index > 0 and back:
            handle = parts.pop(0) if parts and stage.asks is not Move.PLAN else None
        pool = back if handle is None else stems.stems(stage.asks, form, handle.verb)
        if handle is not None and _names_person(handle, people):
            # "Think of a customer ... check that a customer has understood you" says it twice.
            pool = tuple(stem for stem in pool if "{one}" not in stem) or pool
        # Each item opens differently from its neighbours (n) and each stage from the others.
        asked = _fill(_pick(pool, n, index * 2), handle or handles[0], people, Role.PRACTITIONER)
        # Said first where a topic is hard to admit to, but never before a risk question.
        if index == 0 and form is Form.PRACTICE and HARD.intersection(themes) and not risky:
            asked = _pick(stems.EASING, n) + " " + asked
        # The cue names what the question did not: another part, or the item itself.
        others = [h for h in handles if h is not handle]
        about = others[index % len(others)] if others else None
        cue = _cue(item, stage.asks, index, about, themes, people, used)
        prompts.append(Prompt(stage.id, stage.title, Role.PRACTITIONER, asked, stage.asks))
        prompts.append(Prompt(stage.id, stage.title, Role.SUPERVISOR, cue, stage.asks))
    if item.points:
        prompts.extend(_points_prompts(item, form, handles[0], people))
    return ItemPrompts(item=item, form=form, prompts=tuple(prompts), handle=handles[0])


def _points_prompts(item: Item, form: Form, handle: Handle, people: People) -> list[Prompt]:
    """The prompts that list the sub-points: one, or one per group where the list is long."""
    pool = stems.POINTS_KNOWING if form is Form.KNOWLEDGE else stems.POINTS_DOING
    stem = _pick(pool, item.number)
    groups: list[list[str]] = [[]]
    for point in item.points:
        trial = _listed([*groups[-1], brief(point)])
        if groups[-1] and len((stem + trial).split()) > POINTS_WORDS:
            groups.append([])
        groups[-1].append(brief(point))
    prompts = []
    for number, group in enumerate(groups, start=1):
        stage = POINTS_STAGE if number == 1 else f"{POINTS_STAGE}-{number}"
        title = POINTS_TITLE if len(groups) == 1 else f"{POINTS_TITLE} ({number} of {len(groups)})"
        asked = _fill(stem, handle, people, Role.PRACTITIONER, points=_listed(group))
        named = group[item.number % len(group)]
        cue = finish(_pick(cues.POINT_CUES, item.number, number).format(point=named))
        prompts.append(Prompt(stage, title, Role.PRACTITIONER, asked))
        prompts.append(Prompt(stage, title, Role.SUPERVISOR, cue))
    return prompts


def _cue(
    item: Item,
    move: Move,
    index: int,
    handle: Handle | None,
    themes: tuple[Theme, ...],
    people: People,
    used: set[cues.Lens],
) -> str:
    """The supervisor's cue for one stage: a lens not yet used for this item, then a red flag."""
    preferred = cues.lenses(move)
    start = (item.number + index) % len(preferred)
    rotation = preferred[start:] + preferred[:start]
    lens = next((lens for lens in rotation if lens not in used), rotation[0])
    used.add(lens)
    if handle is None:
        text = finish(cues.plain(lens).format(one=people.one, the_one=_the(people.one)))
    elif form_of(item) is Form.KNOWLEDGE:
        text = _fill(cues.knowing_cue(lens, move), handle, people, Role.SUPERVISOR)
    else:
        text = _fill(cues.cue(lens, move, handle.verb), handle, people, Role.SUPERVISOR)
    flagged = themes[index] if index < min(2, len(themes)) else None
    return text if flagged is None else f"{text} {cues.FLAGS[flagged]}"


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
