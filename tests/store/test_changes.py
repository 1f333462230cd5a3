"""Changes are plain values: equal by kind and fields, hashable, immutable, readable."""

from __future__ import annotations

import pytest

from supervise.content.model import Role
from supervise.store.changes import (
    Complete,
    SetAnswer,
    SetNextDate,
    SetSummary,
    key_of,
    to_doc,
)


def test_a_change_equals_only_one_of_its_kind_with_equal_fields() -> None:
    answer = SetAnswer("h1", "what", Role.PRACTITIONER, "text")
    assert answer == SetAnswer("h1", "what", Role.PRACTITIONER, "text")
    assert hash(answer) == hash(SetAnswer("h1", "what", Role.PRACTITIONER, "text"))
    assert answer != SetAnswer("h1", "what", Role.PRACTITIONER, "other")
    summary: object = SetSummary("2026-12-01")
    assert summary != SetNextDate("2026-12-01"), "kinds never mix"
    assert Complete() == Complete() and len({Complete(), Complete()}) == 1
    assert answer != ("h1", "what", Role.PRACTITIONER, "text")
    assert (answer == ("h1", "what", Role.PRACTITIONER, "text")) is False
    assert Complete() != ()


def test_a_change_cannot_be_altered_and_shows_its_fields() -> None:
    answer = SetAnswer("h1", "what", Role.PRACTITIONER, "text")
    with pytest.raises(AttributeError):
        answer.text = "changed"  # type: ignore[misc]
    assert repr(answer) == (
        "SetAnswer(item='h1', stage='what', role=<Role.PRACTITIONER: 'practitioner'>, text='text')"
    )
    assert repr(Complete()) == "Complete()"
    assert key_of(answer) == (SetAnswer, "h1", "what", Role.PRACTITIONER)
    assert to_doc(answer)["role"] == "practitioner"
