"""How statements are read as slot phrases: form, lead-ins, punctuation and person."""

from __future__ import annotations

import pytest

from supervise.content.model import Form, Item, SectionKind
from supervise.prompts.phrasing import clean_statement, lower_first, phrase

PERFORMANCE, KNOWLEDGE, ABILITY = (
    SectionKind.PERFORMANCE,
    SectionKind.KNOWLEDGE,
    SectionKind.ABILITY,
)


def item(text: str, kind: SectionKind) -> Item:
    """An item as the loader would build it."""
    return Item(ref="t/s/1", id="1", text=text, kind=kind)


@pytest.mark.parametrize(
    ("text", "kind", "form", "words"),
    [
        (
            "you fully explore and acknowledge the customer's and your own expectations",
            PERFORMANCE,
            Form.PRACTICE,
            "fully explore and acknowledge the customer's and your own expectations",
        ),
        (
            "You must ensure records are kept.",
            PERFORMANCE,
            Form.PRACTICE,
            "ensure records are kept",
        ),
        ("An ability to validate concerns", ABILITY, Form.PRACTICE, "validate concerns"),
        ("Ability to explain the service", ABILITY, Form.PRACTICE, "explain the service"),
        ("The ability to adapt, and:", ABILITY, Form.PRACTICE, "adapt"),
        ("Capacity to recognise risk", ABILITY, Form.PRACTICE, "recognise risk"),
        ("Anability to grasp the ways", ABILITY, Form.PRACTICE, "grasp the ways"),
        ("Recognise when to seek advice.", ABILITY, Form.PRACTICE, "recognise when to seek advice"),
        # The wording decides before the section kind does.
        (
            "An ability to draw on knowledge of practitioner factors that help:",
            KNOWLEDGE,
            Form.PRACTICE,
            "draw on knowledge of practitioner factors that help",
        ),
        ("Knowledge of factors that reduce it:", ABILITY, Form.KNOWLEDGE, "factors that reduce it"),
        ("Knowledge and understanding of local law.", KNOWLEDGE, Form.KNOWLEDGE, "local law"),
        ("An understanding of how trauma works", ABILITY, Form.KNOWLEDGE, "how trauma works"),
        ("Understanding of risk", KNOWLEDGE, Form.KNOWLEDGE, "risk"),
        ("Awareness of your limits;", KNOWLEDGE, Form.KNOWLEDGE, "your limits"),
        ("Knowledge that needs change", KNOWLEDGE, Form.KNOWLEDGE, "the fact that needs change"),
        (
            "how to deal with difficult behaviour",
            KNOWLEDGE,
            Form.KNOWLEDGE,
            "how to deal with difficult behaviour",
        ),
        (
            "How customers can develop dependency",
            KNOWLEDGE,
            Form.KNOWLEDGE,
            "how customers can develop dependency",
        ),
        (
            "Why it is important to listen",
            KNOWLEDGE,
            Form.KNOWLEDGE,
            "why it is important to listen",
        ),
        (
            "Methods of establishing contact",
            KNOWLEDGE,
            Form.KNOWLEDGE,
            "methods of establishing contact",
        ),
        ("ways of recognising anger", KNOWLEDGE, Form.KNOWLEDGE, "ways of recognising anger"),
        (
            "reasons why expectations fail",
            KNOWLEDGE,
            Form.KNOWLEDGE,
            "reasons why expectations fail",
        ),
        (
            "complaints and appeals procedures which customers can utilise",
            KNOWLEDGE,
            Form.KNOWLEDGE,
            "complaints and appeals procedures which customers can utilise",
        ),
        ("CAMHS referral routes", KNOWLEDGE, Form.KNOWLEDGE, "CAMHS referral routes"),
    ],
)
def test_form_and_practitioner_phrase(text: str, kind: SectionKind, form: Form, words: str) -> None:
    phrasing = phrase(item(text, kind))
    assert (phrasing.form, phrasing.practitioner) == (form, words)
    assert phrasing.slot == ("action" if form is Form.PRACTICE else "topic")


def test_supervisor_phrase_is_third_person() -> None:
    phrasing = phrase(item("you deal with it in a way which sustains your own role", PERFORMANCE))
    assert phrasing.supervisor == "deal with it in a way which sustains their own role"


def test_an_items_phrase_is_worked_out_once() -> None:
    statement = item("you deal with it in a way which sustains your own role", PERFORMANCE)
    # An equal item (the same statement loaded again) gets the same answer, remembered.
    assert phrase(statement) is phrase(item(statement.text, PERFORMANCE))
    assert phrase(statement) is not phrase(item(statement.text + " well", PERFORMANCE))


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("has three components:", "has three components"),
        ("tasks and goals, and:", "tasks and goals"),
        ("a positive relationship e.g.:", "a positive relationship"),
        ("service user, e.g.:", "service user"),
        ("the harm it does;", "the harm it does"),
        ("is kept up to date.", "is kept up to date"),
        ("protects adults, including:", "protects adults"),
        ("family and/or:", "family"),
        ("deal with this e.g. reflecting back", "deal with this e.g. reflecting back"),
        ("forms, letters etc.", "forms, letters etc."),
        ("spread\n  over   lines", "spread over lines"),
    ],
)
def test_clean_statement_drops_only_the_lead_in_punctuation(text: str, cleaned: str) -> None:
    assert clean_statement(text) == cleaned


@pytest.mark.parametrize(
    ("text", "lowered"),
    [
        ("How to review", "how to review"),
        ("CAMHS routes", "CAMHS routes"),
        ("Mental Health Act duties", "Mental Health Act duties"),
        ("The Children Act 1989", "the Children Act 1989"),
        ("iPads in sessions", "iPads in sessions"),
        ("", ""),
    ],
)
def test_lower_first_keeps_acronyms_and_names(text: str, lowered: str) -> None:
    assert lower_first(text) == lowered
