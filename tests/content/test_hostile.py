"""Every hostile content file is refused with its path and a reason: no traceback, no hang."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from supervise.cli import main
from supervise.content import ContentError, load_library
from supervise.content.yamlnodes import MAX_CONTENT_BYTES, read_located
from tests.content.hostile import BOMB, PROBES, write_huge, write_probe

LIMIT = 10.0
"""Seconds a refusal may take in a fresh process, start-up included (it takes well under one)."""


@pytest.mark.parametrize("name", sorted(PROBES))
def test_content_check_names_the_file_and_the_reason(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_probe(tmp_path, name)
    assert main(["content", "check", str(path)]) == 1
    out = capsys.readouterr()
    lines = out.out.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{path}:"), out
    assert PROBES[name][1] in lines[0]
    assert "Traceback" not in out.out + out.err


def _check_in_a_fresh_process(path: Path) -> str:
    """What ``supervise content check path`` prints, run in its own process within LIMIT."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "supervise", "content", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=LIMIT,
    )
    assert time.monotonic() - started < LIMIT
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    return done.stdout


def test_the_alias_bomb_is_refused_at_once_in_a_fresh_process(tmp_path: Path) -> None:
    assert len(BOMB.encode()) < 400
    path = write_probe(tmp_path, "alias-bomb")
    assert f"{path}:1: anchors and aliases" in _check_in_a_fresh_process(path)


def test_a_huge_file_is_refused_by_its_size_before_it_is_read(tmp_path: Path) -> None:
    path = write_huge(tmp_path)
    assert f"{path}:1: too large to be content (52.0 MB" in _check_in_a_fresh_process(path)


def test_a_file_that_is_not_a_regular_file_is_refused_not_waited_on(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ContentError, match="not a regular file"):
        read_located(fifo)
    with pytest.raises(ContentError, match="not a regular file"):
        load_library([tmp_path], include_env=False)
    with pytest.raises(ContentError, match="not a regular file"):
        load_library([fifo], include_env=False)


def test_plain_yaml_types_and_explicit_plain_tags_still_read(tmp_path: Path) -> None:
    path = tmp_path / "typed.yaml"
    path.write_text('a: !!str 12\nb: 12\nc: "12"\ne: [x, {f: true}]\n', "utf-8")
    root = read_located(path)
    assert isinstance(root.value, dict)
    values = {key: node.value for key, node in root.value.items()}
    assert values["a"] == "12" and values["b"] == 12 and values["c"] == "12"
    assert root.value["e"].line == 4


def test_a_file_just_under_the_cap_is_read(tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    path.write_text("text: " + "x" * (MAX_CONTENT_BYTES - 10) + "\n", encoding="utf-8")
    root = read_located(path)
    assert isinstance(root.value, dict)
