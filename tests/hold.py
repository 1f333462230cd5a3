"""A gate a worker thread stops at until the test opens it: how tests hold the disk (or an
open, or a listing) still without timing anything."""

from __future__ import annotations

import threading

HELD = 30.0
"""Seconds a held thread waits at most for the test to let it go: if the code under test had
been waiting on it, the test could not let it go, the hold gives up, and the test fails. Long
enough that a machine busy with other work (the tests pressed keys for more than 5 s on a
loaded 2-core machine) never gives up early; only a real wait on the hold takes this long."""


class Hold:
    """A gate a worker thread stops at until the test opens it."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self.opened = threading.Event()
        self.gave_up = False

    def shut(self) -> None:
        """Make the next thread to come wait at the gate again."""
        self.reached.clear()
        self.opened.clear()

    def wait(self) -> None:
        """Called on the worker thread: say it got here, then wait to be let through."""
        self.reached.set()
        if not self.opened.wait(HELD):
            self.gave_up = True
