"""The bare Textual baselines: the least an app can do to show what supervise shows.

Their data comes in their arguments (the parent takes it from what supervise showed), and they
import nothing but Textual and the shared harness: tests/benchmarks/test_lean_baselines.py checks.
Widget classes are imported where they are used: Textual loads each one's module on first use,
and the typing baseline must not pay for the table's.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from child_harness import (
    first_frame,
    home_interactive,
    peak_rss_kib,
    run_headless,
    typing_session,
    wait_until,
)
from textual.app import App, ComposeResult
from textual.screen import Screen

if TYPE_CHECKING:
    from collections.abc import Callable

    from bench_child import Args, Result
    from textual.pilot import Pilot
    from textual.widget import Widget

COLUMNS = (
    "Date",
    "Practitioner",
    "Supervisor",
    "Mode",
    "Status",
    "Progress",
    "Next",
    "Frameworks",
)
"""The home table's column headings."""


class Home(App[None]):
    """Header, a table of sessions and a footer: the least a session list can be."""

    def __init__(self, rows: list[list[str]]) -> None:
        """An app that will show ``rows``."""
        super().__init__()
        self.rows = rows
        """The table's rows, newest session first."""

    def compose(self) -> ComposeResult:
        """The header, the table and the footer."""
        from textual.widgets import DataTable, Footer, Header

        yield Header()
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        """Fill the table and put the cursor in it."""
        from textual.widgets import DataTable

        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        table.add_rows(self.rows)
        table.focus()


def home_bare(args: Args, result: Result) -> None:
    """The minimal app showing the same rows as supervise's home screen."""
    app = Home(args["rows"])

    async def steps(pilot: Pilot[Any]) -> None:
        await home_interactive(app, len(args["rows"]), result)
        result["peak_rss_kib"] = peak_rss_kib()
        app.exit()

    run_headless(app, steps)


def make_widget(kind: str, text: Any) -> Widget:
    """A stock widget like one supervise showed: an answer area, a list of options or a label."""
    from textual.widgets import OptionList, Static, TextArea

    if kind == "area":
        return TextArea(text, soft_wrap=True, tab_behavior="focus")
    if kind == "options":
        return OptionList(*text)
    return Static(text, markup=False)


class Shown(Screen[None]):
    """The widgets supervise showed for an open session, one under another."""

    def __init__(self, widgets: list[list[Any]]) -> None:
        """A screen that will show ``widgets`` (``[kind, text]`` each)."""
        super().__init__()
        self.shown = widgets
        """What to show."""

    def compose(self) -> ComposeResult:
        """Every widget, in order, in one scrolling column."""
        from textual.containers import VerticalScroll

        yield VerticalScroll(*(make_widget(kind, text) for kind, text in self.shown))

    def on_mount(self) -> None:
        """Put the cursor in the first answer area, as supervise does."""
        from textual.widgets import TextArea

        self.query(TextArea).first().focus()


def open_bare(args: Args, result: Result) -> None:
    """The minimal home app, then a screen of the widgets supervise showed for the session."""
    from textual.widgets import TextArea

    app = Home(args["rows"])

    async def steps(pilot: Pilot[Any]) -> None:
        await home_interactive(app, len(args["rows"]), result)
        result["home"] = result["ready"]
        # The session's text has to come from its file: the least that is, read and parsed.
        json.loads(Path(args["path"]).read_bytes())
        app.push_screen(Shown(args["widgets"]))
        await wait_until(
            lambda: isinstance(app.screen, Shown) and isinstance(app.focused, TextArea),
            "the session's widgets",
        )
        result["ready"] = await first_frame(app)
        result["peak_rss_kib"] = peak_rss_kib()
        app.exit()

    run_headless(app, steps)


def type_bare(args: Args, result: Result) -> None:
    """Type the same keys into a bare app holding one TextArea with the same text and size."""
    from textual.widgets import TextArea

    class Bare(App[None]):
        """One answer area, nothing else."""

        CSS = args["css"]

        def compose(self) -> ComposeResult:
            yield TextArea(args["initial"], soft_wrap=True, tab_behavior="focus")

        def on_mount(self) -> None:
            area = self.query_one(TextArea)
            area.focus()
            # Where supervise puts the cursor in an answer: after any text already there.
            area.move_cursor(area.document.end)

    app = Bare()

    async def steps(pilot: Pilot[Any]) -> None:
        await wait_until(lambda: isinstance(app.focused, TextArea), "the answer area")
        await first_frame(app)
        await typing_session(pilot, args, result)
        app.exit()

    run_headless(app, steps)


KINDS: dict[str, Callable[[Args, Result], None]] = {
    "home-bare": home_bare,
    "open-bare": open_bare,
    "type-bare": type_bare,
}
"""The measurements this module makes, by name."""
