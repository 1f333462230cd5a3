"""Steps many app tests (and the crash scripts) share: getting from the list to the walk."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from supervise.app.app import SuperviseApp
from supervise.app.screens.walk import WalkScreen


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
    # Textual has no public call for this; the compositor's strips are what the terminal gets.
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())
