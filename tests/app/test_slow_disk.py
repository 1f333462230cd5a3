"""Typing never waits on the disk: with every fsync slowed, the screen still answers each key."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from supervise.app.app import SuperviseApp
from supervise.app.widgets import prompt_field
from tests.app.conftest import SCOPE, stored
from tests.app.driving import open_walk, until_exited

SLOW_FSYNC = 0.5
"""Seconds each fsync takes on the slowed disk."""
TYPED = "each key is answered at once, while the disk takes its time over every save"


async def test_keys_are_answered_while_the_disk_is_slow(
    make_app: Callable[[], SuperviseApp],
    make_session: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Saves come faster than the slowed disk takes them, so the writer is always busy.
    monkeypatch.setattr(prompt_field, "SAVE_AT_LEAST_EVERY", SLOW_FSYNC / 3)
    path = make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        real_fsync = os.fsync
        syncing: list[float] = []

        def slow_fsync(fd: int) -> None:
            syncing.append(time.monotonic())
            time.sleep(SLOW_FSYNC)
            real_fsync(fd)

        monkeypatch.setattr(os, "fsync", slow_fsync)
        area = walk.query("TextArea").first()
        slowest = 0.0
        for key in TYPED:
            start = time.monotonic()
            await pilot.press(key)
            slowest = max(slowest, time.monotonic() - start)
        assert area.text == TYPED
        assert syncing, "the writer never reached the disk"
        # A key waits for the screen, never for a save: well under one slowed fsync.
        assert slowest < SLOW_FSYNC / 2, slowest
        await pilot.press("ctrl+q")
        await until_exited(app, timeout=30)
    assert stored(path).response(SCOPE[0], "what", "practitioner") == TYPED


async def test_opening_a_session_runs_off_the_screen_thread_and_says_so(
    make_app: Callable[[], SuperviseApp],
    make_session: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from supervise.app.live import SessionDoor
    from supervise.app.screens.home import HomeScreen
    from supervise.app.screens.opening import OpeningScreen

    make_session()
    real_open = SessionDoor.open.__func__  # type: ignore[attr-defined]

    def slow_open(cls: type[SessionDoor], *args: object, **kwargs: object) -> SessionDoor:
        time.sleep(SLOW_FSYNC)
        return real_open(cls, *args, **kwargs)  # type: ignore[no-any-return]

    monkeypatch.setattr(SessionDoor, "open", classmethod(slow_open))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        start = time.monotonic()
        await pilot.press("o")
        assert time.monotonic() - start < SLOW_FSYNC / 2
        assert "Opening" in str(home.query_one("#folder").render())
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen)
        assert "Opening" not in str(home.query_one("#folder").render())
