"""The command line on an encrypted folder: a passphrase asked once with getpass (three tries),
--encrypt, supervise passphrase, and exports that are plain only with a warning."""

from __future__ import annotations

import base64
import functools
import getpass
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from supervise.cli import main
from supervise.records import passphrase as unlocking, sealed, sealed_cli
from supervise.store import SessionFile, keys
from supervise.store.rekey import encrypt_folder
from supervise.store.seal import MAGIC, Cost

FAST = Cost(n=1 << 10)
PASS = "correct horse battery"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An encrypted sessions folder (the one the tests' environment points at) with a session."""
    folder = tmp_path / "sessions"
    with SessionFile.create(
        folder, mode="self-reflection", practitioner="Zebedee", date="2026-11-01"
    ) as session:
        session.set_response("h3-25/pc/5", "what", "practitioner", "a private worry")
    encrypt_folder(folder, PASS, cost=FAST)
    keys.forget()
    return folder


def _typed(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """getpass answers ``answers`` in turn; returns the prompts it was shown."""
    prompts: list[str] = []
    left = list(answers)

    def fake(prompt: str = "") -> str:
        prompts.append(prompt)
        if not left:
            raise EOFError
        return left.pop(0)

    monkeypatch.setattr(getpass, "getpass", fake)
    return prompts


def test_list_asks_once_and_allows_three_tries(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    prompts = _typed(monkeypatch, "wrong one", "wrong two", PASS)
    assert main(["list"]) == 0
    captured = capsys.readouterr()
    assert "Zebedee" in captured.out
    assert "2 tries left" in captured.err and "1 try left" in captured.err
    assert len(prompts) == 3 and str(folder) in prompts[0]
    # Once unlocked, the same process does not ask again.
    assert main(["search", "worry"]) == 0 and len(prompts) == 3


def test_three_wrong_passphrases_leave_it_locked(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _typed(monkeypatch, "a", "b", "c", PASS)
    assert main(["list"]) == 1
    err = capsys.readouterr().err
    assert "Wrong passphrase 3 times" in err and "Traceback" not in err
    assert keys.needs_unlock(folder)


def test_encrypt_protects_a_plain_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = tmp_path / "plain"
    with SessionFile.create(plain, mode="self-reflection", practitioner="Zebedee") as session:
        path = session.path
    ask = _typed(monkeypatch, "short", "short", PASS, PASS)
    assert unlocking.encrypt(plain, getpass.getpass, cost=FAST)
    assert len(ask) == 4 and "at least 8" in capsys.readouterr().err
    assert path.read_bytes().startswith(MAGIC)


def test_passphrase_changes_it(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _typed(monkeypatch, PASS, "a brand new one", "a brand new one")
    assert unlocking.change(folder, getpass.getpass, cost=FAST) == 0
    assert "Passphrase changed: 1 file sealed again" in capsys.readouterr().err
    keys.forget()
    _typed(monkeypatch, "a brand new one")
    assert main(["list"]) == 0


def test_passphrase_on_a_plain_folder_says_how_to_encrypt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["passphrase", "--sessions-dir", str(tmp_path / "plain")]) == 1
    assert "--encrypt" in capsys.readouterr().err


def _fast_sealing(monkeypatch: pytest.MonkeyPatch) -> None:
    seal: Callable[..., bytes] = functools.partial(sealed.seal_export, cost=FAST)
    monkeypatch.setattr(sealed_cli, "seal_export", seal)


def test_a_plain_export_is_warned_about_and_a_sealed_one_imports(
    folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _fast_sealing(monkeypatch)
    session_id = next(folder.glob("2026-*.json")).stem[len("2026-11-01-") :]
    _typed(monkeypatch, PASS)
    plain = tmp_path / "plain.md"
    assert main(["export", session_id, "-o", str(plain)]) == 0
    assert "this export is plain text" in capsys.readouterr().err

    bundle = tmp_path / "sealed.json"
    _typed(monkeypatch, "export passphrase", "export passphrase")
    assert (
        main(["export", session_id, "--format", "json", "--encrypt-export", "-o", str(bundle)]) == 0
    )
    assert b"private worry" not in bundle.read_bytes() and b"Zebedee" not in bundle.read_bytes()

    other = tmp_path / "other"
    monkeypatch.setenv("SUPERVISE_SESSIONS_DIR", str(other))
    _typed(monkeypatch, "not it", "export passphrase")
    assert main(["import", str(bundle)]) == 0
    assert "Imported as" in capsys.readouterr().out
    _typed(monkeypatch, "x", "y", "z")
    assert main(["import", str(bundle)]) == 1
    assert "does not open it" in capsys.readouterr().err


def test_a_changed_sealed_export_is_refused_as_damaged(tmp_path: Path) -> None:
    raw = sealed.seal_export(b'{"a": 1}', "export passphrase", cost=FAST)
    assert sealed.open_export(raw, "export passphrase") == b'{"a": 1}'
    doc = json.loads(raw)
    body = bytearray(base64.b64decode(doc["sealed"]))
    body[-3] ^= 1
    doc["sealed"] = base64.b64encode(bytes(body)).decode()
    broken = json.dumps(doc).encode()
    with pytest.raises(sealed.SealedExportRefused, match="changed, cut short or damaged"):
        sealed.open_export(broken, "export passphrase")
    with pytest.raises(sealed.SealedExportRefused, match="does not open"):
        sealed.open_export(raw, "export passphrasE")


def test_encrypt_export_is_for_bundles_only(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _typed(monkeypatch, PASS)
    session_id = next(folder.glob("2026-*.json")).stem[len("2026-11-01-") :]
    assert main(["export", session_id, "--encrypt-export"]) == 1
    assert "JSON bundle only" in capsys.readouterr().err


def test_a_fresh_clone_s_sessions_folder_counts_as_a_first_run(tmp_path: Path) -> None:
    """The repository's sessions/ holds a README, and listing leaves an empty index: neither is
    a note, so the first start still offers a passphrase; one session, or a key file, is."""
    from supervise.records.passphrase import first_run

    folder = tmp_path / "sessions"
    assert first_run(folder)
    folder.mkdir()
    (folder / "README.md").write_text("Your sessions are kept here.\n")
    (folder / ".index.json").write_text("{}")
    assert first_run(folder)
    (folder / "2026-12-03-0123abcd.json").write_text("{}")
    assert not first_run(folder)
