"""The walk: answering, moving, ticking, rating, skipping, jumping — on screen and on disk."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.widgets import TextArea

from supervise.app.app import SuperviseApp
from supervise.app.widgets.item_list import ItemList
from supervise.app.widgets.prompt_field import SAVE_DELAY
from tests.app.conftest import SCOPE, stored
from tests.app.driving import open_walk, screen_text

AFTER_SAVE = SAVE_DELAY + 0.4


async def test_typing_an_answer_is_on_disk_within_a_second(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        assert walk.current == SCOPE[0]
        area = walk.query(TextArea).first()
        assert area.has_focus
        await pilot.press(*"Ceri shouted; I stayed calm ")
        # Pilot types key names, so non-ASCII text arrives the way a terminal sends it: a paste.
        app.post_message(events.Paste("— ŵ ł 😊 مرحبا"))
        await pilot.pause(AFTER_SAVE)
        text = stored(path).response(SCOPE[0], "what", "practitioner")
        assert text == "Ceri shouted; I stayed calm — ŵ ł 😊 مرحبا"
        assert "Saved" in str(app.screen.query_one("#save-status").render())


async def test_the_save_line_stays_calm_while_typing(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_walk(pilot, app)
        await pilot.press(*"first ")
        await pilot.pause(AFTER_SAVE)
        status = app.screen.query_one("#save-status")
        seen = set()
        for word in ("saves ", "happen ", "here"):
            await pilot.press(*word)
            seen.add(str(status.render()))
            await pilot.pause(AFTER_SAVE)
            seen.add(str(status.render()))
        # Saves follow every pause; the line names the minute of the last one and never flickers
        # to "Saving…" in between.
        assert all(re.fullmatch(r"✔ Saved \d\d:\d\d", text) for text in seen), seen
        assert stored(path).response(SCOPE[0], "what", "practitioner") == (
            "first saves happen here"
        )


async def test_next_previous_and_resume_return_to_the_same_item(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert walk.current == SCOPE[1]
        assert "Item 2 of 3" in str(walk.query_one("#position").render())
        await pilot.press(*"about limits")
        await pilot.press("ctrl+q")
    # Quitting saves at once, even inside the save delay.
    session = stored(path)
    assert session.record.current_item == SCOPE[1]
    assert session.response(SCOPE[1], "what", "practitioner") == "about limits"

    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, again)
        assert walk.current == SCOPE[1]
        assert walk.query(TextArea).first().text == "about limits"
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert walk.current == SCOPE[0]


async def test_points_rating_and_jump_from_the_list(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        items = walk.query_one(ItemList)
        await pilot.press("ctrl+g")
        assert items.has_focus
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert walk.current == SCOPE[2]
        walk.query_one("#point-0").focus()
        await pilot.press("space", "tab", "tab", "space")
        walk.query_one("#confidence").focus()
        await pilot.press("right", "right", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        session = stored(path)
        assert session.ticked_points(SCOPE[2]) == frozenset({0, 2})
        assert session.rating(SCOPE[2]).confidence == 3


async def test_skip_moves_on_and_is_logged(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert walk.current == SCOPE[1]
        first_line = str(walk.query_one(ItemList).get_option_at_index(0).prompt)
        assert first_line.startswith(" – pc/5"), first_line
        await pilot.press("ctrl+s")
    assert any(e.kind == "skipped" and e.detail == SCOPE[0] for e in stored(path).events())


async def test_an_emptied_answer_is_stored_empty_and_the_item_unmarked(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        await pilot.press(*"draft")
        await pilot.pause(AFTER_SAVE)
        assert SCOPE[0] in walk.answered()
        await pilot.press(*["backspace"] * 5)
        await pilot.pause(AFTER_SAVE)
        assert SCOPE[0] not in walk.answered()
        assert stored(path).response(SCOPE[0], "what", "practitioner") == ""


async def test_a_huge_paste_is_kept_whole(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    app = make_app()
    huge = ("Notes from a long visit, with ŵ and 😊. " * 5000).strip()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        walk.query(TextArea).first().insert(huge)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert stored(path).response(SCOPE[0], "what", "practitioner") == huge


async def test_supervisor_notes_are_kept_apart_from_answers(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        areas = list(walk.query(TextArea))
        areas[1].focus()
        await pilot.press(*"observe tone")
        await pilot.press("ctrl+s")
        await pilot.pause()
        session = stored(path)
        assert session.response(SCOPE[0], "what", "supervisor") == "observe tone"
        assert session.response(SCOPE[0], "what", "practitioner") == ""


async def test_the_palette_rates_confidence_too(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Confidence 4")
        await pilot.pause(0.4)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is walk
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert stored(path).rating(SCOPE[0]).confidence == 4


async def test_the_rating_sits_one_line_below_the_last_answer(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    make_session()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        walk.query_one("#item-view").scroll_end(animate=False)
        await pilot.pause()
        lines = screen_text(app).splitlines()
        label = next(n for n, line in enumerate(lines) if "How confident" in line)
        beside_the_list = [line.split("▕", 1)[-1] for line in lines[label - 2 : label]]
        # The answer's bottom edge, one blank line, then the question: not two blank lines.
        assert "▁▁▁" in beside_the_list[0] and not beside_the_list[1].strip()


async def test_a_now_what_answer_becomes_an_agreed_action_with_one_key(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session(mode="self-reflection", supervisor="")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        walk = await open_walk(pilot, app)
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert stored(path).actions() == []
        assert "^r Make action" in screen_text(app)
        now_what = walk.query(TextArea)[-1]
        now_what.focus()
        await pilot.press(*"Ask the team about a safety plan")
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("ctrl+r")  # a second press adds nothing twice
        await pilot.pause(AFTER_SAVE)
        actions = stored(path).actions()
        assert [(a.what, a.who) for a in actions] == [
            ("Ask the team about a safety plan", stored(path).record.practitioner)
        ]
        assert app.screen is walk


async def test_the_statement_is_shown_as_printed_with_its_slips_and_editorial_titles(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    make_session(scope=("cyp-4.3/a/7",))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_walk(pilot, app)
        await pilot.pause()
        # The words as a person reads them, across wrapped lines and box edges.
        text = " ".join(re.sub(r"[▊▕▎│╭╮╰╯─▔▁▏▍]", " ", screen_text(app)).split())
        assert "Anability to grasp the ways in that the service user" in text
        assert "As printed in the source [sic]: ‘Anability’ reads ‘An ability’" in text
        assert "Abilities (our title)" in text
        # The prompts name the item by its handle, never by the statement or its slips.
        assert text.count("ways in that") == 2  # the statement, and the sic note
        assert "sees themselves and the world" in text
