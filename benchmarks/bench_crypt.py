"""Encryption at rest: start and save on a sealed folder against the same folder plain, and
the time unlocking takes (scrypt at the product's cost)."""

from __future__ import annotations

import shutil
import statistics
import time
from pathlib import Path

import bench_synth
from bench_data import Workspace, reindex
from bench_figures import READY
from bench_plan import HOME_ROWS, Plan
from bench_process import alternate, spawn
from bench_stats import Round, ratio_round, timed

from supervise.store import SessionFile, keys
from supervise.store.rekey import encrypt_folder
from supervise.store.seal import DEFAULT_COST

PASSPHRASE = "a benchmark passphrase"
"""The passphrase of the benchmark's sealed folders."""
START_RATIO = 1.3
"""How much longer than on the same folder plain a start may take (unlocking aside)."""
SAVE_RATIO = 1.5
"""How much longer than the same save plain a sealed save may take."""
UNLOCK_MOST = 1.0
"""Seconds unlocking may take at most: once per start, while the person waits."""
UNLOCK_LEAST = 0.3
"""Seconds unlocking should take at least: what makes each guess of a passphrase costly."""


def sealed_copy(source: Path, target: Path) -> Path:
    """A copy of the folder ``source`` at ``target``, sealed at the product's cost (untimed)."""
    if not target.exists():
        shutil.copytree(source, target, copy_function=shutil.copy2)
        encrypt_folder(target, PASSPHRASE, cost=DEFAULT_COST)
    elif keys.unlocked(target) is None:
        keys.unlock(target, PASSPHRASE)
    return target


def start_figure(workspace: Workspace, plan: Plan) -> list[Round]:
    """Warm starts to an interactive home screen of 1,000 sessions, sealed and plain."""
    plain = workspace.copy_store(HOME_ROWS, "start-store")
    sealed = sealed_copy(plain, workspace.root / "start-store-sealed")
    kdf: list[float] = []

    def start(folder: Path, kind: str) -> float:
        reindex(folder)
        args = {"dir": str(folder), "count": HOME_ROWS, "passphrase": PASSPHRASE}
        run = spawn(workspace.root, kind, args)
        spent = float(run.result.get("kdf", 0.0))
        if spent:
            kdf.append(spent)
        return run.since_start("ready") - spent

    sealed_runs, plain_runs = alternate(
        plan.runs,
        [lambda: start(sealed, "home-ours-sealed"), lambda: start(plain, "home-ours")],
        warm_up=plan.warm_up,
    )
    return [
        ratio_round(
            "start, warm, 1,000 sessions, encrypted",
            timed(
                f"supervise on the folder sealed, {READY}, less the time its unlocking took "
                f"in that process (median {statistics.median(kdf) * 1000:.0f} ms: its own row)",
                "the same on the same folder plain",
            ),
            sealed_runs,
            plain_runs,
            limit=START_RATIO,
        )
    ]


def save_figure(workspace: Workspace, plan: Plan) -> list[Round]:
    """One changed answer of the 300-answer session saved, sealed against plain."""
    plain_folder = workspace.root / "save-crypt-plain"
    path = workspace.fresh_big(plain_folder)
    sealed_folder = sealed_copy(plain_folder, workspace.root / "save-crypt-sealed")
    versions = iter(range(10**6))

    def save(session: SessionFile) -> float:
        first = session.responses()[0]
        text = bench_synth.answer_text(70_000 + next(versions))
        began = time.perf_counter()
        session.set_response(first.item, first.stage, first.role, text)
        took = time.perf_counter() - began
        session.sync()  # untimed, as the writer syncs the folder once saves pause
        return took

    with (
        SessionFile.open(sealed_folder / path.name) as sealed,
        SessionFile.open(path) as plain,
    ):
        mine, theirs = alternate(
            plan.saves, [lambda: save(sealed), lambda: save(plain)], warm_up=plan.warm_up
        )
    return [
        ratio_round(
            "save one changed answer, 300 answers, encrypted",
            timed(
                "SessionFile.set_response on the 300-answer session in a sealed folder: JSON, "
                "AES-256-GCM, a temporary file, fsync, rename",
                "the same on the same session in a plain folder",
            ),
            mine,
            theirs,
            limit=SAVE_RATIO,
        )
    ]


def unlock_figure(workspace: Workspace, plan: Plan) -> list[Round]:
    """Unlocking a sealed folder: scrypt at the product's cost, then the data key unwrapped."""
    folder = sealed_copy(workspace.copy_store(HOME_ROWS, "start-store"), workspace.root / "unlock")
    took = []
    for _ in range(plan.runs):
        keys.forget(folder)
        began = time.perf_counter()
        keys.unlock(folder, PASSPHRASE)
        took.append(time.perf_counter() - began)
    median = statistics.median(took)
    what = (
        f"keys.unlock on a sealed folder: scrypt n={DEFAULT_COST.n}, r={DEFAULT_COST.r}, "
        f"p={DEFAULT_COST.p} ({DEFAULT_COST.memory_mb} MB) and the data key unwrapped"
    )
    return [
        Round(
            "unlock (scrypt), at most 1 s",
            timed(f"{what}, median over the budget of {UNLOCK_MOST:g} s"),
            ours=tuple(took),
            value=median / UNLOCK_MOST,
            limit=1.0,
        ),
        Round(
            "unlock (scrypt), at least 0.3 s",
            timed(f"{UNLOCK_LEAST:g} s over that median: at most 1× when each guess costs that"),
            ours=tuple(took),
            value=UNLOCK_LEAST / median,
            limit=1.0,
        ),
    ]


def crypt_figure(workspace: Workspace, plan: Plan) -> list[Round]:
    """Every encryption row: start, save, unlock."""
    return [
        *start_figure(workspace, plan),
        *save_figure(workspace, plan),
        *unlock_figure(workspace, plan),
    ]
