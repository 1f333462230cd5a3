"""Closing: summary, actions, next date, completion and sign-off into a read-only record."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input, TextArea

from supervise.app.app import SuperviseApp
from supervise.app.screens.closing import ClosingScreen
from supervise.store import SessionFile
from tests.app.conftest import stored
from tests.app.driving import open_at, screen_text


async def test_summary_actions_completion_and_sign_off(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    with SessionFile.open(path) as session:
        session.set_current_item("closing")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        closing = await open_at(pilot, app, ClosingScreen)
        assert closing.query(TextArea).first().has_focus
        await pilot.press(*"Agreed to plan visits in pairs.")
        closing.query_one("#action-what", Input).focus()
        await pilot.press(*"Book a visit with a colleague", "tab", *"Sam", "tab", *"2026-12-01")
        await pilot.press("enter")
        await pilot.pause()
        actions = stored(path).actions()
        assert [(a.what, a.who, a.by_when) for a in actions] == [
            ("Book a visit with a colleague", "Sam", "2026-12-01")
        ]
        closing.query_one("#next-date", Input).focus()
        await pilot.press(*"2026-12-14")
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert stored(path).record.status == "completed"
        assert stored(path).record.summary == "Agreed to plan visits in pairs."
        assert stored(path).record.next_date == "2026-12-14"

        # A wrong name does not sign; the right one (any case, stray spaces) does.
        closing.query_one("#sign-practitioner", Input).focus()
        await pilot.press(*"Alex", "enter")
        await pilot.pause()
        assert stored(path).record.signatures == ()
        closing.query_one("#sign-practitioner", Input).value = ""
        await pilot.press(*" sam ", "enter")
        await pilot.pause()
        assert [(s.role, s.name) for s in stored(path).record.signatures] == [
            ("practitioner", "Sam")
        ]
        # The focus moves to the next signature, so the next name goes there.
        assert app.screen.query_one("#sign-supervisor", Input).has_focus
        await pilot.press(*"Alex", "enter")
        await pilot.pause()
        record = stored(path).record
        assert record.status == "signed"
        assert record.summary == "Agreed to plan visits in pairs."
        assert {s.role for s in record.signatures} == {"practitioner", "supervisor"}
        assert "signed and read only" in str(app.screen.query_one("#status").render())
        assert all(area.read_only for area in app.screen.query(TextArea))
        assert not app.screen.query("#action-what")


async def test_a_signed_record_opens_read_only(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session(mode="self-reflection", supervisor="")
    with SessionFile.open(path) as session:
        session.set_response("h3-25/pc/5", "what", "practitioner", "kept")
        session.complete()
        session.sign("practitioner", "Sam")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        closing = await open_at(pilot, app, ClosingScreen)
        assert closing.live.read_only
        assert "read only" in str(closing.sub_title)
        await pilot.press("ctrl+b")
        await pilot.pause()
        area = app.screen.query(TextArea).first()
        assert area.read_only and area.text == "kept"
        area.focus()
        await pilot.press(*"more")
        await pilot.press("ctrl+s")
        assert area.text == "kept"
    assert stored(path).response("h3-25/pc/5", "what", "practitioner") == "kept"


async def test_the_palette_leads_to_each_part_of_the_closing(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    with SessionFile.open(path) as session:
        session.set_current_item("closing")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        closing = await open_at(pilot, app, ClosingScreen)
        for words, target in (("Add action", "#action-what"), ("Sign off", "#sign-practitioner")):
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*words)
            await pilot.pause(0.4)
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is closing
            assert closing.query_one(target, Input).has_focus, words


async def test_square_brackets_people_type_are_shown_as_typed(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    # Textual reads "[...]" in a plain string as markup; names and actions are words.
    path = make_session(practitioner="Sam [nights]")
    with SessionFile.open(path) as session:
        session.set_current_item("closing")
        session.add_action("[b]Ring[/b] the GP", who="Sam [nights]")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        closing = await open_at(pilot, app, ClosingScreen)
        shown = screen_text(app)
        assert "[b]Ring[/b] the GP" in shown and "Sam [nights]" in shown
        closing.query_one(".sign Label").scroll_visible(animate=False)
        await pilot.pause()
        assert "type your name, Sam [nights], to sign" in screen_text(app)
