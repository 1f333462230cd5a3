"""``supervise recover``: the copies kept when a disk refused a save are listed in readable words
(unsealed with the passphrase in an encrypted folder) and restored with --restore, never over
words typed since; a copy that cannot be read or restored is told in a line and kept."""

from __future__ import annotations

import getpass
import json
import os
from pathlib import Path

import pytest

from supervise.cli import main
from supervise.content.model import Role
from supervise.store import SessionFile, keys
from supervise.store.changes import AddElapsed, SetAnswer, SetOpening, SetPoint
from supervise.store.rekey import encrypt_folder
from supervise.store.seal import MAGIC, Cost
from supervise.store.unsaved import unsaved_folder
from tests.store.unsaved_copy import copy_made_on_a_full_disk

ITEM, OTHER = "h3-25/pc/5", "h3-25/k/c"
LONG = "saved words, then the ones the disk refused when the person kept typing on and on"
MADE = (
    SetAnswer(ITEM, "what", Role.PRACTITIONER, LONG),
    SetAnswer(OTHER, "so-what", Role.SUPERVISOR, "a whole new answer\nover two lines"),
    SetOpening("check_in", "tired today"),
    SetPoint(ITEM, 0, True),
    AddElapsed(30),
)
PASS = "correct horse battery"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The sessions folder the tests' environment points at."""
    return tmp_path / "sessions"


@pytest.fixture
def session(folder: Path) -> Path:
    """A session whose first answer was saved in part before the disk filled up."""
    with SessionFile.create(
        folder, mode="supervision", practitioner="Sam", supervisor="Alex", scope=[ITEM, OTHER]
    ) as made:
        made.set_response(ITEM, "what", "practitioner", "saved words")
    return made.path


@pytest.fixture
def copy(session: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A real copy of MADE, kept by the door when every save failed."""
    return copy_made_on_a_full_disk(session, MADE, monkeypatch)


def _answer(session: Path, item: str, stage: str, role: str) -> str:
    with SessionFile.open_read_only(session) as reading:
        return reading.response(item, stage, role)


def test_with_no_option_each_copy_is_listed_with_the_start_of_its_words(
    copy: Path, session: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["recover"]) == 0
    out = capsys.readouterr().out
    assert f"{copy.name}: session {session.stem}" in out and "5 changes" in out
    start = "saved words, then the ones the disk refused…"
    assert f"answer to {ITEM}, what (practitioner): {start}" in out
    assert f"answer to {OTHER}, so-what (supervisor): a whole new answer over two lines" in out
    assert "opening, check in: tired today" in out and f"point 1 of {ITEM} ticked" in out
    assert "1 note of where you were" in out and "supervise recover --restore" in out
    assert copy.exists() and _answer(session, ITEM, "what", "practitioner") == "saved words"
    assert main(["recover", "--full"]) == 0
    assert LONG in capsys.readouterr().out


def test_restore_puts_the_words_in_the_session_file_and_removes_the_copy(
    copy: Path, session: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["recover", "--restore"]) == 0
    out = capsys.readouterr().out
    assert f"restored: answer to {ITEM}, what (practitioner)" in out
    assert "the copy has been removed" in out and not copy.exists()
    assert LONG in session.read_text(encoding="utf-8")
    assert _answer(session, OTHER, "so-what", "supervisor") == MADE[1].text
    assert main(["recover"]) == 0
    assert "there is nothing to recover" in capsys.readouterr().out


def test_a_conflict_prints_both_texts_and_keeps_both_and_the_copy(
    copy: Path, session: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with SessionFile.open(session) as later:
        later.set_response(OTHER, "so-what", "supervisor", "typed again later")
    assert main(["recover", "--restore"]) == 1
    out = capsys.readouterr().out
    assert f"CONFLICT: answer to {OTHER}, so-what (supervisor)" in out
    assert "in the session: typed again later" in out
    assert "in the copy:    a whole new answer\n" in out and "over two lines" in out
    assert f"The copy is kept: {copy}" in out and "1 copy is kept" in out
    assert copy.exists()
    assert _answer(session, OTHER, "so-what", "supervisor") == "typed again later"
    assert _answer(session, ITEM, "what", "practitioner") == LONG


def test_a_session_open_in_another_window_keeps_its_copy(
    copy: Path, session: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with SessionFile.open(session):
        assert main(["recover", "--restore"]) == 1
    out = capsys.readouterr().out
    assert "Not restored: This session is open in another window" in out
    assert "Close it there, then run this again." in out and copy.exists()
    assert _answer(session, ITEM, "what", "practitioner") == "saved words"


def test_a_corrupt_copy_or_a_fifo_is_told_in_a_line_and_left_where_it_is(
    copy: Path, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = unsaved_folder(folder) / "2026-01-01-0badc0de-20260101T000000.json"
    broken.write_text('{"session": "2026-01-01-0badc0de.json", "exported"', encoding="utf-8")
    wrong = unsaved_folder(folder) / "2026-01-02-0badc0de-20260101T000000.json"
    wrong.write_text(json.dumps({"session": "../x.json", "exported": "", "changes": []}))
    if hasattr(os, "mkfifo"):
        os.mkfifo(unsaved_folder(folder) / "2026-01-03-f1f0f1f0-20260101T000000.json")
    assert main(["recover", "--restore"]) == 1
    captured = capsys.readouterr()
    assert f"{broken.name} is not a copy that can be read back (not JSON)." in captured.out
    assert f"{wrong.name} is not a copy that can be read back (it does not name" in captured.out
    if hasattr(os, "mkfifo"):
        assert "(not a regular file)" in captured.out
    assert "the copy has been removed" in captured.out, "the good copy is still restored"
    assert "Traceback" not in captured.out + captured.err
    assert broken.exists() and wrong.exists() and not copy.exists()


def test_in_an_encrypted_folder_the_passphrase_unseals_the_copy_to_list_and_restore(
    session: Path, folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    encrypt_folder(folder, PASS, cost=Cost(n=1 << 10))
    copy = copy_made_on_a_full_disk(session, MADE, monkeypatch)
    assert copy.read_bytes().startswith(MAGIC) and b"tired" not in copy.read_bytes()
    keys.forget()
    asked: list[str] = []

    def typed(prompt: str = "") -> str:
        asked.append(prompt)
        return PASS

    monkeypatch.setattr(getpass, "getpass", typed)
    assert main(["recover"]) == 0
    assert "opening, check in: tired today" in capsys.readouterr().out and len(asked) == 1
    keys.forget()
    assert main(["recover", "--restore"]) == 0 and len(asked) == 2
    assert not copy.exists()
    keys.unlock(folder, PASS)
    assert _answer(session, OTHER, "so-what", "supervisor") == MADE[1].text
