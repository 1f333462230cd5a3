"""`supervise search WORDS`: the same places the app finds, printed safely."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from supervise.cli import main
from supervise.store import SessionFile


def _sessions(folder: Path) -> str:
    ids = []
    for n, day in enumerate(("2026-09-01", "2026-10-01", "2026-11-01")):
        with SessionFile.create(
            folder,
            mode="supervision",
            practitioner="Sam",
            supervisor="Alex",
            date=day,
            scope=["h3-25/pc/1"],
        ) as session:
            text = "Then the Zugzwang\x1b[2J moment." if n == 0 else f"Visit {n}"
            session.set_response("h3-25/pc/1", "what", "practitioner", text)
            ids.append(session.record.id)
    return ids[0]


def test_a_word_typed_three_sessions_ago_is_printed_with_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _sessions(tmp_path / "s")
    assert main(["search", "zugzwang", "--sessions-dir", str(tmp_path / "s")]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        f"2026-09-01  {first}  Sam with Alex  (in progress)",
        "  h3-25/pc/1 · what (practitioner): Then the Zugzwang␛[2J moment.",
        "1 place in 1 session",
    ]


def test_on_a_terminal_the_words_are_marked_and_control_characters_still_drawn(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _sessions(tmp_path / "s")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["search", "ZUGZWANG", "--sessions-dir", str(tmp_path / "s")]) == 0
    out = capsys.readouterr().out
    assert "\x1b[7mZugzwang\x1b[0m␛[2J" in out
    assert "\x1b[2J" not in out


def test_nothing_found_is_said_plainly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _sessions(tmp_path / "s")
    assert main(["search", "visit", "zugzwang", "--sessions-dir", str(tmp_path / "s")]) == 1
    assert "No session" in capsys.readouterr().out
    assert main(["search", "x", "--sessions-dir", str(tmp_path / "none")]) == 1
    assert not (tmp_path / "none").exists()
