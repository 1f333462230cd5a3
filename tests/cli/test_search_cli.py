"""`supervise search WORDS`: the same places the app finds, printed safely."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from supervise.cli import main
from supervise.store import SessionFile
from tests.cli.piping import read_one_line_and_leave


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


def test_every_spelling_of_the_folder_option_finds_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _sessions(tmp_path / "s")
    folder = str(tmp_path / "s")
    for argv in (
        ["search", "visit", "--sessions-dir", folder],
        ["search", f"--sessions-dir={folder}", "visit"],
        ["--sessions-dir", folder, "search", "visit"],
    ):
        assert main(argv) == 0
        assert capsys.readouterr().out.endswith("2 places in 2 sessions\n")


def test_a_session_saved_after_a_search_is_found_by_the_next(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _sessions(tmp_path / "s")
    folder = str(tmp_path / "s")
    assert main(["search", "marigold", "--sessions-dir", folder]) == 1
    path = sorted((tmp_path / "s").glob("2026-11-01-*.json"))[0]
    with SessionFile.open(path) as session:
        session.set_response("h3-25/pc/1", "so-what", "supervisor", "A marigold.")
    capsys.readouterr()
    assert main(["search", "marigold", "--sessions-dir", folder]) == 0
    assert "  h3-25/pc/1 · so-what (supervisor): A marigold." in capsys.readouterr().out


def test_a_search_command_with_anything_else_is_left_to_argparse(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["search", "--help"])
    assert exit_.value.code == 0
    assert "WORD" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["search"])
    assert "required" in capsys.readouterr().err


def test_results_cut_short_by_their_reader_are_not_an_error(tmp_path: Path) -> None:
    # `supervise search word | head -1`, with more places than a pipe holds.
    folder = tmp_path / "s"
    with SessionFile.create(
        folder, mode="supervision", practitioner="Sam", scope=["h3-25/pc/1"]
    ) as session:
        path = session.path
    # Written straight into the file: two thousand saves would take seconds.
    tables = json.loads(path.read_text(encoding="utf-8"))
    tables["actions"] = {
        str(n): {"what": f"Ring the housing office, call {n}", "who": "Sam", "by_when": ""}
        for n in range(2000)
    }
    path.write_text(json.dumps(tables), encoding="utf-8")
    command = [sys.executable, "-m", "supervise", "search", "ring", "--sessions-dir", str(folder)]
    code, errors = read_one_line_and_leave(command)
    assert code == 0 and "Traceback" not in errors and "BrokenPipe" not in errors
