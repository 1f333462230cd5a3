"""Run by test_crash: writes answers through the store until it is killed with SIGKILL.

Started once; for each line "FOLDER SEED" on stdin it forks a writer (so each crash costs a
fork, not a Python start), says "pid N", waits for the writer to die and says "done". The writer
creates a session, prints "path P", then makes the writes of ``writes(SEED)`` one by one,
printing "ack N" once write N has returned (it is on disk).
"""

from __future__ import annotations

import itertools
import os
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ITEMS = ("h3-25/pc/5", "h3-25/k/c", "cyp-4.3/k/1")
"""The session's scope."""
STAGES = ("what", "so-what", "now-what")
"""The prompts answered."""


def writes(seed: int) -> Iterator[tuple[str, str, str]]:
    """The (item, stage, text) of every write a writer with ``seed`` makes, forever: answers
    overwritten again and again, of lengths from a word to 40,000 characters."""
    rng = random.Random(seed)
    n = 0
    while True:
        size = rng.choice((0, 10, 200, 3_000, 40_000))
        yield rng.choice(ITEMS), rng.choice(STAGES), f"answer {n} " + "é" * size
        n += 1


def expected(seed: int, count: int) -> dict[tuple[str, str], str]:
    """What the session's answers hold once the first ``count`` writes are on disk."""
    answers: dict[tuple[str, str], str] = {}
    for item, stage, text in itertools.islice(writes(seed), count):
        answers[item, stage] = text
    return answers


def _say(line: str) -> None:
    # One write(2) per line: a pipe takes it whole, so a kill never leaves half a line.
    os.write(1, f"{line}\n".encode())


def _write(folder: Path, seed: int) -> None:
    from supervise.store.session import SessionFile

    session = SessionFile.create(
        folder, mode="supervision", practitioner="Sam", supervisor="Alex", scope=ITEMS
    )
    _say(f"path {session.path}")
    for n, (item, stage, text) in enumerate(writes(seed)):
        session.set_response(item, stage, "practitioner", text)
        _say(f"ack {n + 1}")
        if n % 5 == 4:
            # A pause in typing: the folder is synced too.
            session.sync()


def main() -> None:
    """Fork one writer per line read, and report on each."""
    # Loaded before forking, so each writer starts at once.
    import supervise.store.session  # noqa: F401

    for line in sys.stdin:
        folder, seed = line.split()
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                _write(Path(folder), int(seed))
            finally:
                os._exit(1)
        print(f"pid {pid}", flush=True)
        os.waitpid(pid, 0)
        print("done", flush=True)


if __name__ == "__main__":
    main()
