"""An encrypted sessions folder in the app: the passphrase asked once per start (three tries),
what a crash during a passphrase change left said plainly, a first run offering protection,
and, after a session typed through the app, none of its words anywhere on disk."""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot

from supervise.app.app import SuperviseApp
from supervise.app.screens.home import HomeScreen
from supervise.app.screens.unlock import ChangePassphraseScreen, ProtectScreen, UnlockScreen
from supervise.content import Library, LibraryLoader
from supervise.store import keys, list_sessions
from supervise.store.rekey import change_passphrase, encrypt_folder
from supervise.store.seal import MAGIC, Cost
from tests.app.conftest import SCOPE
from tests.app.driving import open_walk, saved, screen_text, until_exited
from tests.reliability.figures import report

FAST = Cost(n=1 << 10)
"""Cheap scrypt for tests, passed explicitly: the product default is never weakened."""
PASS = "correct horse battery"


async def _settle(pilot: Pilot[Any], app: SuperviseApp) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def _type(pilot: Pilot[Any], app: SuperviseApp, text: str) -> None:
    # Pasted, as from a password manager (and quicker than a key at a time), then enter.
    app.screen.focused.post_message(events.Paste(text))  # type: ignore[union-attr]
    await pilot.pause()
    await pilot.press("enter")
    await _settle(pilot, app)


@pytest.fixture
def sealed(sessions_dir: Path, make_session: Callable[..., Path]) -> Path:
    """An encrypted folder holding one session, locked (as at a start)."""
    path = make_session(practitioner="Zebedee")
    encrypt_folder(sessions_dir, PASS, cost=FAST)
    keys.forget()
    return path


async def test_the_passphrase_is_asked_once_with_three_tries(
    make_app: Callable[[], SuperviseApp], sealed: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, UnlockScreen)
        assert app.screen.query_one("#passphrase").has_focus
        assert "Quit" in screen_text(app).splitlines()[-1]
        await _type(pilot, app, "not it")
        assert "does not open" in screen_text(app) and "2 tries left" in screen_text(app)
        await _type(pilot, app, "nor this")
        assert "1 try left" in screen_text(app)
        await _type(pilot, app, PASS)
        assert isinstance(app.screen, HomeScreen)
        assert "Zebedee" in screen_text(app)
        # Opening a session does not ask again.
        await open_walk(pilot, app)
        assert not isinstance(app.screen, UnlockScreen)


async def test_three_wrong_passphrases_close_the_app_saying_why(
    make_app: Callable[[], SuperviseApp], sealed: Path
) -> None:
    before = sealed.read_bytes()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for wrong in ("one", "two", "three"):
            await _type(pilot, app, wrong)
        await until_exited(app)
    assert app.return_code == 1
    assert sealed.read_bytes() == before and keys.needs_unlock(sealed.parent)


def _files_holding(root: Path, word: bytes, since: float) -> list[Path]:
    found = []
    for place, _, names in os.walk(root):
        for name in names:
            path = Path(place) / name
            try:
                info = path.stat()
                if (
                    info.st_mtime >= since
                    and info.st_size < 20_000_000
                    and word in path.read_bytes()
                ):
                    found.append(path)
            except OSError:
                continue
    return found


async def test_no_word_of_an_encrypted_session_is_left_on_disk(
    make_app: Callable[[], SuperviseApp],
    sealed: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The temporary folder this process would use, kept apart so all of it can be read.
    private_temp = tmp_path / "temp"
    private_temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_temp))
    monkeypatch.setattr(tempfile, "tempdir", str(private_temp))
    since = time.time() - 1
    secret = f"quokka{uuid.uuid4().hex[:12]}"
    # Content through the user's cache, as the command line starts it.
    app = SuperviseApp(LibraryLoader([], cache_dir=tmp_path / "cache"), sealed.parent)
    async with app.run_test(size=(120, 40)) as pilot:
        await _type(pilot, app, PASS)
        walk = await open_walk(pilot, app)
        assert walk.current == SCOPE[0]
        await pilot.press(*f"{secret} said the rent was late")
        await saved(app)
        await pilot.press("ctrl+q")
        await until_exited(app)
    assert sealed.read_bytes().startswith(MAGIC)
    keys.unlock(sealed.parent, PASS)
    with_words = [s for s in list_sessions(sealed.parent) if s.answered]
    assert len(with_words) == 1, "the words were saved"
    # tmp_path holds the sessions folder (and anything beside it), the cache and the temp folder.
    assert {tmp_path / "cache", private_temp} <= set(tmp_path.iterdir())
    assert tempfile.gettempdir() == str(private_temp)
    assert _files_holding(tmp_path, secret.encode(), since) == []
    assert _files_holding(tmp_path, b"Zebedee", since) == []
    read = sum(len(names) for _, _, names in os.walk(tmp_path))
    report(
        "encryption, grep",
        f"after a session typed through the app, its words are in none of the {read} files under "
        "the sessions folder, the content cache and the temporary folder",
    )


@pytest.mark.parametrize(("typed", "said"), [("old", "undone"), ("new", "finished")])
async def test_an_interrupted_passphrase_change_is_finished_and_told(
    make_app: Callable[[], SuperviseApp], sealed: Path, typed: str, said: str
) -> None:
    keys.unlock(sealed.parent, PASS)
    list_sessions(sealed.parent)  # an index too: two files, one of them sealed again

    def crash(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        change_passphrase(sealed.parent, "the new passphrase", cost=FAST, progress=crash)
    keys.forget()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _type(pilot, app, PASS if typed == "old" else "the new passphrase")
        assert isinstance(app.screen, HomeScreen)
        notices = [n.message for n in app._notifications]
        assert any("passphrase was interrupted" in n and said in n for n in notices), notices
    assert keys.read_key_file(sealed.parent).next is None


async def test_a_first_run_offers_a_passphrase(library: Library, sessions_dir: Path) -> None:
    app = SuperviseApp(library, sessions_dir, offer_protection=True, protection_cost=FAST)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, ProtectScreen)
        await pilot.press(*"short", "enter", *"short", "enter")
        await _settle(pilot, app)
        assert "at least 8" in screen_text(app)
        await _type(pilot, app, PASS)
        await _type(pilot, app, PASS)
        assert isinstance(app.screen, HomeScreen)
    assert keys.is_encrypted(sessions_dir)


@pytest.mark.parametrize("how", ["click", "escape"])
async def test_a_first_run_can_go_on_without_one(
    library: Library, sessions_dir: Path, how: str
) -> None:
    """ "Not now" by mouse or by Esc, which the key bar shows (found under tmux: Esc did
    nothing)."""
    app = SuperviseApp(library, sessions_dir, offer_protection=True, protection_cost=FAST)
    async with app.run_test(size=(120, 40)) as pilot:
        if how == "click":
            await pilot.click("#skip")
        else:
            assert "Not now" in screen_text(app).split("\n")[-1]
            await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert not keys.is_encrypted(sessions_dir)


async def test_the_passphrase_is_changed_from_the_list_after_the_one_in_force(
    library: Library, sealed: Path
) -> None:
    keys.unlock(sealed.parent, PASS)
    app = SuperviseApp(library, sealed.parent, protection_cost=FAST)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+p", *"passphrase")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChangePassphraseScreen)
        for typed in ("not the one", "a brand new one", "a brand new one"):
            await _type(pilot, app, typed)
        assert "does not open" in screen_text(app)
        assert keys.read_key_file(sealed.parent).next is None
        for typed in (PASS, "a brand new one", "a brand new one"):
            await _type(pilot, app, typed)
        assert isinstance(app.screen, HomeScreen)
        assert any("Passphrase changed" in n.message for n in app._notifications)
    keys.forget()
    keys.unlock(sealed.parent, "a brand new one")


async def test_a_plain_folder_is_protected_from_the_list(
    library: Library, make_session: Callable[..., Path], sessions_dir: Path
) -> None:
    path = make_session(practitioner="Zebedee")
    app = SuperviseApp(library, sessions_dir, protection_cost=FAST)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.screen.run_action("passphrase")
        await pilot.pause()
        assert isinstance(app.screen, ProtectScreen)
        await _type(pilot, app, PASS)
        await _type(pilot, app, PASS)
        assert isinstance(app.screen, HomeScreen) and len(app.screen_stack) == 1
    assert path.read_bytes().startswith(MAGIC)


async def test_a_passphrase_typed_in_one_burst_with_tab_lands_in_both_boxes(
    library: Library, sessions_dir: Path
) -> None:
    """Typed fast (a password manager, a busy machine), the keys after tab belong to the second
    box; before tab was a priority binding everywhere, all of them landed in the first."""
    from tests.app.driving import burst

    app = SuperviseApp(library, sessions_dir, offer_protection=True, protection_cost=FAST)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, ProtectScreen)
        burst(app, *PASS, "tab", *PASS, "enter")
        await _settle(pilot, app)
        await _settle(pilot, app)
        assert isinstance(app.screen, HomeScreen), screen_text(app)
    assert keys.is_encrypted(sessions_dir)
