"""Steps many app tests (and the crash scripts) share: getting from the list to the walk."""

from __future__ import annotations

import asyncio
import html
import re
from collections.abc import Callable
from typing import Any, TypeVar

from textual import events
from textual.message import Message
from textual.notifications import Notify
from textual.pilot import Pilot

from supervise.app.app import SuperviseApp
from supervise.app.screens.walk import WalkScreen

S = TypeVar("S")


async def open_at(pilot: Pilot[Any], app: SuperviseApp, kind: type[S]) -> S:
    """From the home screen, open the highlighted session where it was left (a ``kind``)."""
    await pilot.press("o")
    await pilot.pause()
    assert isinstance(app.screen, kind), app.screen
    return app.screen


async def open_walk(pilot: Pilot[Any], app: SuperviseApp) -> WalkScreen:
    """From the home screen, open the highlighted session and go on to its items."""
    await pilot.press("o")
    await pilot.pause()
    if not isinstance(app.screen, WalkScreen):
        await pilot.press("ctrl+n")
        await pilot.pause()
    assert isinstance(app.screen, WalkScreen), app.screen
    return app.screen


def screen_text(app: SuperviseApp) -> str:
    """What a person sees on the current screen right now, as plain lines of text."""
    # Textual's public screenshot is an SVG with one <text> run per styled span, placed by x
    # and y; the lines are those runs read left to right, top to bottom.
    rows: dict[float, list[tuple[float, str]]] = {}
    for x, y, text in _SVG_TEXT.findall(app.export_screenshot()):
        rows.setdefault(float(y), []).append((float(x), html.unescape(text)))
    lines = ("".join(text for _, text in sorted(runs)) for _, runs in sorted(rows.items()))
    return "\n".join(line.replace("\xa0", " ") for line in lines)


_SVG_TEXT = re.compile(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>')


def burst(app: SuperviseApp, *keys: str) -> None:
    """Send ``keys`` all at once, as a terminal delivers a fast paste or tmux's send-keys: none
    is handled before the next arrives (Pilot's press waits for each)."""
    for key in keys:
        char = key if len(key) == 1 else None
        app.post_message(events.Key(_KEY_NAMES.get(key, key), char))


async def until_exited(app: SuperviseApp, timeout: float = 10.0) -> None:
    """Wait for the app to finish quitting."""
    deadline = asyncio.get_running_loop().time() + timeout
    while app.is_running and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.02)
    assert not app.is_running, "the app did not quit"


def words(count: int, stem: str = "word") -> str:
    """``count`` distinct words, so a lost one shows."""
    return " ".join(f"{stem}{n}" for n in range(count))


# Single characters a terminal sends under another key name.
_KEY_NAMES = {" ": "space", ".": "full_stop", ",": "comma", ";": "semicolon"}


async def saved(app: SuperviseApp) -> None:
    """Wait until the open session's changes are on disk, as quitting would."""
    assert app.live is not None
    assert await asyncio.to_thread(app.live.flush), app.live.state


class Notes:
    """The notifications the app shows, heard through Textual's message hook (``run_test``)."""

    def __init__(self) -> None:
        self.shown: list[str] = []
        """Each notification's text, in order."""

    def __call__(self, message: Message) -> None:
        """Record ``message`` if it is a notification."""
        if isinstance(message, Notify):
            self.shown.append(message.notification.message)

    def __str__(self) -> str:
        return "\n".join(self.shown)


async def until(
    check: Callable[[], bool], pilot: Pilot[Any], what: str, limit: float = 10.0
) -> None:
    """Let the app run until ``check`` holds (``limit`` seconds at most)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit
    while not check():
        if loop.time() >= deadline:
            raise AssertionError(f"never: {what}")
        await pilot.pause(0.02)


async def until_listed(pilot: Pilot[Any], app: SuperviseApp, timeout: float = 10.0) -> None:
    """Wait until the session list (read in a worker) shows its rows."""
    from textual.widgets import DataTable

    def listed() -> bool:
        tables = app.screen.query("#sessions")
        return (
            bool(tables) and isinstance(table := tables.first(), DataTable) and table.row_count > 0
        )

    await until(listed, pilot, "the session list showed its rows", timeout)


async def until_shown(pilot: Pilot[Any], app: SuperviseApp, *texts: str, limit: float = 5.0) -> str:
    """Wait until the screen shows every one of ``texts`` (the key bar, say, which Textual
    brings up to date a frame after the change that called for it); the screen's text."""
    try:
        await until(lambda: all(t in screen_text(app) for t in texts), pilot, "shown", limit)
    except AssertionError:
        shown = screen_text(app)
        missing = [text for text in texts if text not in shown]
        raise AssertionError(f"never shown: {missing}\n{shown}") from None
    return screen_text(app)
