"""The session list, the new-session form, self-reflection and the command palette."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import DataTable, Input, TextArea

from supervise.app.app import SuperviseApp
from supervise.app.screens.home import HomeScreen
from supervise.app.screens.index_later import INDEX_DELAY
from supervise.app.screens.new_session import NewSessionScreen
from supervise.app.screens.opening import OpeningScreen
from supervise.app.screens.walk import WalkScreen
from supervise.app.widgets.scope_tree import ScopeTree
from supervise.store import SessionFile, list_sessions
from supervise.store.catalog import INDEX_NAME
from tests.app.conftest import stored
from tests.app.driving import open_walk, screen_text


async def test_first_run_explains_instead_of_an_empty_table(
    make_app: Callable[[], SuperviseApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.has_class("-empty")
        assert "Welcome to supervise" in str(home.query_one("#welcome").render())
        assert not home.query_one("#sessions").display


async def test_sessions_are_listed_newest_first_with_progress(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    make_session(date="2026-10-01", practitioner="Older [nights]")
    make_session(date="2026-11-20", practitioner="Newer", mode="self-reflection", supervisor="")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#sessions", DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert [row[1] for row in rows] == ["Newer", "Older [nights]"]
        # Square brackets in a name are words, not markup.
        assert "Older [nights]" in screen_text(app)
        assert rows[0][3] == "Self-reflection" and rows[0][5] == "0/3 items"
        assert rows[1][2] == "Alex" and rows[1][4] == "In progress"
        # The index is written a moment after the rows are shown, not beside them...
        await app.workers.wait_for_complete()
        assert not (app.sessions_dir / INDEX_NAME).exists()
        await pilot.pause(INDEX_DELAY + 0.2)
        await app.workers.wait_for_complete()
        assert (app.sessions_dir / INDEX_NAME).exists()


async def test_the_index_is_written_on_leaving_if_not_before(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#sessions", DataTable).row_count == 1
        assert not (app.sessions_dir / INDEX_NAME).exists()
    # ...or as the app closes, so the next start is quick.
    assert (app.sessions_dir / INDEX_NAME).exists()


async def test_a_supervision_session_is_created_from_the_form(
    make_app: Callable[[], SuperviseApp], sessions_dir: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NewSessionScreen)
        await pilot.press(*"Sam", "tab", *"Alex")
        form.query_one("#filter", Input).focus()
        await pilot.press(*"challenging")
        form.query_one(ScopeTree).focus()
        await pilot.press("enter")
        form.query_one("#agenda", TextArea).focus()
        await pilot.press(*"Two hard visits")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen)
        [summary] = list_sessions(sessions_dir)
        record = stored(summary.path).record
        assert (record.mode, record.practitioner, record.supervisor) == (
            "supervision",
            "Sam",
            "Alex",
        )
        assert record.scope == ("h3-25/pc/5", "h3-25/k/h")
        assert record.agenda == "Two hard visits"
        assert "Sam" not in summary.path.name and "Alex" not in summary.path.name


async def test_an_incomplete_form_says_what_is_missing_and_creates_nothing(
    make_app: Callable[[], SuperviseApp], sessions_dir: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one("#date", Input).value = "23/11/2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        problems = str(form.query_one("#problems").render())
        assert "practitioner's name" in problems
        assert "supervisor's name" in problems
        assert "'23/11/2026' is not a date" in problems
        assert "Tick at least one" in problems
        assert not sessions_dir.exists() or not list(sessions_dir.glob("*.json"))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_self_reflection_has_no_supervisor_and_a_bring_to_supervision_flag(
    make_app: Callable[[], SuperviseApp], sessions_dir: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        await pilot.press(*"Sam")
        form.query_one("#mode").focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert not form.query_one("#supervisor-box").display
        tree = form.query_one(ScopeTree)
        tree.tick(["cyp-4.3/t"])
        await pilot.press("ctrl+s")
        await pilot.pause()
        opening = app.screen
        assert isinstance(opening, OpeningScreen)
        assert "What prompted this" in str(opening.query(".prompt").first().render())
        await pilot.press(*"A session went badly", "ctrl+n")
        await pilot.pause()
        walk = app.screen
        assert isinstance(walk, WalkScreen)
        assert not walk.query(".supervisor")
        walk.query_one("#bring").focus()
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
        [summary] = list_sessions(sessions_dir)
        session = stored(summary.path)
        assert session.record.mode == "self-reflection" and session.record.supervisor == ""
        assert session.record.opening["prompted_by"] == "A session went badly"
        assert session.rating("cyp-4.3/t/1").bring_to_supervision


async def test_the_command_palette_runs_screen_actions(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        first = walk.current
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Next")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.screen is walk
        assert walk.current != first


async def test_opening_notes_the_resume_after_the_screen_is_up_and_reading_notes_nothing(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert "(read only)" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await open_walk(pilot, app)
        await pilot.press("ctrl+q")
        await pilot.pause()
    with SessionFile.open_read_only(path) as session:
        assert [event.kind for event in session.events()].count("resumed") == 1
