"""Damaged session files on the home screen: listed as damaged with the reason, the others open,
and q sets one aside in quarantine/ after asking (nothing moved or lost without asking)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import DataTable

from supervise.app.app import SuperviseApp
from supervise.app.screens.dialogs import Choice
from supervise.app.screens.home import HomeScreen
from supervise.store.quarantine import QUARANTINE_NAME
from tests.app.driving import Notes, until_shown
from tests.store.damage import ALL, damage


def _rows(app: SuperviseApp) -> list[list[str]]:
    table = app.screen.query_one("#sessions", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def _palette(app: SuperviseApp) -> set[str]:
    return {command.title for command in app.get_system_commands(app.screen)}


@pytest.mark.parametrize("name", ALL)
async def test_each_damaged_file_is_listed_as_damaged_and_explained_not_opened(
    name: str,
    make_app: Callable[[], SuperviseApp],
    make_session: Callable[..., Path],
    sessions_dir: Path,
) -> None:
    make_session(date="2026-01-01", practitioner="Kim")
    bad = make_session(date="2026-11-30")
    reason = damage(bad, name)
    before = bad.read_bytes()
    app = make_app()
    notes = Notes()
    async with app.run_test(size=(140, 40), message_hook=notes) as pilot:
        await pilot.pause()
        rows = _rows(app)
        assert rows[0][4] == "⚠ Damaged" and reason in rows[0][7], rows[0]
        assert "Sam" not in " ".join(rows[0])  # nothing read from a damaged file is shown
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.live is None
        said = [m for m in notes.shown if str(bad) in m]
        assert said and reason in said[0] and "Traceback" not in said[0], notes.shown
        await pilot.press("down", "o")
        await pilot.pause()
        assert app.live is not None and app.live.snapshot.record.practitioner == "Kim"
    assert bad.read_bytes() == before


async def test_q_asks_then_moves_the_damaged_file_to_quarantine(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path], sessions_dir: Path
) -> None:
    good = make_session(date="2026-01-01", practitioner="Kim")
    bad = make_session(date="2026-11-30")
    damage(bad, "session-keyed-by-a-word")
    before = bad.read_bytes()
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await until_shown(
            pilot, app, "1 damaged file (⚠): q moves one to quarantine/", "Quarantine"
        )
        assert "Quarantine damaged file" in _palette(app)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, Choice) and str(bad) in app.screen.message
        await pilot.press("escape")  # the safe answer: leave it
        await pilot.pause()
        assert bad.read_bytes() == before
        await pilot.press("q")
        await pilot.pause()
        await pilot.click("#move")
        await pilot.pause(0.3)
        (moved,) = (sessions_dir / QUARANTINE_NAME).iterdir()
        assert moved.name.endswith(bad.name) and moved.read_bytes() == before
        assert not bad.exists() and good.exists()
        assert [row[1] for row in _rows(app)] == ["Kim"]
        # Only a damaged file can be set aside: on a good one, q does nothing and is not offered.
        assert "Quarantine damaged file" not in _palette(app)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert good.exists()


ODD: dict[str, tuple[str, str | None, object]] = {
    "an item twice in scope": ("session", "scope", ["h3-25/pc/5", "h3-25/pc/5", "", "///"]),
    "minutes past any clock": ("session", "planned_minutes", 2**70),
    "time used past any clock": ("session", "elapsed_seconds", 2**70),
    "signed with no signature": ("session", "status", "signed"),
    "left at no item": ("session", "current_item", "nope/nope/nope"),
    "an opening text the app never asks": ("session", "opening", {"zzz": "x" * 10_000}),
    "a point far past the last": ("points", None, {"item": "cyp-4.3/k/1", "index": 10**6}),
    "an answer to no stage": (
        "responses",
        None,
        {"item": "h3-25/pc/5", "stage": "no", "role": "supervisor", "text": "t", "updated": ""},
    ),
}
"""Files that are odd but whole (table, field or None to add a document, value): listed as
readable, so each must open."""


async def test_odd_but_whole_files_are_listed_as_readable_and_open(
    make_app: Callable[[], SuperviseApp], make_session: Callable[..., Path]
) -> None:
    for day, (table, field, value) in enumerate(ODD.values(), start=1):
        path = make_session(date=f"2026-10-{day:02d}")
        tables = json.loads(path.read_text(encoding="utf-8"))
        if field is None:
            tables.setdefault(table, {})["9"] = value
        else:
            next(iter(tables[table].values()))[field] = value
        path.write_text(json.dumps(tables), encoding="utf-8")
    app = make_app()
    notes = Notes()
    async with app.run_test(size=(120, 40), message_hook=notes) as pilot:
        await pilot.pause()
        assert not any("Damaged" in " ".join(row) for row in _rows(app))
        for number, odd in enumerate(reversed(ODD)):
            await pilot.press(*["down"] * number, "o")
            await pilot.pause()
            assert app.live is not None, (odd, notes.shown)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen), odd
            await pilot.press("home")
        assert app.is_running


async def test_an_unexpected_fault_while_opening_is_said_and_the_list_still_opens(
    make_app: Callable[[], SuperviseApp],
    make_session: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from supervise.app.live import SessionDoor

    path = make_session()
    real_open = SessionDoor.open.__func__  # type: ignore[attr-defined]
    faults = [RuntimeError("a fault of its own")]

    def faulty(cls: type[SessionDoor], /, *args: object, **kwargs: object) -> SessionDoor:
        if faults:
            raise faults.pop()
        return real_open(cls, *args, **kwargs)  # type: ignore[no-any-return]

    monkeypatch.setattr(SessionDoor, "open", classmethod(faulty))
    app = make_app()
    notes = Notes()
    async with app.run_test(size=(120, 40), message_hook=notes) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause(0.2)
        assert app.live is None and isinstance(app.screen, HomeScreen)
        said = [m for m in notes.shown if path.name in m]
        assert said and "a fault of its own" in said[0] and "not been changed" in said[0]
        await pilot.press("o")
        await pilot.pause(0.2)
        assert app.live is not None
