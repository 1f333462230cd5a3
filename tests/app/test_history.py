"""The History screen, its figures checked against a store built here, and sessions started
from it on the gaps or the lowest-rated items."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import DataTable, Input, Sparkline

from supervise.app.app import SuperviseApp
from supervise.app.screens.history import HistoryScreen
from supervise.app.screens.new_session import NewSessionScreen
from supervise.app.widgets.scope_tree import ScopeTree
from supervise.content import Library
from supervise.store import SessionFile, list_sessions
from tests.app.driving import screen_text

A, B, C = "h3-25/pc/1", "h3-25/pc/2", "h3-25/k/c"


def _store(make_session: Callable[..., Path]) -> None:
    for day, ratings in (("2026-01-10", (2, 3)), ("2026-03-10", (4, 1)), ("2026-05-10", (5, None))):
        path = make_session(date=day, scope=(A, B, C), practitioner="Sam [K]")
        with SessionFile.open(path) as session:
            session.set_response(A, "what", "practitioner", f"answer {day}")
            session.set_confidence(A, ratings[0])
            if ratings[1] is not None:
                session.set_confidence(B, ratings[1])
            if day == "2026-05-10":
                session.add_action("Read the [b]policy[/b]", "Sam", "2026-01-01")
    make_session(date="2026-06-01", practitioner="Jo", scope=("cyp-4.3/k/1",))


async def _history(app: SuperviseApp, pilot: object) -> HistoryScreen:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.pause()
    table = app.screen.query_one("#sessions", DataTable)
    # Newest first: Jo's session, then Sam's; Sam's is the second row.
    table.move_cursor(row=1)
    await pilot.press("h")
    await pilot.pause()
    assert isinstance(app.screen, HistoryScreen)
    return app.screen


async def test_the_grid_trends_and_actions_match_the_store(
    make_app: Callable[[], SuperviseApp],
    make_session: Callable[..., Path],
    library: Library,
) -> None:
    _store(make_session)
    app = make_app()
    async with app.run_test(size=(140, 45)) as pilot:
        history = await _history(app, pilot)
        items = len(library.frameworks["h3-25"].items())
        assert [s.date for s in history.history.sessions] == [
            "2026-01-10",
            "2026-03-10",
            "2026-05-10",
        ]
        figures = str(history.query_one("#history-figures").render())
        assert f"3 sessions, 2026-01-10 to 2026-05-10 · 2 of {items} items covered" in figures
        assert f"{items - 2} never covered" in figures
        table = history.query_one("#coverage", DataTable)
        assert table.row_count == items
        row_a = [str(cell) for cell in table.get_row(A)]
        assert row_a[1:] == ["▃▆█", "5", "2", "4", "5"]
        row_b = [str(cell) for cell in table.get_row(B)]
        assert row_b[1:] == ["▄▁", "1", "3", "1", "·"]
        row_c = [str(cell) for cell in table.get_row(C)]
        assert row_c[1:] == ["", "○ never", "·", "·", "·"]
        # Items of the framework in no session are rows too, with blank session cells.
        assert [str(cell) for cell in table.get_row("h3-25/pc/3")][3:] == ["", "", ""]
        table.move_cursor(row=table.get_row_index(B))
        await pilot.pause()
        assert history.query_one("#trend", Sparkline).data == [3, 1]
        assert "3 (2026-01-10) → 1 (2026-03-10)" in str(history.query_one("#trend-words").render())
        shown = screen_text(app)
        assert "Read the [b]policy[/b]" in shown and "⚠ date passed" in shown
        assert "History: Sam [K]" in shown


async def test_a_session_on_the_lowest_rated_items_starts_from_the_form(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path], sessions_dir: Path
) -> None:
    _store(make_session)
    app = make_app()
    async with app.run_test(size=(140, 45)) as pilot:
        await _history(app, pilot)
        await pilot.press("l")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NewSessionScreen)
        assert form.query_one("#practitioner", Input).value == "Sam [K]"
        assert form.query_one("#supervisor", Input).value == "Alex"
        assert form.query_one(ScopeTree).ticked == [B]
        await pilot.press("ctrl+s")
        await pilot.pause()
    newest = next(s for s in list_sessions(sessions_dir) if s.date != "2026-06-01" and s.total == 1)
    with SessionFile.open(newest.path, read_only=True) as session:
        assert session.record.scope == (B,)
        assert session.record.practitioner == "Sam [K]"


async def test_a_session_on_the_gaps_ticks_every_item_never_covered(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path], library: Library
) -> None:
    _store(make_session)
    app = make_app()
    async with app.run_test(size=(140, 45)) as pilot:
        history = await _history(app, pilot)
        gaps = history.gaps
        await pilot.press("g")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NewSessionScreen)
        items = library.frameworks["h3-25"].items()
        expected = [item.ref for item in items if item.ref not in (A, B)]
        assert gaps == expected and form.query_one(ScopeTree).ticked == expected
        await pilot.press("escape")
        await pilot.pause()


async def test_many_sessions_keep_the_grid_to_the_latest_and_the_trend_short(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    from supervise.app.screens.history import GRID_SESSIONS

    count = GRID_SESSIONS + 2
    for n in range(count):
        path = make_session(date=f"2026-{1 + n // 28:02d}-{1 + n % 28:02d}", scope=(A,))
        with SessionFile.open(path) as session:
            session.set_confidence(A, 1 + n % 5)
    app = make_app()
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        assert len(history.history.sessions) == count
        table = history.query_one("#coverage", DataTable)
        assert len(table.columns) == 3 + GRID_SESSIONS
        row = [str(cell) for cell in table.get_row(A)]
        assert row[1] == "▁▃▄▆█" * 2 + "▁▃▄▆" and row[2] == "4"
        assert row[3:] == [str(1 + n % 5) for n in range(2, count)]
        figures = str(history.query_one("#history-figures").render())
        assert (
            f"{count} sessions" in figures
            and f"the grid shows the latest {GRID_SESSIONS}" in figures
        )


async def test_an_unreadable_session_has_no_history_and_says_so(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path], sessions_dir: Path
) -> None:
    from supervise.app.screens.home import HomeScreen
    from tests.app.driving import Notes

    make_session(date="2026-01-01")
    (sessions_dir / "2026-12-01-badbadba.json").write_text("{not json", encoding="utf-8")
    app = make_app()
    notes = Notes()
    async with app.run_test(size=(120, 40), message_hook=notes) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "names no practitioner" in str(notes)
