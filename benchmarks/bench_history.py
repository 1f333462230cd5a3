"""The History screen of a practitioner with many sessions, against a fresh session list."""

from __future__ import annotations

from pathlib import Path

from bench_data import Workspace, reindex
from bench_plan import HOME_ROWS, Plan
from bench_process import alternate, spawn
from bench_stats import Round, ratio_round, timed

from supervise.store.files import encode, load_tables

HISTORY_RATIO = 1.25
"""How much longer than a fresh session list the History screen may take to show."""
HISTORY_SESSIONS = 120
"""Sessions of the one practitioner whose History is shown."""
HISTORY_PERSON = "Hanna H."
"""That practitioner (a name no synthetic session has)."""


def history_store(workspace: Workspace) -> Path:
    """A copy of the home store where one practitioner has HISTORY_SESSIONS sessions."""
    folder = workspace.copy_store(HOME_ROWS, "history-store")
    files = sorted(p for p in folder.glob("*.json") if not p.name.startswith("."))
    for path in files[:HISTORY_SESSIONS]:
        tables = load_tables(path)
        assert tables is not None
        record = next(iter(tables["session"].values()))
        if record["practitioner"] != HISTORY_PERSON:
            record["practitioner"] = HISTORY_PERSON
            path.write_bytes(encode(tables)[1])
    reindex(folder)
    return folder


def history_figure(workspace: Workspace, plan: Plan) -> list[Round]:
    """The History screen of a practitioner with 120 sessions against a fresh session list."""
    folder = history_store(workspace)
    args = {"dir": str(folder), "count": HOME_ROWS, "practitioner": HISTORY_PERSON}
    homes: list[float] = []
    histories: list[float] = []

    def once() -> float:
        run = spawn(workspace.root, "history-ours", args)
        if run.result["sessions"] != HISTORY_SESSIONS:
            raise RuntimeError(f"History showed {run.result['sessions']} sessions")
        homes.append(float(run.result["home"]))
        histories.append(float(run.result["history"]))
        return histories[-1]

    alternate(plan.runs, [once], warm_up=plan.warm_up)
    if plan.warm_up:
        del homes[0], histories[0]
    return [
        ratio_round(
            f"History screen, {HISTORY_SESSIONS} sessions of one practitioner",
            timed(
                "in a running supervise with 1,000 sessions, asking for a practitioner's History "
                "to its first frame with the whole grid",
                "in the same process, pushing a fresh session list of the 1,000 sessions to its "
                "first frame with every row",
            ),
            histories,
            homes,
            limit=HISTORY_RATIO,
        )
    ]
