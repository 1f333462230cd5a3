"""An answer area grows without laying the screen out, until it needs its scrollbar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.screen import Screen

from supervise.app.app import SuperviseApp
from supervise.app.widgets.prompt_field import AnswerArea
from supervise.store import SessionFile
from tests.app.driving import open_walk


async def test_an_answer_growing_lays_nothing_out_until_it_needs_its_scrollbar(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        await pilot.pause()
        area = app.focused
        assert isinstance(area, AnswerArea) and area.size.height == 10
        layouts: list[Screen[object]] = []
        walk.screen_layout_refresh_signal.subscribe(walk, layouts.append)

        # Five more lines fit the answer's fixed height: no line lays the screen out again.
        await pilot.press("a", *["enter", "b"] * 5)
        await pilot.pause()
        assert area.text == "a" + "\nb" * 5
        assert layouts == [] and not area.show_vertical_scrollbar

        # Past its height the answer shows a scrollbar and keeps the cursor in view.
        await pilot.press(*["enter", "c"] * 8)
        await pilot.pause()
        assert area.show_vertical_scrollbar and area.scroll_y > 0
        assert area.vertical_scrollbar.window_virtual_size == 14
        assert area.cursor_location == (13, 1)
        assert len(layouts) >= 1
        # A new, empty last line is in view at once, not only after its first character.
        await pilot.press("enter")
        await pilot.pause()
        assert area.cursor_location == (14, 0)
        assert area.scroll_y <= 14 < area.scroll_y + area.scrollable_content_region.height
        await pilot.press("ctrl+s")
        await pilot.pause()
    with SessionFile.open_read_only(path) as session:
        assert area.text in {response.text for response in session.responses()}
