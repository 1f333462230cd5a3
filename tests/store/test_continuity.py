"""What carries between sessions: open actions, their reviews, flagged items, known names."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from supervise.store import SessionFile, list_sessions
from supervise.store.continuity import (
    due_actions,
    flagged_for_supervision,
    known_names,
    known_spelling,
    open_actions,
)
from supervise.store.records import ActionReview, ReviewOutcome
from tests.store.conftest import SCOPE


def _session(folder: Path, **fields: object) -> SessionFile:
    values: dict[str, object] = {
        "mode": "supervision",
        "practitioner": "Sam",
        "supervisor": "Alex",
        "date": "2026-11-01",
        "scope": SCOPE,
    }
    values.update(fields)
    return SessionFile.create(folder, **values)  # type: ignore[arg-type]


def test_reviews_close_done_and_dropped_and_carry_partly_and_not_done(tmp_path: Path) -> None:
    with _session(tmp_path) as first:
        done = first.add_action("Call the landlord", "Sam", "2026-11-10")
        partly = first.add_action("Read the policy", "Sam")
        dropped = first.add_action("Shadow a visit", "Alex")
        untouched = first.add_action("Book training", "Sam", "2026-12-20")
    carried = [a.carried() for a in open_actions(list_sessions(tmp_path), "  sam ")]
    assert [c.what for c in carried] == [
        "Call the landlord",
        "Read the policy",
        "Shadow a visit",
        "Book training",
    ]
    assert all(c.outcome is None for c in carried)
    # Carried into the next session and reviewed there, through the same change as the app.
    with _session(tmp_path, date="2026-11-15", reviews=carried) as second:
        outcomes = [ReviewOutcome.DONE, ReviewOutcome.PARTLY, ReviewOutcome.DROPPED]
        for review, outcome in zip(carried, outcomes, strict=False):
            second.put_review(replace(review, outcome=outcome, note=f"{outcome.value}!"))
        stored = second.reviews()
    assert [(r.what, r.outcome, r.note) for r in stored] == [
        ("Call the landlord", ReviewOutcome.DONE, "done!"),
        ("Read the policy", ReviewOutcome.PARTLY, "partly!"),
        ("Shadow a visit", ReviewOutcome.DROPPED, "dropped!"),
        ("Book training", None, ""),
    ]
    still_open = open_actions(list_sessions(tmp_path), "Sam")
    assert [(a.action.id, a.last and a.last.outcome) for a in still_open] == [
        (partly.id, ReviewOutcome.PARTLY),
        (untouched.id, None),
    ]
    assert done.id not in {a.action.id for a in still_open}
    assert dropped.id not in {a.action.id for a in still_open}
    # Another practitioner's actions are theirs alone.
    assert open_actions(list_sessions(tmp_path), "Priya") == []


def test_a_later_review_decides_and_the_index_keeps_reviews(tmp_path: Path) -> None:
    with _session(tmp_path) as first:
        action = first.add_action("Read the policy", "Sam")
    [carried] = [a.carried() for a in open_actions(list_sessions(tmp_path))]
    with _session(tmp_path, date="2026-11-08", reviews=[carried]) as second:
        second.put_review(replace(carried, outcome=ReviewOutcome.NOT_DONE))
    with _session(tmp_path, date="2026-11-15", reviews=[carried]) as third:
        third.put_review(replace(carried, outcome=ReviewOutcome.DONE, note="finally"))
    assert open_actions(list_sessions(tmp_path)) == []
    # Listed again from the index alone, the same answer.
    assert open_actions(list_sessions(tmp_path)) == []
    assert carried.key == (first.record.id, action.id)


def test_a_bad_outcome_makes_the_file_unreadable_not_half_open(tmp_path: Path) -> None:
    review = ActionReview("abc", "def", "what", "", "")
    with _session(tmp_path, reviews=[review]) as session:
        path = session.path
    text = path.read_text().replace('"outcome": null', '"outcome": "maybe"')
    path.write_text(text)
    [summary] = list_sessions(tmp_path)
    assert summary.status == "unreadable"


def test_due_actions_are_overdue_or_within_a_week_soonest_first(tmp_path: Path) -> None:
    with _session(tmp_path) as session:
        session.add_action("Later", "Sam", "2026-12-30")
        session.add_action("Soon", "Sam", "2026-12-05")
        session.add_action("Late", "Sam", "2026-11-20")
        session.add_action("Undated", "Sam")
    today = date(2026, 12, 1)
    due = due_actions(list_sessions(tmp_path), today)
    assert [(a.action.what, a.overdue(today)) for a in due] == [
        ("Late", True),
        ("Soon", False),
    ]


def test_flagged_items_wait_for_the_next_supervision_that_takes_them_up(tmp_path: Path) -> None:
    with _session(
        tmp_path, mode="self-reflection", supervisor="", date="2026-11-02", scope=SCOPE
    ) as reflection:
        reflection.set_bring_to_supervision(SCOPE[0], True)
        reflection.set_bring_to_supervision(SCOPE[1], True)
    with _session(tmp_path, practitioner="Priya", date="2026-11-03"):
        pass
    flags = flagged_for_supervision(list_sessions(tmp_path), "SAM")
    assert [f.item for f in flags] == [SCOPE[0], SCOPE[1]]
    assert flags[0].path == reflection.path
    [listed] = [s for s in list_sessions(tmp_path) if s.mode == "self-reflection"]
    assert listed.flagged == (SCOPE[0], SCOPE[1])
    # A later supervision covering one of them takes it off the list.
    with _session(tmp_path, date="2026-11-10", scope=(SCOPE[0],)):
        pass
    assert [f.item for f in flagged_for_supervision(list_sessions(tmp_path), "Sam")] == [SCOPE[1]]
    assert flagged_for_supervision(list_sessions(tmp_path), "Priya") == []


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("sam  k", "Sam K"), ("ALEX", "Alex"), (" New  Person ", "New Person")],
)
def test_a_name_typed_before_keeps_its_spelling(tmp_path: Path, typed: str, expected: str) -> None:
    with _session(tmp_path, practitioner="sam k", date="2026-10-01"):
        pass
    with _session(tmp_path, practitioner="Sam K", date="2026-11-01"):
        pass
    names = known_names(list_sessions(tmp_path))
    assert names == ["Alex", "Sam K"]
    assert known_spelling(typed, names) == expected
