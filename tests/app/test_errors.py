"""When the disk says no: plain words on screen, nothing typed lost, and a way on."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import TextArea

from supervise.app.app import SuperviseApp
from supervise.app.screens.dialogs import Choice
from supervise.app.screens.home import HomeScreen
from supervise.content import LibraryLoader
from supervise.store import SessionFile
from tests.app.conftest import SCOPE, stored
from tests.app.driving import Notes, open_walk


class DiskFull:
    """Makes every answer save fail until switched off."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.on = True
        original = SessionFile.set_response

        def set_response(session: SessionFile, *args: str) -> None:
            if self.on:
                raise OSError(28, "No space left on device")
            original(session, *args)

        monkeypatch.setattr(SessionFile, "set_response", set_response)


async def test_a_failed_save_is_shown_kept_and_retried(
    make_app: Callable[[], SuperviseApp],
    make_session: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = make_session()
    disk = DiskFull(monkeypatch)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        await pilot.press(*"precious words")
        await pilot.press("ctrl+s")
        await pilot.pause()
        status = str(walk.query_one("#save-status").render())
        assert "Not saved" in status and "No space left" in status
        assert walk.query(TextArea).first().text == "precious words"
        assert stored(path).response(SCOPE[0], "what", "practitioner") == ""
        disk.on = False
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Saved" in str(walk.query_one("#save-status").render())
        assert stored(path).response(SCOPE[0], "what", "practitioner") == "precious words"


async def test_quitting_with_unsaved_words_asks_first(
    make_app: Callable[[], SuperviseApp],
    make_session: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = make_session()
    disk = DiskFull(monkeypatch)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        await pilot.press(*"do not lose me", "ctrl+q")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, Choice)
        assert "No space left" in dialog.message
        await pilot.press("enter")  # Stay (the suggested choice)
        await pilot.pause()
        assert app.screen is walk and app.is_running
        disk.on = False
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert stored(path).response(SCOPE[0], "what", "practitioner") == "do not lose me"


async def test_an_unwritable_sessions_folder_is_explained(
    make_app: Callable[[], SuperviseApp], sessions_dir: Path
) -> None:
    sessions_dir.parent.mkdir(parents=True, exist_ok=True)
    sessions_dir.write_text("a file where the folder should be", encoding="utf-8")
    app = make_app()
    notes = Notes()
    async with app.run_test(size=(120, 40), message_hook=notes) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Sam", "tab", *"Alex")
        app.screen.query_one("ScopeTree").tick(["h3-25/pc/1"])  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        messages = " ".join(notes.shown)
        assert "--sessions-dir" in messages, messages
        assert app.is_running and app.live is None


async def test_broken_content_is_explained_and_the_sessions_stay_listed(
    tmp_path: Path, make_session: Callable[..., Path], sessions_dir: Path
) -> None:
    make_session()
    broken = tmp_path / "extra" / "mine.yaml"
    broken.parent.mkdir()
    broken.write_text("id: mine\ntitle: [oops\n", encoding="utf-8")
    app = SuperviseApp(LibraryLoader([broken.parent], include_env=False), sessions_dir)
    notes = Notes()
    async with app.run_test(size=(120, 40), message_hook=notes) as pilot:
        await pilot.pause(0.3)
        assert app.screen.query_one("#sessions").row_count == 1  # type: ignore[attr-defined]
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert app.live is None and isinstance(app.screen, HomeScreen)
        messages = notes.shown
        assert any(f"{broken}:" in m and "not valid YAML" in m for m in messages), messages


async def test_a_session_from_other_content_opens_with_what_is_loaded(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session(scope=("gone/x/1", "h3-25/pc/1"), model="their-own-model")
    app = make_app()
    notes = Notes()
    async with app.run_test(size=(120, 40), message_hook=notes) as pilot:
        walk = await open_walk(pilot, app)
        assert walk.refs == ["h3-25/pc/1"]
        messages = " ".join(notes.shown)
        assert "'their-own-model' is not loaded" in messages
        assert "1 item(s) of this session are not in the loaded content" in messages
        await pilot.press(*"still works", "ctrl+q")
    session = stored(path)
    assert session.response("h3-25/pc/1", "what", "practitioner") == "still works"
    assert session.record.scope == ("gone/x/1", "h3-25/pc/1")  # nothing is thrown away
