"""A practitioner's history, checked against a store built here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from supervise.store import SessionFile, list_sessions
from supervise.store.history import Mark, history_of

A, B, C, D = "h3-25/pc/1", "h3-25/pc/2", "h3-25/k/c", "cyp-4.3/k/1"


def _build(folder: Path, new_session: Callable[..., SessionFile]) -> None:
    first = new_session(date="2026-01-10", scope=(A, B, C))
    first.set_response(A, "what", "practitioner", "one")
    first.set_confidence(A, 2)
    first.set_confidence(B, 3)
    first.log("skipped", C)
    first.add_action("Read the policy", "Sam", "2026-02-01")
    first.close()
    second = new_session(
        date="2026-03-10",
        scope=(A, D),
        mode="self-reflection",
        supervisor="",
        practitioner="sam  JONES ",
    )
    second.set_response(A, "so-what", "practitioner", "two")
    second.set_confidence(A, 4)
    second.set_bring_to_supervision(D, True)
    second.close()
    third = new_session(date="2026-05-10", scope=(B,), supervisor="Priya")
    third.set_response(B, "what", "supervisor", "three")
    third.set_confidence(B, 1)
    third.add_action("Shadow a visit", "Sam", "")
    third.close()
    other = new_session(date="2026-04-01", scope=(C,), practitioner="Jo")
    other.set_response(C, "what", "practitioner", "not Sam's")
    other.close()


def test_the_history_holds_each_session_mark_rating_and_action(
    folder: Path, new_session: Callable[..., SessionFile]
) -> None:
    _build(folder, new_session)
    history = history_of(list_sessions(folder), "Sam Jones")
    assert [s.date for s in history.sessions] == ["2026-01-10", "2026-03-10", "2026-05-10"]
    first, second, _ = history.sessions
    assert first.marks == {
        A: Mark(answered=True, confidence=2),
        B: Mark(confidence=3),
        C: Mark(skipped=True),
    }
    assert second.marks[D] == Mark(flagged=True)
    assert history.frameworks() == ["h3-25", "cyp-4.3"]
    assert history.confidences(A) == [("2026-01-10", 2), ("2026-03-10", 4)]
    assert history.confidences(B) == [("2026-01-10", 3), ("2026-05-10", 1)]
    assert history.latest_confidence(A) == 4 and history.latest_confidence(C) is None
    assert [history.covered(ref) for ref in (A, B, C, D)] == [True, True, False, False]
    everything = [A, B, C, D, "h3-25/pc/3"]
    assert history.gaps(everything) == [C, D, "h3-25/pc/3"]
    assert history.lowest_rated(everything) == [B, A]
    assert history.lowest_rated(everything, count=1) == [B]
    assert [(s.date, a.what) for s, a in history.actions()] == [
        ("2026-05-10", "Shadow a visit"),
        ("2026-01-10", "Read the policy"),
    ]
    assert history.latest_supervisor() == "Priya"


def test_nobody_with_that_name_has_an_empty_history(
    folder: Path, new_session: Callable[..., SessionFile]
) -> None:
    _build(folder, new_session)
    history = history_of(list_sessions(folder), "Nobody")
    assert history.sessions == () and history.frameworks() == []
    assert history.gaps([A]) == [A] and history.lowest_rated([A]) == []


def test_an_action_reviewed_as_done_is_no_longer_listed_as_open(
    folder: Path, new_session: Callable[..., SessionFile]
) -> None:
    from dataclasses import replace

    from supervise.store.records import ActionReview, ReviewOutcome

    _build(folder, new_session)
    first = next(s for s in list_sessions(folder) if s.date == "2026-01-10")
    policy = first.actions[0]
    done = ActionReview(first.id, policy.id, policy.what, policy.who, policy.by_when)
    later = new_session(date="2026-06-01", scope=(A,), reviews=[done])
    later.put_review(replace(done, outcome=ReviewOutcome.DONE))
    later.close()
    history = history_of(list_sessions(folder), "Sam Jones")
    assert [a.what for _, a in history.actions()] == ["Shadow a visit"]
