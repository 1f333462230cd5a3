"""The app started with hostile content (``--content``) says what is wrong and keeps working."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest

from supervise.app.app import SuperviseApp
from supervise.app.screens.home import HomeScreen
from supervise.content import LibraryLoader
from tests.app.driving import Notes
from tests.content.hostile import PROBES, write_huge, write_probe

LIMIT = 20.0
"""Seconds the whole visit may take; a refusal takes a fraction of one."""


@pytest.mark.parametrize("name", [*sorted(PROBES), "huge"])
async def test_opening_a_session_with_hostile_content_explains_it(
    name: str, tmp_path: Path, make_session: Callable[..., Path], sessions_dir: Path
) -> None:
    make_session()
    extra = tmp_path / "extra"
    extra.mkdir()
    bad = write_huge(extra) if name == "huge" else write_probe(extra, name)
    app = SuperviseApp(LibraryLoader([bad], include_env=False), sessions_dir)
    notes = Notes()

    async def visit() -> None:
        async with app.run_test(size=(120, 40), message_hook=notes) as pilot:
            await pilot.pause(0.2)
            await pilot.press("o")
            await pilot.pause()
            assert app.live is None and isinstance(app.screen, HomeScreen)
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen) and app.is_running

    await asyncio.wait_for(visit(), LIMIT)
    shown = [m for m in notes.shown if f"{bad}:" in m]
    assert shown, notes.shown
    reason = "too large" if name == "huge" else PROBES[name][1]
    assert reason in shown[0] and "Traceback" not in shown[0]
    assert "could not be loaded" in " ".join(notes.shown) or "Fix the file" in shown[0]
