"""Saving one changed answer of a 300-answer session, against the least an atomic save does."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import bench_synth
from bench_data import Workspace
from bench_plan import Plan
from bench_process import alternate
from bench_stats import Round, ratio_round, timed

from supervise.store import SessionFile
from supervise.store.files import FILE_MODE, fsync_dir, load_tables

SAVE_RATIO = 1.3
"""How much longer than its floor a save may take."""


def floor_write(path: Path, data: Any, *, escaped: bool) -> None:
    """The least an atomic save can do: encode, write a temporary file, fsync it, rename it."""
    text = json.dumps(data, ensure_ascii=escaped, check_circular=False)
    raw = text.encode("ascii" if escaped else "utf-8")
    temp = path.with_name(f".{path.name}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
    with open(fd, "wb") as file:
        file.write(raw)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temp, path)


def seconds(action: Callable[[], object]) -> float:
    """Seconds ``action`` takes."""
    began = time.perf_counter()
    action()
    return time.perf_counter() - began


def save_figure(workspace: Workspace, plan: Plan) -> list[Round]:
    """``SessionFile.set_response`` on a 300-answer session against atomic writes of its JSON."""
    path = workspace.fresh_big(workspace.root / "save")
    floor = path.with_name(".floor.json")  # hidden, so never listed as a session
    versions = iter(range(10**6))
    with SessionFile.open(path) as session:
        first = session.responses()[0]

        def ours() -> float:
            text = bench_synth.answer_text(50_000 + next(versions))
            took = seconds(lambda: session.set_response(first.item, first.stage, first.role, text))
            # Untimed, as the app's writer does it once typing pauses: a rename left unsynced
            # would be committed by the next fsync on the disk and charged to that write.
            session.sync()
            return took

        def floor_save(escaped: bool) -> float:
            data = load_tables(path)
            took = seconds(lambda: floor_write(floor, data, escaped=escaped))
            fsync_dir(floor.parent)
            return took

        mine, same, plain = alternate(
            plan.saves,
            [ours, lambda: floor_save(True), lambda: floor_save(False)],
            warm_up=plan.warm_up,
        )
    ours_timed = (
        "SessionFile.set_response on the 300-answer session: its whole JSON encoded escaped "
        "beyond ASCII, a temporary file, fsync, rename (the folder synced untimed after, as the "
        "writer does once saves pause)"
    )
    return [
        ratio_round(
            "save one changed answer, 300 answers",
            timed(
                ours_timed,
                "the same tables through json.dumps escaped the same way (ensure_ascii=True), "
                "a temporary file, fsync, rename",
            ),
            mine,
            same,
            limit=SAVE_RATIO,
        ),
        ratio_round(
            "save, against the plain floor (UTF-8 JSON)",
            timed(
                "the same",
                "the same floor writing UTF-8 (ensure_ascii=False), as JSON usually is: the "
                "store's escaping is a deliberate speed-up, and this row shows what it gains",
            ),
            mine,
            plain,
        ),
    ]
