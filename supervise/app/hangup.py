"""Saving when the terminal goes away: SIGHUP (the window closed) and SIGTERM."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from collections.abc import Callable


def on_hang_up(callback: Callable[[], None]) -> None:
    """Call ``callback`` on the running loop when the terminal closes or the process is told
    to stop; without it the last moment of typing would die with the process."""
    loop = asyncio.get_running_loop()
    signals = [signal.SIGTERM]
    if sys.platform != "win32":
        # Windows has no SIGHUP (and its event loop takes no signal handlers at all).
        signals.insert(0, signal.SIGHUP)
    for signum in signals:
        # Not every platform or thread can take signal handlers; there is nothing to save then
        # that a normal quit would not.
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signum, callback)
