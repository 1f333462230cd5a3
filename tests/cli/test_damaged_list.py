"""supervise list names each damaged session file with its path and reason, at once, even a
file of gigabytes, and lists the others as usual."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from supervise.store import SessionFile
from tests.store.damage import damage

LIMIT = 10.0
"""Seconds the listing may take in a fresh process, start-up included."""


def _session(folder: Path, practitioner: str, date: str) -> Path:
    with SessionFile.create(
        folder, mode="supervision", practitioner=practitioner, date=date, scope=("h3-25/pc/1",)
    ) as session:
        return session.path


def _list(folder: Path, *extra: str) -> str:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "supervise", "--sessions-dir", str(folder), "list", *extra],
        capture_output=True,
        text=True,
        timeout=LIMIT,
    )
    assert time.monotonic() - started < LIMIT
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    return done.stdout


def test_list_names_each_damaged_file_and_why_and_the_others_as_usual(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    _session(folder, "Kim", "2026-01-01")
    keyed = _session(folder, "Sam", "2026-01-02")
    damage(keyed, "session-keyed-by-a-word")
    huge = [folder / "2026-02-01-0badf11e.json", folder / "2026-02-02-0badf11f.json"]
    for path, size in zip(huge, (1 << 30, 3 << 30), strict=True):
        with open(path, "wb") as file:
            file.truncate(size)  # sparse: gigabytes that cost nothing
    out = _list(folder)
    assert f"damaged: {huge[0]}: 1073.7 MB, larger than a session file can be" in out
    assert f"damaged: {huge[1]}: 3221.2 MB, larger than a session file can be" in out
    assert f"damaged: {keyed}: table 'session' holds a document numbered 'abc'" in out
    assert "Sam" not in out and "Kim" in out
    assert "3 damaged files cannot be opened and are left untouched" in out
    rows = json.loads(_list(folder, "--json"))
    problems = {row["file"]: row["problem"] for row in rows}
    assert "numbered 'abc'" in problems[keyed.name]
    assert [row["practitioner"] for row in rows if not row["problem"]] == ["Kim"]


def test_a_damaged_file_named_with_an_escape_is_listed_without_obeying_it(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    _session(folder, "Kim", "2026-01-01")
    (folder / "2026-01-02-\x1b[2J.json").write_bytes(b"not a session")
    out = _list(folder)
    assert "\x1b" not in out and "2026-01-02-\u241b[2J.json" in out
