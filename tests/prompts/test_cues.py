"""How the questions keep their time, and how one item's cues fit it and differ in kind."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import pytest

from supervise.content import Form, Library, Role
from supervise.prompts import ItemPrompts, prompts_for
from supervise.prompts.themes import Theme, themes_of

ONGOING = ("h3-25/pc/10", "test-unseen/a/5", "cyp-4.3/a/1", "test-styles/ab/7")
"""Work kept up over time ("keep contact at the level ...", "tolerate ...", "listen ...")."""
_ONE_EVENT = re.compile(
    r"\b(?:did you|did it|went|was it|were you|at the time|back then|seemed to take|landed)\b",
    re.IGNORECASE,
)


_TEAM = re.compile(r"team or (?:the )?service|the team|the service (?:expects|itself)")
"""A cue that asks about the team or the service (the wider context)."""


def every_item(library: Library) -> Iterator[ItemPrompts]:
    """The prompts of every item of every framework, for both models."""
    for framework in library.frameworks.values():
        for item in framework.items():
            for model in library.models.values():
                yield prompts_for(item, model, framework.people)


def cues_of(made: ItemPrompts) -> list[str]:
    """The item's stage cues, in order (not those of the sub-points prompt)."""
    return [p.text for p in made.prompts if p.role is Role.SUPERVISOR and p.asks is not None]


@pytest.mark.parametrize("ref", ONGOING)
@pytest.mark.parametrize("model_id", ["driscoll", "gibbs"])
def test_work_kept_up_over_time_is_never_told_as_one_event_gone_by(
    full_library: Library, ref: str, model_id: str
) -> None:
    """The opener asks how it is going: later stages keep to that ("How well is it going"),
    not "How well do you think it went"."""
    item = full_library.item(ref)
    made = prompts_for(item, full_library.models[model_id])
    later = [p.text for p in made.prompts if p.stage != made.prompts[0].stage]
    assert later
    for text in later:
        assert not _ONE_EVENT.search(text), text


def test_a_feeling_question_does_not_assume_how_it_went(full_library: Library) -> None:
    """ "What was it like to hear mistrust without taking it personally?" assumes they did."""
    for made in every_item(full_library):
        for prompt in made.prompts:
            if prompt.role is Role.PRACTITIONER:
                assert not re.match(r"(?:What was it like|How did it feel) to\b", prompt.text), (
                    prompt.text
                )


def test_routine_work_is_neither_a_one_off_nor_reluctant(full_library: Library) -> None:
    """ "When did you last need to identify and assess risks", "when they had to ..." make
    everyday work sound exceptional, or unwelcome."""
    for made in every_item(full_library):
        for prompt in made.prompts:
            for said in ("When did you last need", "needed to", "when they had to"):
                assert said not in prompt.text, (made.item.ref, prompt.text)


def test_the_immediate_risk_check_is_for_risk_items_only(full_library: Library) -> None:
    """Harm reduction, safe practice and a person not ready to disclose their use are no risk
    to check at once; risks to a person and others are."""
    for ref in ("test-unseen/pc/3", "test-unseen/pc/2", "test-unseen/k/g", "test-styles/ab/1"):
        assert Theme.RISK not in themes_of(full_library.item(ref)), ref
    assert Theme.RISK in themes_of(full_library.item("test-unseen/pc/4"))
    for made in every_item(full_library):
        checked = any("any risk is still live" in cue for cue in cues_of(made))
        assert not checked or Theme.RISK in themes_of(made.item), made.item.ref


def test_keeping_an_independent_view_is_collusion_not_dependency(full_library: Library) -> None:
    """ "Independent" holds "dependen": the collusion item must get the collusion flag."""
    item = full_library.item("cyp-4.3/a/11")
    assert Theme.COLLUSION in themes_of(item)
    assert Theme.DEPENDENCY not in themes_of(item)
    assert Theme.DEPENDENCY in themes_of(full_library.item("test-unseen/pc/9"))


def test_one_items_cues_differ_in_kind_and_read_as_said(full_library: Library) -> None:
    """No cue said twice, the team asked about once, no two notice-your-reaction cues back to
    back, none naming "the practitioner", no "whether they agree" (who?), no "what they know
    why", no reading list for a mistake."""
    for made in every_item(full_library):
        cues = cues_of(made)
        assert len(set(cues)) == len(cues), (made.item.ref, cues)
        team = [cue for cue in cues if _TEAM.search(cue)]
        assert len(team) <= 1, (made.item.ref, team)
        for before, after in itertools.pairwise(cues):
            noticing = [
                # The supervisor told to notice; not a handle's own "to notice ..." slotted in.
                re.search(r"(?<!to )\bnotice\b", c.split(".")[0], re.IGNORECASE)
                for c in (before, after)
            ]
            assert not all(noticing), (made.item.ref, before, after)
        for cue in cues:
            for unclear in ("the practitioner", "whether they agree", "know why", "matches what"):
                assert unclear not in cue, (made.item.ref, cue)
        if Theme.MISTAKE in themes_of(made.item) and made.form is Form.PRACTICE:
            assert not any("to read" in cue for cue in cues), (made.item.ref, cues)


def test_a_doing_items_points_are_not_asked_as_understanding(full_library: Library) -> None:
    """ "Which do you understand well" is a question for knowing, not for work done."""
    for made in every_item(full_library):
        if made.form is Form.KNOWLEDGE:
            continue
        for prompt in made.prompts:
            assert "understand well" not in prompt.text, (made.item.ref, prompt.text)


def test_the_cut_off_point_is_said_to_be_cut_not_left_hanging(full_library: Library) -> None:
    """ "…or links between the 'rupture' and how they usually…?" reads as the practitioner's
    question trailing off, and "(the source cuts this point off)" in it as a note: the point
    is the supervisor's to raise, named by its printed words, said to be cut off."""
    made = prompts_for(full_library.item("cyp-4.3/t/3"), full_library.models["gibbs"])
    listing = [p.text for p in made.prompts if p.asks is None and p.role is Role.PRACTITIONER]
    assert not any("how they usually" in text for text in listing), listing
    cues = [p.text for p in made.prompts if p.asks is None and p.role is Role.SUPERVISOR]
    cut = [text for text in cues if "how they usually…" in text]
    assert len(cut) == 1, cues
    assert cut[0].startswith("One point is cut off in the source ("), cut[0]
    assert "breaks off" not in cut[0]


def test_a_cut_off_point_whose_brief_ends_before_the_cut_reads_whole(
    full_library: Library,
) -> None:
    """A derived brief that stops before the source's cut ("ending the session safely") is
    whole as printed: no "…", nothing said about the cut."""
    from supervise.content.model import Point
    from supervise.prompts.handle import brief

    point = Point(
        text="ending the session safely and arranging to see the person again once",
        truncated=True,
    )
    assert brief(point) == "ending the session safely"
    whole = Point(text="ending the session safely", truncated=True)
    assert brief(whole) == "ending the session safely…"


def test_a_cue_does_not_paste_the_handle_its_question_just_named(full_library: Library) -> None:
    """Once the question has said "talk through what you and a customer each expect from
    contact", the cue says it shorter ("explore expectations"), as a person would."""
    for model in full_library.models.values():
        made = prompts_for(full_library.item("h3-25/pc/1"), model)
        question, cue = made.prompts[0].text, made.prompts[1].text
        assert "expect from contact" in question
        assert "expect from contact" not in cue, cue
        assert not any("expect from contact" in c for c in cues_of(made)), cues_of(made)


def test_the_next_step_cue_names_the_doing_half_of_a_two_part_statement(
    full_library: Library,
) -> None:
    """ "Recognise when a person is intoxicated, and adapt or reschedule the session": what
    the service may make harder is the adapting, not the recognising."""
    for model in full_library.models.values():
        made = prompts_for(full_library.item("test-unseen/a/4"), model)
        stage = made.next_step_stage()
        assert stage is not None
        cue = made.for_stage(stage, Role.SUPERVISOR)
        assert cue is not None and "adapt or reschedule" in cue.text, cue


@pytest.mark.parametrize("ref", ["test-unseen/a/4", "test-unseen/pc/9", "cyp-4.3/t/1"])
def test_what_was_noticed_keeps_a_verb_in_every_cue(full_library: Library, ref: str) -> None:
    """ "as they {act}" with what was seen ("the person was intoxicated") must say they saw it,
    never "as they the person was ..." or "as they strain early"."""
    for model in full_library.models.values():
        for cue in cues_of(prompts_for(full_library.item(ref), model)):
            assert not re.search(r"\b(?:as|how) they (?:the|a|an|strain)\b", cue), cue


def test_a_cue_does_not_ask_again_what_went_well(full_library: Library) -> None:
    """Under "what went well?", "which part would they hold up as good practice?" is the same
    question again (readers heard it as an echo)."""
    for made in every_item(full_library):
        asked = ""
        for prompt in made.prompts:
            if prompt.role is Role.PRACTITIONER:
                asked = prompt.text
            elif "went well" in asked:
                assert "good practice" not in prompt.text, (made.item.ref, asked, prompt.text)


def test_confidence_is_weighed_only_once_a_question_has_asked_for_it(
    full_library: Library,
) -> None:
    """ "Listen for whether their confidence is borne out ..." under "what do you notice in
    yourself?" weighs what nobody asked (readers flagged it); after a question on how sure
    they are, it follows on. And that question is not followed by "where they feel least
    sure", which asks it again."""
    from supervise.prompts.draft import SURE

    weighed = 0
    for made in every_item(full_library):
        sure = False
        for prompt in made.prompts:
            if prompt.role is Role.PRACTITIONER:
                sure = sure or bool(SURE.search(prompt.text))
            elif "confidence is borne out" in prompt.text:
                weighed += 1
                assert sure, (made.item.ref, prompt.stage, prompt.text)
            elif sure:
                assert "least sure" not in prompt.text, (made.item.ref, prompt.text)
    assert weighed, "no cue weighs their confidence: the check above checks nothing"
