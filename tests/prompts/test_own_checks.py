"""What a statement itself asks a supervisor to listen for reaches a cue: the way it asks for the
work to be done, and what it lists."""

from __future__ import annotations

from supervise.content import Library, Move, Role
from supervise.prompts import ItemPrompts, prompts_for
from supervise.prompts.own_checks import listed_check, manner_check


def made(library: Library, ref: str, model: str) -> ItemPrompts:
    """The prompts for ``ref`` as the app makes them."""
    item = library.item(ref)
    return prompts_for(item, library.models[model], library.framework_of(item).people)


def cues(prompts: ItemPrompts) -> list[str]:
    """The item's supervisor cues, in order, without the sub-points' cues."""
    return [p.text for p in prompts.prompts if p.role is Role.SUPERVISOR and p.asks is not None]


def test_the_way_a_statement_asks_for_is_what_the_work_is_weighed_by(
    full_library: Library,
) -> None:
    """ "in a way which acknowledges their feelings, keeps yourself and others safe and does
    not withdraw the offer of support": readers found no line that kept the offer open."""
    for model, weighing in (("driscoll", Move.MAKE_SENSE), ("gibbs", Move.EVALUATE)):
        prompts = made(full_library, "test-unseen/pc/5", model)
        said = [p.text for p in prompts.prompts if p.role is Role.SUPERVISOR and p.asks is weighing]
        assert said == [
            "Listen for whether their approach acknowledges the person's feelings and keeps"
            " themselves and others safe, without withdrawing the offer of support."
        ], said
        # Said once, and of the person served: in a cue "their" is the practitioner's.
        assert sum("their approach" in text for text in cues(prompts)) == 1


def test_a_way_with_a_subject_of_its_own_is_not_said_of_their_approach() -> None:
    """ "in a way which the person can read and challenge" is the person's doing."""
    statement = "you record what has been agreed in a way which the person can read and challenge"
    assert manner_check(statement, "person") is None
    honest = manner_check(
        "you talk with young people in a way which is honest, appropriate to their age and does"
        " not place blame on them or on the parent",
        "young person",
    )
    assert honest == (
        "Listen for whether their approach is honest and appropriate to the young person's age,"
        " without placing blame on the young person or on the parent."
    )


def test_what_a_statement_lists_is_listened_for_as_the_moment_is_told(
    full_library: Library,
) -> None:
    """ "including overdose, blood-borne virus transmission, self-harm and risks to any
    children in the household": the first cue names them, and the risk flag still follows."""
    for model in ("driscoll", "gibbs"):
        first = cues(made(full_library, "test-unseen/pc/4", model))[0]
        assert first.startswith(
            "Listen for whether overdose, blood-borne virus transmission, self-harm or risks to"
            " any children in the household came into it."
        ), first
        assert "Check whether any risk is still live" in first, first
    known = cues(made(full_library, "test-unseen/k/i", "driscoll"))[0]
    assert "the Care Act 2014" in known and known.startswith("Listen for whether they mention")


def test_lists_that_are_no_things_to_listen_for_give_no_check() -> None:
    """A list that introduces sub-points, one thing alone, or cases where something applies."""
    assert listed_check("ways of responding to anger, including:", knowing=True) is None
    assert listed_check("the effects of drugs, including withdrawal, can affect", True) is None
    assert (
        listed_check("you explain the limits, i.e. where there is a risk of harm or abuse", False)
        is None
    )
    # An "and" inside one thing stays: "needle and syringe programmes" is one.
    said = listed_check(
        "methods of reducing harm, e.g. needle and syringe programmes, safer injecting advice and"
        " testing for blood-borne viruses",
        knowing=True,
    )
    assert said == (
        "Listen for whether they mention needle and syringe programmes, safer injecting advice or"
        " testing for blood-borne viruses."
    )


def test_examples_of_a_mistake_are_what_is_told_not_what_to_listen_for(
    full_library: Library,
) -> None:
    """ "e.g. a missed appointment or an inaccurate record" names the mistake they tell."""
    for model in ("driscoll", "gibbs"):
        said = " ".join(cues(made(full_library, "test-unseen/pc/10", model)))
        assert "missed appointment" not in said, said


def test_how_ones_own_values_shape_decisions_is_listened_for(full_library: Library) -> None:
    """ "... and to recognise how these may influence decisions about risk, sanctions and the
    ending of treatment": readers found no line that reached decisions on sanctions."""
    for model in ("driscoll", "gibbs"):
        said = cues(made(full_library, "test-unseen/a/7", model))
        assert (
            "Listen for how their own values and attitudes may have influenced decisions about"
            " risk, sanctions or the ending of treatment." in said
        ), said


def test_a_listed_lead_word_is_said_once() -> None:
    """ "fear of losing their children, their tenancy or their prescription": with the list's
    "or" between each, readers heard "or their ... or their"; "their" is said once."""
    said = listed_check(
        "reasons why people may not disclose their use, i.e. fear of losing their children,"
        " their tenancy or their prescription",
        knowing=True,
    )
    assert said == (
        "Listen for whether they mention fear of losing their children, tenancy or prescription."
    )
