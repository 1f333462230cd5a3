"""The command line prints people's words, never their control characters: list, search and
export show them as pictures (␛), JSON keeps them as escapes that read back the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from supervise.cli import main
from supervise.store import SessionFile

WIPE = "\x1b[2J"
RAW = ("\x1b", "\x07", "\x9b", "\x85", "\u202e")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A sessions folder with one session whose names and answer hold control characters."""
    folder = tmp_path / "sessions"
    with SessionFile.create(
        folder,
        mode="supervision",
        practitioner=f"Sam{WIPE}",
        supervisor="Alex\x9b31m\u202e",
        scope=("h3-25/pc/5",),
    ) as session:
        session.set_response("h3-25/pc/5", "what", "practitioner", f"calm\x07{WIPE}\x85end")
    return folder


def _printed(capsys: pytest.CaptureFixture[str]) -> str:
    out = capsys.readouterr().out
    for control in RAW:
        assert control not in out, repr(control)
    return out


def test_list_shows_names_without_obeying_them(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", "--sessions-dir", str(folder)]) == 0
    assert "Sam␛[2J with Alex\ufffd31m\ufffd" in _printed(capsys)


def test_list_json_escapes_what_a_terminal_would_obey_and_reads_back_the_same(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", "--json", "--sessions-dir", str(folder)]) == 0
    [row] = json.loads(_printed(capsys))
    assert (row["practitioner"], row["supervisor"]) == (f"Sam{WIPE}", "Alex\x9b31m\u202e")


def test_search_shows_the_words_found_without_obeying_them(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "--sessions-dir", str(folder), "calm"]) == 0
    assert "␇␛[2J" in _printed(capsys)


@pytest.mark.parametrize("format", ["md", "html", "json"])
def test_export_to_the_terminal_prints_no_control_character(
    folder: Path, capsys: pytest.CaptureFixture[str], format: str
) -> None:
    [session] = folder.glob("*.json")
    assert main(["export", "--sessions-dir", str(folder), "--format", format, session.name]) == 0
    out = _printed(capsys)
    if format == "json":
        # The same data as the file export holds, every character kept.
        target = folder.parent / "copy.bundle.json"
        assert main(["export", "--sessions-dir", str(folder), "-o", str(target), session.name]) == 0
        assert json.loads(out) == json.loads(target.read_text(encoding="utf-8"))
        assert "\\u001b[2J" in out
    else:
        assert "calm␇␛" in out
