"""The key bar shows the keys that work now, redraws only when they change, and takes clicks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.visual import VisualType

from supervise.app.app import SuperviseApp
from supervise.app.screens.walk import WalkScreen
from supervise.app.widgets.key_bar import PALETTE_WORDS, KeyBar
from supervise.app.widgets.prompt_field import AnswerArea
from supervise.store import SessionFile
from tests.app.driving import Notes, open_walk, screen_text, until, until_listed, until_shown


def _bar_line(app: SuperviseApp) -> str:
    """The bottom line of the screen, where the bar is."""
    return screen_text(app).splitlines()[-1]


def _count_updates(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    updates: list[object] = []
    update = KeyBar.update

    def spy(bar: KeyBar, content: VisualType = "", *, layout: bool = True) -> None:
        updates.append(content)
        update(bar, content, layout=layout)

    monkeypatch.setattr(KeyBar, "update", spy)
    return updates


async def test_moving_through_the_list_keeps_the_bar_and_emptying_the_list_updates_it(
    make_app: Callable[[], SuperviseApp],
    make_session: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paths = [make_session(practitioner=name) for name in ("Ann", "Bo", "Cy")]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        # The list is read in a worker, and the bar follows a frame after it.
        await until_listed(pilot, app)
        await until_shown(pilot, app, "o Open", "n New session")
        updates = _count_updates(monkeypatch)
        await pilot.press("down", "down", "up")
        await pilot.pause()
        # Moving the cursor changed no key, so the bar was not redrawn.
        assert updates == []

        for path in paths:
            path.unlink()
        await pilot.press("f5")
        await until(lambda: "o Open" not in _bar_line(app), pilot, "the bar dropped o Open")
        # Nothing to open now: the bar stops offering it.
        assert "o Open" not in _bar_line(app) and "n New session" in _bar_line(app)
        assert len(updates) == 1


async def test_moving_between_answers_keeps_the_bar(
    make_app: Callable[[], SuperviseApp],
    make_session: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        await pilot.pause()
        assert "^n Next" in _bar_line(app)
        updates = _count_updates(monkeypatch)
        first = app.focused
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is not first and app.focused in walk.query(AnswerArea)
        # Textual reports new bindings on every focus change; the keys are the same.
        assert updates == []


async def test_clicking_a_key_presses_it(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    app = make_app()
    notes = Notes()
    async with app.run_test(size=(120, 40), message_hook=notes) as pilot:
        walk = await open_walk(pilot, app)
        first = walk.current
        line = _bar_line(app)
        # The words, not only the key, take the click.
        await pilot.click("#key-bar", offset=(line.index("Next") + 2, 0))
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen) and app.screen.current != first
        await pilot.click("#key-bar", offset=(line.index("^s"), 0))
        await pilot.pause()
        assert notes.shown == ["Everything is saved."]
    with SessionFile.open_read_only(path) as session:
        assert session.record.current_item == walk.current != first


async def test_a_narrow_terminal_still_shows_the_way_to_every_command(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    make_session()
    app = make_app()
    async with app.run_test(size=(50, 20)) as pilot:
        await open_walk(pilot, app)
        line = _bar_line(app)
        assert line.startswith(f"^p {PALETTE_WORDS}")
        # The rest is cut short, and says so.
        assert line.rstrip().endswith("…")
        await pilot.click("#key-bar", offset=(1, 0))
        await pilot.pause()
        assert app.screen.id == "--command-palette" or "CommandPalette" in type(app.screen).__name__


async def test_pointing_at_a_key_says_what_it_does(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        bar = walk.query_one(KeyBar)
        line = _bar_line(app)
        await pilot.hover("#key-bar", offset=(line.index("Next"), 0))
        assert bar.tooltip == "Save and go to the next item"
        await pilot.hover("#key-bar", offset=(line.index("^p"), 0))
        assert bar.tooltip == "Search every command"
