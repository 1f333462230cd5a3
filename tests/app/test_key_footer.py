"""The footer shows the keys that work now, and is rebuilt only when they change."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets._footer import FooterKey

from supervise.app.app import SuperviseApp
from supervise.app.widgets.key_footer import KeyFooter
from supervise.app.widgets.prompt_field import AnswerArea
from tests.app.driving import open_walk


def _keys(app: SuperviseApp) -> dict[str, FooterKey]:
    return {key.key: key for key in app.screen.query_one(KeyFooter).query(FooterKey)}


async def test_moving_through_the_list_keeps_the_footer_and_emptying_it_updates_it(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    paths = [make_session(practitioner=name) for name in ("Ann", "Bo", "Cy")]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        before = _keys(app)
        assert not before["o"].disabled
        await pilot.press("down", "down", "up")
        await pilot.pause()
        # The same widgets: moving the cursor changed no key, so nothing was rebuilt.
        assert all(_keys(app)[key] is widget for key, widget in before.items())

        for path in paths:
            path.unlink()
        await pilot.press("f5")
        await pilot.pause()
        await pilot.pause()
        # Nothing to open now: the footer stops offering it.
        assert "o" not in _keys(app) and "n" in _keys(app)


async def test_moving_between_answers_keeps_the_footer(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        await pilot.pause()
        before = _keys(app)
        assert "ctrl+n" in before
        first = app.focused
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is not first and app.focused in walk.query(AnswerArea)
        # Textual asks the footer to rebuild on every focus change; the keys are the same.
        assert all(_keys(app)[key] is widget for key, widget in before.items())
