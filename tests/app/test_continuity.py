"""Sessions as a series: actions carried into the next supervision and reviewed, flagged items
offered, names typed before suggested."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from textual.widgets import DataTable, Input, RadioSet, SelectionList

from supervise.app.app import SuperviseApp
from supervise.app.screens.action_form import ActionForm
from supervise.app.screens.closing import ClosingScreen
from supervise.app.screens.new_session import NewSessionScreen
from supervise.app.screens.opening import OpeningScreen
from supervise.app.screens.reflection_peek import ReflectionPeek
from supervise.app.screens.walk import WalkScreen
from supervise.app.widgets.action_review import ActionReviewField
from supervise.app.widgets.item_list import ItemList
from supervise.app.widgets.scope_tree import ScopeTree
from supervise.store import SessionFile, list_sessions
from supervise.store.continuity import open_actions
from supervise.store.records import ReviewOutcome
from tests.app.conftest import stored
from tests.app.driving import open_at, open_walk, saved, screen_text


async def _new_session_form(pilot: object, app: SuperviseApp) -> NewSessionScreen:
    await pilot.press("n")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    form = app.screen
    assert isinstance(form, NewSessionScreen)
    return form


async def test_open_actions_are_reviewed_at_the_next_supervision_and_carry_or_close(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path], sessions_dir: Path
) -> None:
    first = make_session(date="2026-11-01")
    with SessionFile.open(first) as session:
        session.add_action("Call the landlord", "Sam", "2026-11-10")
        session.add_action("Read the <b>policy</b> [draft]", "Sam")
        session.add_action("Shadow a visit", "Alex", "2030-01-01")
    make_session(practitioner="Priya", date="2026-11-02")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        form = await _new_session_form(pilot, app)
        await pilot.press(*"sam", "tab", *"Alex")
        await pilot.pause()
        assert "has 3 open actions" in screen_text(app)
        form.query_one(ScopeTree).tick(["h3-25/pc/5"])
        await pilot.press("ctrl+s")
        await pilot.pause()
        opening = app.screen
        assert isinstance(opening, OpeningScreen)
        text = screen_text(app)
        assert "Actions from earlier sessions" in text
        assert "Call the landlord — Sam, by 2026-11-10 (overdue)" in text
        # Words as typed, never markup.
        assert "Read the <b>policy</b> [draft] — Sam, no date" in text
        fields = list(opening.query(ActionReviewField))
        assert fields[0].query_one(RadioSet).has_focus
        # Done, with a note; partly; the third left unanswered.
        await pilot.press("space", "tab", *"booked for Monday", "tab", "right", "space")
        await pilot.pause()
        await saved(app)
        path = app.live.path if app.live else None
        assert path is not None
        reviews = stored(path).reviews()
        assert [(r.what, r.outcome, r.note) for r in reviews] == [
            ("Call the landlord", ReviewOutcome.DONE, "booked for Monday"),
            ("Read the <b>policy</b> [draft]", ReviewOutcome.PARTLY, ""),
            ("Shadow a visit", None, ""),
        ]
        # The practitioner's name keeps the spelling typed before.
        assert stored(path).record.practitioner == "Sam"
        # The closing says how each went, for the record both people sign.
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
        reviewed = str(app.screen.query_one("#reviewed").render())
        assert "done — Call the landlord: booked for Monday" in reviewed
        assert "partly, carried on — Read the <b>policy</b> [draft]" in reviewed
        assert "not reviewed, carried on — Shadow a visit" in reviewed
        await pilot.press("ctrl+b")
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
    still_open = open_actions(list_sessions(sessions_dir), "Sam")
    assert [a.action.what for a in still_open] == [
        "Read the <b>policy</b> [draft]",
        "Shadow a visit",
    ]

    # Reopened, the review is still there and the cursor goes to the one not yet answered.
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        opening = app.screen
        assert isinstance(opening, OpeningScreen)
        fields = list(opening.query(ActionReviewField))
        assert fields[0].query_one(Input).value == "booked for Monday"
        assert fields[0].review.outcome is ReviewOutcome.DONE
        assert fields[2].query_one(RadioSet).has_focus


async def test_a_self_reflection_is_not_asked_about_actions(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    with SessionFile.open(make_session()) as session:
        session.add_action("Call the landlord", "Sam", "2026-11-10")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        form = await _new_session_form(pilot, app)
        await pilot.press(*"Sam")
        form.query_one("#mode").focus()
        await pilot.press("down", "enter")
        form.query_one(ScopeTree).tick(["h3-25/pc/5"])
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen)
        assert not app.screen.query(ActionReviewField)
        assert app.live is not None and app.live.snapshot.reviews == ()


async def test_flagged_items_are_offered_ticked_and_their_reflection_is_one_key_away(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    reflection = make_session(
        mode="self-reflection", supervisor="", date="2026-11-20", model="driscoll"
    )
    with SessionFile.open(reflection) as session:
        session.set_bring_to_supervision("h3-25/k/c", True)
        session.set_bring_to_supervision("cyp-4.3/k/1", True)
        session.set_response("h3-25/k/c", "what", "practitioner", "The tenant shouted at me.")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        form = await _new_session_form(pilot, app)
        await pilot.press(*"Sam", "tab", *"Alex")
        await pilot.pause()
        flagged: SelectionList[str] = form.query_one("#flagged", SelectionList)
        assert flagged.display
        assert flagged.selected == ["h3-25/k/c", "cyp-4.3/k/1"]
        assert "flagged 2026-11-20" in screen_text(app)
        flagged.focus()
        await pilot.press("down", "ctrl+r")
        await pilot.pause(0.3)
        assert isinstance(app.screen, ReflectionPeek)
        assert "The tenant shouted at me." in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is form
        # Untick the second; nothing else ticked: the first alone is covered.
        await pilot.press("down", "space")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen)
        assert app.live is not None
        assert app.live.snapshot.record.scope == ("h3-25/k/c",)


async def test_names_typed_before_are_suggested_and_kept_in_one_spelling(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path], sessions_dir: Path
) -> None:
    make_session(practitioner="Siân Jones", supervisor="Alex Byrne")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        form = await _new_session_form(pilot, app)
        await pilot.press(*"si")
        await pilot.pause(0.2)
        # The suggestion completes with right arrow.
        await pilot.press("end", "right")
        assert form.query_one("#practitioner", Input).value == "Siân Jones"
        await pilot.press("tab", *"alex  byrne")
        form.query_one(ScopeTree).tick(["h3-25/pc/5"])
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen)
    names = {(s.practitioner, s.supervisor) for s in list_sessions(sessions_dir)}
    assert names == {("Siân Jones", "Alex Byrne")}


async def test_an_action_is_edited_in_place_not_only_deleted(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    with SessionFile.open(path) as session:
        session.set_current_item("closing")
        session.add_action("Book a joint visit", who="Sam")
        second = session.add_action("Ring the GP", who="Alex", by_when="2026-12-01")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        closing = await open_at(pilot, app, ClosingScreen)
        table = closing.query_one("#actions", DataTable)
        table.focus()
        await pilot.press("down", "e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActionForm)
        assert "Edit the action" in screen_text(app)
        assert form.query_one("#action-what", Input).value == "Ring the GP"
        await pilot.press(*" about the referral", "tab", "tab")
        await pilot.press(*"x", "enter")
        await pilot.pause()
        # A bad date is refused in the form, as when adding.
        assert app.screen is form
        form.query_one("#action-when", Input).value = "2026-12-08"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is closing
        assert table.cursor_row == 1
        # Enter on the table edits too; escape changes nothing.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)
        await pilot.press("escape")
        await pilot.pause()
        await saved(app)
    actions = stored(path).actions()
    assert [(a.what, a.who, a.by_when) for a in actions] == [
        ("Book a joint visit", "Sam", ""),
        ("Ring the GP about the referral", "Alex", "2026-12-08"),
    ]
    assert actions[1].id == second.id and actions[1].created == second.created


async def test_a_self_reflection_closes_with_my_next_steps_and_what_is_flagged(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session(mode="self-reflection", supervisor="")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        first = walk.current
        walk.query_one("#bring").focus()
        await pilot.press("space")
        await pilot.pause()
        # The flag shows in the item list at once.
        line = str(walk.query_one(ItemList).get_option(first).prompt)
        assert "⚑" in line
        await pilot.press("ctrl+t")
        await pilot.pause()
        closing = app.screen
        assert isinstance(closing, ClosingScreen)
        text = screen_text(app)
        assert "My next steps" in text and "Agreed actions" not in text
        assert f"⚑ {first}" in str(closing.query_one("#flagged-list").render())
        await closing.run_action("add_action")
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)
        assert "Add a next step" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert stored(path).rating(first).bring_to_supervision
    # Reopened, the list marks it as flagged from the start.
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        walk = app.screen
        assert isinstance(walk, WalkScreen)
        assert "⚑" in str(walk.query_one(ItemList).get_option(first).prompt)


async def test_home_shows_actions_due_or_overdue_until_reviewed_done(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    today = date.today()
    path = make_session(date="2026-01-05")
    with SessionFile.open(path) as session:
        late = session.add_action(
            "Call the landlord", "Sam", (today - timedelta(days=3)).isoformat()
        )
        session.add_action("Read the policy", "", (today + timedelta(days=2)).isoformat())
        session.add_action("Far off", "Sam", (today + timedelta(days=60)).isoformat())
        session.add_action("No date", "Sam")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        due = str(app.screen.query_one("#due").render())
        assert f"⚠ overdue since {late.by_when} · Sam: Call the landlord, agreed 2026-01-05" in due
        assert f"due {(today + timedelta(days=2)).isoformat()} · Sam: Read the policy," in due
        assert "Far off" not in due and "No date" not in due
    # Reviewed as done in a later session, it is no longer due.
    [carried] = [a.carried() for a in open_actions(list_sessions(path.parent)) if a.action == late]
    with SessionFile.create(
        path.parent,
        mode="supervision",
        practitioner="Sam",
        supervisor="Alex",
        date="2026-01-20",
        scope=("h3-25/pc/5",),
        reviews=[replace(carried, outcome=ReviewOutcome.DONE)],
    ):
        pass
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        due = str(app.screen.query_one("#due").render())
        assert "Call the landlord" not in due and "Read the policy" in due
