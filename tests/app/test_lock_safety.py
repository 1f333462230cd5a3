"""The app with an untrustworthy lock file: a planted link is refused with the reason, and a lock
file deleted under an open session stops its saves, says why, and keeps the words for a copy."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from supervise.app.app import SuperviseApp
from supervise.app.screens.dialogs import Choice
from supervise.app.screens.home import HomeScreen
from supervise.store import SessionFile
from supervise.store.lock import lock_path_for
from tests.app.conftest import SCOPE, stored
from tests.app.driving import Notes, open_walk, saved, until_exited


def _save_line(app: SuperviseApp) -> str:
    return str(app.screen.query_one("#save-status").render())


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX symbolic link")
async def test_a_lock_file_planted_as_a_link_is_refused_with_the_reason(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path], tmp_path: Path
) -> None:
    path = make_session()
    target = tmp_path / "precious.txt"
    target.write_text("keep me", encoding="utf-8")
    lock_path_for(path).symlink_to(target)
    app, notes = make_app(), Notes()
    async with app.run_test(size=(120, 40), message_hook=notes) as pilot:
        await pilot.press("o")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.live is None and isinstance(app.screen, HomeScreen)
    assert "is a link to somewhere else" in str(notes) and "Nothing was changed" in str(notes)
    assert target.read_text(encoding="utf-8") == "keep me"


async def test_a_lock_file_deleted_under_the_app_stops_its_saves_and_keeps_its_words(
    make_app: Callable[[], SuperviseApp],
    make_session: Callable[..., Path],
    sessions_dir: Path,
) -> None:
    path = make_session()
    app, notes = make_app(), Notes()
    async with app.run_test(size=(120, 40), message_hook=notes) as pilot:
        await open_walk(pilot, app)
        await pilot.press(*"saved first", "ctrl+s")
        await saved(app)
        # The lock file goes; a second window comes in and saves its words.
        lock_path_for(path).unlink()
        with SessionFile.open(path) as other:
            other.set_response(SCOPE[1], "what", "practitioner", "the other window's words")
        await pilot.press(*" then more", "ctrl+s")
        await pilot.pause()
        assert "Not saved: This session's lock file was removed" in _save_line(app)
        assert "Not saved" in notes.shown[-1]
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, Choice)
        await pilot.click("#export")
        await until_exited(app)
    on_disk = stored(path)
    assert on_disk.response(SCOPE[0], "what", "practitioner") == "saved first"
    assert on_disk.response(SCOPE[1], "what", "practitioner") == "the other window's words"
    [copy] = sessions_dir.with_name("sessions-unsaved").iterdir()
    kept = json.loads(copy.read_text(encoding="utf-8"))
    assert "saved first then more" in [c.get("text") for c in kept["changes"]]
