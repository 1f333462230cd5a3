"""A tidy list: filtered by practitioner and status, next date and frameworks shown, sessions
archived (hidden, kept) or deleted to the trash (asked twice, nothing erased)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from textual.widgets import DataTable, Select

from supervise.app.app import SuperviseApp
from supervise.app.screens.dialogs import Choice
from supervise.app.screens.home import HomeScreen
from supervise.store import SessionFile
from supervise.store.tidy import archived, move_to_trash
from tests.app.driving import screen_text


def _rows(app: SuperviseApp) -> list[list[str]]:
    table = app.screen.query_one("#sessions", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_the_list_filters_by_practitioner_and_status_and_shows_next_and_frameworks(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    make_session(date="2026-11-01", scope=("h3-25/pc/5", "cyp-4.3/k/1"))
    done = make_session(date="2026-11-02", practitioner="sam")
    with SessionFile.open(done) as session:
        session.update_record(next_date="2026-12-14")
        session.complete()
    make_session(date="2026-11-03", practitioner="Priya", scope=("cyp-4.3/k/1",))
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        rows = _rows(app)
        assert [row[0] for row in rows] == ["2026-11-03", "2026-11-02", "2026-11-01"]
        assert rows[1][6:] == ["2026-12-14", "h3-25, cyp-4.3"]
        assert rows[0][6:] == ["—", "cyp-4.3"]
        # p opens the practitioner filter: one person, one line, whatever the spelling.
        await pilot.press("p")
        await pilot.pause()
        select = app.screen.query_one("#filter-practitioner", Select)
        assert select.expanded
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert select.value == "sam"
        assert [row[0] for row in _rows(app)] == ["2026-11-02", "2026-11-01"]
        assert "3 sessions in" in screen_text(app) and "2 shown" in screen_text(app)
        # The status filter is drawn as a face until used; a click builds and opens it.
        assert not app.screen.query("#filter-status")
        await pilot.click("#face-status")
        await pilot.pause()
        status = app.screen.query_one("#filter-status", Select)
        assert status.expanded and not app.screen.query("#face-status")
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert status.value == "completed"
        assert [row[0] for row in _rows(app)] == ["2026-11-02"]
        app.screen.query_one("#filter-practitioner", Select).clear()
        await pilot.pause()
        assert [row[0] for row in _rows(app)] == ["2026-11-02"]


async def test_archive_hides_and_keeps_and_a_toggle_shows_archived(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path], sessions_dir: Path
) -> None:
    older = make_session(date="2026-11-01")
    make_session(date="2026-11-02")
    before = older.read_bytes()
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("down", "a")
        await pilot.pause()
        assert [row[0] for row in _rows(app)] == ["2026-11-02"]
        assert "1 archived: v shows them" in screen_text(app)
        assert archived(sessions_dir) == {older.name}
        assert older.read_bytes() == before
        await pilot.press("v")
        await pilot.pause()
        rows = _rows(app)
        assert [row[0] for row in rows] == ["2026-11-02", "2026-11-01"]
        assert rows[1][4] == "In progress · archived"
        # a again brings it back.
        await pilot.press("down", "a", "v")
        await pilot.pause()
        assert len(_rows(app)) == 2
        assert archived(sessions_dir) == frozenset()


async def test_delete_asks_twice_and_moves_the_session_to_the_trash(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path], sessions_dir: Path
) -> None:
    doomed = make_session(date="2026-11-01", practitioner="Sam [nights]")
    kept = make_session(date="2026-11-02")
    before = doomed.read_bytes()
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("down", "d")
        await pilot.pause()
        assert isinstance(app.screen, Choice)
        assert "Sam [nights]" in screen_text(app) and "30 days" in screen_text(app)
        # The safe choice is the one with the cursor: enter keeps it.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and doomed.exists()
        # Delete once, then escape at the second question: still kept.
        await pilot.press("d", "tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, Choice) and "Are you sure?" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert doomed.exists()
        await pilot.press("d", "tab", "enter")
        await pilot.pause()
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not doomed.exists()
        assert [row[0] for row in _rows(app)] == ["2026-11-02"]
    [trashed] = list((sessions_dir / "trash").iterdir())
    assert trashed.name.endswith(doomed.name)
    assert trashed.read_bytes() == before
    assert kept.exists()


async def test_a_session_open_in_another_window_is_not_deleted(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    app = make_app()
    with SessionFile.open(path):
        async with app.run_test(size=(140, 40), notifications=True) as pilot:
            await pilot.pause()
            await pilot.press("d", "tab", "enter")
            await pilot.pause()
            await pilot.press("tab", "enter")
            await pilot.pause()
            assert "open in another window" in screen_text(app)
    assert path.exists()


async def test_starting_empties_only_what_has_been_in_the_trash_over_30_days(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path], sessions_dir: Path
) -> None:
    now = datetime.now()
    old = move_to_trash(make_session(date="2026-10-01"), now - timedelta(days=31))
    recent = move_to_trash(make_session(date="2026-10-02"), now - timedelta(days=29))
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        # Emptied in the background once the list is up: wait for it, a few seconds at most.
        for _ in range(100):
            await pilot.pause(0.05)
            await app.workers.wait_for_complete()
            if not old.exists():
                break
    assert not old.exists() and recent.exists()
