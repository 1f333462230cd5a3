"""An answer redraws only from the edited row down, and what it shows is what a full redraw shows.

AnswerArea.edit skips TextArea's whole-area redraw on every key (see its docstring). If it skipped
a row that did change, the screen would show old text: each step below compares the screen
with the same screen redrawn whole.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.app import App, ComposeResult
from textual.geometry import Offset
from textual.pilot import Pilot

from supervise.app.widgets.prompt_field import AnswerArea

WORDS = (
    "She said the letter had misunderstandings in it that frightened her more than the "
    "arrears, and she had not opened the next two. We agreed to read them on Thursday."
)


class _Answer(App[None]):
    CSS = "AnswerArea { height: 8; width: 40; }"

    def compose(self) -> ComposeResult:
        yield AnswerArea(WORDS, lambda text: None)


async def _same_as_full_redraw(pilot: Pilot[None], area: AnswerArea) -> None:
    await pilot.pause()
    shown = pilot.app.export_screenshot()
    area.refresh()
    await pilot.pause()
    assert pilot.app.export_screenshot() == shown


async def test_every_kind_of_edit_leaves_the_screen_as_a_full_redraw_would() -> None:
    app = _Answer()
    async with app.run_test(size=(60, 12)) as pilot:
        area = app.query_one(AnswerArea)
        area.focus()
        area.move_cursor(area.document.end)

        async def press(*keys: str) -> None:
            await pilot.press(*keys)

        async def at(row: int, column: int, *keys: str) -> None:
            area.move_cursor((row, column))
            await pilot.press(*keys)

        async def split_first_word_of_second_row() -> None:
            # "misunderstandings" starts the second row; a space after its "mis" lets "mis" move
            # up to the end of the first row, which is above the edited row.
            start = area.wrapped_document.offset_to_location(Offset(0, 1))
            assert area.document.get_text_range(start, (start[0], start[1] + 3)) == "mis"
            await at(start[0], start[1] + 3, "space")
            assert area.wrapped_document.location_to_offset(start).y == 0

        def paste(text: str) -> Callable[[], Awaitable[None]]:
            async def pasting() -> None:
                area.replace(text, area.selection.start, area.selection.end)

            return pasting

        steps: list[Callable[[], Awaitable[None]]] = [
            split_first_word_of_second_row,
            lambda: press(*"and then"),  # at the end
            lambda: at(0, 40, *"xyz"),  # inside the paragraph: rows below re-wrap
            lambda: at(0, 41, "backspace", "backspace", "backspace", "backspace"),
            lambda: at(0, 38, "space", "space", "space"),  # a space splits a word
            lambda: at(0, 0, "enter"),  # a new first line moves everything down
            lambda: press("backspace"),  # and back
            lambda: at(0, 60, "shift+right", "shift+right", "shift+down", "x"),
            lambda: press("ctrl+z"),
            lambda: press("ctrl+y"),
            lambda: at(0, 0, "shift+down", "shift+down", "shift+down"),  # a selection
            paste("one\ntwo\nthree"),  # replaces it with three lines
            lambda: at(0, 5, "delete", "delete", "delete"),
            lambda: press("ctrl+a", "z"),  # everything replaced by one letter
            paste(WORDS * 2),  # a long paste scrolls the area
            lambda: at(0, 3, *"abc"),  # scrolled back to the top
        ]
        for number, step in enumerate(steps):
            await step()
            await _same_as_full_redraw(pilot, area)
            assert area.text, number
