"""One known home for the data: which sessions folder is used and why, `supervise where`, and
the app saying so when sessions are kept in two places. Folders have spaces and non-ASCII names."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from supervise.app.app import SuperviseApp
from supervise.cli import main, sessions_dir
from supervise.content import Library
from supervise.content.cache import default_cache_dir
from supervise.store import SessionFile
from supervise.store.places import Why, find_sessions_place, user_sessions_dir

ODD = "Notes de supervisión – Zoë 支援"
"""A folder name with spaces, accents, a dash and CJK letters."""
SCOPE = ("h3-25/pc/5", "h3-25/k/c")


@pytest.fixture
def user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The per-user sessions folder, moved into the test's own folder; no env var, no flag."""
    monkeypatch.delenv("SUPERVISE_SESSIONS_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "user data ø"))
    return user_sessions_dir()


def _session(folder: Path, practitioner: str = "Zoë") -> Path:
    with SessionFile.create(
        folder, mode="supervision", practitioner=practitioner, supervisor="Ama", scope=SCOPE
    ) as session:
        return session.path


def _in(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(folder)
    return folder


def test_the_per_user_folder_is_the_home_when_the_current_folder_has_no_sessions_folder(
    tmp_path: Path, user: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _in(tmp_path / ODD, monkeypatch)
    place = find_sessions_place(None)
    assert (place.folder, place.why, place.also) == (user, Why.USER, None)
    assert user.is_relative_to(tmp_path / "user data ø")
    assert sessions_dir(None) == user


def test_a_sessions_folder_here_wins_over_the_per_user_one(
    tmp_path: Path, user: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (_in(tmp_path / ODD, monkeypatch) / "sessions").mkdir()
    place = find_sessions_place(None)
    assert (place.folder, place.why, place.also) == (Path("sessions"), Why.HERE, None)


def test_the_flag_and_the_environment_still_win(
    tmp_path: Path, user: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (_in(tmp_path / ODD, monkeypatch) / "sessions").mkdir()
    monkeypatch.setenv("SUPERVISE_SESSIONS_DIR", str(tmp_path / "from env ü"))
    assert find_sessions_place(None).why is Why.ENVIRONMENT
    assert sessions_dir(None) == tmp_path / "from env ü"
    assert find_sessions_place(str(tmp_path / "given é")).why is Why.OPTION
    assert sessions_dir(str(tmp_path / "given é")) == tmp_path / "given é"


def test_where_names_the_same_home_from_any_folder_and_its_sessions(
    tmp_path: Path, user: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _session(user)
    outputs = []
    for folder in (tmp_path / ODD, tmp_path / "другая папка"):
        _in(folder, monkeypatch)
        assert main(["where"]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert f"Sessions: {user} (1 session)" in outputs[0]
    assert "your own data folder" in outputs[0]
    assert f"Cache:    {tmp_path / 'cache'}" in outputs[0]
    assert "Note:" not in outputs[0]


def test_where_says_when_sessions_are_kept_in_both_homes(
    tmp_path: Path, user: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    here = _in(tmp_path / ODD, monkeypatch)
    _session(here / "sessions")
    _session(user)
    assert main(["where"]) == 0
    out = capsys.readouterr().out
    assert f"Sessions: {here / 'sessions'} (1 session)" in out
    assert "the current folder has a sessions folder" in out
    assert f"Note: Sessions are also kept in {user}; they are not shown here." in out
    # From the other side too: in the per-user home, this folder's sessions are named.
    assert find_sessions_place(str(user)).also == here / "sessions"
    # A third folder chosen by hand is not second-guessed.
    assert find_sessions_place(str(tmp_path / "own ü")).also is None


async def test_the_home_screen_names_its_folder_and_the_other_one_with_sessions(
    tmp_path: Path, user: Path, monkeypatch: pytest.MonkeyPatch, library: Library
) -> None:
    here = _in(tmp_path / ODD, monkeypatch)
    _session(here / "sessions", practitioner="Ñandú")
    _session(user)
    app = SuperviseApp(library, sessions_dir(None))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert app.screen.sub_title == "Sessions in ./sessions"
        line = str(app.screen.query_one("#folder").render())
        assert "1 session in ./sessions" in line
        assert f"more sessions are in {user}" in line


async def test_the_home_screen_looks_into_the_other_folder_off_the_screen_thread(
    tmp_path: Path, user: Path, monkeypatch: pytest.MonkeyPatch, library: Library
) -> None:
    # On a network drive the other folder may take seconds to answer: the list must not wait.
    import threading

    from supervise.app.screens import home

    here = _in(tmp_path / ODD, monkeypatch)
    _session(here / "sessions")
    _session(user)
    threads: list[threading.Thread] = []
    real = home.sessions_elsewhere

    def looked(folder: Path) -> Path | None:
        threads.append(threading.current_thread())
        return real(folder)

    monkeypatch.setattr(home, "sessions_elsewhere", looked)
    app = SuperviseApp(library, sessions_dir(None))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert f"more sessions are in {user}" in str(app.screen.query_one("#folder").render())
    assert threads and threading.main_thread() not in threads


async def test_the_home_screen_in_the_per_user_folder_says_so(
    tmp_path: Path, user: Path, monkeypatch: pytest.MonkeyPatch, library: Library
) -> None:
    _in(tmp_path / ODD, monkeypatch)
    _session(user, practitioner="Ñandú")
    app = SuperviseApp(library, sessions_dir(None))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert app.screen.sub_title == f"Sessions in {user}"
        assert "more sessions" not in str(app.screen.query_one("#folder").render())


def test_the_cache_goes_to_the_per_user_cache_folder_unless_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(platformdirs, "user_cache_dir", lambda *a, **k: str(tmp_path / "cache ø"))
    assert default_cache_dir({}) == tmp_path / "cache ø"
    assert default_cache_dir({"XDG_CACHE_HOME": "/x d g"}) == Path("/x d g/supervise")
    assert default_cache_dir({"SUPERVISE_CACHE_DIR": "/own", "XDG_CACHE_HOME": "/x"}) == Path(
        "/own"
    )
