"""``supervise export`` and ``supervise import`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from supervise.cli import main
from supervise.store import SessionFile, list_sessions


def _session(folder: Path, session_id: str, practitioner: str = "Sam") -> Path:
    with SessionFile.create(
        folder, mode="self-reflection", practitioner=practitioner, scope=["h3-25/pc/5"]
    ) as session:
        session.set_response("h3-25/pc/5", "what", "practitioner", "I kept *calm*.")
        path = session.path
    # Ids are random; these tests need ids that share a start.
    renamed = path.with_name(f"{path.name[:11]}{session_id}.json")
    tables = json.loads(path.read_text(encoding="utf-8"))
    tables["session"]["1"]["id"] = session_id
    renamed.write_text(json.dumps(tables), encoding="utf-8")
    path.unlink()
    return renamed


@pytest.fixture
def two(tmp_path: Path) -> Path:
    """A sessions folder with two sessions whose ids both start "ab"."""
    folder = tmp_path / "sessions"
    _session(folder, "abc12345")
    _session(folder, "abd99999", "Kim")
    return folder


def test_export_by_a_unique_prefix_prints_markdown(
    two: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = two
    assert main(["export", "abc", "--sessions-dir", str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Self-reflection record: Sam,") and "I kept \\*calm\\*." in out


def test_export_by_the_file_name_without_its_suffix(
    two: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The name a person sees in the folder, "2026-11-23-abc12345", names its session too."""
    folder = two
    stem = next(folder.glob("*abc12345.json")).stem
    assert main(["export", stem, "--sessions-dir", str(folder)]) == 0
    assert capsys.readouterr().out.startswith("# Self-reflection record: Sam,")


def test_an_ambiguous_prefix_lists_the_matches_and_unknown_says_so(
    two: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = two
    assert main(["export", "ab", "--sessions-dir", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "2 sessions have an id starting 'ab'" in err
    assert "abc12345" in err and "abd99999" in err and "Kim" in err
    assert main(["export", "zz", "--sessions-dir", str(folder)]) == 1
    assert "There is no session 'zz'" in capsys.readouterr().err


def test_export_to_a_file_by_path_then_import_it_elsewhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "sessions"
    path = _session(folder, "abc12345")
    page = tmp_path / "out" / "record.html"
    assert main(["export", str(path), "-o", str(page)]) == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert page.stat().st_mode & 0o777 == 0o600
    bundle = tmp_path / "record.bundle.json"
    assert main(["--sessions-dir", str(folder), "export", "abc1", "-o", str(bundle)]) == 0
    capsys.readouterr()
    other = tmp_path / "other"
    assert main(["import", str(bundle), "--sessions-dir", str(other)]) == 0
    assert "Imported as" in capsys.readouterr().out
    assert main(["import", str(bundle), "--sessions-dir", str(other)]) == 0
    assert "Nothing to do" in capsys.readouterr().out
    assert [s.id for s in list_sessions(other)] == ["abc12345"]


def test_import_refuses_a_truncated_bundle_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "sessions"
    _session(folder, "abc12345")
    bundle = tmp_path / "record.bundle.json"
    assert main(["--sessions-dir", str(folder), "export", "abc", "-o", str(bundle)]) == 0
    bundle.write_bytes(bundle.read_bytes()[:500])
    other = tmp_path / "other"
    assert main(["import", str(bundle), "--sessions-dir", str(other)]) == 1
    err = capsys.readouterr().err
    assert "truncated" in err and "Traceback" not in err
    assert not other.exists() or not list(other.iterdir())
    assert main(["import", str(tmp_path / "missing.json"), "--sessions-dir", str(other)]) == 1
    assert "cannot be read" in capsys.readouterr().err


def test_export_says_which_identifiers_remain_and_still_exports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "sessions"
    with SessionFile.create(folder, mode="self-reflection", practitioner="Sam") as session:
        session.update_record(summary="Lives at SW1A 1AA, NHS 943 476 5919.")
        path = session.path
    out = tmp_path / "record.md"
    assert main(["export", str(path), "-o", str(out), "--sessions-dir", str(folder)]) == 0
    err = capsys.readouterr().err
    assert "2 likely identifiers still in the record" in err
    assert "  Summary: a postcode (SW1A 1AA)" in err
    assert "  Summary: an NHS number (943 476 5919)" in err
    assert "943 476 5919" in out.read_text(encoding="utf-8")
    assert main(["export", str(path), "--sessions-dir", str(folder)]) == 0
    captured = capsys.readouterr()
    assert "SW1A 1AA" in captured.out and "still in the record" in captured.err
