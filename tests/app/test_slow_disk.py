"""Typing never waits on the disk, and opening and listing never hold up the screen.

Each test holds the disk (or the open, or the listing) still with an event until it has shown
that the screen went on without it: no timing, so a busy machine cannot fail it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from supervise.app.app import SuperviseApp
from supervise.app.widgets import prompt_field
from tests.app.conftest import SCOPE, stored
from tests.app.driving import open_walk, until, until_exited
from tests.hold import Hold

TYPED = "each key is answered at once, while the disk takes its time over every save"


async def test_keys_are_answered_while_the_disk_is_stuck(
    make_app: Callable[[], SuperviseApp],
    make_session: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(prompt_field, "SAVE_AT_LEAST_EVERY", 0.05)
    path = make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        real_fsync = os.fsync
        disk = Hold()

        def stuck_fsync(fd: int) -> None:
            disk.wait()
            real_fsync(fd)

        monkeypatch.setattr(os, "fsync", stuck_fsync)
        area = walk.query("TextArea").first()
        half = len(TYPED) // 2
        await pilot.press(*TYPED[:half])
        await until(disk.reached.is_set, pilot, "a save reached the disk")
        # The writer is stuck in fsync; every key still lands, and on screen.
        await pilot.press(*TYPED[half:])
        assert area.text == TYPED
        assert not disk.opened.is_set() and not disk.gave_up
        disk.opened.set()
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
    from tests.app.driving import until_listed

    make_session()
    real_open = SessionDoor.open.__func__  # type: ignore[attr-defined]
    gate = Hold()

    def held_open(cls: type[SessionDoor], *args: object, **kwargs: object) -> SessionDoor:
        gate.wait()
        return real_open(cls, *args, **kwargs)  # type: ignore[no-any-return]

    monkeypatch.setattr(SessionDoor, "open", classmethod(held_open))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        await until_listed(pilot, app)
        await pilot.press("o")
        await until(gate.reached.is_set, pilot, "the open started")
        # The open is held; the screen answers and says what is under way.
        assert "Opening" in str(home.query_one("#folder").render())
        assert app.screen is home and not gate.gave_up
        gate.opened.set()
        await until(lambda: isinstance(app.screen, OpeningScreen), pilot, "the opening shown")
        assert "Opening" not in str(home.query_one("#folder").render())
        await pilot.pause()
        await pilot.press("ctrl+q")
        await until_exited(app)


def _hold_the_listing(monkeypatch: pytest.MonkeyPatch) -> Hold:
    """Make the home screen's listing stop at a gate until the test opens it."""
    from supervise.app.screens import home as home_module

    real_list = home_module.read_listing
    gate = Hold()

    def held_list(folder: Path) -> object:
        gate.wait()
        return real_list(folder)

    monkeypatch.setattr(home_module, "read_listing", held_list)
    return gate


async def test_the_list_is_read_off_the_screen_thread_and_o_waits_for_it(
    make_app: Callable[[], SuperviseApp],
    make_session: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from supervise.app.screens.home import HomeScreen
    from supervise.app.screens.opening import OpeningScreen

    make_session()
    gate = _hold_the_listing(monkeypatch)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        await until(gate.reached.is_set, pilot, "the listing started")
        assert "Reading the sessions folder" in str(home.query_one("#folder").render())
        await pilot.press("o")
        assert app.screen is home and not gate.gave_up
        gate.opened.set()
        # Once the list is read, the session highlighted first opens.
        await until(lambda: isinstance(app.screen, OpeningScreen), pilot, "the opening shown")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await until_exited(app)


async def test_h_pressed_while_the_list_is_read_waits_for_it(
    make_app: Callable[[], SuperviseApp],
    make_session: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from supervise.app.screens.history import HistoryScreen
    from supervise.app.screens.home import HomeScreen

    make_session(practitioner="Robin")
    gate = _hold_the_listing(monkeypatch)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        await until(gate.reached.is_set, pilot, "the listing started")
        await pilot.press("h")
        assert app.screen is home and not gate.gave_up
        gate.opened.set()
        # Once the list is read, the History of the session highlighted first is shown.
        await until(lambda: isinstance(app.screen, HistoryScreen), pilot, "the History shown")
        await pilot.pause()
        assert "Robin" in str(app.screen.sub_title) + str(app.screen.title)
        await pilot.press("ctrl+q")
        await until_exited(app)
