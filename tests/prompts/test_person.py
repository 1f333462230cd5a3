"""Second person to third person, as supervisor prompts need it."""

from __future__ import annotations

import pytest

from supervise.prompts.person import third_person


@pytest.mark.parametrize(
    ("second", "third"),
    [
        ("sustains your own role", "sustains their own role"),
        ("how you can deal with this", "how they can deal with this"),
        ("the things you do", "the things they do"),
        ("tell you what you need", "tell them what they need"),
        ("support offered to you", "support offered to them"),
        ("look after yourself", "look after themselves"),
        ("Your role, yours and you're", "Their role, theirs and they're"),
        ("you’ve said", "they’ve said"),
        ("young people you work with", "young people they work with"),
        ("youth and younger people", "youth and younger people"),
        # The source's own slip stays a slip.
        ("consistent with the your role", "consistent with the their role"),
    ],
)
def test_pronouns_become_third_person(second: str, third: str) -> None:
    assert third_person(second) == third


@pytest.mark.parametrize(
    ("second", "third"),
    [
        (
            "feelings towards yourself and organisation",
            "feelings towards the practitioner and organisation",
        ),
        ("between the customer and yourself", "between the customer and the practitioner"),
        ("the information they share with you", "the information they share with the practitioner"),
    ],
)
def test_practitioner_is_named_where_a_pronoun_would_point_at_someone_else(
    second: str, third: str
) -> None:
    assert third_person(second) == third


def test_text_without_second_person_is_unchanged() -> None:
    text = "help the service user form and articulate their goals for the intervention"
    assert third_person(text) == text
