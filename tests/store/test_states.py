"""Steps, modes, statuses and roles are types; the file keeps the words it always had."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from supervise.content import Role
from supervise.store import SessionFile
from supervise.store.records import (
    CLOSING,
    ITEMS,
    OPENING,
    Mode,
    SessionRecord,
    Status,
    Step,
    StepKind,
)


@pytest.mark.parametrize(
    ("stored", "step"),
    [
        ("opening", OPENING),
        ("", OPENING),
        ("closing", CLOSING),
        ("h3-25/pc/5", Step(StepKind.ITEM, "h3-25/pc/5")),
    ],
)
def test_a_step_reads_back_from_what_the_file_records(stored: str, step: Step) -> None:
    assert Step.parse(stored) == step
    assert Step.parse(str(step)) == step
    assert ITEMS.kind is StepKind.ITEM and not ITEMS.ref


def test_records_hold_members_and_the_file_holds_words(tmp_path: Path) -> None:
    with SessionFile.create(
        tmp_path, mode="supervision", practitioner="Sam", supervisor="Alex"
    ) as session:
        session.sign("practitioner", "Sam")
        record = session.record
        path = session.path
    assert record.mode is Mode.SUPERVISION and record.status is Status.IN_PROGRESS
    assert record.signatures[0].role is Role.PRACTITIONER
    assert record.required_roles == (Role.PRACTITIONER, Role.SUPERVISOR)
    [doc] = json.loads(path.read_text(encoding="utf-8"))["session"].values()
    assert (doc["mode"], doc["status"], doc["signatures"][0]["role"]) == (
        "supervision",
        "in progress",
        "practitioner",
    )


def test_a_mode_that_is_not_one_is_refused() -> None:
    with pytest.raises(ValueError, match="mode must be one of"):
        SessionRecord(
            id="x",
            created="2026-11-23T10:00:00+00:00",
            mode="therapy",  # type: ignore[arg-type]
            practitioner="Sam",
            date="2026-11-23",
        )
