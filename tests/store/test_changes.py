"""Changes are plain values: equal by kind and fields, hashable, immutable, readable."""

from __future__ import annotations

import json
from typing import get_args

import pytest

from supervise.content.model import Role
from supervise.store.changes import (
    AddAction,
    AddElapsed,
    BadChange,
    Change,
    Complete,
    EditAction,
    MoveTo,
    Note,
    RemoveAction,
    SetAnswer,
    SetBring,
    SetConfidence,
    SetNextDate,
    SetOpening,
    SetPoint,
    SetReview,
    SetServed,
    SetSummary,
    Sign,
    from_doc,
    key_of,
    to_doc,
)
from supervise.store.records import (
    CLOSING,
    OPENING,
    Action,
    ActionReview,
    ReviewOutcome,
    Step,
    StepKind,
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


EVERY_KIND = (
    SetAnswer("h3-25/pc/5", "what", Role.PRACTITIONER, "words, with \u00e9 and \U0001f600"),
    SetOpening("purpose", "to think"),
    SetSummary("agreed to try again"),
    SetNextDate("2026-12-24"),
    SetNextDate(""),
    SetPoint("h3-25/pc/5", 2, True),
    SetConfidence("h3-25/pc/5", 4),
    SetConfidence("h3-25/pc/5", None),
    SetBring("h3-25/pc/5", False),
    AddAction(Action("a1b2c3d4", "call", "Sam", "Friday", "2026-12-01T10:00:00+00:00")),
    EditAction(Action("a1b2c3d4", "call back", "", "", "2026-12-01T10:00:00+00:00")),
    SetReview(ActionReview("s1", "a1", "call", "Sam", "", ReviewOutcome.PARTLY, "half")),
    SetReview(ActionReview("s1", "a1", "call", "Sam", "")),
    RemoveAction("a1b2c3d4"),
    MoveTo(CLOSING, "summary"),
    MoveTo(Step(StepKind.ITEM, "h3-25/k/c")),
    MoveTo(OPENING),
    AddElapsed(75),
    Note("skipped", "h3-25/k/c"),
    Complete(),
    Sign(Role.SUPERVISOR, "Alex Smith"),
    SetServed(("Jo Bloggs", "", "Kim Lee")),
)


@pytest.mark.parametrize("change", EVERY_KIND, ids=lambda c: type(c).__name__)
def test_every_change_reads_back_as_it_was_written_through_json(change: Change) -> None:
    assert from_doc(json.loads(json.dumps(to_doc(change)))) == change


def test_every_kind_of_change_is_in_the_round_trip() -> None:
    assert {type(c) for c in EVERY_KIND} == set(get_args(Change))


@pytest.mark.parametrize(
    ("doc", "why"),
    [
        ([], "must be an object"),
        ({"change": "Explode"}, "unknown kind"),
        ({"change": ["SetSummary"]}, "unknown kind"),
        ({"change": "SetSummary"}, "must hold text"),
        ({"change": "SetSummary", "text": "a", "extra": 1}, "must hold text"),
        ({"change": "SetSummary", "text": 5}, "text must be text, not int"),
        ({"change": "SetPoint", "item": "i", "point": True, "ticked": True}, "whole number"),
        ({"change": "SetPoint", "item": "i", "point": -1, "ticked": True}, "negative"),
        ({"change": "SetPoint", "item": "i", "point": 1, "ticked": 1}, "true or false"),
        ({"change": "SetConfidence", "item": "i", "value": 9}, "1 to 5"),
        ({"change": "SetConfidence", "item": "i", "value": True}, "1 to 5"),
        ({"change": "SetAnswer", "item": "i", "stage": "s", "role": "boss", "text": ""}, "role"),
        ({"change": "SetNextDate", "date": "next week"}, "YYYY-MM-DD"),
        ({"change": "AddAction", "action": {"id": "x"}}, "must be an object of"),
        ({"change": "AddAction", "action": "call"}, "must be an object of"),
        (
            {
                "change": "AddAction",
                "action": {"id": "x", "what": 1, "who": "", "by_when": "", "created": ""},
            },
            "what must be text",
        ),
        (
            {
                "change": "SetReview",
                "review": {
                    "session": "s",
                    "action": "a",
                    "what": "",
                    "who": "",
                    "by_when": "",
                    "outcome": "maybe",
                    "note": "",
                },
            },
            "review",
        ),
        ({"change": "SetServed", "names": "Jo"}, "list of names"),
        ({"change": "SetServed", "names": ["Jo", 3]}, "only text"),
        ({"change": "AddElapsed", "seconds": 1.5}, "whole number"),
        ({"change": "Complete", "now": True}, "nothing more"),
    ],
)
def test_a_document_that_is_not_a_change_is_refused_saying_why(doc: object, why: str) -> None:
    with pytest.raises(BadChange, match=why):
        from_doc(doc)
