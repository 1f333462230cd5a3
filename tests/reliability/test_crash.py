"""Crash: a process writing answers through the store is killed (SIGKILL) at random moments; each
time the session opens again and holds every answer whose save was acknowledged."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from supervise.store import SessionFile
from tests.reliability.crash_writer import expected
from tests.reliability.figures import report
from tests.store.conftest import temp_files

ROOT = Path(__file__).resolve().parents[2]
KILLS = 50
"""Kills in an ordinary run; --long makes it LONG_KILLS."""
LONG_KILLS = 500
LONGEST_WAIT = 0.12
"""The latest a kill lands, in seconds after the writer starts: it starts at once (forked), and
by then it has made some dozens of writes, small and large."""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL")


def _answers(session: SessionFile) -> dict[tuple[str, str], str]:
    return {(r.item, r.stage): r.text for r in session.responses()}


def test_sigkill_at_random_moments_loses_no_acknowledged_answer(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    kills = LONG_KILLS if request.config.getoption("--long") else KILLS
    # A failure names its seed; SUPERVISE_CRASH_SEED runs those very kills again.
    seed = int(os.environ.get("SUPERVISE_CRASH_SEED") or random.randrange(1 << 30))
    rng = random.Random(seed)
    folder = tmp_path / "sessions"
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.crash_writer"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert writer.stdin is not None and writer.stdout is not None
    acknowledged = before_any_file = landed_unacknowledged = 0
    slowest_open = 0.0
    try:
        for run in range(kills):
            session_seed = rng.randrange(1 << 30)
            writer.stdin.write(f"{folder} {session_seed}\n")
            writer.stdin.flush()
            path: Path | None = None
            pid = acks = 0
            while not pid:
                word, value = writer.stdout.readline().split()
                if word == "pid":
                    pid = int(value)
                elif word == "path":
                    path = Path(value)
                else:
                    acks = int(value)
            time.sleep(rng.uniform(0, LONGEST_WAIT))
            os.kill(pid, signal.SIGKILL)
            while (line := writer.stdout.readline().strip()) != "done":
                word, value = line.split()
                if word == "path":
                    path = Path(value)
                else:
                    acks = int(value)
            where = f"run {run}, seed {seed}, session seed {session_seed}, {acks} acks"
            if path is None:
                # Killed while creating: a file there is whole (it appears in one rename).
                before_any_file += 1
                for made in folder.glob("*.json") if folder.exists() else ():
                    SessionFile.open_read_only(made).close()
                continue
            started = time.perf_counter()
            with SessionFile.open(path) as session:
                slowest_open = max(slowest_open, time.perf_counter() - started)
                held = _answers(session)
                assert session.recovered_from == pid, where
            if held != expected(session_seed, acks):
                # The write in flight when the kill came may have landed whole, never in part.
                assert held == expected(session_seed, acks + 1), where
                landed_unacknowledged += 1
            assert not [name for name in temp_files(folder) if name.startswith(f".{path.name}")]
            acknowledged += acks
    finally:
        writer.stdin.close()
        writer.wait(timeout=30)
    report(
        "crash",
        f"{kills} SIGKILLs (seed {seed}): {acknowledged:,} acknowledged writes, none lost; "
        f"every file opened ({kills - before_any_file} sessions, {before_any_file} killed while "
        f"creating); {landed_unacknowledged} kills between a write landing and its ack; "
        f"slowest reopen {slowest_open * 1000:.0f} ms",
    )
