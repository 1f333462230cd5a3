"""The cursor is where people type: in an item's answer, back in the field left, never lost."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input, TextArea

from supervise.app.app import SuperviseApp
from supervise.app.screens.dialogs import Choice
from supervise.app.screens.home import HomeScreen
from supervise.app.screens.new_session import NewSessionScreen
from supervise.app.screens.opening import OpeningScreen
from supervise.app.widgets.prompt_field import AnswerArea
from supervise.store import SessionFile
from tests.app.conftest import SCOPE, stored
from tests.app.driving import open_at, open_walk


def _focused_answer(app: SuperviseApp) -> AnswerArea:
    focused = app.focused
    assert isinstance(focused, AnswerArea), focused
    return focused


async def test_an_item_opens_with_the_cursor_at_the_end_of_its_first_answer(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    with SessionFile.open(path) as session:
        session.set_response(SCOPE[2], "points", "practitioner", "Trust first.")
        session.set_current_item(SCOPE[2])
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_walk(pilot, app)
        area = _focused_answer(app)
        assert area.field == "points|practitioner"
        assert area.cursor_location == area.document.end
        await pilot.press(*" Then the task.", "ctrl+q")
    assert stored(path).response(SCOPE[2], "points", "practitioner") == (
        "Trust first. Then the task."
    )


async def test_resuming_returns_to_the_answer_that_was_left(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        walk.query(TextArea)[1].focus()
        await pilot.press(*"a supervisor's note", "ctrl+q")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_walk(pilot, app)
        area = _focused_answer(app)
        assert (area.field, area.text) == ("what|supervisor", "a supervisor's note")
        assert area.cursor_location == area.document.end


async def test_resuming_the_opening_returns_to_the_answer_that_was_left(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_at(pilot, app, OpeningScreen)
        await pilot.press("tab", "tab", *"Agree a plan", "ctrl+q")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_at(pilot, app, OpeningScreen)
        area = _focused_answer(app)
        assert (area.field, area.text) == ("purpose", "Agree a plan")


async def test_escape_on_a_filled_new_session_form_asks_first(
    make_app: Callable[[], SuperviseApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NewSessionScreen)
        await pilot.press(*"Sam", "escape")
        await pilot.pause()
        assert isinstance(app.screen, Choice)
        await pilot.press("escape")  # the safe choice: keep the form
        await pilot.pause()
        assert app.screen is form
        assert form.query_one("#practitioner", Input).value == "Sam"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#discard")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        # An empty form goes at once.
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
