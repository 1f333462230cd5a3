"""``supervise list --json``, warm and cold, against fresh Pythons printing the same JSON."""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

from bench_data import INDEX_FILE, Workspace, drop_index, reindex
from bench_plan import Plan
from bench_process import ChildRun, alternate, run_process, spawn
from bench_stats import Round, ratio_round, timed

LIST_RATIO = 1.5
"""How much longer than its floor listing may take."""


def list_ours(folder: Path) -> ChildRun:
    """``python -m supervise list --json`` on ``folder``, start to exit."""
    command = [sys.executable, "-m", "supervise", "list", "--json", "--sessions-dir", str(folder)]
    return run_process(command, "supervise list --json")


class Listings:
    """Runs ours and a floor on one folder and checks that both print the same sessions."""

    def __init__(self, workspace: Workspace, folder: Path, count: int) -> None:
        """Listings of ``folder``, which holds ``count`` sessions."""
        self.workspace = workspace
        self.folder = folder
        self.count = count
        self._printed = ""

    def ours(self) -> float:
        """Seconds for supervise to list the folder; checks every session is printed."""
        run = list_ours(self.folder)
        listed = len(json.loads(run.stdout))
        if listed != self.count:
            raise RuntimeError(f"supervise list --json printed {listed} sessions, not {self.count}")
        self._printed = run.stdout
        return run.wall

    def floor(self, kind: str) -> float:
        """Seconds for the floor ``kind`` to list the folder; checks it printed what ours did."""
        run = spawn(self.workspace.root, kind, {"dir": str(self.folder)}, report=False)
        if run.stdout != self._printed and json.loads(run.stdout) != json.loads(self._printed):
            raise RuntimeError(f"{kind} printed other sessions than supervise list --json")
        return run.wall

    def index_floor(self) -> float:
        """Seconds for a fresh Python to print the listing from the folder's index."""
        return self.floor("list-index-floor")

    def files_floor(self) -> float:
        """Seconds for a fresh Python to print the listing from every session file."""
        return self.floor("list-files-floor")

    def cold(self) -> float:
        """Seconds for supervise to list the folder with its index removed first (untimed)."""
        drop_index(self.folder)
        return self.ours()


def list_figures(workspace: Workspace, plan: Plan) -> list[Round]:
    """Listing warm on a small and a large store and cold on the small one, and the growth."""
    rounds: list[Round] = []
    medians: dict[int, tuple[float, float]] = {}
    for count in plan.list_sizes:
        listing = Listings(workspace, workspace.store(count), count)
        reindex(listing.folder)
        ours, floor = alternate(
            plan.runs, [listing.ours, listing.index_floor], warm_up=plan.warm_up
        )
        medians[count] = statistics.median(ours), statistics.median(floor)
        rounds.append(
            ratio_round(
                f"list --json, warm, {count:,} sessions",
                timed(
                    f"python -m supervise list --json with a current {INDEX_FILE}, process start "
                    "to exit",
                    f"a fresh Python reading and parsing that {INDEX_FILE} and printing the same "
                    "JSON (checked equal), start to exit",
                ),
                ours,
                floor,
                limit=LIST_RATIO,
            )
        )
    small, large = plan.list_sizes
    listing = Listings(workspace, workspace.store(small), small)
    ours, floor = alternate(plan.runs, [listing.cold, listing.files_floor], warm_up=plan.warm_up)
    rounds.append(
        ratio_round(
            f"list --json, cold (no index), {small:,} sessions",
            timed(
                f"the same with {INDEX_FILE} removed (untimed) before each run, so every session "
                "file is read and the index written again",
                "a fresh Python reading and parsing every session file and printing the same "
                "JSON (checked equal)",
            ),
            ours,
            floor,
            limit=LIST_RATIO,
        )
    )
    linear = large / small
    span = f"{small // 1000}k → {large // 1000}k"
    for who, side in (("ours", 0), ("floor", 1)):
        rounds.append(
            Round(
                f"list growth, warm, {span}, {who}",
                timed(
                    f"the median warm list time of {large:,} sessions over that of {small:,} "
                    f"({'supervise' if who == 'ours' else 'its floor'})"
                ),
                value=medians[large][side] / medians[small][side],
                limit=linear if who == "ours" else None,
            )
        )
    return rounds
