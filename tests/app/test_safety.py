"""Trust: locked, stale, corrupt and crashed sessions, and a small terminal — nothing is lost."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import TextArea

from supervise.app.app import SuperviseApp
from supervise.app.screens.dialogs import Choice
from supervise.app.screens.home import HomeScreen
from supervise.app.screens.walk import WalkScreen
from supervise.app.widgets.item_list import ItemList
from supervise.app.widgets.prompt_field import SAVE_DELAY
from supervise.store import SessionFile
from supervise.store.writer import SETTLE_AFTER
from tests.app.conftest import SCOPE, stored
from tests.app.driving import Notes, open_walk, screen_text

ROOT = Path(__file__).resolve().parents[2]


async def test_a_session_open_elsewhere_offers_read_only(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    with SessionFile.open(path) as elsewhere:
        elsewhere.set_response(SCOPE[0], "what", "practitioner", "typed elsewhere")
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("o")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, Choice)
            assert f"process {os.getpid()}" in dialog.message
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("ctrl+n")
            await pilot.pause()
            walk = app.screen
            assert isinstance(walk, WalkScreen)
            assert walk.live.read_only
            area = walk.query(TextArea).first()
            assert area.read_only and area.text == "typed elsewhere"
            await pilot.press("ctrl+q")
        # The other window still holds its lock and can keep writing.
        elsewhere.set_response(SCOPE[0], "what", "practitioner", "still mine")
    assert stored(path).response(SCOPE[0], "what", "practitioner") == "still mine"


async def test_a_stale_lock_from_a_crash_is_taken_over(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock = path.with_name(path.name + ".lock")
    lock.write_text(json.dumps({"pid": dead.pid, "host": "here", "since": "earlier"}))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert app.live is not None and not app.live.read_only
        await pilot.press("ctrl+n", *"after the crash")
        await pilot.press("ctrl+q")
    session = stored(path)
    assert any(e.kind == "recovered" and str(dead.pid) in e.detail for e in session.events())
    assert session.response(SCOPE[0], "what", "practitioner") == "after the crash"


async def test_a_corrupt_session_file_is_listed_and_explained_not_fatal(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path], sessions_dir: Path
) -> None:
    make_session(date="2026-01-01")
    broken = sessions_dir / "2026-11-30-deadbeef.json"
    broken.write_bytes(b'{"session": {"1": {"id": "deadbeef", "mode": ')
    before = broken.read_bytes()
    app = make_app()
    notes = Notes()
    async with app.run_test(size=(120, 40), message_hook=notes) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert "Damaged" in str(home.query_one("#sessions").get_row_at(0))
        await pilot.press("o")
        await pilot.pause()
        assert app.screen is home and app.live is None
        messages = notes.shown
        assert any(str(broken) in m and "not JSON" in m for m in messages), messages
        # The good session is still there to open.
        await pilot.press("down", "o")
        await pilot.pause()
        assert app.live is not None
    assert broken.read_bytes() == before


async def test_the_walk_fits_a_small_terminal(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        walk = await open_walk(pilot, app)
        side, items = walk.query_one("#side"), walk.query_one(ItemList)
        assert not side.display  # the list hides on narrow screens...
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert side.display and items.has_focus  # ...and comes back when asked for
        lines = screen_text(app).splitlines()
        assert "Supervision: Sam" in lines[0] and "Next" in lines[-1]  # beside, not over them
        await pilot.press("down", "enter")
        await pilot.pause()
        assert walk.current == SCOPE[1]
        assert not side.display
        statement = walk.query_one("#statement")
        assert statement.region.height > 0 and statement.region.bottom <= 24
        await pilot.press(*"small screen")
        await pilot.press("ctrl+q")
    assert stored(path).response(SCOPE[1], "what", "practitioner") == "small screen"


def _typist(script: str, sessions_dir: Path, *options: str) -> subprocess.Popen[str]:
    """The real app, in its own process, typing as ``tests/app/<script>`` tells it to."""
    return subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "app" / script), str(sessions_dir), *options],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_kill_9_while_typing_keeps_everything_typed_a_second_before(
    make_session: Callable[..., Path], sessions_dir: Path
) -> None:
    path = make_session()
    typist = _typist("crash_typist.py", sessions_dir)
    assert typist.stdout is not None
    typed_at: dict[int, float] = {}
    try:
        for line in typist.stdout:
            count = int(line.split()[1])
            typed_at[count] = time.monotonic()
            # Long enough that several chunks were typed over a second before the kill.
            if count >= 12:
                break
    finally:
        typist.send_signal(signal.SIGKILL)
        typist.wait()
    killed = time.monotonic()
    text = stored(path).response(SCOPE[0], "what", "practitioner")
    safe = max(count for count, at in typed_at.items() if killed - at > 1.0)
    expected = "".join(f"chunk{n} " for n in range(safe))
    assert text.startswith(expected), (safe, text)


def test_closing_the_terminal_saves_what_was_just_typed(
    make_session: Callable[..., Path], sessions_dir: Path
) -> None:
    path = make_session()
    typist = _typist("hangup_typist.py", sessions_dir)
    assert typist.stdout is not None
    assert typist.stdout.readline().strip() == "TYPED"
    typist.send_signal(signal.SIGHUP)
    assert typist.wait(timeout=20) == 0
    session = stored(path)
    assert session.response(SCOPE[0], "what", "practitioner") == (
        "typed just before the terminal closed"
    )
    assert not path.with_name(path.name + ".lock").exists()


def test_closing_the_terminal_on_a_full_disk_keeps_a_copy_of_what_was_typed(
    make_session: Callable[..., Path], sessions_dir: Path
) -> None:
    path = make_session()
    typist = _typist("hangup_typist.py", sessions_dir, "disk-full")
    assert typist.stdout is not None
    assert typist.stdout.readline().strip() == "TYPED"
    typist.send_signal(signal.SIGHUP)
    assert typist.wait(timeout=20) == 0
    assert stored(path).response(SCOPE[0], "what", "practitioner") == ""
    [copy] = sessions_dir.with_name(sessions_dir.name + "-unsaved").iterdir()
    kept = json.loads(copy.read_text(encoding="utf-8"))
    assert "typed just before the terminal closed" in [c.get("text") for c in kept["changes"]]
    assert not path.with_name(path.name + ".lock").exists()


async def test_each_pause_in_typing_ends_with_a_durable_save(
    make_app: Callable[[], SuperviseApp],
    make_session: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import supervise.store.atomic as atomic

    synced: list[Path] = []
    real = atomic.fsync_dir

    def counting(folder: Path) -> None:
        synced.append(folder)
        real(folder)

    monkeypatch.setattr(atomic, "fsync_dir", counting)
    path = make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        assert walk.live.flush()
        await pilot.pause(SETTLE_AFTER + 0.3)
        before = len(synced)
        await pilot.press(*"a durable note")
        await pilot.pause(SAVE_DELAY + 0.2)
        # Saved (each save is whole on disk), but the folder waits for a pause to think.
        assert len(synced) == before
        await pilot.pause(SETTLE_AFTER + 0.3)
        # Synced once for the burst: a power cut now loses nothing.
        assert len(synced) == before + 1
        with stored(path) as session:
            assert "a durable note" in {response.text for response in session.responses()}
        assert "✔ Saved" in screen_text(app)
