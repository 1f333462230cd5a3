"""How a handle is slotted into a cue or a question so that it reads as a supervisor says it."""

from __future__ import annotations

import re

import pytest

from supervise.content import Form, Library, Move, Role
from supervise.prompts import cues, prompts_for
from supervise.prompts.spoken import gerund_phrase
from supervise.prompts.themes import HARD, Theme, themes_of
from tests.prompts.test_cues import ONGOING, cues_of, every_item


@pytest.mark.parametrize(
    ("act", "doing"),
    [
        ("check understanding", "checking understanding"),
        ("identify and assess risks", "identifying and assessing risks"),
        ("adapt or reschedule the session", "adapting or rescheduling the session"),
        ("start a talk and keep it going", "starting a talk and keeping it going"),
        (
            "help a customer voice their views and feelings",
            "helping a customer voice their views and feelings",
        ),
        ("keep the level and kind of contact right", "keeping the level and kind of contact right"),
        ("sum up the work", "summing up the work"),
        ("open a case", "opening a case"),
    ],
)
def test_a_verb_phrase_becomes_a_gerund_phrase(act: str, doing: str) -> None:
    assert gerund_phrase(act) == doing


def test_no_cue_slots_a_doing_after_as_they_or_how_they() -> None:
    """ "Ask what the service expects of them as they check understanding", "what they did
    well in how they validate concerns" read stilted; a doing is named as one ("checking")."""
    for move in Move:
        for ongoing in (True, False):
            for cue in cues.cues_for(move, False, False, ongoing):
                for said in ("as they {act}", "how they {act}", "how to {act}", "set out to"):
                    assert said not in cue.act, cue.act
                # "once they touched on relapse": touched on what, with whom?
                assert "touched on" not in cue.topic, cue.topic


def test_knowing_how_to_do_something_is_known_about_as_a_doing(full_library: Library) -> None:
    """ "what they know about how to carry out an assessment": "about carrying out" reads."""
    made = prompts_for(full_library.item("test-unseen/k/a"), full_library.models["gibbs"])
    said = " ".join(p.text for p in made.prompts)
    assert "about carrying out a substance use assessment" in said
    for made in every_item(full_library):
        for prompt in made.prompts:
            assert "know about how to" not in prompt.text, (made.item.ref, prompt.text)


def test_questions_neither_blame_nor_go_round_in_circles(full_library: Library) -> None:
    """ "What else could you have done?" after a relapse blames; "knowing what you know about
    this" is circular where no case was told; "set out to" and "worked to" make an emergency
    planned and a stance a one-off; "when will that be" cannot be said of an emergency."""
    unfit = re.compile(r"What else could you have done|set out to|when will that be", re.IGNORECASE)
    for made in every_item(full_library):
        for prompt in made.prompts:
            assert not unfit.search(prompt.text), (made.item.ref, prompt.text)
            if made.form is Form.KNOWLEDGE:
                assert "knowing what you know" not in prompt.text.lower(), prompt.text
            elif prompt.asks is Move.DESCRIBE:
                assert "worked to" not in prompt.text, (made.item.ref, prompt.text)


@pytest.mark.parametrize("ref", ONGOING)
def test_work_kept_up_over_time_is_not_asked_how_it_is_going_twice(
    full_library: Library, ref: str
) -> None:
    for model in full_library.models.values():
        made = prompts_for(full_library.item(ref), model)
        asked = [p.text for p in made.prompts if p.role is Role.PRACTITIONER]
        going = [text for text in asked if re.search(r"\bis it going\b", text, re.IGNORECASE)]
        assert len(going) <= 1, going


def test_support_is_offered_where_the_work_took_a_toll_and_only_if_it_did(
    full_library: Library,
) -> None:
    """ "Ask who was there for them afterwards" when nothing hard was said, or because a skill
    was hard to use ("to see the young person's world"), does not fit."""
    for made in every_item(full_library):
        if made.form is Form.KNOWLEDGE:
            continue
        hard = (HARD | {Theme.RISK}).intersection(themes_of(made.item))
        for cue in cues_of(made):
            if re.search(r"who (?:was|is) there for them", cue):
                assert hard, (made.item.ref, cue)
                assert cue.startswith("If "), (made.item.ref, cue)
            assert "If it is hard for them" not in cue, cue
            assert not re.search(r"gets in the way(?! of)", cue), cue


def test_how_sure_they_are_is_asked_once_per_item(full_library: Library) -> None:
    """ "Which do you understand well" on the sub-points, then "How confident do you feel about
    what you know here" asks the same again."""
    sure = re.compile(r"\b(?:confident|confidence|sure of|understand well)\b", re.IGNORECASE)
    for made in every_item(full_library):
        asked = [p.text for p in made.prompts if p.role is Role.PRACTITIONER]
        assert len([text for text in asked if sure.search(text)]) <= 1, (made.item.ref, asked)


@pytest.mark.parametrize("ref", ["test-unseen/a/7", "test-styles/ab/6"])
def test_reflecting_on_ones_own_values_stays_with_the_practitioners_views(
    full_library: Library, ref: str
) -> None:
    """Not "What was going on for the person you support", nor how the person took it, nor
    the immediate-risk check that the values' bearing on risk decisions set off."""
    people = full_library.frameworks[ref.split("/")[0]].people
    served = people.one.split(" ", 1)[1]
    for model in full_library.models.values():
        made = prompts_for(full_library.item(ref), model, people)
        for prompt in made.prompts:
            if prompt.asks is not None:
                assert served not in prompt.text, prompt.text
            assert "any risk was immediate" not in prompt.text, prompt.text
