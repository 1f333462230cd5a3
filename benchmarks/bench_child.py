"""One measurement in a fresh Python process: ``python bench_child.py KIND ARGS_JSON RESULT_FILE``.

The parent notes ``time.monotonic()`` just before it starts this process; the child writes the
monotonic time at which its figure was reached (the clock is system-wide on Linux and macOS), so
a start-up time runs from process start to the first frame showing what was asked for.

Only the standard library and ``bench_synth`` are imported at the top: a baseline child must not
pay for (or be helped by) anything supervise imports.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import TYPE_CHECKING, Any

import bench_synth

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump
    from textual.pilot import Pilot
    from textual.widgets import TextArea

    from supervise.content import LibraryLoader

STARTED = time.monotonic()
"""When this process began running Python code (after the interpreter's own start-up)."""
SIZE = (120, 40)
"""The terminal size every app runs at."""
POLL = 0.002
"""Seconds between checks for a screen being ready."""
TIMEOUT = 60.0
"""Seconds after which waiting for a screen is a failure."""

Args = dict[str, Any]
"""A child's arguments, as the parent sent them."""
Result = dict[str, Any]
"""What a child reports: times are monotonic seconds, memory is KiB."""
Steps = Callable[["Pilot[object]"], Coroutine[Any, Any, None]]
"""What an auto-pilot does once the app is running."""


def peak_rss_kib() -> int:
    """The peak resident set size of this process so far (VmHWM), in KiB; 0 if unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    # ru_maxrss is KiB on Linux and bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


async def wait_until(check: Callable[[], bool], what: str) -> None:
    """Poll ``check`` until it is true; RuntimeError after TIMEOUT seconds."""
    deadline = time.monotonic() + TIMEOUT
    while not check():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        await asyncio.sleep(POLL)


def table_filled(app: App[Any], count: int) -> bool:
    """True once the current screen's ``#sessions`` table holds ``count`` rows."""
    from textual.widgets import DataTable

    tables = app.screen.query("#sessions")
    if not tables:
        return False
    table = tables.first()
    return isinstance(table, DataTable) and table.row_count == count


async def first_frame(app: App[Any]) -> float:
    """Wait for the current screen's next refresh; the monotonic time it happened."""
    await app.screen.wait_for_refresh()
    return time.monotonic()


async def home_interactive(app: App[Any], count: int, result: Result) -> None:
    """Wait for the sessions table to be painted with ``count`` rows and to answer a key.

    Records ``painted`` (the first frame with every row) and ``ready`` (the frame after the
    cursor moved down a row): a table is interactive only once it has handled a key, and
    Textual measures a new table's cells while idle after its first frame.
    """
    from textual import events
    from textual.widgets import DataTable

    await wait_until(lambda: table_filled(app, count), "the sessions table")
    result["painted"] = await first_frame(app)
    table = app.screen.query_one("#sessions", DataTable)
    start = table.cursor_row
    app.post_message(events.Key("down", None))
    await wait_until(lambda: table.cursor_row == start + 1, "the cursor to move")
    result["ready"] = await first_frame(app)


def content_as_the_cli_loads_it() -> LibraryLoader:
    """A content loader set up as ``supervise`` sets it up (the parent names the cache folder)."""
    from supervise.content import LibraryLoader
    from supervise.content.cache import default_cache_dir

    return LibraryLoader(include_env=False, cache_dir=default_cache_dir())


def run_headless(app: App[Any], steps: Steps) -> None:
    """Run ``app`` headless at SIZE, driven by ``steps``; errors in ``steps`` propagate."""
    app.run(headless=True, size=SIZE, auto_pilot=steps)


# -- the home screen --------------------------------------------------------------------------


def home_ours(args: Args, result: Result) -> None:
    """Start supervise on a sessions folder until its home table shows every session."""
    from supervise.app.app import SuperviseApp

    app = SuperviseApp(content_as_the_cli_loads_it(), Path(args["dir"]))

    async def steps(pilot: Pilot[Any]) -> None:
        await home_interactive(app, args["count"], result)
        result["peak_rss_kib"] = peak_rss_kib()
        app.exit()

    run_headless(app, steps)


def home_baseline(args: Args, result: Result) -> None:
    """A minimal Textual app showing the same rows from a list in memory."""
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable, Footer, Header

    columns = ("Date", "Practitioner", "Supervisor", "Mode", "Status", "Progress")

    class Minimal(App[None]):
        """Header, a table of sessions and a footer: the least a session list can be."""

        def compose(self) -> ComposeResult:
            yield Header()
            yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
            yield Footer()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns(*columns)
            table.add_rows(bench_synth.rows(args["count"], args["big_items"]))
            table.focus()

    app = Minimal()

    async def steps(pilot: Pilot[Any]) -> None:
        await home_interactive(app, args["count"], result)
        result["peak_rss_kib"] = peak_rss_kib()
        app.exit()

    run_headless(app, steps)


# -- opening a session at its last item ---------------------------------------------------------


def walk_ready(app: App[Any], ref: str) -> bool:
    """True once the walk shows ``ref`` with the cursor in its first answer."""
    from textual.widgets import TextArea

    screen = app.screen
    return getattr(screen, "current", None) == ref and isinstance(app.focused, TextArea)


async def open_session(app: App[Any], path: Path, ref: str) -> float:
    """Open ``path`` the way the home screen does; the time its walk showed ``ref``."""
    from supervise.app.messages import OpenSession

    app.screen.post_message(OpenSession(path))
    await wait_until(lambda: walk_ready(app, ref), f"the walk at {ref}")
    return await first_frame(app)


def open_ours(args: Args, result: Result) -> None:
    """Start supervise, then open the big session, which resumes at its last item."""
    from supervise.app.app import SuperviseApp

    app = SuperviseApp(content_as_the_cli_loads_it(), Path(args["dir"]))

    async def steps(pilot: Pilot[Any]) -> None:
        await home_interactive(app, args["count"], result)
        result["home"] = result["ready"]
        result["ready"] = await open_session(app, Path(args["path"]), args["ref"])
        result["peak_rss_kib"] = peak_rss_kib()
        await app.action_quit()

    run_headless(app, steps)


# -- typing -----------------------------------------------------------------------------------

KEY_NAMES = {" ": "space"}
"""Key names Textual gives characters that are not their own name."""


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


async def type_text(app: App[Any], text: str, burst: int, pause: float) -> float:
    """Type ``text`` a key at a time, pausing after each burst; seconds spent typing.

    The pauses (long enough for a debounced autosave to run) are not counted.
    """
    from textual import events

    busy = 0.0
    for start in range(0, len(text), burst):
        began = time.perf_counter()
        for char in text[start : start + burst]:
            app.post_message(events.Key(KEY_NAMES.get(char, char), char))
            await settle(app)
        busy += time.perf_counter() - began
        await asyncio.sleep(pause)
    return busy


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


def focused_text(app: App[Any]) -> str:
    """The text of the focused TextArea."""
    return focused_area(app).text


async def typing_session(pilot: Pilot[Any], args: Args, result: Result) -> None:
    """Once the app is idle, type into the focused TextArea and check every character arrived.

    Waiting for idle keeps work left over from opening (supervise adds the lower part of an
    item a frame after its top) in the opening figure, out of this one.
    """
    app = pilot.app
    await pilot.pause()
    await first_frame(app)
    result["initial"] = before = focused_text(app)
    result["css"] = area_css(focused_area(app))
    result["typing"] = await type_text(app, args["typed"], args["burst"], args["pause"])
    after = focused_text(app)
    # supervise puts the cursor after an answer's text; a bare TextArea puts it before.
    if after not in (args["typed"] + before, before + args["typed"]):
        raise RuntimeError(
            f"typed {len(args['typed'])} characters, {len(after) - len(before)} arrived"
        )


def type_ours(args: Args, result: Result) -> None:
    """Type into the first answer of the big session's last item, autosaving as supervise does."""
    from supervise.app.app import SuperviseApp

    app = SuperviseApp(content_as_the_cli_loads_it(), Path(args["dir"]))
    path = Path(args["path"])

    async def steps(pilot: Pilot[Any]) -> None:
        await wait_until(lambda: table_filled(app, 1), "the sessions table")
        await first_frame(app)
        await open_session(app, path, args["ref"])
        await typing_session(pilot, args, result)
        await app.action_quit()

    run_headless(app, steps)
    from supervise.store import SessionFile

    with SessionFile.open_read_only(path) as session:
        texts = {response.text for response in session.responses()}
    typed, initial = args["typed"], result["initial"]
    result["saved"] = initial + typed in texts or typed + initial in texts


def type_baseline(args: Args, result: Result) -> None:
    """Type the same keys into a bare app holding one TextArea with the same text and size."""
    from textual.app import App, ComposeResult
    from textual.widgets import TextArea

    class Bare(App[None]):
        """One answer area, nothing else."""

        CSS = args["css"]

        def compose(self) -> ComposeResult:
            yield TextArea(args["initial"], soft_wrap=True, tab_behavior="focus")

        def on_mount(self) -> None:
            self.query_one(TextArea).focus()

    app = Bare()

    async def steps(pilot: Pilot[Any]) -> None:
        await wait_until(lambda: isinstance(app.focused, TextArea), "the answer area")
        await first_frame(app)
        await typing_session(pilot, args, result)
        app.exit()

    run_headless(app, steps)


# -- listing ----------------------------------------------------------------------------------


def list_baseline(args: Args, result: Result) -> None:
    """Read one small JSON file per session and print them all, as ``list --json`` prints."""
    folder = Path(args["dir"])
    rows = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.endswith(".json"):
                with open(entry.path, encoding="utf-8") as file:
                    rows.append(json.load(file))
    rows.sort(key=lambda row: (row["date"], row["created"], row["id"]), reverse=True)
    json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
    print()
    result["ready"] = time.monotonic()
    result["count"] = len(rows)


KINDS: dict[str, Callable[[Args, Result], None]] = {
    "home-ours": home_ours,
    "home-baseline": home_baseline,
    "open-ours": open_ours,
    "type-ours": type_ours,
    "type-baseline": type_baseline,
    "list-baseline": list_baseline,
}
"""Every measurement a child can make, by name."""


def main(argv: list[str]) -> int:
    """Run the measurement named by ``argv[1]`` and write its result to ``argv[3]``."""
    kind, raw_args, result_file = argv[1:4]
    result: Result = {"started": STARTED}
    KINDS[kind](json.loads(raw_args), result)
    result["finished"] = time.monotonic()
    Path(result_file).write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
