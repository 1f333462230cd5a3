"""Typing an answer redraws the answer and what shares its box, not the rest of the screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets._header import HeaderClock

from supervise.app.app import SuperviseApp
from supervise.app.widgets.item_list import ItemList
from supervise.app.widgets.prompt_field import AnswerArea
from tests.app.driving import open_walk, until


async def test_a_key_typed_in_an_answer_draws_none_of_the_rest_of_the_screen(
    make_app: Callable[[], SuperviseApp],
    make_session: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_session()
    # The key's frame alone is watched: on a busy machine Pilot's wait for idle can outlast the
    # save delay, and the save line changing then lays out the bottom bar in the same window.
    from supervise.app.widgets import prompt_field

    monkeypatch.setattr(prompt_field, "SAVE_DELAY", 30.0)
    monkeypatch.setattr(prompt_field, "SAVE_AT_LEAST_EVERY", 30.0)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        # The header clock redraws itself each second; hidden, it cannot land in the frame.
        walk.query_one(HeaderClock).display = False
        # The item list and the lower part of the item come a frame or two after the walk's
        # first frame: let the screen settle before spying on what one key redraws.
        await until(lambda: bool(walk.query(ItemList)), pilot, "the item list added")
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        assert isinstance(app.focused, AnswerArea)

        drawn: list[Widget] = []
        render_lines = Widget.render_lines

        def spy(widget: Widget, crop: object) -> list[Strip]:
            drawn.append(widget)
            return render_lines(widget, crop)  # type: ignore[arg-type]

        monkeypatch.setattr(Widget, "render_lines", spy)
        await pilot.press("x")
        await pilot.pause()
        monkeypatch.undo()

        assert app.focused.text.startswith("x")
        assert app.focused in drawn
        # Textual draws every widget beside an ancestor of the change: the boxes keep the
        # list, the header, where-you-are and the statement out of a typing frame.
        far = [*walk.query(ItemList), *walk.query("Header, #position, #statement")]
        assert far and not set(far) & set(drawn)
        # Drawn at all, boxes are drawn as plain background.
        assert all(widget.BLANK for widget in drawn if widget.children and widget is not walk)
