"""Keys sent in one burst all land where they were typed, even when a move or quit follows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from supervise.app.app import SuperviseApp
from supervise.app.screens.opening import OpeningScreen
from tests.app.conftest import SCOPE, stored
from tests.app.driving import burst, open_at, open_walk, until_exited, words

TEXT = words(60)


@pytest.mark.parametrize("then", [("ctrl+q",), ("ctrl+n", "ctrl+q")], ids=["quit", "next-quit"])
async def test_a_burst_keeps_every_word_of_the_check_in(
    make_app: Callable[[], SuperviseApp],
    make_session: Callable[..., Path],
    then: tuple[str, ...],
) -> None:
    path = make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_at(pilot, app, OpeningScreen)
        burst(app, *TEXT, *then)
        await until_exited(app)
    assert stored(path).record.opening.get("check_in") == TEXT


@pytest.mark.parametrize("then", [(), ("ctrl+n", *"next")], ids=["quit", "next-quit"])
async def test_a_burst_keeps_every_word_of_a_walk_answer(
    make_app: Callable[[], SuperviseApp],
    make_session: Callable[..., Path],
    then: tuple[str, ...],
) -> None:
    path = make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_walk(pilot, app)
        burst(app, *TEXT, *then, "ctrl+q")
        await until_exited(app)
    session = stored(path)
    assert session.response(SCOPE[0], "what", "practitioner") == TEXT
    assert session.response(SCOPE[1], "what", "practitioner") == "".join(then[1:])


async def test_a_burst_right_after_tab_lands_in_the_next_field(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_at(pilot, app, OpeningScreen)
        burst(app, *"first field", "tab", *"second field", "tab", *"third", "ctrl+q")
        await until_exited(app)
    opening = stored(path).record.opening
    assert (opening.get("check_in"), opening.get("urgent"), opening.get("purpose")) == (
        "first field",
        "second field",
        "third",
    )
