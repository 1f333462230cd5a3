"""Export and Import on the session list: files written and where, a bundle taken in or refused."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from textual.widgets import DataTable, Input

from supervise.app.app import SuperviseApp
from supervise.app.screens.home import HomeScreen
from supervise.app.screens.path_prompt import PathPrompt
from supervise.content import Library
from supervise.records.export import Format, export_session, records_folder
from supervise.store import SessionFile, list_sessions
from tests.app.driving import Notes, open_walk


async def _until(check: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not check():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.02)


async def test_export_writes_markdown_and_html_and_says_where(
    library: Library, sessions_dir: Path, make_session: Callable[..., Path], tmp_path: Path
) -> None:
    path = make_session(practitioner="Sam <b>")
    with SessionFile.open(path) as session:
        session.set_response("h3-25/pc/5", "what", "practitioner", "We met at *ten*.")
    notes = Notes()
    app = SuperviseApp(library, sessions_dir)
    async with app.run_test(size=(120, 40), message_hook=notes) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, PathPrompt)
        box = prompt.query_one("#path", Input)
        assert box.value == str(records_folder(sessions_dir)) and box.has_focus
        box.value = str(tmp_path / "out")
        await pilot.press("enter")
        await _until(lambda: any("written to" in n for n in notes.shown))
        assert isinstance(app.screen, HomeScreen)
    markdown = (tmp_path / "out" / (path.stem + ".md")).read_text(encoding="utf-8")
    html = (tmp_path / "out" / (path.stem + ".html")).read_text(encoding="utf-8")
    assert "We met at \\*ten\\*." in markdown and "Sam &lt;b&gt;" in html
    files = f"{path.stem}.md, {path.stem}.html and {path.stem}.bundle.json"
    assert f"{files} written to {tmp_path / 'out'}." in str(notes)
    assert (tmp_path / "out" / f"{path.stem}.bundle.json").stat().st_mode & 0o777 == 0o600


async def test_import_adds_a_bundle_and_refuses_an_edited_one(
    library: Library, sessions_dir: Path, make_session: Callable[..., Path], tmp_path: Path
) -> None:
    original = make_session()
    bundle = tmp_path / "handover.bundle.json"
    bundle.write_bytes(export_session(original, Format.JSON, library))
    edited = tmp_path / "edited.bundle.json"
    edited.write_bytes(bundle.read_bytes().replace(b'"Sam"', b'"Kim"'))
    elsewhere = tmp_path / "elsewhere"
    notes = Notes()
    app = SuperviseApp(library, elsewhere)
    async with app.run_test(size=(120, 40), message_hook=notes) as pilot:
        await pilot.pause()
        for file in (edited, bundle):
            await pilot.press("i")
            await pilot.pause()
            assert isinstance(app.screen, PathPrompt)
            app.screen.query_one("#path", Input).value = str(file)
            await pilot.press("enter")
            await _until(lambda: len(notes.shown) > 0)
            await pilot.pause()
            if file is edited:
                assert "checksum does not match" in notes.shown[-1]
                assert not elsewhere.exists() or not list_sessions(elsewhere)
                notes.shown.clear()
        assert notes.shown[-1] == f"Imported as {original.name}."
        table = app.screen.query_one("#sessions", DataTable)
        assert table.row_count == 1
    assert (elsewhere / original.name).read_bytes() == original.read_bytes()


async def test_escape_cancels_and_the_palette_finds_both(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Export record", "Import bundle"} <= titles


async def test_export_from_the_walk_saves_first_and_the_record_has_what_was_just_typed(
    library: Library, sessions_dir: Path, make_session: Callable[..., Path], tmp_path: Path
) -> None:
    path = make_session()
    notes = Notes()
    app = SuperviseApp(library, sessions_dir)
    async with app.run_test(size=(120, 40), message_hook=notes) as pilot:
        walk = await open_walk(pilot, app)
        await pilot.press(*"just typed")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Export record")
        await pilot.pause(0.4)
        await pilot.press("enter")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, PathPrompt)
        prompt.query_one("#path", Input).value = str(tmp_path / "out")
        await pilot.press("enter")
        await _until(lambda: any("written to" in n for n in notes.shown))
        assert app.screen is walk
    assert "> just typed" in (tmp_path / "out" / (path.stem + ".md")).read_text(encoding="utf-8")
