"""A save that cannot succeed is never reported as saved, and quitting offers to keep a copy."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from supervise.app.app import SuperviseApp
from supervise.app.screens.dialogs import Choice
from supervise.app.screens.home import HomeScreen
from supervise.cli import main
from supervise.store import SessionFile
from tests.app.conftest import SCOPE, stored
from tests.app.driving import Notes, open_walk, until_exited


def _save_line(app: SuperviseApp) -> str:
    return str(app.screen.query_one("#save-status").render())


def _break_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make saving the first item's answers fail as a bug would, every time."""
    real = SessionFile.set_response

    def broken(self: SessionFile, item: str, stage: str, role: str, text: str) -> None:
        if item == SCOPE[0] and role == "practitioner":
            raise KeyError("item")
        real(self, item, stage, role, text)

    monkeypatch.setattr(SessionFile, "set_response", broken)


async def test_a_write_that_fails_for_good_is_never_reported_saved(
    make_app: Callable[[], SuperviseApp],
    make_session: Callable[..., Path],
    sessions_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fixed = SessionFile.set_response
    _break_answers(monkeypatch)
    path = make_session()
    app, notes = make_app(), Notes()
    async with app.run_test(size=(120, 40), message_hook=notes) as pilot:
        walk = await open_walk(pilot, app)
        await pilot.press(*"words the disk never got", "ctrl+s")
        await pilot.pause()
        assert "Not saved" in notes.shown[-1] and "Everything is saved." not in str(notes)
        assert "Not saved" in _save_line(app)
        # Another answer saves well; the first is still not saved, and the line says so.
        walk.query("TextArea")[1].focus()
        await pilot.press(*"a note that saves", "ctrl+s")
        await pilot.pause()
        assert "Everything is saved." not in str(notes)
        assert "Not saved" in _save_line(app)
        await pilot.press("ctrl+q")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, Choice), app.live.unsaved()  # type: ignore[union-attr]
        assert "1 change could not be written" in dialog.message, app.live.unsaved()  # type: ignore[union-attr]
        await pilot.click("#export")
        await until_exited(app)
    assert stored(path).response(SCOPE[0], "what", "practitioner") == ""
    assert stored(path).response(SCOPE[0], "what", "supervisor") == "a note that saves"
    [copy] = sessions_dir.with_name("sessions-unsaved").iterdir()
    kept = json.loads(copy.read_text(encoding="utf-8"))
    assert kept["session"] == path.name
    assert [c["text"] for c in kept["changes"]] == ["words the disk never got"]
    assert any(str(copy) in shown for shown in notes.shown)
    assert any("supervise recover --restore" in shown for shown in notes.shown)
    # The bug is fixed: the words kept go back into the session from the command line.
    monkeypatch.setattr(SessionFile, "set_response", fixed)
    assert main(["recover", "--restore", "--sessions-dir", str(sessions_dir)]) == 0
    assert stored(path).response(SCOPE[0], "what", "practitioner") == "words the disk never got"
    assert not copy.exists()


@pytest.mark.parametrize(
    ("errno", "reason"),
    [(28, "No space left on device"), (30, "Read-only file system")],
    ids=["full disk", "read-only disk"],
)
async def test_a_disk_that_refuses_every_write_keeps_the_person_until_they_choose(
    make_app: Callable[[], SuperviseApp],
    make_session: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    errno: int,
    reason: str,
) -> None:
    import supervise.store.atomic as atomic

    path = make_session()
    app, notes = make_app(), Notes()
    async with app.run_test(size=(120, 40), message_hook=notes) as pilot:
        await open_walk(pilot, app)

        def full(target: Path, raw: bytes) -> None:
            raise OSError(errno, reason)

        real = atomic.replace_atomic
        monkeypatch.setattr(atomic, "replace_atomic", full)
        await pilot.press(*"typed on a full disk", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, Choice)
        await pilot.click("#stay")
        await pilot.pause()
        assert app.is_running and "Not saved" in _save_line(app)
        assert reason in _save_line(app) or reason in " ".join(notes.shown), notes.shown
        # Space is freed: the kept change goes through, and only then is it called saved.
        monkeypatch.setattr(atomic, "replace_atomic", real)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert notes.shown[-1] == "Everything is saved."
        await pilot.press("ctrl+q")
        await until_exited(app)
    assert stored(path).response(SCOPE[0], "what", "practitioner") == "typed on a full disk"


async def test_a_session_lacking_what_saving_needs_is_refused_with_the_reason(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    with SessionFile.open(path) as session:
        session.set_response(SCOPE[0], "what", "practitioner", "an answer")
    data = json.loads(path.read_text(encoding="utf-8"))
    for response in data["responses"].values():
        del response["item"]
    path.write_text(json.dumps(data), encoding="utf-8")
    before = path.read_bytes()
    app, notes = make_app(), Notes()
    async with app.run_test(size=(120, 40), message_hook=notes) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert app.live is None and isinstance(app.screen, HomeScreen)
        assert "an answer has no 'item'" in str(notes)
    assert path.read_bytes() == before
