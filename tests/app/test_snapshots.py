"""Pictures of the main screens at 80×24 and 120×40; each docstring says what a reviewer should see.

Clocks are frozen so a picture changes only when the screen does.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets._header import HeaderClock

from supervise.app.app import SuperviseApp
from supervise.content import Library
from supervise.store import SessionFile
from supervise.store.door import SessionDoor
from tests.app.conftest import SCOPE
from tests.app.driving import until_listed

Snap = Callable[..., bool]
NOON = datetime(2026, 11, 23, 12, 0, 0).astimezone()


@pytest.fixture(autouse=True)
def _frozen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(HeaderClock, "render", lambda self: "12:00:00")
    original = SessionDoor._saved
    monkeypatch.setattr(SessionDoor, "_saved", lambda self, when: original(self, NOON))
    monkeypatch.setattr("supervise.store.session.now_iso", lambda: NOON.isoformat())
    monkeypatch.setattr(
        "supervise.app.screens.new_session.date",
        type("FixedDate", (__import__("datetime").date,), {"today": staticmethod(NOON.date)}),
    )


@pytest.fixture
def app(library: Library) -> SuperviseApp:
    """The app on ./sessions, as someone starting it in a folder would see it."""
    return SuperviseApp(library, Path("sessions"))


def _session(**fields: Any) -> Path:
    values: dict[str, Any] = {
        "mode": "supervision",
        "practitioner": "Sam",
        "supervisor": "Alex",
        "date": "2026-11-23",
        "scope": SCOPE,
    }
    current = fields.pop("current_item", SCOPE[1])
    values.update(fields)
    with SessionFile.create(Path("sessions"), **values) as session:
        session.set_response(SCOPE[0], "what", "practitioner", "A tenant shouted; I stayed calm.")
        session.set_current_item(current)
        return session.path


async def _open(pilot: Pilot[Any]) -> None:
    await pilot.press("o")
    await pilot.pause()


def test_home_first_run_small(snap_compare: Snap, app: SuperviseApp) -> None:
    """80×24, no sessions: a welcome box explains the two modes and says to press n."""
    assert snap_compare(app, terminal_size=(80, 24))


def test_home_with_sessions(snap_compare: Snap, app: SuperviseApp) -> None:
    """120×40: the practitioner and status filters, then two sessions, newest first, with mode,
    status, "1/3 items" progress, "—" for no next date and the frameworks covered."""
    _session()
    _session(date="2026-11-02", practitioner="Jo", mode="self-reflection", supervisor="")
    assert snap_compare(app, terminal_size=(120, 40))


def test_new_session_form_small(snap_compare: Snap, app: SuperviseApp) -> None:
    """80×24: the form's top — mode with ● on Supervision, both names, date, length, model."""
    assert snap_compare(app, press=["n"], terminal_size=(80, 24))


def test_walk_wide(snap_compare: Snap, app: SuperviseApp) -> None:
    """120×40: list on the left (✔ on pc/5, ▶ on k/c), "Item 2 of 3 · 1 answered", the
    statement in a box, then What? with its answer area and the supervisor's prompt in italics."""
    _session()
    assert snap_compare(app, run_before=_open, terminal_size=(120, 40))


def test_walk_small(snap_compare: Snap, app: SuperviseApp) -> None:
    """80×24: no side list; where-you-are line, progress, statement and first prompt still fit."""
    _session()
    assert snap_compare(app, run_before=_open, terminal_size=(80, 24))


def test_walk_with_points(snap_compare: Snap, app: SuperviseApp) -> None:
    """120×40: cyp-4.3 k/1 with its three components as tick boxes under "Which of these apply?"."""
    _session(current_item=SCOPE[2])
    assert snap_compare(app, run_before=_open, terminal_size=(120, 40))


def test_closing_signed(snap_compare: Snap, app: SuperviseApp) -> None:
    """120×40: a signed record — "signed and read only", the action, both ✔ Signed lines."""
    path = _session(current_item="closing")
    with SessionFile.open(path) as session:
        session.update_record(summary="Plan visits in pairs.", next_date="2026-12-14")
        session.add_action("Book a paired visit", "Sam", "2026-12-01")
        session.complete()
        session.sign("practitioner", "Sam")
        session.sign("supervisor", "Alex")

    async def closing(pilot: Pilot[Any]) -> None:
        # A signed session opens read back; its closing is through the items.
        await _open(pilot)
        await pilot.press("ctrl+f", "ctrl+t")
        await pilot.pause()

    assert snap_compare(app, run_before=closing, terminal_size=(120, 40))


def test_walk_light_theme(snap_compare: Snap, app: SuperviseApp) -> None:
    """120×40 in the light theme: the same walk, every mark (✔ ▶ █░ ●) and word still legible."""
    _session()

    async def light(pilot: Pilot[Any]) -> None:
        pilot.app.theme = "textual-light"
        await _open(pilot)

    assert snap_compare(app, run_before=light, terminal_size=(120, 40))


def test_record_view(snap_compare: Snap, app: SuperviseApp) -> None:
    """100×40: a completed session read back — header (date, 12:00 start, people, Driscoll,
    Completed, not yet signed), the opening, pc/5 with its answer under What?, k/c ○ Not
    reached; no text boxes anywhere."""
    path = _session()
    with SessionFile.open(path) as session:
        session.update_record(opening={"check_in": "Busy week [on call]"})
        session.set_confidence(SCOPE[0], 3)
        session.complete()
    assert snap_compare(app, run_before=_open, terminal_size=(100, 40))


def test_history(snap_compare: Snap, app: SuperviseApp) -> None:
    """120×40: Sam's History — figures line, legend, the grid with pc/5 rated 2 then 4 (▃▆) and
    "○ never" beside the rest, the sparkline and trend words for pc/5, one agreed action."""
    for day, rating in (("2026-10-02", 2), ("2026-11-23", 4)):
        path = _session(date=day)
        with SessionFile.open(path) as session:
            session.set_confidence(SCOPE[0], rating)
            if rating == 4:
                session.add_action("Shadow a colleague", "Sam", "2099-01-01")

    async def history(pilot: Pilot[Any]) -> None:
        # The list is read in a worker; "h" needs a highlighted row.
        await until_listed(pilot, pilot.app)  # type: ignore[arg-type]
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("down", "down", "down", "down")
        await pilot.pause()

    assert snap_compare(app, run_before=history, terminal_size=(120, 40))
