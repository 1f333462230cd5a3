"""Work opening a session leaves out (see benchmarks/): what is left out must not show."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.message import Message

from supervise.app import process
from supervise.app.app import SuperviseApp
from supervise.app.screens.base import SessionScreen
from supervise.app.screens.walk import WalkScreen
from supervise.app.widgets.item_list import ItemList
from supervise.app.widgets.prompt_field import AnswerArea
from supervise.store import SessionFile
from tests.app.conftest import SCOPE
from tests.app.driving import open_walk


async def test_a_session_screen_is_styled_once_as_it_first_shows_and_again_later(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    make_session()
    app = make_app()
    resumes: list[events.ScreenResume] = []

    def note(message: Message) -> None:
        if isinstance(message, events.ScreenResume):
            resumes.append(message)

    async with app.run_test(size=(120, 40), message_hook=note) as pilot:
        await open_walk(pilot, app)
        # Its widgets were styled as they mounted: showing it first restyles nothing.
        assert resumes[-1].refresh_styles is False
        assert isinstance(app.screen, WalkScreen)
        # Shown again later (back from a dialog), it is restyled as Textual asks.
        again = events.ScreenResume()
        app.screen.post_message(again)
        await pilot.pause()
        assert again.refresh_styles is True


async def test_garbage_is_collected_again_once_the_session_is_open(
    make_app: Callable[[], SuperviseApp],
    make_session: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_session()
    app = make_app()
    monkeypatch.setattr(process, "OPENING_HOLD", 0.5)
    # As in a real run (app.run), which tests do not use.
    monkeypatch.setattr(app, "_tuned", True)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("o")
            await pilot.pause()
            assert isinstance(app.screen, SessionScreen)
            # The session's screen was built without collections...
            assert not gc.isenabled()
            await pilot.pause(0.7)
            # ... and they start again by themselves.
            assert gc.isenabled()
    finally:
        gc.enable()


async def test_the_item_list_arrives_after_the_item_pointing_at_it(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    with SessionFile.open(path) as session:
        session.set_current_item(SCOPE[-1])
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        assert walk.current == SCOPE[-1]
        items = walk.query_one(ItemList)
        # Built a frame after the item, from the session as it is then: the cursor stays in
        # the answer, and the list points at the item on screen.
        assert items.highlighted == len(SCOPE) - 1
        assert str(items.get_option_at_index(len(SCOPE) - 1).prompt).startswith("▶")
        assert isinstance(app.focused, AnswerArea)
        await pilot.press("ctrl+g")
        assert items.has_focus
