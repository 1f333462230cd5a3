"""``supervise search``, against ``grep -rli`` over the same folder, and within a budget."""

from __future__ import annotations

import shutil
import statistics
import sys
from pathlib import Path

from bench_data import Workspace
from bench_plan import Plan
from bench_process import alternate, run_process
from bench_stats import MS, Round, ratio_round, timed

from supervise.store.files import encode, load_tables

SEARCH_RATIO = 1.5
"""How much longer than grep searching may take."""
SEARCH_BUDGET = 2.0
"""Seconds a search of the large store may take."""
RARE = "Zugzwang"
"""A word planted in one answer of one session: what people search for (a name, a moment)."""
COMMON = "tenant"
"""A word in most answers of most sessions: the worst case, every place printed."""


def plant(folder: Path, word: str) -> None:
    """Add ``word`` to the first answer of the first session file in ``folder`` (sorted)."""
    path = sorted(p for p in folder.glob("*.json") if not p.name.startswith("."))[0]
    tables = load_tables(path)
    assert tables is not None
    answer = next(iter(tables["responses"].values()))
    if word not in answer["text"]:
        answer["text"] += f" {word}"
        path.write_bytes(encode(tables)[1])


def search_store(workspace: Workspace, count: int) -> Path:
    """A copy of the ``count`` store with the rare word planted in it."""
    folder = workspace.copy_store(count, f"search-store-{count}")
    plant(folder, RARE)
    return folder


class Searches:
    """Ours and grep on one folder for one word; both must find the same sessions."""

    def __init__(self, folder: Path, word: str) -> None:
        """Searches of ``folder`` for ``word``."""
        self.folder = folder
        self.word = word

    def ours(self) -> float:
        """Seconds for ``python -m supervise search WORD``, start to exit."""
        command = [sys.executable, "-m", "supervise", "search", self.word]
        run = run_process([*command, "--sessions-dir", str(self.folder)], "supervise search")
        if "No session" in run.stdout:
            raise RuntimeError(f"supervise search found no {self.word!r}")
        return run.wall

    def grep(self) -> float:
        """Seconds for ``grep -rli WORD FOLDER``, start to exit."""
        grep = shutil.which("grep") or "grep"
        run = run_process([grep, "-rli", self.word, str(self.folder)], "grep -rli")
        if not run.stdout:
            raise RuntimeError(f"grep found no {self.word!r}")
        return run.wall


def search_figure(workspace: Workspace, plan: Plan) -> list[Round]:
    """A rare and a common word in the small store against grep, and in the large one timed."""
    rounds: list[Round] = []
    small, large = plan.list_sizes
    # The rare word is what people search for, and is judged; the common one (every place of
    # most sessions printed) is shown for what it costs.
    for word, which, judged in (
        (RARE, "a word in one session", True),
        (COMMON, "a word in most answers", False),
    ):
        searches = Searches(search_store(workspace, small), word)
        ours, floor = alternate(plan.runs, [searches.ours, searches.grep], warm_up=plan.warm_up)
        rounds.append(
            ratio_round(
                f"search, {which}, {small:,} sessions",
                timed(
                    "python -m supervise search WORD, process start to exit, every place "
                    "printed with its line",
                    "grep -rli WORD over the same folder (case-blind, as supervise is; only "
                    "file names printed), start to exit",
                ),
                ours,
                floor,
                limit=SEARCH_RATIO if judged else None,
            )
        )
        searches = Searches(search_store(workspace, large), word)
        (ours,) = alternate(plan.runs, [searches.ours], warm_up=plan.warm_up)
        rounds.append(
            Round(
                f"search, {which}, {large:,} sessions",
                timed("the same on the large store (the median, against a fixed budget)"),
                ours=tuple(ours),
                value=statistics.median(ours),
                shown=MS,
                # The budget is for 10,000 sessions; a quick run's smaller store is only shown.
                limit=SEARCH_BUDGET if judged and large >= 10_000 else None,
            )
        )
    return rounds
