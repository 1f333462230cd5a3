"""No control character a person typed, pasted or was sent in a file ever reaches the terminal:
names show escapes as pictures (␛), answers keep them on disk but never draw them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.widgets import TextArea

from supervise.app.app import SuperviseApp
from supervise.app.terminal_guard import GUARD
from supervise.store import SessionFile
from tests.app.conftest import SCOPE, stored
from tests.app.driving import open_walk, saved, screen_text, until_listed

WIPE = "\x1b[2J"
"""Clears a terminal's screen."""
NASTY = f"red\x1b[31m bell\x07 csi\x9b2J flip\u202e back{WIPE}!"
"""Escape, bell, an 8-bit command start and a right-to-left override."""
CONTROLS = ("\x1b", "\x07", "\x9b", "\u202e")


def _drawn(app: SuperviseApp) -> str:
    svg = app.export_screenshot()
    for control in CONTROLS:
        assert control not in svg, repr(control)
    return screen_text(app)


async def test_names_and_answers_never_reach_the_terminal_as_commands(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session(practitioner=f"Sam{WIPE}", supervisor="Alex\x07")
    with SessionFile.open(path) as session:
        session.set_response(SCOPE[0], "what", "practitioner", NASTY)
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await until_listed(pilot, app)
        home = _drawn(app)
        assert "Sam␛[2J" in home and "Alex␇" in home
        walk = await open_walk(pilot, app)
        drawn = _drawn(app)
        assert "Sam␛[2J" in drawn
        # The answer's own words are all there, its control characters left out of the drawing.
        assert "red[31m bell csi2J flip back[2J!" in drawn
        assert walk.query(TextArea).first().has_focus
        app.post_message(events.Paste(f" pasted{WIPE}\x1b]0;title\x07"))
        await pilot.pause()
        assert "back[2J! pasted[2J]0;title" in _drawn(app)
        await pilot.press("ctrl+s")
        await saved(app)
    kept = stored(path).response(SCOPE[0], "what", "practitioner")
    assert WIPE in kept and "\x1b]0;title\x07" in kept and "\x9b2J" in kept


def test_the_guard_keeps_each_line_its_width() -> None:
    from rich.segment import Segment
    from textual.color import Color

    line = [Segment("a\x1bb"), Segment("plain"), Segment("\ud83d\x9b")]
    cleaned = GUARD.apply(line, Color(0, 0, 0))
    assert [s.text for s in cleaned] == ["ab", "plain", "\ufffd"]
    assert sum(s.cell_length for s in cleaned) == sum(s.cell_length for s in line)
    untouched = [Segment("nothing to do")]
    assert GUARD.apply(untouched, Color(0, 0, 0)) is untouched
