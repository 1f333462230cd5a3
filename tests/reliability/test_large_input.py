"""Large input: a 1 MB paste into an answer, 10,000 sessions in a store, a 1 GB file in the
sessions folder; nothing hangs and nothing is lost. Times are printed, never asserted (speed
targets live in benchmarks/)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.widgets import DataTable, TextArea

from supervise.app.app import SuperviseApp
from supervise.app.screens.walk import WalkScreen
from supervise.content import Library
from supervise.store import SessionFile, list_sessions
from supervise.store.folder import session_file_name
from tests.app.conftest import SCOPE, stored
from tests.app.driving import open_walk, saved, until_listed
from tests.reliability.figures import report

ROOT = Path(__file__).resolve().parents[2]
MANY = 10_000
"""Sessions in the large store."""


def _megabyte_paste() -> str:
    line = "Ceri said the flat was cold again; I listened, wrote it down and rang the office. "
    lines = [f"{n:05d} {line}é😊" for n in range(1_000_000 // (len(line) + 8))]
    return "\n".join(lines)


async def test_a_one_megabyte_paste_is_saved_whole(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    paste = _megabyte_paste()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        assert walk.query(TextArea).first().has_focus
        started = time.perf_counter()
        app.post_message(events.Paste(paste))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await saved(app)
        took = time.perf_counter() - started
        # Still answering keys: type after the paste, and that lands too.
        await pilot.press(*" and more")
        await pilot.press("ctrl+s")
        await saved(app)
    kept = stored(path).response(SCOPE[0], "what", "practitioner")
    assert kept == paste + " and more"
    report(
        "large input, paste",
        f"{len(paste.encode()) / 1e6:.1f} MB ({len(paste):,} characters, "
        f"{paste.count(chr(10)) + 1:,} lines) pasted into an answer and saved whole in "
        f"{took:.1f} s; the session file is {path.stat().st_size / 1e6:.1f} MB",
    )


def _large_store(folder: Path) -> list[Path]:
    """MANY session files, written directly from one made through the store (fast: no fsync)."""
    with SessionFile.create(
        folder / "template",
        mode="supervision",
        practitioner="Sam Jones",
        supervisor="Alex Smith",
        date="2020-01-01",
        scope=SCOPE,
    ) as session:
        for item in SCOPE:
            session.set_response(item, "what", "practitioner", f"What happened at {item}. " * 20)
        template, template_id = session.path.read_text(encoding="utf-8"), session.record.id
    made = []
    for n in range(MANY):
        day = f"20{19 + n % 7}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        session_id = f"{n:08x}"
        text = template.replace(template_id, session_id).replace("2020-01-01", day)
        text = text.replace("Sam Jones", f"Person {n % 250}")
        path = folder / session_file_name(day, session_id)
        path.write_text(text, encoding="utf-8")
        made.append(path)
    return made


async def test_ten_thousand_sessions_list_and_open(tmp_path: Path, library: Library) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir(mode=0o700)
    made = _large_store(folder)
    started = time.perf_counter()
    listed = list_sessions(folder)
    cold = time.perf_counter() - started
    assert len(listed) == MANY and not [s for s in listed if s.status == "unreadable"]
    app = SuperviseApp(library, folder)
    async with app.run_test(size=(120, 40)) as pilot:
        started = time.perf_counter()
        await until_listed(pilot, app, timeout=120)
        shown = time.perf_counter() - started
        assert app.screen.query_one("#sessions", DataTable).row_count == MANY
        started = time.perf_counter()
        walk = await open_walk(pilot, app)
        opened = time.perf_counter() - started
        assert isinstance(walk, WalkScreen)
        await pilot.press(*"still typing", "ctrl+s")
        await saved(app)
        newest = app.live.path if app.live is not None else None
    assert newest is not None and newest in made
    assert stored(newest).response(SCOPE[0], "what", "practitioner").endswith("still typing")
    report(
        "large input, store",
        f"{MANY:,} sessions: the store listed them in {cold:.1f} s (no index yet); the app "
        f"showed all rows in {shown:.1f} s (from the index) and opened one in {opened:.2f} s",
    )


LIST_AND_MEASURE = """
import resource, sys
from supervise.cli import main
code = main(["list", "--json", "--sessions-dir", sys.argv[1]])
sys.stdout.flush()
try:
    # Linux keeps ru_maxrss across exec, so it would report the forking test process's peak:
    # VmHWM is this process's own (in kB, as ru_maxrss is on Linux).
    with open("/proc/self/status") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
except OSError:
    peak = str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
print(peak, file=sys.stderr)
raise SystemExit(code)
"""
HANG = 300
"""Seconds after which `supervise list` counts as hung."""


@pytest.mark.skipif(sys.platform == "win32", reason="sparse files by truncate; ru_maxrss")
def test_a_one_gigabyte_file_in_the_folder_neither_hangs_nor_hides_the_others(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "sessions"
    made = []
    for name in ("Sam", "Rhian", "Amal"):
        with SessionFile.create(folder, mode="self-reflection", practitioner=name) as session:
            session.set_response(SCOPE[0], "what", "practitioner", f"{name}'s words")
            made.append(session.path)
    huge = folder / "2026-01-01-0badf11e.json"
    with huge.open("wb") as file:
        file.truncate(1 << 30)
    started = time.perf_counter()
    try:
        run = subprocess.run(
            [sys.executable, "-c", LIST_AND_MEASURE, str(folder)],
            capture_output=True,
            text=True,
            timeout=HANG,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"supervise list hung: no answer in {HANG} s with a 1 GB file in the folder")
    took = time.perf_counter() - started
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    rows = {row["file"]: row for row in json.loads(run.stdout)}
    assert {path.name for path in made} <= rows.keys()
    assert all(rows[path.name]["status"] != "unreadable" for path in made)
    # The big file is left as it is (not deleted, not rewritten), and the others still open
    # and save beside it.
    assert huge.stat().st_size == 1 << 30
    with SessionFile.open(made[0]) as session:
        session.set_response(SCOPE[0], "so-what", "practitioner", "saved beside it")
    assert stored(made[0]).response(SCOPE[0], "what", "practitioner") == "Sam's words"
    peak = int(run.stderr.split()[-1]) * (1 if sys.platform == "darwin" else 1024)
    # Refused by its size before any of it is read: the listing stays small.
    assert peak < 256 << 20, f"supervise list peaked at {peak / 1e6:.0f} MB"
    listed = rows.get(huge.name, {}).get("status", "not listed")
    report(
        "large input, 1 GB file",
        f"supervise list answered in {took:.1f} s, peak memory {peak / 1e9:.2f} GB; the 3 "
        f"sessions listed and saving; the 1 GB file: {listed}, left untouched",
    )
