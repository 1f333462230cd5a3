"""Two windows and a deleted lock: windows open, type, close and reopen one session in random
order while its lock file is deleted now and then; only one window ever saves at a time, and
every word typed is on disk or kept by its window to be copied out, never thrown away."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from supervise.content.model import Role
from supervise.store import SessionFile, SessionLocked
from supervise.store.changes import SetAnswer
from supervise.store.door import SessionDoor
from supervise.store.lock import lock_path_for
from tests.reliability.figures import report

ROUNDS = 20
"""Sessions in an ordinary run, each with STEPS random steps; --long makes it LONG_ROUNDS."""
LONG_ROUNDS = 200
STEPS = 24
ITEM = "h3-25/pc/5"


def _close(windows: dict[str, SessionDoor | None], name: str, kept: dict[str, list[str]]) -> None:
    """Close a window, noting the answers it still holds unsaved (the app offers a copy)."""
    door = windows[name]
    assert door is not None
    kept[name] += [c.text for c in door.unsaved() if isinstance(c, SetAnswer)]
    door.close()
    windows[name] = None


def test_one_writer_at_a_time_and_nothing_discarded(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    rounds = LONG_ROUNDS if request.config.getoption("--long") else ROUNDS
    seed = int(os.environ.get("SUPERVISE_WINDOWS_SEED") or random.randrange(1 << 30))
    rng = random.Random(seed)
    folder = tmp_path / "sessions"
    opened = refused = deletions = saved_count = kept_count = 0
    for round_ in range(rounds):
        with SessionFile.create(folder, mode="self-reflection", practitioner="Sam") as session:
            path = session.path
        windows: dict[str, SessionDoor | None] = {"A": None, "B": None}
        saved: list[str] = []
        failed: dict[str, list[str]] = {"A": [], "B": []}
        kept: dict[str, list[str]] = {"A": [], "B": []}

        for step in range(STEPS):
            name = rng.choice("AB")
            door = windows[name]
            action = rng.choice(("open",) * 3 + ("type",) * 6 + ("delete lock", "close"))
            if action == "open" and door is None:
                try:
                    windows[name] = SessionDoor.open(path, lambda state: None)
                    opened += 1
                except SessionLocked:
                    refused += 1
            elif action == "type" and door is not None:
                text = f"{name} typed this in round {round_}, step {step}"
                door.submit(SetAnswer(ITEM, f"stage-{step}", Role.PRACTITIONER, text))
                (saved if door.flush(timeout=5) else failed[name]).append(text)
            elif action == "delete lock":
                lock_path_for(path).unlink(missing_ok=True)
                deletions += 1
            elif action == "close" and door is not None:
                _close(windows, name, kept)
        for name in "AB":
            if windows[name] is not None:
                _close(windows, name, kept)
        where = f"round {round_}, seed {seed}"
        with SessionFile.open_read_only(path) as on_disk:
            held = {r.text for r in on_disk.responses()}
        # Every save reported done is still there: no window's save replaced another's words.
        assert set(saved) <= held, where
        # Every save that failed was kept by its window (for the copy the app offers) and
        # never written over the other window's words.
        for name in "AB":
            assert set(failed[name]) <= set(kept[name]), where
            assert not set(failed[name]) & held, where
        assert not lock_path_for(path).exists(), where
        saved_count += len(saved)
        kept_count += len(failed["A"]) + len(failed["B"])
    report(
        "two windows",
        f"{rounds} sessions x {STEPS} random steps (seed {seed}): {opened} opens, {refused} "
        f"refused while the other window held the lock, {deletions} lock files deleted; "
        f"{saved_count} saves all on disk, {kept_count} stopped after a lost lock and kept by "
        "their window; none discarded",
    )
