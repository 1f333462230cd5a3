"""Fill a reflective model's templates with a statement's phrases."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from supervise.content.model import Form, Framework, Item, ReflectiveModel, Role, slot_problems
from supervise.prompts.phrasing import Phrasing, phrase
from supervise.prompts.tidy import finish, splice

POINTS_STAGE = "points"
"""The stage id given to the prompts that ask which sub-points apply."""

_ROLES = (Role.PRACTITIONER, Role.SUPERVISOR)


@dataclass(frozen=True)
class Prompt:
    """One question or instruction for one stage, addressed to one role."""

    stage: str
    stage_title: str
    role: Role
    text: str


@dataclass(frozen=True)
class ItemPrompts:
    """Every prompt a reflective model offers for one competence statement."""

    item: Item
    form: Form
    prompts: tuple[Prompt, ...]
    """Stage prompts in model order (practitioner, then supervisor), then any points prompts."""

    def for_stage(self, stage_id: str, role: Role) -> Prompt | None:
        """The prompt for ``stage_id`` addressed to ``role``, or None if there is none."""
        for prompt in self.prompts:
            if prompt.stage == stage_id and prompt.role is role:
                return prompt
        return None


def fill(template: str, phrasing: Phrasing, role: Role) -> str:
    """``template`` with its slot filled by ``phrasing`` for ``role``, tidied into a sentence."""
    # Loaded models were checked already; this guards models built in code.
    problems = slot_problems(template, phrasing.slot)
    if problems:
        raise ValueError(f"template {template!r}: {'; '.join(problems)}")
    words = phrasing.for_role(role)
    pieces = template.split("{" + phrasing.slot + "}")
    text = pieces[0]
    for piece in pieces[1:]:
        text = splice(splice(text, words), piece)
    return finish(text)


def prompts_for(item: Item, model: ReflectiveModel) -> ItemPrompts:
    """Every prompt ``model`` gives for ``item``."""
    phrasing = phrase(item)
    prompts = [
        Prompt(
            stage.id,
            stage.title,
            role,
            fill(stage.for_form(phrasing.form).for_role(role), phrasing, role),
        )
        for stage in model.stages
        for role in _ROLES
    ]
    if item.points:
        templates = model.points.for_form(phrasing.form)
        prompts.extend(
            Prompt(
                POINTS_STAGE,
                model.points.title,
                role,
                fill(templates.for_role(role), phrasing, role),
            )
            for role in _ROLES
        )
    return ItemPrompts(item=item, form=phrasing.form, prompts=tuple(prompts))


def prompts_for_framework(framework: Framework, model: ReflectiveModel) -> list[ItemPrompts]:
    """The prompts for every item of ``framework``, in document order."""
    return [prompts_for(item, model) for item in framework.items()]


class PromptBook(Mapping[str, ItemPrompts]):
    """The prompts for a set of items by reference, each made the first time it is asked for.

    Opening a session needs the prompts of the item on screen, not of every item in scope.
    """

    def __init__(self, items: Iterable[Item], model: ReflectiveModel) -> None:
        self._items = {item.ref: item for item in items}
        self._model = model
        self._made: dict[str, ItemPrompts] = {}

    def __getitem__(self, ref: str) -> ItemPrompts:
        """The prompts for the item ``ref``; KeyError if it is not in the book."""
        made = self._made.get(ref)
        if made is None:
            made = self._made[ref] = prompts_for(self._items[ref], self._model)
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
