"""Fails when Textual changes what supervise/app/textual_private.py relies on."""

from __future__ import annotations

import inspect

from textual.app import App, ComposeResult
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import RadioSet, TextArea

from supervise.app.textual_private import (
    add_default_css,
    quiet_virtual_size,
    update_scrollbars,
    width_class,
)
from supervise.app.widgets.marks import MarkedRadioButton

BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]


def test_widget_still_lays_the_screen_out_when_its_virtual_size_changes() -> None:
    # If Textual stops doing so, quiet_virtual_size has nothing left to save and can go.
    declared = Widget.__dict__["virtual_size"]
    assert declared._layout is True
    assert quiet_virtual_size()._layout is False
    assert TextArea.__dict__.get("virtual_size") is None


def test_scroll_update_still_takes_the_virtual_size() -> None:
    parameters = list(inspect.signature(Widget._scroll_update).parameters)
    assert parameters == ["self", "virtual_size"]


class _Wide(App[None]):
    HORIZONTAL_BREAKPOINTS = BREAKPOINTS

    def compose(self) -> ComposeResult:
        yield TextArea("one\ntwo\nthree\nfour", id="area")


async def test_textual_gives_a_screen_the_class_width_class_says() -> None:
    for width, expected in ((80, "-narrow"), (120, "-wide")):
        app = _Wide()
        async with app.run_test(size=(width, 24)) as pilot:
            await pilot.pause()
            screen: Screen[object] = app.screen
            assert width_class(screen, width) == expected
            assert screen.has_class(expected)


async def test_update_scrollbars_follows_a_new_virtual_size() -> None:
    app = _Wide()
    async with app.run_test(size=(80, 24)) as pilot:
        area = app.query_one("#area", TextArea)
        area.styles.height = 3
        await pilot.pause()
        update_scrollbars(area, Size(40, 50))
        assert area.vertical_scrollbar.window_virtual_size == 50


class _Bare(App[None]):
    pass


async def test_default_css_read_ahead_is_what_mounting_reads() -> None:
    app = _Bare()
    async with app.run_test(size=(80, 24)) as pilot:
        add_default_css(app, (TextArea, RadioSet, MarkedRadioButton))
        read = dict(app.stylesheet.source)
        await app.screen.mount(TextArea("x"), RadioSet(MarkedRadioButton("one")))
        await pilot.pause()
        # Mounting found each class's styles already read: nothing new, nothing read twice.
        assert dict(app.stylesheet.source) == read
