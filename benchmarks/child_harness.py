"""What every Textual child shares: running an app headless and waiting for what it shows.

Ours and the bare baselines are driven by these same functions, so waiting costs both alike.
Only the standard library and Textual are imported, and each widget class only where it is used,
so that a baseline loads nothing its own work does not need.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App

if TYPE_CHECKING:
    from bench_child import Args, Result
    from textual.message_pump import MessagePump
    from textual.pilot import Pilot
    from textual.widgets import TextArea

SIZE = (120, 40)
"""The terminal size every app runs at."""
POLL = 0.002
"""Seconds between checks for a screen being ready."""
TIMEOUT = 60.0
"""Seconds after which waiting for a screen is a failure."""
KEY_NAMES = {" ": "space"}
"""Key names Textual gives characters that are not their own name."""

Steps = Callable[["Pilot[Any]"], Coroutine[Any, Any, None]]
"""What an auto-pilot does once the app is running."""


def peak_rss_kib() -> int:
    """The peak resident set size of this process so far (VmHWM), in KiB; 0 if unknown."""
    try:
        with open("/proc/self/status", encoding="utf-8") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    # ru_maxrss is KiB on Linux and bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def run_headless(app: App[Any], steps: Steps) -> None:
    """Run ``app`` headless at SIZE, driven by ``steps``; errors in ``steps`` propagate."""
    app.run(headless=True, size=SIZE, auto_pilot=steps)


async def wait_until(check: Callable[[], bool], what: str) -> None:
    """Poll ``check`` until it is true; RuntimeError after TIMEOUT seconds."""
    deadline = time.monotonic() + TIMEOUT
    while not check():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        await asyncio.sleep(POLL)


async def first_frame(app: App[Any]) -> float:
    """Wait for the current screen's next refresh; the monotonic time it happened.

    The time is taken in the refresh's own after-refresh callback, not when this task wakes:
    work the app queued for after that frame may run first, and it is not part of the frame.
    """
    painted: list[float] = []
    app.screen.call_after_refresh(lambda: painted.append(time.monotonic()))
    await app.screen.wait_for_refresh()
    return painted[0] if painted else time.monotonic()


def table_filled(app: App[Any], count: int) -> bool:
    """True once the current screen's ``#sessions`` table holds ``count`` rows."""
    from textual.widgets import DataTable

    tables = app.screen.query("#sessions")
    if not tables:
        return False
    table = tables.first()
    return isinstance(table, DataTable) and table.row_count == count


async def home_interactive(app: App[Any], count: int, result: Result) -> None:
    """Wait for the sessions table to be painted with ``count`` rows and to answer a key.

    Records ``painted`` (the first frame with every row) and ``ready`` (the frame after the
    cursor moved down a row): a table is interactive only once it has handled a key, and
    Textual measures a new table's cells while idle after its first frame.
    """
    from textual.widgets import DataTable

    await wait_until(lambda: table_filled(app, count), "the sessions table")
    result["painted"] = await first_frame(app)
    table = app.screen.query_one("#sessions", DataTable)
    start = table.cursor_row
    app.post_message(events.Key("down", None))
    await wait_until(lambda: table.cursor_row == start + 1, "the cursor to move")
    result["ready"] = await first_frame(app)


def _resolve(done: asyncio.Future[None]) -> None:
    """Mark ``done`` (a plain function: Textual inspects a callback's signature on every call,
    which is slow for built-in methods)."""
    done.set_result(None)


async def barrier(node: MessagePump) -> None:
    """Wait until ``node`` has handled every message queued for it so far."""
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    if node.call_later(_resolve, done):
        await done


async def settle(app: App[Any]) -> None:
    """Wait until a key sent to ``app`` has been handled and the screen has shown it.

    The app hands the key to the focused widget, whose change message goes to its parent; then
    the screen repaints. The chain is the same length in every app, so the waiting costs the
    same whatever the app (children set TEXTUAL_FPS high, so a frame follows each key at once).
    """
    focused = app.focused
    await barrier(app)
    if focused is not None:
        await barrier(focused)
        if focused.parent is not None:
            await barrier(focused.parent)
    await app.screen.wait_for_refresh()


async def type_text(app: App[Any], text: str, burst: int, pause: float) -> list[float]:
    """Type ``text`` a key at a time, pausing after each burst; each key's seconds to paint.

    The pauses (long enough for a debounced autosave to run) are not counted.
    """
    keys: list[float] = []
    for start in range(0, len(text), burst):
        for char in text[start : start + burst]:
            began = time.perf_counter()
            app.post_message(events.Key(KEY_NAMES.get(char, char), char))
            await settle(app)
            keys.append(time.perf_counter() - began)
        await asyncio.sleep(pause)
    return keys


def focused_area(app: App[Any]) -> TextArea:
    """The focused TextArea."""
    from textual.widgets import TextArea

    area = app.focused
    if not isinstance(area, TextArea):
        raise RuntimeError(f"expected a TextArea to have focus, not {area!r}")
    return area


def area_css(area: TextArea) -> str:
    """CSS that gives another TextArea the width and height rules of ``area``."""
    styles = area.styles
    rules = {
        "width": str(area.outer_size.width),
        "height": str(styles.height or "auto"),
        "min-height": str(styles.min_height or "0"),
        "max-height": str(styles.max_height or "100%"),
    }
    body = " ".join(f"{name}: {value};" for name, value in rules.items())
    return f"TextArea {{ {body} }}"


async def typing_session(pilot: Pilot[Any], args: Args, result: Result) -> None:
    """Once the app is idle, type into the focused TextArea and check every character arrived.

    Waiting for idle keeps work left over from opening (supervise adds the lower part of an
    item a frame after its top) in the opening figure, out of this one.
    """
    app = pilot.app
    await pilot.pause()
    await first_frame(app)
    result["initial"] = before = focused_area(app).text
    result["css"] = area_css(focused_area(app))
    result["keys"] = await type_text(app, args["typed"], args["burst"], args["pause"])
    after = focused_area(app).text
    # Both apps put the cursor after the text already there, so the keys land at its end.
    if after != before + args["typed"]:
        raise RuntimeError(
            f"typed {len(args['typed'])} characters, {len(after) - len(before)} arrived"
        )
