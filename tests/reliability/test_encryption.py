"""Encryption: every way a sealed folder can be harmed is detected with its own message (a wrong
passphrase, a changed, cut-short, renamed or swapped file), and a sealed writer killed at random
moments leaves only sealed bytes (temporary files included) and every acknowledged answer.
(After a session typed through the app, tests/app/test_encryption.py looks for its words on disk.)
"""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from supervise.store import SessionFile, keys
from supervise.store.keys import SealBroken, WrongPassphrase
from supervise.store.rekey import encrypt_folder
from supervise.store.seal import MAGIC, Broken, Cost
from tests.reliability.figures import report

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

FAST = Cost(n=1 << 10)
PASS = "correct horse battery"
KILLS = 8
"""Kills in an ordinary run (each starts a Python): enough to land in every phase of a write."""
LONG_KILLS = 80

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


def test_killed_sealed_writers_lose_nothing_and_leave_nothing_plain(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    kills = LONG_KILLS if request.config.getoption("--long") else KILLS
    folder = tmp_path / "sessions"
    encrypt_folder(folder, PASS, cost=FAST)
    rng = random.Random(14)
    start, leftovers = 0, 0
    for _ in range(kills):
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
    report(
        "encryption, crash",
        f"{kills} SIGKILLs of a sealed writer: {start} acknowledged saves, none lost; "
        f"{leftovers} temporary files left by kills, all sealed; no plain byte on disk",
    )


def _sealed(root: Path, name: str) -> tuple[Path, Path]:
    folder = root / name
    encrypt_folder(folder, PASS, cost=FAST)
    with SessionFile.create(folder, mode="self-reflection", practitioner="Zebedee") as session:
        session.set_response("h3-25/pc/5", "what", "practitioner", "secret words")
        return folder, session.path


def _refused(path: Path) -> Broken:
    with pytest.raises(SealBroken) as caught:
        SessionFile.open(path, read_only=True)
    assert caught.value.why.value in str(caught.value) and "Traceback" not in str(caught.value)
    return caught.value.why


def test_every_harm_to_a_sealed_folder_is_detected_and_told_apart(tmp_path: Path) -> None:
    one, path = _sealed(tmp_path, "one")
    two, other = _sealed(tmp_path, "two")
    good = path.read_bytes()
    found: dict[str, Broken | str] = {}

    keys.forget()
    with pytest.raises(WrongPassphrase):
        keys.unlock(one, PASS + "!")
    found["wrong passphrase"] = "wrong passphrase"
    keys.unlock(one, PASS)
    keys.unlock(two, PASS)
    rng = random.Random(5)
    for n in range(20):
        at = rng.randrange(len(MAGIC), len(good))
        path.write_bytes(good[:at] + bytes([good[at] ^ (1 << rng.randrange(8))]) + good[at + 1 :])
        why = _refused(path)
        assert why in (Broken.ALTERED, Broken.TRUNCATED, Broken.OTHER_KEY)
        found[f"tampered byte {n}"] = why
    for cut in (len(good) - 1, len(good) // 2, 10):
        path.write_bytes(good[:cut])
        found[f"truncated to {cut}"] = _refused(path)
        assert found[f"truncated to {cut}"] is Broken.TRUNCATED
    path.write_bytes(good)
    shutil.copy(other, one / other.name)
    found["swapped in from another folder"] = _refused(one / other.name)
    assert found["swapped in from another folder"] is Broken.OTHER_KEY
    renamed = path.with_name("2026-01-01-renamed.json")
    shutil.copy(path, renamed)
    found["renamed"] = _refused(renamed)
    assert found["renamed"] is Broken.ALTERED
    with SessionFile.open(path, read_only=True) as session:
        assert session.record.practitioner == "Zebedee"
    kinds = sorted({why if isinstance(why, str) else why.name.lower() for why in found.values()})
    report(
        "encryption, harm",
        f"{len(found)} harms (a wrong passphrase, 20 changed bytes, 3 cuts, a file swapped in "
        f"from another folder, a renamed copy), each detected: {', '.join(kinds)}; the "
        "untouched file still opens",
    )
