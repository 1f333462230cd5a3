"""Crash safety of a sealed folder: a writer killed at random moments leaves only sealed bytes
(temporary files included) and a session that opens with every acknowledged answer."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from supervise.store import SessionFile, keys
from supervise.store.rekey import encrypt_folder
from supervise.store.seal import MAGIC, Cost

FAST = Cost(n=1 << 10)
PASS = "correct horse battery"
KILLS = 8
"""Kills per run: enough to land in every phase of a write, cheap enough for CI."""

WRITE_FOREVER = """
import sys
from pathlib import Path
from supervise.store import SessionFile, keys
from supervise.store.seal import Cost

folder, passphrase, n, start = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
keys.unlock(folder, passphrase)
found = sorted(folder.glob("2026-*.json"))
if found:
    session = SessionFile.open(found[0])
else:
    session = SessionFile.create(folder, mode="self-reflection", practitioner="Zebedee")
print(session.path, flush=True)
while True:
    session.set_response(f"item/{start}", "what", "practitioner", f"secret {start} " + "é" * 2000)
    print(start, flush=True)
    start += 1
"""


def _run_and_kill(folder: Path, start: int, rng: random.Random) -> tuple[Path, int]:
    """Start a writer at answer ``start``, kill it at a random moment; the session file and the
    last answer it acknowledged."""
    child = subprocess.Popen(
        [sys.executable, "-c", WRITE_FOREVER, str(folder), PASS, str(FAST.n), str(start)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    try:
        path = Path(child.stdout.readline().strip())
        last = start - 1
        stamps = []
        while last < start + 10:
            last = int(child.stdout.readline())
            stamps.append(time.perf_counter())
        time.sleep((stamps[-1] - stamps[0]) / 10 * rng.random())
        child.send_signal(signal.SIGKILL)
        # Answers acknowledged before the kill landed.
        for line in child.stdout:
            last = int(line)
    finally:
        child.kill()
        child.wait(timeout=10)
    return path, last


def test_killed_sealed_writers_lose_nothing_and_leave_nothing_plain(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    encrypt_folder(folder, PASS, cost=FAST)
    rng = random.Random(14)
    start, leftovers = 0, 0
    for _ in range(KILLS):
        path, last = _run_and_kill(folder, start, rng)
        temps = list(folder.glob(".*.tmp-*"))
        leftovers += len(temps)
        for file in [*temps, path, *folder.glob(".index*")]:
            raw = file.read_bytes()
            assert raw.startswith(MAGIC) or not raw, file
            assert b"secret" not in raw and b"Zebedee" not in raw
        with SessionFile.open(path, read_only=True) as session:
            texts = {r.item: r.text for r in session.responses()}
        for n in range(last + 1):
            assert texts[f"item/{n}"] == f"secret {n} " + "é" * 2000
        start = last + 1
        keys.forget()
        keys.unlock(folder, PASS)
    print(
        f"\nencrypted crash suite: {KILLS} kills, {start} acknowledged saves, none lost, "
        f"{leftovers} sealed temporary files left by kills, no plain byte on disk"
    )
