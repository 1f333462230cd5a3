"""The sessions folder is made private whenever it is opened, and refused, with the reason, when
another user owns it or others may write in it: by the command line, the app and the store."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from supervise.app.app import SuperviseApp
from supervise.app.screens.home import HomeScreen
from supervise.cli import main
from supervise.content import Library
from supervise.store import SessionFile, StoreUnwritable, owner
from supervise.store.folder import FolderUnsafe, open_sessions_folder, sessions_folder
from supervise.store.places import where_lines
from tests.app.driving import Notes

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes and owners")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A sessions folder holding one session, opened to everyone to read (as a clone's is)."""
    folder = tmp_path / "sessions"
    with SessionFile.create(folder, mode="supervision", practitioner="Sam"):
        pass
    folder.chmod(0o755)
    return folder


@pytest.fixture
def someone_else(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Make every file seem to belong to another user."""
    monkeypatch.setattr(os, "geteuid", lambda: os.stat(tmp_path).st_uid + 1)


@pytest.mark.parametrize("command", [["list"], ["list", "--json"], ["search", "x"], ["where"]])
def test_listing_from_the_command_line_makes_the_folder_private(
    folder: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    main([*command, "--sessions-dir", str(folder)])
    capsys.readouterr()
    assert _mode(folder) == 0o700


async def test_the_app_makes_the_folder_private_when_it_lists_it(
    folder: Path, library: Library
) -> None:
    app = SuperviseApp(library, folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert _mode(folder) == 0o700


def test_a_folder_of_another_user_is_refused_by_the_command_line(
    folder: Path, someone_else: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", "--sessions-dir", str(folder)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"The sessions folder {folder} is not used: it belongs to " in captured.err
    assert "Traceback" not in captured.err and "--sessions-dir" in captured.err
    assert _mode(folder) == 0o755


def test_a_folder_others_can_write_in_is_refused_and_left_as_it_is(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder.chmod(0o777)
    assert main(["export", "--sessions-dir", str(folder), "anything"]) == 1
    err = capsys.readouterr().err
    assert "can be changed by other users (its permissions are 0777)" in err
    assert f"chmod 700 '{folder}'" in err
    # Not quietly tightened: others may have put files there, and the person should look first.
    assert _mode(folder) == 0o777
    with pytest.raises(FolderUnsafe):
        SessionFile.create(folder, mode="supervision", practitioner="Sam")
    assert any("Refused: The sessions folder" in line for line in where_lines(str(folder)))


def test_group_write_counts_only_for_a_group_shared_with_others(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder.chmod(0o775)
    monkeypatch.setattr(owner, "_private_group", lambda gid, uid: True)
    assert open_sessions_folder(folder) == folder
    assert _mode(folder) == 0o700
    folder.chmod(0o775)
    monkeypatch.setattr(owner, "_private_group", lambda gid, uid: False)
    with pytest.raises(FolderUnsafe, match="0775"):
        open_sessions_folder(folder)


async def test_the_app_says_why_it_refuses_a_folder_and_keeps_running(
    folder: Path, library: Library, someone_else: None
) -> None:
    old = folder / "trash" / "20200101T000000-2019-12-01-abcd1234.json"
    old.parent.mkdir()
    old.write_text("{}", encoding="utf-8")
    notes = Notes()
    app = SuperviseApp(library, folder)
    async with app.run_test(message_hook=notes) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert "is not used: it belongs to" in str(notes)
    # Nothing in a refused folder is touched: not its mode, not even its old trash.
    assert _mode(folder) == 0o755 and old.exists()


def test_a_missing_folder_is_left_to_the_first_session_and_a_file_in_the_way_is_explained(
    tmp_path: Path,
) -> None:
    assert open_sessions_folder(tmp_path / "not yet") == tmp_path / "not yet"
    assert not (tmp_path / "not yet").exists()
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(StoreUnwritable, match="not a folder is in the way"):
        open_sessions_folder(tmp_path / "file")
    made = sessions_folder(tmp_path / "new")
    assert _mode(made) == 0o700
