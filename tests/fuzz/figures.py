"""What the fuzz tests saw: examples run and outcomes by kind, printed at the end of the run."""

from __future__ import annotations

import os
import re
import signal
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import HealthCheck, settings

EXAMPLES_ENV = "SUPERVISE_FUZZ_EXAMPLES"
"""Environment variable to run more (or fewer) examples per fuzz test than CI does."""
FUZZ = settings(
    max_examples=int(os.environ.get(EXAMPLES_ENV, "150")),
    deadline=2000,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
"""Cheap enough for CI: 150 examples per test (a few seconds each); each must finish within
2 s."""
LIMIT = 5.0
"""Seconds one example may run before it counts as a hang (the deadline only measures those
that finish)."""

FIGURES: dict[str, Counter[str]] = {}
"""Test name -> outcome kind -> how many examples had it."""

_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|\d+(\.\d+)?")


def kind(message: str) -> str:
    """An error message with its particulars (quoted values, numbers) taken out."""
    words = _QUOTED.sub("…", message.split("\n")[0]).split()
    return " ".join(words[:6])


def count(test: str, outcome: str) -> None:
    """Note one example's outcome."""
    FIGURES.setdefault(test, Counter())[outcome] += 1


def report() -> list[str]:
    """The figures, one line per test and one per outcome kind."""
    lines = []
    for test, outcomes in sorted(FIGURES.items()):
        lines.append(f"{test}: {sum(outcomes.values())} examples")
        lines.extend(f"  {n:5d}  {outcome}" for outcome, n in outcomes.most_common())
    return lines


class Hang(Exception):
    """An example ran past LIMIT."""


@contextmanager
def time_limit(seconds: float = LIMIT) -> Iterator[None]:
    """Raise Hang in the block if it runs longer than ``seconds`` (where the system has a
    timer signal; elsewhere the hypothesis deadline still catches what is merely slow)."""
    if sys.platform == "win32" or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise Hang(f"ran longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
