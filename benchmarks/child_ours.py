"""supervise's side of each measurement: the real app, started as ``supervise`` starts it.

Kept apart from the baselines so that none of them imports anything of supervise. Widget
classes are imported where they are used, as the baselines import them: a start that imported
the text area's module here paid ~5 ms the app itself does not.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from child_harness import (
    first_frame,
    home_interactive,
    peak_rss_kib,
    run_headless,
    table_filled,
    typing_session,
    wait_until,
)
from textual.app import App
from textual.widget import Widget

if TYPE_CHECKING:
    from collections.abc import Callable

    from bench_child import Args, Result
    from textual.pilot import Pilot

    from supervise.app.app import SuperviseApp


def start_app(folder: str) -> SuperviseApp:
    """supervise's app on ``folder``, its content loaded as the ``supervise`` command loads it."""
    from supervise.app.app import SuperviseApp
    from supervise.content import LibraryLoader
    from supervise.content.cache import default_cache_dir

    content = LibraryLoader(include_env=False, cache_dir=default_cache_dir())
    return SuperviseApp(content, Path(folder))


def home_ours(args: Args, result: Result) -> None:
    """Start supervise on a sessions folder until its home table shows every session."""
    app = start_app(args["dir"])

    async def steps(pilot: Pilot[Any]) -> None:
        await home_interactive(app, args["count"], result)
        result["peak_rss_kib"] = peak_rss_kib()
        app.exit()

    run_headless(app, steps)


def walk_ready(app: App[Any], ref: str) -> bool:
    """True once the walk shows ``ref`` with the cursor in an answer."""
    from textual.widgets import TextArea

    return getattr(app.screen, "current", None) == ref and isinstance(app.focused, TextArea)


async def open_session(
    app: App[Any], path: Path, ref: str, at_frame: Callable[[], object] | None = None
) -> float:
    """Open ``path`` the way the home screen does; the time its walk showed ``ref``.

    ``at_frame`` runs straight after that first frame, before anything added later is there.
    """
    from supervise.app.messages import OpenSession

    app.screen.post_message(OpenSession(path))
    await wait_until(lambda: walk_ready(app, ref), f"the walk at {ref}")
    if at_frame is not None:
        # After-refresh callbacks run in order and this one does not yield, so it sees the
        # screen exactly as that frame drew it.
        app.screen.call_after_refresh(at_frame)
    return await first_frame(app)


def shown_widgets(widget: Widget) -> list[list[Any]]:
    """The widgets shown below ``widget``, as a bare app can make them: ``[kind, text]`` each.

    Answer areas are ``area``, lists of options ``options`` (their texts), and every other
    widget with nothing inside it a ``label`` with the text it renders; containers are left out.
    """
    from textual.widgets import OptionList, TextArea

    found: list[list[Any]] = []
    for child in widget.children:
        if not isinstance(child, Widget) or not child.display:
            continue
        if isinstance(child, TextArea):
            found.append(["area", child.text])
        elif isinstance(child, OptionList):
            found.append(["options", [str(option.prompt) for option in child.options]])
        elif child.children:
            found.extend(shown_widgets(child))
        else:
            found.append(["label", str(child.render())])
    return found


def open_ours(args: Args, result: Result) -> None:
    """Start supervise, then open the big session, which resumes at its last item."""
    app = start_app(args["dir"])

    async def steps(pilot: Pilot[Any]) -> None:
        await home_interactive(app, args["count"], result)
        result["home"] = result["ready"]

        # The widgets of the first frame: what the bare app is asked to show in its own.
        def capture() -> None:
            result["widgets"] = shown_widgets(app.screen)

        result["ready"] = await open_session(app, Path(args["path"]), args["ref"], capture)
        result["peak_rss_kib"] = peak_rss_kib()
        await app.action_quit()

    run_headless(app, steps)


def slow_fsync(delay: float) -> None:
    """Make every ``os.fsync`` in this process wait ``delay`` seconds first, as a slow disk does."""
    real = os.fsync

    def fsync(fd: Any) -> None:
        time.sleep(delay)
        real(fd)

    os.fsync = fsync


def type_ours(args: Args, result: Result) -> None:
    """Type into the first answer of the big session's last item, autosaving as supervise does."""
    if args.get("fsync_delay"):
        slow_fsync(args["fsync_delay"])
    app = start_app(args["dir"])
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
    result["saved"] = args["typed"] + result["initial"] in texts


def history_ours(args: Args, result: Result) -> None:
    """Start supervise; then show a fresh session list, and a practitioner's History, each to
    its first full frame (``home`` and ``history``: seconds from asking)."""
    import asyncio

    from textual.widgets import DataTable

    from supervise.app.messages import ShowHistory
    from supervise.app.screens.history import HistoryScreen
    from supervise.app.screens.home import HomeScreen

    app = start_app(args["dir"])

    def history_filled() -> bool:
        # The screen is current a moment before its widgets are there.
        grids = app.screen.query("#coverage").results(DataTable)
        return isinstance(app.screen, HistoryScreen) and any(grid.row_count for grid in grids)

    async def steps(pilot: Pilot[Any]) -> None:
        await home_interactive(app, args["count"], result)
        # The content is loaded once per start, in the background; History needs it, the list
        # does not, so it is loaded before either is timed.
        await asyncio.to_thread(lambda: app.library)
        first = app.screen
        began = time.monotonic()
        app.push_screen(HomeScreen(Path(args["dir"])))
        await wait_until(
            lambda: app.screen is not first and table_filled(app, args["count"]), "a new list"
        )
        result["home"] = await first_frame(app) - began
        app.pop_screen()
        await first_frame(app)
        began = time.monotonic()
        app.post_message(ShowHistory(args["practitioner"]))
        await wait_until(history_filled, "the History grid")
        result["history"] = await first_frame(app) - began
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        result["sessions"] = len(screen.history.sessions)
        app.exit()

    run_headless(app, steps)


def home_ours_sealed(args: Args, result: Result) -> None:
    """Unlock a sealed folder (timed apart, as ``kdf``), then start supervise on it."""
    from supervise.store import keys

    began = time.monotonic()
    keys.unlock(Path(args["dir"]), args["passphrase"])
    result["kdf"] = time.monotonic() - began
    home_ours(args, result)


KINDS: dict[str, Callable[[Args, Result], None]] = {
    "home-ours": home_ours,
    "home-ours-sealed": home_ours_sealed,
    "open-ours": open_ours,
    "type-ours": type_ours,
    "history-ours": history_ours,
}
"""The measurements this module makes, by name."""
