"""How a handle is slotted into a cue or a question so that it reads as a supervisor says it."""

from __future__ import annotations

import itertools
import re

import pytest

from supervise.content import Form, Library, Move, Role
from supervise.content.model import DEFAULT_PEOPLE
from supervise.prompts import cues, prompts_for
from supervise.prompts.draft import fill
from supervise.prompts.handle import handles_of
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
    item = full_library.item("test-unseen/k/a")
    said = fill("Ask what they know {about}.", handles_of(item)[0], DEFAULT_PEOPLE, Role.SUPERVISOR)
    assert said == "Ask what they know about carrying out a substance use assessment."
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
            assert "any risk is still live" not in prompt.text, prompt.text


_STILTED = re.compile(
    r"where your part was to|fell to you to|mattered that you|When your work touches on"
    r"|use what you know|drawn on what you know|asks you about (?:how|why|what|whether)\b"
    r"|teach a new colleague about (?:how|why|what)\b|weeks of|came with|would benefit from"
    r"|draw the line|leaned on|took a toll on them to|stays with them most",
)
"""Frames readers stumbled on: a moment as "a piece of work where your part was", a present
verb in a past frame, "asks you about how", a skill as something looked up, a time span
assumed, a toll put on the act itself, a line never named."""


def test_frames_readers_stumbled_on_are_not_said(full_library: Library) -> None:
    for made in every_item(full_library):
        for prompt in made.prompts:
            assert not _STILTED.search(prompt.text), (made.item.ref, prompt.text)


def test_a_cue_follows_up_who_could_help_rather_than_asking_it_again(
    full_library: Library,
) -> None:
    """Under "Who could help you learn more here, and when will you ask?", "Suggest someone to
    ask" says the question again; the cue is for when no name comes."""
    followed = 0
    for made in every_item(full_library):
        stage = made.next_step_stage()
        if stage is None:
            continue
        question = made.for_stage(stage, Role.PRACTITIONER)
        cue = made.for_stage(stage, Role.SUPERVISOR)
        assert question is not None and cue is not None
        if re.search(r"^Who\b.*\bwhen will you ask\b", question.text):
            assert cue.text.startswith("If no one comes to mind"), (question.text, cue.text)
            followed += 1
        assert "no one comes to mind" not in cue.text or question.text.startswith("Who")
    assert followed


def test_one_items_cues_ask_where_their_knowledge_comes_from_once(
    full_library: Library,
) -> None:
    """ "Ask how they came to know about X" then "Ask which source they trust most on X" is
    one question asked twice."""
    source = re.compile(
        r"training, colleagues, reading|which source|guidance, training or experience they"
        r"|theory or guidance here|theory, guidance or experience"
    )
    taught = re.compile(r"\b(?:training|guidance)\b")
    for made in every_item(full_library):
        asked = [cue for cue in cues_of(made) if source.search(cue)]
        assert len(asked) <= 1, (made.item.ref, asked)
        # Nor once a question has asked what training or guidance taught them.
        staged = [p for p in made.prompts if p.asks is not None]
        for at, prompt in enumerate(staged):
            if prompt.role is Role.PRACTITIONER and taught.search(prompt.text):
                later = [p.text for p in staged[at:] if p.role is Role.SUPERVISOR]
                assert not any(source.search(cue) for cue in later), (made.item.ref, later)


def test_a_red_flag_does_not_open_as_the_cue_before_it_did(full_library: Library) -> None:
    """ "Listen for ... Listen for ..." reads as one cue said twice (a second "Ask" does not)."""
    for made in every_item(full_library):
        for cue in cues_of(made):
            sentences = re.split(r"(?<=[.?]) (?=[A-Z])", cue)
            openers = [s.split(" ", 1)[0] for s in sentences]
            for before, after in itertools.pairwise(openers):
                assert before == "Ask" or before != after, (made.item.ref, cue)


@pytest.mark.parametrize("ref", ["cyp-4.3/a/1", "test-styles/ab/7", "test-unseen/a/5"])
def test_a_stance_is_not_asked_as_what_the_organisation_expects(
    full_library: Library, ref: str
) -> None:
    """Listening without judging is the practitioner's own stance: "What does your organisation
    expect of you here?" misses its point. Work held by agreed limits keeps the question."""
    for model in full_library.models.values():
        for prompt in prompts_for(full_library.item(ref), model).prompts:
            assert not re.search(r"expects? of (?:you|them)", prompt.text), prompt.text
    assert any(
        "organisation expect" in p.text
        for model in full_library.models.values()
        for p in prompts_for(full_library.item("h3-25/pc/10"), model).prompts
    )


def test_no_prompt_talks_about_talking(full_library: Library) -> None:
    """ "As they talk about talking with a young person ...": the telling is said once, as
    "describe"; and "facing the same tomorrow" has its noun."""
    for made in every_item(full_library):
        for prompt in made.prompts:
            assert "talk about talking" not in prompt.text, (made.item.ref, prompt.text)
            assert "the same tomorrow" not in prompt.text, (made.item.ref, prompt.text)


def test_a_topic_about_why_it_matters_is_not_asked_why_it_matters(full_library: Library) -> None:
    """ "Thinking about why it matters that customers say ..., why does it matter so much?"
    asks the topic of itself."""
    for made in every_item(full_library):
        for prompt in made.prompts:
            assert prompt.text.count("matter") <= 1, (made.item.ref, prompt.text)
