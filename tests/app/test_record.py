"""The record view: a finished session read back on one page, literally, one key from the walk."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Static, TextArea

import supervise.app.screens.record as record_module
from supervise.app.app import SuperviseApp
from supervise.app.screens.record import RecordScreen
from supervise.app.screens.walk import WalkScreen
from supervise.content import Library
from supervise.store import SessionFile
from tests.app.conftest import SCOPE
from tests.app.driving import open_at, open_walk, saved, screen_text

TRICKY = "**bold?** [b]markup?[/b] <i>html?</i> `code` # heading\x1b[31m red?\x07 bell"
"""Words that Markdown, Rich markup, HTML or a terminal would each take for instructions."""


def page_text(screen: RecordScreen) -> str:
    """The whole record as plain text, scrolled or not (each block rendered wide)."""
    console = Console(file=io.StringIO(), width=200, record=True, color_system=None)
    for block in screen.query("#record > Static").results(Static):
        console.print(block.content)
    return console.export_text()


def _finished(make_session: Callable[..., Path], **fields: object) -> Path:
    path = make_session(**fields)
    with SessionFile.open(path) as session:
        session.update_record(
            opening={"check_in": "Tired but fine", "purpose": "Boundaries at visits"},
            summary="Plan visits in pairs.",
            next_date="2026-12-14",
        )
        session.set_response(SCOPE[0], "what", "practitioner", "A tenant shouted at me.")
        session.set_response(SCOPE[0], "what", "supervisor", "Asked what was said, word for word.")
        session.set_response(SCOPE[0], "now-what", "practitioner", "Take a colleague next time.")
        session.set_confidence(SCOPE[0], 4)
        session.set_point(SCOPE[2], 1, True)
        session.set_response(SCOPE[2], "so-what", "practitioner", "Agreement on tasks matters.")
        session.log("skipped", SCOPE[1])
        session.add_action("Book a paired visit", "Sam", "2026-12-01")
        session.complete()
    return path


async def test_a_completed_session_opens_read_back_with_every_answer(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = _finished(make_session)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        record = await open_at(pilot, app, RecordScreen)
        text = page_text(record)
        for words in (
            "Supervision record",
            "Date: 2026-11-23",
            "Practitioner: Sam",
            "Supervisor: Alex",
            "Reflective model: Driscoll",
            "Status: Completed",
            "Signed by the supervisor: not yet",
            "Tired but fine",
            "Boundaries at visits",
            "you deal with challenging behaviour",  # the statement as printed
            "Confidence: 4 Mostly",
            "A tenant shouted at me.",
            "Asked what was said, word for word.",
            "Take a colleague next time.",
            "☑ consensus between practitioner and service user",
            "Agreement on tasks matters.",
            "Skipped (left for later).",
            "Plan visits in pairs.",
            "• Book a paired visit  (Sam, by 2026-12-01)",
            "Next session: 2026-12-14",
            "Sign-off",
        ):
            assert words in text, words
        # Empty prompts collapse: the first item's "So what?" has no answer and is not shown.
        first = text.split("H3-25 › Performance criteria › 5")[1].split("H3-25 › Knowledge")[0]
        assert "So what?" not in first and "Now what?" in first
        assert not record.query(TextArea)
    # Reading changes nothing but the note that the session was opened.
    with SessionFile.open(path, read_only=True) as session:
        assert session.record.status == "completed"


async def test_the_record_is_one_key_from_the_walk_and_back(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    make_session()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        walk = await open_walk(pilot, app)
        await pilot.press(*"Typed just now")
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, RecordScreen)
        assert "Typed just now" in page_text(app.screen)
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        assert app.screen.current == walk.current
        assert app.screen.query(TextArea).first().text == "Typed just now"
        await saved(app)


async def test_a_finished_session_goes_back_to_its_items_for_changes(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = _finished(make_session)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_at(pilot, app, RecordScreen)
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        assert not app.screen.live.read_only
        await pilot.press("escape")
        await pilot.pause()
    with SessionFile.open(path, read_only=True) as session:
        assert session.response(SCOPE[0], "what", "practitioner") == "A tenant shouted at me."


async def test_what_people_typed_is_shown_literally(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = _finished(make_session, practitioner="Sam [nights]")
    with SessionFile.open(path) as session:
        session.set_response(SCOPE[0], "what", "practitioner", TRICKY)
        session.add_action(TRICKY, "[i]Sam[/i]", "")
        session.update_record(summary=TRICKY)
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        record = await open_at(pilot, app, RecordScreen)
        text = page_text(record)
        shown = TRICKY.replace("\x1b", "␛").replace("\x07", "␇")
        assert text.count(shown) == 3, text
        assert "Practitioner: Sam [nights]" in text
        assert "[i]Sam[/i]" in text
        assert "\x1b" not in text and "\x07" not in text
        assert "\x1b" not in screen_text(app)


async def test_a_signed_self_reflection_reads_back_with_its_flag_and_signature(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    path = make_session(mode="self-reflection", supervisor="")
    with SessionFile.open(path) as session:
        session.update_record(opening={"prompted_by": "A hard visit"})
        session.set_response(SCOPE[1], "what", "practitioner", "I said too much.")
        session.set_bring_to_supervision(SCOPE[1], True)
        session.complete()
        session.sign("practitioner", "Sam")
        signed_at = session.record.signatures[0].at.replace("T", " ")[:16]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        record = await open_at(pilot, app, RecordScreen)
        text = page_text(record)
        assert "Self-reflection record" in text and "Status: ✔ Signed" in text
        assert f"Signed by the practitioner: Sam, {signed_at}" in text
        assert "What prompted this" in text and "A hard visit" in text
        assert "Bring to supervision: yes" in text and "I said too much." in text
        assert "Supervisor" not in text
        assert "○ H3-25 › Performance criteria › 5" in text and "Not reached." in text


async def test_the_record_view_offers_export_in_the_palette(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    _finished(make_session)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        record = await open_at(pilot, app, RecordScreen)
        titles = [command.title for command in app.get_system_commands(record)]
        assert "Export record" in titles and "Edit the items" in titles


async def test_a_long_record_is_shown_at_once_and_filled_in_batches_in_order(
    make_app: Callable[[], SuperviseApp],
    make_session: Callable[..., Path],
    library: Library,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(record_module, "FIRST_ITEMS", 2)
    monkeypatch.setattr(record_module, "BATCH", 3)
    refs = [item.ref for framework in library.frameworks.values() for item in framework.items()]
    scope = refs[:9]
    path = make_session(scope=scope)
    with SessionFile.open(path) as session:
        for number, ref in enumerate(scope):
            session.set_response(ref, "what", "practitioner", f"Answer number {number}.")
        session.update_record(summary="The summary comes after every item.")
        session.complete()
    shown: list[str] = []
    real = RecordScreen._add_items

    async def spy(screen: RecordScreen) -> None:
        # What the page says before each batch is added.
        shown.extend(str(s.content) for s in screen.query("#record-building").results(Static))
        await real(screen)

    monkeypatch.setattr(RecordScreen, "_add_items", spy)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        record = await open_at(pilot, app, RecordScreen)
        for _ in range(100):
            if record.built:
                break
            await pilot.pause(0.02)
        assert record.built
        assert shown[0] == "Building the record… 2 of 9 items shown so far."
        blocks = [s.id for s in record.query("#record > Static").results(Static)]
        assert blocks == [
            "record-header",
            "record-opening",
            *(f"record-item-{n}" for n in range(9)),
            "record-closing",
            "record-signoff",
        ]
        text = page_text(record)
        positions = [text.index(f"Answer number {n}.") for n in range(9)]
        assert positions == sorted(positions)
        assert text.index("Answer number 8.") < text.index("The summary comes after every item.")
