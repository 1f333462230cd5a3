"""Let keys already delivered be handled before a move, save or quit acts on what they typed."""

from __future__ import annotations

import asyncio
from typing import Any

from textual.screen import Screen

SETTLE_TIMEOUT = 2.0
"""Seconds to wait at most: a widget that never answers must not hold up a quit for ever."""


async def settle_input(screen: Screen[Any]) -> None:
    """Return once every widget that can hold typed keys has handled those already sent to it.

    Textual hands each key to the focused widget's own queue and runs a priority binding (a
    move, a save, quit) straight away, so without this the last keys of a fast burst were still
    waiting in an answer's queue when its text was saved and its screen closed. A callback
    queued behind them runs only once they have been handled.
    """
    loop = asyncio.get_running_loop()
    waits: list[asyncio.Future[None]] = []
    # Keys go to the focused widget, or to the screen when nothing is focused; a burst after
    # tab may have left some with the widget that had focus before.
    for node in (screen, *screen.query("*")):
        if node is not screen and not node.focusable:
            continue
        if node is screen and screen.focused is not None:
            # Keys reach the screen itself only when nothing is focused. Waiting on it anyway
            # would wait out SETTLE_TIMEOUT whenever this runs in one of the screen's own
            # handlers (signing, saving): the callback queues behind the handler that waits.
            continue
        done: asyncio.Future[None] = loop.create_future()
        if node.call_later(_resolve, done):
            waits.append(done)
    if waits:
        await asyncio.wait(waits, timeout=SETTLE_TIMEOUT)


def _resolve(done: asyncio.Future[None]) -> None:
    if not done.done():
        done.set_result(None)
