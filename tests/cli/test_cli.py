"""The command line: content check, prompts, list, and the options every command honours."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from supervise.cli import main, sessions_dir
from supervise.store import SessionFile
from supervise.store.tidy import set_archived
from tests.cli.piping import read_one_line_and_leave
from tests.conftest import FIXTURES


def _json(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list)
    return data


def test_content_check_passes_for_the_shipped_content(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["content", "check"]) == 0
    assert "ok: 2 frameworks, 50 items, 2 reflective models" in capsys.readouterr().out


def test_content_check_names_file_and_line_for_a_broken_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: x\ntitle: [unclosed\nsource: y\n", encoding="utf-8")
    assert main(["content", "check", str(broken)]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith(f"{broken}:")
    assert "Traceback" not in out[0]


def test_a_framework_written_by_someone_else_validates_and_yields_prompts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = FIXTURES / "frameworks"
    assert main(["content", "check", str(folder)]) == 0
    capsys.readouterr()
    assert main(["prompts", "--content", str(folder), "--framework", "test-styles", "--json"]) == 0
    records = _json(capsys)
    assert records and all(r["framework"] == "test-styles" for r in records)


def test_prompts_json_lists_every_item_with_every_stage_of_both_models(
    capsys: pytest.CaptureFixture[str],
) -> None:
    stages = {"driscoll": {"what", "so-what", "now-what"}}
    stages["gibbs"] = {"description", "feelings", "evaluation", "analysis", "conclusion"}
    stages["gibbs"].add("action-plan")
    for model, expected in stages.items():
        assert main(["prompts", "--model", model, "--json"]) == 0
        records = _json(capsys)
        h3 = [r for r in records if r["framework"] == "h3-25"]
        cyp = [r for r in records if r["framework"] == "cyp-4.3"]
        assert len(h3) == 31 and len(cyp) == 19
        for record in records:
            assert set(record) == {
                "framework",
                "item",
                "kind",
                "handle",
                "statement",
                "points",
                "prompts",
            }
            assert 0 < len(str(record["handle"]).split()) <= 12
            prompts = record["prompts"]
            assert isinstance(prompts, list)
            found = {(p["stage"], p["role"]) for p in prompts}
            for stage in expected:
                assert {(stage, "practitioner"), (stage, "supervisor")} <= found, record["item"]


def test_prompts_readable_output_shows_item_references(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["prompts", "--framework", "h3-25"]) == 0
    out = capsys.readouterr().out
    assert "h3-25/k/c · the limits of your role  (knowledge)" in out
    assert "h3-25/pc/5 · to deal with challenging behaviour  (performance)" in out
    assert "    Practitioner  " in out and "    Supervisor    " in out


def test_prompts_readable_output_titles_each_items_own_stages(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """One item's sub-points in two groups do not retitle another item's single group."""
    assert main(["prompts", "--framework", "cyp-4.3"]) == 0
    blocks = capsys.readouterr().out.split("\n\n")
    k3 = next(block for block in blocks if block.startswith("cyp-4.3/k/3 "))
    assert "  Which points apply\n" in k3 and "(1 of" not in k3


def test_unknown_framework_or_model_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["prompts", "--framework", "nope"]) == 2
    assert "unknown framework 'nope'" in capsys.readouterr().err
    assert main(["prompts", "--model", "nope"]) == 2
    assert "unknown model 'nope'" in capsys.readouterr().err


def test_broken_extra_content_stops_every_command_with_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bad.yaml").write_text("id: [\n", encoding="utf-8")
    monkeypatch.setenv("SUPERVISE_CONTENT", str(tmp_path))
    assert main(["prompts"]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'bad.yaml'}:" in err and "Traceback" not in err


def test_list_json_describes_each_session(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "elsewhere"
    with SessionFile.create(
        folder, mode="supervision", practitioner="Sam", supervisor="Alex", scope=["h3-25/pc/1"]
    ) as session:
        session.set_response("h3-25/pc/1", "what", "practitioner", "yes")
        session.set_bring_to_supervision("h3-25/pc/1", True)
        session.update_record(next_date="2026-12-24")
        expected_id = session.record.id
    assert main(["list", "--json", "--sessions-dir", str(folder)]) == 0
    [row] = _json(capsys)
    assert row["id"] == expected_id and row["answered"] == 1 and row["total"] == 1
    assert row["flagged"] == ["h3-25/pc/1"] and row["frameworks"] == ["h3-25"]
    assert row["next_date"] == "2026-12-24"
    assert set(row) == {
        "id",
        "file",
        "mode",
        "practitioner",
        "supervisor",
        "date",
        "status",
        "answered",
        "total",
        "next_date",
        "frameworks",
        "flagged",
        # Why a damaged session cannot be opened (empty for one that can).
        "problem",
        "archived",
    }
    assert row["problem"] == ""
    assert row["archived"] is False
    assert main(["--sessions-dir", str(folder), "list"]) == 0
    assert "Sam with Alex" in capsys.readouterr().out


def test_list_leaves_archived_sessions_out_unless_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "s"
    names = []
    for who in ("Sam", "Robin"):
        with SessionFile.create(
            folder, mode="supervision", practitioner=who, supervisor="Alex", scope=["h3-25/pc/1"]
        ) as session:
            names.append(session.path.name)
    set_archived(folder, names[0], True)
    assert main(["list", "--sessions-dir", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Robin with Alex" in out and "Sam" not in out
    assert "1 archived session is not listed: 'list --archived' lists them." in out
    assert main(["list", "--archived", "--sessions-dir", str(folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert [line.endswith("(archived)") for line in lines if "Sam" in line] == [True]
    assert main(["list", "--json", "--sessions-dir", str(folder)]) == 0
    assert [row["practitioner"] for row in _json(capsys)] == ["Robin"]
    assert main(["list", "--json", "--archived", "--sessions-dir", str(folder)]) == 0
    rows = _json(capsys)
    assert sorted((row["practitioner"], row["archived"]) for row in rows) == [
        ("Robin", False),
        ("Sam", True),
    ]
    set_archived(folder, names[1], True)
    assert main(["list", "--sessions-dir", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "No sessions" not in out and "2 archived sessions are not listed" in out


def test_list_of_a_missing_folder_is_friendly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", "--sessions-dir", str(tmp_path / "none")]) == 0
    assert "No sessions" in capsys.readouterr().out


def test_sessions_dir_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPERVISE_SESSIONS_DIR", "/from/env")
    assert sessions_dir("/given") == Path("/given")
    assert sessions_dir(None) == Path("/from/env")
    monkeypatch.delenv("SUPERVISE_SESSIONS_DIR")
    assert sessions_dir(None) == Path("sessions")


def test_output_cut_short_by_its_reader_is_not_an_error() -> None:
    # `supervise prompts | head -1`: the reader leaves after the first line.
    command = [sys.executable, "-m", "supervise", "prompts", "--framework", "h3-25"]
    code, errors = read_one_line_and_leave(command)
    assert code == 0 and "Traceback" not in errors and "BrokenPipe" not in errors
