"""Closing: summary, actions, next date, completion and sign-off into a read-only record."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, TextArea

from supervise.app.app import SuperviseApp
from supervise.app.screens.action_form import ActionForm, ask_for_action
from supervise.app.screens.closing import ClosingScreen
from supervise.app.screens.dialogs import Choice
from supervise.app.screens.record import RecordScreen
from supervise.store import SessionFile
from supervise.store.records import Action
from tests.app.conftest import stored
from tests.app.driving import burst, open_at, open_walk, saved, screen_text


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
        await pilot.press(*"Visits in pairs.")
        # Tab leads to adding an action; typing there opens its form with the words in it.
        await pilot.press("tab", *"Book a visit", "tab", *"Sam", "tab")
        await pilot.press(*"2026-12-01", "enter")
        await pilot.pause()
        assert app.screen is closing
        actions = stored(path).actions()
        assert [(a.what, a.who, a.by_when) for a in actions] == [
            ("Book a visit", "Sam", "2026-12-01")
        ]
        assert stored(path).record.summary == "Visits in pairs."
        closing.query_one("#next-date", Input).focus()
        await pilot.press(*"2026-12-14")
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert stored(path).record.status == "completed"
        assert stored(path).record.summary == "Visits in pairs."
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
        assert record.summary == "Visits in pairs."
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
        record = await open_at(pilot, app, RecordScreen)
        assert record.live.read_only
        assert "read only" in str(record.sub_title)
        await pilot.press("ctrl+f")
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
            assert app.screen.query_one(target, Input).has_focus, words
            if app.screen is not closing:
                await pilot.press("escape")
                await pilot.pause()
        assert app.screen is closing


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


async def _closing_of_new_session(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> tuple[Path, SuperviseApp]:
    path = make_session()
    with SessionFile.open(path) as session:
        session.set_current_item("closing")
    return path, make_app()


async def test_words_sent_at_once_after_tab_from_the_summary_make_the_action(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path, app = await _closing_of_new_session(make_app, make_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_at(pilot, app, ClosingScreen)
        burst(app, *"Outcomes agreed.", "tab", *"Ring the GP on Monday")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActionForm)
        assert form.query_one("#action-what", Input).value == "Ring the GP on Monday"
        await pilot.press("tab", *"Sam", "enter")
        await pilot.pause()
        await saved(app)
    session = stored(path)
    assert session.record.summary == "Outcomes agreed."
    assert [(a.what, a.who, a.by_when) for a in session.actions()] == [
        ("Ring the GP on Monday", "Sam", "")
    ]


async def test_the_action_form_checks_its_fields_and_can_come_pre_filled(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path, app = await _closing_of_new_session(make_app, make_session)
    async with app.run_test(size=(120, 40)) as pilot:
        closing = await open_at(pilot, app, ClosingScreen)
        closing.ask_for_action(what="Read the lone-working policy", who="Sam", due="next week")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActionForm)
        assert "like 2026-12-01" in str(form.query_one("#action-problem").render())
        assert form.query_one("#action-when", Input).has_focus
        form.query_one("#action-when", Input).value = ""
        await pilot.press(*"2026-12-24", "enter")
        await pilot.pause()
        assert app.screen is closing
        await saved(app)
        assert [(a.what, a.who, a.by_when) for a in stored(path).actions()] == [
            ("Read the lone-working policy", "Sam", "2026-12-24")
        ]
        closing.ask_for_action()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "what will be done" in str(app.screen.query_one("#action-problem").render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is closing
    assert len(stored(path).actions()) == 1


async def test_a_removed_action_can_be_brought_back(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    with SessionFile.open(path) as session:
        session.set_current_item("closing")
        first = session.add_action("Book a joint visit", who="Sam")
        session.add_action("Ring the GP", who="Alex")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        closing = await open_at(pilot, app, ClosingScreen)
        closing.query_one("#actions", DataTable).focus()
        await pilot.press("delete")
        await pilot.pause()
        await saved(app)
        assert [a.what for a in stored(path).actions()] == ["Ring the GP"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        await saved(app)
        assert [a.what for a in closing.live.snapshot.actions] == ["Ring the GP", first.what]
    assert {a.what for a in stored(path).actions()} == {"Book a joint visit", "Ring the GP"}
    assert first in stored(path).actions()


async def test_the_next_session_date_is_checked_like_action_dates(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path, app = await _closing_of_new_session(make_app, make_session)
    async with app.run_test(size=(120, 40)) as pilot:
        closing = await open_at(pilot, app, ClosingScreen)
        closing.query_one("#next-date", Input).focus()
        await pilot.press(*"14/12/2026")
        await pilot.pause()
        assert "like 2026-12-01" in str(closing.query_one("#next-date-problem").render())
        await saved(app)
        assert stored(path).record.next_date == ""
        closing.query_one("#next-date", Input).value = ""
        await pilot.press(*"2026-12-14")
        await pilot.pause()
        assert str(closing.query_one("#next-date-problem").render()) == ""
        await saved(app)
    assert stored(path).record.next_date == "2026-12-14"


async def test_other_screens_can_turn_words_into_an_action_through_the_door(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    app = make_app()
    added: list[Action | None] = []
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        form = ActionForm(what="Ask the team about paired visits", who="Sam")
        ask_for_action(walk, walk.live, form, added.append)
        await pilot.pause()
        assert app.screen is form
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is walk
        await saved(app)
    [action] = added
    assert action is not None and stored(path).actions() == [action]
    assert (action.what, action.who, action.by_when) == (
        "Ask the team about paired visits",
        "Sam",
        "",
    )


async def test_escape_on_an_action_typed_in_the_form_asks_first(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path, app = await _closing_of_new_session(make_app, make_session)
    async with app.run_test(size=(120, 40)) as pilot:
        closing = await open_at(pilot, app, ClosingScreen)
        closing.ask_for_action()
        await pilot.pause()
        form = app.screen
        await pilot.press(*"Ring the GP", "escape")
        await pilot.pause()
        assert isinstance(app.screen, Choice)
        await pilot.press("escape")  # keeps the form and its words
        await pilot.pause()
        assert app.screen is form
        assert form.query_one("#action-what", Input).value == "Ring the GP"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#discard")
        await pilot.pause()
        assert app.screen is closing
    assert stored(path).actions() == []


async def test_signing_does_not_wait_on_its_own_screen(
    make_app: Callable[[], SuperviseApp],
    make_session: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Signing first lets typed keys land; it must not wait for the screen that is signing
    (found as a 2-second pause after each name: the wait could only time out)."""
    import asyncio

    from supervise.app import settle

    monkeypatch.setattr(settle, "SETTLE_TIMEOUT", 60.0)
    path = make_session(mode="self-reflection", supervisor="")
    with SessionFile.open(path) as session:
        session.set_current_item("closing")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        closing = await open_at(pilot, app, ClosingScreen)
        await pilot.press("ctrl+d")
        await pilot.pause()
        closing.query_one("#sign-practitioner", Input).focus()
        await pilot.press(*"Sam")
        # Stuck, this would wait out the whole minute.
        await asyncio.wait_for(pilot.press("enter"), timeout=10)
        await asyncio.wait_for(pilot.pause(), timeout=10)
        assert [s.name for s in stored(path).record.signatures] == ["Sam"]
