"""Every use of Textual's private API in supervise, in one place, each with the reason.

Each is a measured saving on a hot path (see benchmarks/) that Textual offers no public way to
make. tests/app/test_textual_private.py fails when Textual changes what these rely on, so an
upgrade shows here first rather than as a slow or broken screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import App
from textual.geometry import Size
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget


def quiet_virtual_size() -> Reactive[Size]:
    """A ``virtual_size`` that redraws its widget's scrollbar instead of the screen's layout.

    Widget declares ``virtual_size`` with ``layout=True``: Textual lays the whole screen out
    again each time it changes, which for an answer is every time its text wraps onto a new
    line. An answer's own height is fixed, so only its scrollbar needs to follow; pair this
    with ``update_scrollbars`` in the widget's ``watch_virtual_size``.
    """
    return Reactive(Size(0, 0))


def update_scrollbars(widget: Widget, virtual_size: Size) -> None:
    """Bring ``widget``'s scrollbars up to date with ``virtual_size``, as a layout would."""
    # Widget._scroll_update is what Textual itself runs after laying a scrolling widget out;
    # a scrollbar that appears or goes still lays the screen out, through Textual's own
    # show_vertical_scrollbar.
    widget._scroll_update(virtual_size)


def width_class(screen: Screen[Any], width: int) -> str | None:
    """The class Textual's HORIZONTAL_BREAKPOINTS give ``screen`` at ``width`` cells, if any.

    Textual gives a screen its width class on its first resize, once every widget is styled,
    and then styles them all again; a session screen given its class before mounting is styled
    once. Textual's own rule decides, so the two never disagree.
    """
    breakpoints = screen.HORIZONTAL_BREAKPOINTS
    if breakpoints is None:
        breakpoints = screen.app.HORIZONTAL_BREAKPOINTS
    classes = screen._get_breakpoint_classes(width, breakpoints or [])
    return next(iter(classes), None)


def add_default_css(app: App[Any], kinds: Iterable[type[Widget]]) -> None:
    """Read the default styles of every widget class in ``kinds`` into ``app``'s stylesheet at
    once, as mounting the first widget of each would.

    Textual reads a class's DEFAULT_CSS when its first widget mounts, and the stylesheet is
    rebuilt (every rule gathered and indexed again) before the next widget is styled: a screen
    whose containers bring in new kinds one after another rebuilt it six times while opening a
    session. Read here first, each is found already read when its widget mounts.
    """
    stylesheet = app.stylesheet
    for kind in kinds:
        # Only the class is read (DOMNode._get_default_css walks self.__class__'s bases).
        unmade = kind.__new__(kind)
        for read_from, css, tie_breaker, scope in unmade._get_default_css():
            stylesheet.add_source(
                css, read_from=read_from, is_default_css=True, tie_breaker=tie_breaker, scope=scope
            )
    # Rebuilt now, once, rather than as the first widget is styled.
    stylesheet.rules  # noqa: B018
