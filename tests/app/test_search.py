"""Search from the home screen: `/`, words, results with the words marked, open at the place."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, TextArea

from supervise.app.app import SuperviseApp
from supervise.app.screens.record import RecordScreen
from supervise.app.screens.search import SearchScreen
from supervise.app.screens.walk import WalkScreen
from supervise.content import Library
from supervise.store import SessionFile
from supervise.store.search import Hit, search
from supervise.store.wordindex import INDEX_NAME
from tests.app.conftest import SCOPE
from tests.app.driving import screen_text


async def _search(pilot: Pilot[Any], app: SuperviseApp, words: str) -> SearchScreen:
    """From the home screen: `/`, type ``words``, and wait for the results."""
    await pilot.press("slash")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, SearchScreen)
    await pilot.press(*words)
    for _ in range(100):
        await asyncio.sleep(0.02)
        if screen.hits and screen.query_one(OptionList).option_count:
            break
    await pilot.pause()
    return screen


async def test_a_hit_in_an_open_session_opens_the_walk_at_that_item(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session(date="2026-09-01")
    with SessionFile.open(path) as session:
        session.set_response(SCOPE[2], "what", "practitioner", "Before.\nThe lighthouse visit.")
        session.set_current_item(SCOPE[0])
    make_session(date="2026-10-01")
    make_session(date="2026-11-01")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _search(pilot, app, "LIGHTHOUSE")
        assert len(screen.hits) == 1
        shown = screen_text(app)
        assert "2026-09-01  Sam with Alex" in shown and "The lighthouse visit." in shown
        assert f"{SCOPE[2]} · what (practitioner)" in shown
        await pilot.press("enter", "enter")
        await pilot.pause()
        walk = app.screen
        assert isinstance(walk, WalkScreen) and walk.current == SCOPE[2]
        answers = [area.text for area in walk.query(TextArea)]
        assert "Before.\nThe lighthouse visit." in answers


async def test_a_hit_in_a_completed_session_opens_its_record_at_that_item(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    with SessionFile.open(path) as session:
        for ref in SCOPE[:2]:
            session.set_response(ref, "what", "practitioner", "Long answer.\n" * 12)
        session.set_response(SCOPE[2], "so-what", "supervisor", "A quiet harbour.")
        session.complete()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _search(pilot, app, "harbour")
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.pause()
        record = app.screen
        assert isinstance(record, RecordScreen) and record.at == SCOPE[2]
        part = record.part_for(SCOPE[2])
        assert part is not None
        view = record.query_one("#record")
        # Scrolled so that the item found starts at the top of the page.
        assert view.scroll_y > 0
        assert part.region.y - view.region.y <= 2
        assert "A quiet harbour." in screen_text(app)


async def test_results_show_what_people_typed_literally_and_escape_goes_back(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session(practitioner="Sam [nights]")
    with SessionFile.open(path) as session:
        session.set_response(SCOPE[0], "what", "practitioner", "[b]odd[/b] **word**\x1b[31m")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _search(pilot, app, "odd")
        shown = screen_text(app)
        assert "[b]odd[/b] **word**␛[31m" in shown and "\x1b" not in shown
        assert "Sam [nights]" in shown
        # Typing among the results goes on in the words box.
        await pilot.press("down", *" wor")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        words = screen.query_one("#search-words", Input)
        assert words.has_focus and words.value == "odd wor"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SearchScreen)


async def test_nothing_found_says_so(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    make_session()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _search(pilot, app, "zzyzx")
        assert not screen.hits
        assert "Nothing found for: zzyzx" in screen_text(app)


async def test_too_many_places_lists_the_newest_and_says_to_narrow(
    make_app: Callable[[], SuperviseApp],
    make_session: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("supervise.app.screens.search.SHOWN", 2)
    for day in ("2026-09-01", "2026-10-01"):
        path = make_session(date=day)
        with SessionFile.open(path) as session:
            for ref in SCOPE:
                session.set_response(ref, "what", "practitioner", "every word here")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _search(pilot, app, "word")
        assert screen.query_one(OptionList).option_count == 2
        assert {hit.date for hit in screen.hits} == {"2026-10-01"}
        assert "More than 2 places: the newest 2 are listed" in screen_text(app)


async def test_a_word_saved_after_the_index_was_built_opens_at_its_item(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    older = make_session(date="2026-09-01")
    make_session(date="2026-10-01")
    assert search(older.parent, "anything") == []  # builds the search index
    assert (older.parent / INDEX_NAME).is_file()
    with SessionFile.open(older) as session:
        session.set_response(SCOPE[1], "so-what", "supervisor", "A new word: marigold.")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _search(pilot, app, "Marigold")
        assert [hit.path for hit in screen.hits] == [older]
        await pilot.press("enter", "enter")
        await pilot.pause()
        walk = app.screen
        assert isinstance(walk, WalkScreen) and walk.current == SCOPE[1]


@pytest.mark.parametrize("found", ["item", "summary"])
async def test_a_hit_deep_in_a_long_record_opens_there_while_the_rest_is_added(
    make_app: Callable[[], SuperviseApp],
    make_session: Callable[..., Path],
    library: Library,
    monkeypatch: pytest.MonkeyPatch,
    found: str,
) -> None:
    monkeypatch.setattr("supervise.app.screens.record.FIRST_ITEMS", 1)
    monkeypatch.setattr("supervise.app.screens.record.BATCH", 1)
    refs = [item.ref for framework in library.frameworks.values() for item in framework.items()]
    scope = refs[:12]
    path = make_session(scope=scope)
    with SessionFile.open(path) as session:
        for ref in scope:
            session.set_response(ref, "what", "practitioner", "Long answer.\n" * 8)
        session.set_response(scope[5], "so-what", "supervisor", "The beacon was lit.")
        session.update_record(summary="Long summary.\n" * 5 + "The lantern plan.")
        session.complete()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _search(pilot, app, "beacon" if found == "item" else "lantern")
        await pilot.press("down", "enter")
        record = app.screen
        assert isinstance(record, RecordScreen)
        for _ in range(100):
            await pilot.pause(0.02)
            if record.built:
                break
        part = record.part_for(scope[5] if found == "item" else "closing")
        assert part is not None
        view = record.query_one("#record")
        # The closing is scrolled to after the refresh that lays out the sign-off: on a busy
        # machine that is a few frames after the last batch is added (CI once saw 0 here).
        for _ in range(100):
            await pilot.pause(0.02)
            if view.scroll_y > 0:
                break
        assert view.scroll_y > 0
        # At the top of the page, or as near as the end of the record lets it come.
        assert part.region.y - view.region.y <= 2 or view.scroll_y == view.max_scroll_y
        assert view.region.y <= part.region.y < view.region.bottom


async def test_a_slow_search_says_it_is_searching(
    make_app: Callable[[], SuperviseApp],
    make_session: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    from supervise.app.screens import search as search_screen

    path = make_session()
    with SessionFile.open(path) as session:
        session.set_response(SCOPE[0], "what", "practitioner", "The slow word.")
    monkeypatch.setattr(search_screen, "SLOW", 0.01)
    gate = threading.Event()

    def held(*args: Any) -> list[Hit]:
        gate.wait(5)
        return search(*args)

    monkeypatch.setattr(search_screen, "search", held)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"slow")
        for _ in range(100):
            await pilot.pause(0.02)
            if "Searching every session…" in screen_text(app):
                break
        assert "Searching every session…" in screen_text(app)
        gate.set()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        for _ in range(100):
            await pilot.pause(0.02)
            if screen.hits:
                break
        assert "1 place in 1 session" in screen_text(app)
