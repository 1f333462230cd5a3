"""Identifier warnings in the app: typed, marked under the answer, replaced, saved, exported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from textual.pilot import Pilot
from textual.widgets import Input

from supervise.app.app import SuperviseApp
from supervise.app.screens.action_form import ActionForm
from supervise.app.screens.closing import ClosingScreen
from supervise.app.screens.new_session import NewSessionScreen
from supervise.app.screens.opening import OpeningScreen
from supervise.app.screens.path_prompt import PathPrompt
from supervise.app.screens.served_people import ServedPeopleForm
from supervise.app.widgets.identifier_hint import IdentifierHint, hint_text
from supervise.app.widgets.prompt_field import AnswerArea
from supervise.app.widgets.scope_tree import ScopeTree
from supervise.content import Role
from supervise.privacy import find_identifiers
from supervise.store import SessionFile
from supervise.store.records import ActionReview
from tests.app.conftest import stored
from tests.app.driving import (
    Notes,
    burst,
    open_at,
    open_walk,
    saved,
    screen_text,
    until_shown,
)


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type ``text`` key by key, as a fast typist would (see ``burst``)."""
    burst(cast(SuperviseApp, pilot.app), *text)
    await pilot.pause()


async def settle(pilot: Pilot[Any]) -> None:
    """Wait for the pause after typing that saves each answer and checks it (a busy machine
    may take longer than the save delay)."""
    for _ in range(50):
        await pilot.pause(0.1)
        if not any(area.unsaved for area in pilot.app.screen.query(AnswerArea)):
            break
    await pilot.pause()


def focused_answer(app: SuperviseApp) -> AnswerArea:
    """The answer the cursor is in."""
    assert isinstance(app.focused, AnswerArea), app.focused
    return app.focused


def warned(area: AnswerArea) -> bool:
    """Whether the line under ``area`` says something in it looks like an identifier."""
    hint = area.hint
    return isinstance(hint, IdentifierHint) and hint.has_class("-shown")


KINDS = [
    (" NHS 943 476 5919", "Looks like an NHS number: 943 476 5919", "[NHS number]"),
    (" at SW1A 1AA", "Looks like a postcode: SW1A 1AA", "[postcode]"),
    (" ring 07700 900123", "Looks like a phone number: 07700 900123", "[phone number]"),
    (" mail jo@example.com", "Looks like an e-mail address: jo@example.com", "[e-mail address]"),
    (" born 12/03/2012", "Looks like a date of birth: 12/03/2012", "[date of birth]"),
]
"""What is typed, the warning under the answer, and the placeholder ctrl+k puts instead."""


async def test_each_kind_typed_is_marked_and_ctrl_k_replaces_it_in_screen_and_file(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        area = focused_answer(app)
        stage = area.field.split("|")[0]
        expected = "Seen"
        await type_text(pilot, expected)
        for typed, warning, placeholder in KINDS:
            await type_text(pilot, typed)
            await settle(pilot)
            assert warning in screen_text(app)
            assert "ctrl+k to replace" in screen_text(app)
            assert warned(area)
            # The warning never stops the words reaching the file.
            await saved(app)
            with stored(path) as session:
                assert {r.text for r in session.responses()} == {expected + typed}

            await pilot.press("ctrl+k")
            await pilot.pause()
            expected = (expected + typed).replace(warning.split(": ")[1], placeholder)
            assert area.text == expected
            assert not warned(area)
            assert warning not in screen_text(app)
            assert walk.live.snapshot.answer(walk.current, stage, Role.PRACTITIONER) == expected
        await saved(app)
    with stored(path) as session:
        assert {r.text for r in session.responses()} == {expected}


async def test_a_number_with_a_wrong_check_digit_or_a_meeting_date_shows_nothing(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_walk(pilot, app)
        area = focused_answer(app)
        await type_text(pilot, "ref 943 476 5918, we met on 12/03/2025")
        await settle(pilot)
        assert not warned(area)
        assert "Looks like" not in screen_text(app)


async def test_replacing_is_one_edit_that_undo_takes_back(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_walk(pilot, app)
        area = focused_answer(app)
        typed = "At M1 1AE,\nthen EH99 1SP."
        await type_text(pilot, "At M1 1AE,")
        await pilot.press("enter")
        await type_text(pilot, "then EH99 1SP.")
        await settle(pilot)
        assert area.text == typed
        assert "and a postcode (EH99 1SP)" in screen_text(app)
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert area.text == "At [postcode],\nthen [postcode]."
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert area.text == typed
        await saved(app)
    with stored(path) as session:
        assert {r.text for r in session.responses()} == {typed}


async def test_a_person_marked_from_a_selection_is_found_in_any_case_and_replaced(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        area = focused_answer(app)
        await type_text(pilot, "I saw Jane Smith and then JANE SMITH again")
        await settle(pilot)
        assert not warned(area)
        # Select "Jane Smith" (the first one) and mark it.
        area.selection = area.selection.__class__((0, 6), (0, 16))
        await pilot.press("ctrl+e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ServedPeopleForm)
        assert form.query_one("#served-name").value == "Jane Smith"  # type: ignore[attr-defined]
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert app.screen is walk
        assert walk.live.snapshot.record.served == ("Jane Smith",)
        assert "a person served (Jane Smith) and a person served (JANE SMITH)" in screen_text(app)
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert area.text == "I saw [person A] and then [person A] again"
        await saved(app)
    with stored(path) as session:
        assert session.record.served == ("Jane Smith",)
        assert {r.text for r in session.responses()} == {area.text}


async def test_the_form_refuses_a_blank_or_repeated_name_and_unmarks_keeping_letters(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("enter")
        assert "Type the person's full name" in screen_text(app)
        await type_text(pilot, "Tom Jones")
        await pilot.press("enter")
        await type_text(pilot, "ann lee")
        await pilot.press("enter")
        await type_text(pilot, "tom  jones")
        await pilot.press("enter")
        await pilot.pause()
        assert "tom jones is marked already" in screen_text(app)
        assert "[person B]  ann lee" in screen_text(app)
        # Tab to the list, unmark Tom Jones: Ann Lee stays B.
        await pilot.press("tab", "delete", "escape")
        await pilot.pause()
        assert walk.live.snapshot.record.served == ("", "ann lee")
        area = walk.query(AnswerArea).first()
        area.focus()
        await type_text(pilot, "met Ann Lee")
        await settle(pilot)
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert area.text == "met [person B]"
        await saved(app)
    with stored(path) as session:
        assert session.record.served == ("", "ann lee")


async def test_opening_and_closing_answers_are_checked_too_and_saving_goes_on(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_at(pilot, app, OpeningScreen)
        await type_text(pilot, "call 020 7946 0958")
        await settle(pilot)
        assert "Looks like a phone number: 020 7946 0958" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
        app.screen.query_one("#closing AnswerArea", AnswerArea).focus()
        await type_text(pilot, "DOB 3 March 2009")
        await settle(pilot)
        assert "Looks like a date of birth: 3 March 2009" in screen_text(app)
        await saved(app)
    with stored(path) as session:
        assert session.record.opening["check_in"] == "call 020 7946 0958"
        assert session.record.summary == "DOB 3 March 2009"


async def test_an_answer_brought_back_with_an_identifier_is_marked_on_opening(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    with SessionFile.open(path) as session:
        session.set_response("h3-25/pc/5", "what", "practitioner", "at SW1A 1AA")
        session.update_record(current_item="h3-25/pc/5")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_walk(pilot, app)
        # A moment after the answers are shown (CHECK_AFTER_OPEN).
        await until_shown(pilot, app, "Looks like a postcode: SW1A 1AA")


async def test_a_long_answer_is_checked_off_the_screen_thread(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_walk(pilot, app)
        area = focused_answer(app)
        area.insert("word " * 4000 + "jo@example.com ")
        await type_text(pilot, "x")
        await settle(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [f.text for f in area.findings] == ["jo@example.com"]
        assert warned(area)


async def test_the_key_shows_in_the_key_bar_only_while_there_is_something_to_replace(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    make_session()
    notes = Notes()
    app = make_app()
    async with app.run_test(size=(120, 40), message_hook=notes) as pilot:
        walk = await open_walk(pilot, app)
        await type_text(pilot, "nothing here")
        await settle(pilot)
        assert "^k Anonymise" not in screen_text(app)
        assert walk.check_action("replace_identifiers", ()) is False
        titles = {command.title for command in app.get_system_commands(walk)}
        assert "Mark a person served" in titles
        assert "Replace identifiers with placeholders" not in titles
        await type_text(pilot, " but jo@example.com")
        await settle(pilot)
        assert "^k Anonymise" in screen_text(app)
        titles = {command.title for command in app.get_system_commands(walk)}
        assert {"Replace identifiers with placeholders", "Mark a person served"} <= titles
        # With the cursor in another answer, there is nothing to replace there.
        await pilot.press("tab")
        await pilot.pause()
        assert walk.check_action("replace_identifiers", ()) is True
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert "Nothing in this answer looks like an identifier." in str(notes)


async def test_export_from_the_session_says_what_identifiers_remain_and_still_writes(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path], tmp_path: Path
) -> None:
    path = make_session()
    notes = Notes()
    app = make_app()
    async with app.run_test(size=(120, 40), message_hook=notes) as pilot:
        await open_walk(pilot, app)
        await type_text(pilot, "NHS 943 476 5919")
        await app.screen.run_action("export_record")
        for _ in range(50):
            await pilot.pause(0.05)
            if isinstance(app.screen, PathPrompt):
                break
        assert isinstance(app.screen, PathPrompt)
        app.screen.query_one("#path", Input).value = str(tmp_path / "out")
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause(0.05)
            if any("still in the record" in note for note in notes.shown):
                break
    said = next(note for note in notes.shown if "still in the record" in note)
    assert said.startswith("1 likely identifier still in the record")
    assert "h3-25/pc/5, What? (practitioner): an NHS number (943 476 5919)" in said
    assert "943 476 5919" in (tmp_path / "out" / (path.stem + ".md")).read_text(encoding="utf-8")


async def test_a_new_session_carries_the_people_served_marked_last_time(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path], sessions_dir: Path
) -> None:
    first = make_session(date="2026-11-01")
    with SessionFile.open(first) as session:
        session.update_record(served=("", "Jane Smith"))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NewSessionScreen)
        await pilot.press(*"Sam", "tab", *"Alex")
        form.query_one(ScopeTree).tick(["h3-25/pc/5"])
        await pilot.press("ctrl+s")
        for _ in range(50):
            await pilot.pause(0.05)
            if isinstance(app.screen, OpeningScreen):
                break
        opening = app.screen
        assert isinstance(opening, OpeningScreen)
        assert opening.live.snapshot.record.served == ("", "Jane Smith")
        await type_text(pilot, "Jane Smith called")
        await settle(pilot)
        assert "a person served: Jane Smith" in screen_text(app)
        await pilot.press("ctrl+k")
        await pilot.pause()
        await saved(app)
        path = opening.live.path
    with stored(path) as session:
        assert session.record.served == ("", "Jane Smith")
        assert session.record.opening["check_in"] == "[person B] called"


async def test_the_action_form_warns_too_and_replaces_in_its_fields(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    with SessionFile.open(path) as session:
        session.update_record(served=("Jane Smith",), current_item="closing")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        closing = await open_at(pilot, app, ClosingScreen)
        closing.ask_for_action()
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActionForm)
        await type_text(pilot, "Ring jane smith on 07700 900123")
        said = " ".join(screen_text(app).replace("█", " ").split())
        assert "a person served (jane smith) and a phone number (07700 900123)" in said
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert "Looks like" not in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not form.is_attached
        await saved(app)
    with stored(path) as session:
        assert [a.what for a in session.actions()] == ["Ring [person A] on [phone number]"]


def test_the_warning_line_names_each_thing_once_and_counts_the_rest() -> None:
    def line(text: str) -> str:
        return hint_text(find_identifiers(text, ("Jane Smith",)))

    assert line("no identifiers") == ""
    assert line("Jane Smith") == "⚠ Looks like a person served: Jane Smith · ctrl+k to replace it"
    assert line("Jane Smith, Jane Smith") == (
        "⚠ Looks like a person served: Jane Smith · ctrl+k to replace them"
    )
    many = line("M1 1AE, EH99 1SP, SW1A 1AA, B33 8TH, CR2 6XH")
    assert many.endswith("a postcode (SW1A 1AA) and 2 more · ctrl+k to replace them")


async def test_a_note_on_an_earlier_action_warns_and_ctrl_k_replaces_it_there(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    carried = ActionReview("s1", "a1", "Call the landlord", "Sam", "2026-11-10")
    path = make_session(reviews=(carried,))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_at(pilot, app, OpeningScreen)
        note = app.screen.query_one(".review-note", Input)
        note.focus()
        await type_text(pilot, "Rang her on 07700 900123")
        await until_shown(pilot, app, "Looks like a phone number: 07700 900123", "^k Anonymise")
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert note.value == "Rang her on [phone number]"
        assert "Looks like" not in screen_text(app)
        await saved(app)
    with stored(path) as session:
        assert [review.note for review in session.reviews()] == ["Rang her on [phone number]"]
