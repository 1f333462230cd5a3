"""Each figure of the table: run ours and its baseline the same way, interleaved, and compare."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import bench_synth
from bench_data import Workspace
from bench_stats import MIB, MS, Row, Stats, judged, summarise

from supervise.store import SessionFile
from supervise.store.files import FILE_MODE, fsync_dir, load_tables
from supervise.store.writer import SETTLE_AFTER

CHILD = Path(__file__).resolve().with_name("bench_child.py")
"""The script every measured process runs."""
CHILD_TIMEOUT = 120.0
"""Seconds before a measured process is taken to have hung."""
HOME_ROWS = 1000
"""Sessions in the store the home screen, memory and open figures use."""


@dataclass(frozen=True)
class Plan:
    """How much to measure: repeats per figure and the store sizes."""

    starts: int
    """Start-up runs of ours and of the baseline (the memory figure comes from the same runs)."""
    lists: int
    """Runs of each list command per store size."""
    list_sizes: tuple[int, int]
    """The small and the large store for the list figures."""
    saves: int
    """Saves of one changed answer."""
    opens: int
    """Runs that open the big session."""
    typings: int
    """Typing runs of ours and of the baseline."""
    typed: int = 500
    """Characters typed per run."""
    burst: int = 100
    """Characters typed between pauses (each pause lets the debounced autosave run)."""
    warm_up: bool = True
    """Whether every figure first runs ours and its baseline once, untimed (the start-up figure,
    measured first, always does: it warms the file cache for the rest)."""


FULL = Plan(starts=10, lists=7, list_sizes=(1000, 10000), saves=100, opens=8, typings=5, burst=100)
"""The full run: about two minutes on two cores."""
QUICK = Plan(
    starts=3,
    lists=3,
    list_sizes=(1000, 3000),
    # Saves take milliseconds, and a disk's sync time varies from one to the next.
    saves=40,
    opens=5,
    typings=2,
    burst=250,
    warm_up=False,
)
"""The CI run: under a minute on two cores."""


class ChildFailed(RuntimeError):
    """A measured process exited with an error."""

    def __init__(self, what: str, code: int, stderr: str) -> None:
        tail = "\n".join(stderr.strip().splitlines()[-15:])
        super().__init__(f"{what} exited with {code}:\n{tail}")


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """This environment without supervise's own settings, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUPERVISE_")}
    return {**env, **(extra or {})}


@dataclass(frozen=True)
class ChildRun:
    """One measured process: when it was started and ended (monotonic) and what it reported."""

    began: float
    ended: float
    result: dict[str, Any]
    stdout: str

    def since_start(self, key: str) -> float:
        """Seconds from process start to the moment the child reported as ``key``."""
        return float(self.result[key]) - self.began

    @property
    def wall(self) -> float:
        """Seconds from process start to process exit."""
        return self.ended - self.began


def run_process(
    command: Sequence[str],
    what: str,
    result_file: Path | None = None,
    env: dict[str, str] | None = None,
) -> ChildRun:
    """Run ``command`` to the end; its timings and (if it writes one) its result file."""
    began = time.monotonic()
    done = subprocess.run(
        command,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=child_env(env),
        timeout=CHILD_TIMEOUT,
        check=False,
    )
    ended = time.monotonic()
    if done.returncode != 0:
        raise ChildFailed(what, done.returncode, done.stderr)
    result: dict[str, Any] = {}
    if result_file is not None:
        result = json.loads(result_file.read_text(encoding="utf-8"))
        result_file.unlink()
    return ChildRun(began, ended, result, done.stdout)


def spawn(
    workspace: Workspace, kind: str, args: dict[str, Any], env: dict[str, str] | None = None
) -> ChildRun:
    """Run ``bench_child.py kind`` in a fresh interpreter (with ``env`` added).

    supervise's cache folder is the workspace's, so runs share the content copy the first one
    makes, as one person's starts do, and nothing is left in the real cache folder.
    """
    result_file = workspace.root / f"result-{kind}.json"
    command = [sys.executable, str(CHILD), kind, json.dumps(args), str(result_file)]
    cache = {"SUPERVISE_CACHE_DIR": str(workspace.root / "cache")}
    return run_process(command, kind, result_file, {**cache, **(env or {})})


def interleaved(
    repeats: int,
    ours: Callable[[], float],
    baseline: Callable[[], float],
    *,
    warm_up: bool = True,
) -> tuple[Stats, Stats]:
    """Measure ours and the baseline alternately, after one untimed run of each if ``warm_up``."""
    if warm_up:
        ours()
        baseline()
    mine: list[float] = []
    theirs: list[float] = []
    for _ in range(repeats):
        mine.append(ours())
        theirs.append(baseline())
    return summarise(mine), summarise(theirs)


# -- start-up and memory --------------------------------------------------------------------------


def home_figures(workspace: Workspace, plan: Plan) -> list[Row]:
    """Start to an interactive home screen with 1,000 sessions, and peak memory there."""
    folder = workspace.store(HOME_ROWS)
    rss: dict[str, list[float]] = {"ours": [], "baseline": []}
    painted: dict[str, list[float]] = {"ours": [], "baseline": []}

    def start(kind: str, args: dict[str, Any], who: str) -> float:
        run = spawn(workspace, kind, args)
        rss[who].append(float(run.result["peak_rss_kib"]))
        painted[who].append(run.since_start("painted"))
        return run.since_start("ready")

    ours, baseline = interleaved(
        plan.starts,
        lambda: start("home-ours", {"dir": str(folder), "count": HOME_ROWS}, "ours"),
        lambda: start(
            "home-baseline", {"count": HOME_ROWS, "big_items": workspace.big.items}, "baseline"
        ),
    )
    first = {who: summarise(times).median for who, times in painted.items()}
    note = (
        "ready = the frame after the table answered a key; first frame with every row: "
        f"ours {MS.show(first['ours'])}, baseline {MS.show(first['baseline'])} (medians)"
    )
    # Every run's memory counts, warm-up included: peak memory does not warm up.
    memory = (summarise(rss["ours"]), summarise(rss["baseline"]))
    return [
        judged("start to home screen, 1,000 sessions", ours, baseline, MS, 1.25, notes=[note]),
        judged("peak memory (RSS), home, 1,000 sessions", *memory, MIB, 1.3),
    ]


# -- list --json ----------------------------------------------------------------------------------


def list_ours(folder: Path, count: int) -> float:
    """Seconds for ``python -m supervise list --json`` on ``folder``, checked for ``count`` rows."""
    command = [sys.executable, "-m", "supervise", "list", "--json", "--sessions-dir", str(folder)]
    run = run_process(command, "supervise list --json")
    listed = len(json.loads(run.stdout))
    if listed != count:
        raise RuntimeError(f"supervise list --json printed {listed} sessions, expected {count}")
    return run.wall


def list_baseline(workspace: Workspace, count: int) -> float:
    """Seconds for a fresh Python to read and print ``count`` summary-sized JSON files."""
    run = spawn(workspace, "list-baseline", {"dir": str(workspace.summaries(count))})
    if run.result["count"] != count:
        raise RuntimeError(f"the list baseline read {run.result['count']} files, not {count}")
    return run.wall


def list_pair(workspace: Workspace, plan: Plan, count: int) -> tuple[Stats, Stats]:
    """``supervise list --json`` and its baseline on stores of ``count`` sessions."""
    folder = workspace.store(count)
    workspace.summaries(count)
    return interleaved(
        plan.lists,
        lambda: list_ours(folder, count),
        lambda: list_baseline(workspace, count),
        warm_up=plan.warm_up,
    )


def list_figures(workspace: Workspace, plan: Plan) -> list[Row]:
    """``supervise list --json`` on a small and a large store, and how it grows between them."""
    rows: list[Row] = []
    medians: dict[int, tuple[Stats, Stats]] = {}
    for count in plan.list_sizes:
        ours, baseline = medians[count] = list_pair(workspace, plan, count)
        rows.append(judged(f"supervise list --json, {count:,} sessions", ours, baseline, MS, 1.5))
    small, large = plan.list_sizes
    linear = large / small
    growth = medians[large][0].median / medians[small][0].median
    floor_growth = medians[large][1].median / medians[small][1].median
    rows.append(
        Row(
            f"list growth {small:,} → {large:,} (t{large // 1000}k / t{small // 1000}k)",
            ratio=growth,
            ratio_text=f"{growth:.2f}× (baseline {floor_growth:.2f}×)",
            target=f"≤ {linear:g}× (linear)",
            verdict="PASS" if growth <= linear else "MISS",
        )
    )
    return rows


# -- saving one answer ----------------------------------------------------------------------------


def floor_write(path: Path, data: Any, *, sync_folder: bool, escaped: bool = False) -> None:
    """The least an atomic save can do: dumps, write a temporary file, fsync, rename."""
    raw = json.dumps(data, ensure_ascii=escaped).encode("utf-8")
    temp = path.with_name(f".{path.name}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
    with open(fd, "wb") as file:
        file.write(raw)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temp, path)
    if sync_folder:
        folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def timed(action: Callable[[], object]) -> float:
    """Seconds ``action`` takes."""
    began = time.perf_counter()
    action()
    return time.perf_counter() - began


def save_figure(workspace: Workspace, plan: Plan) -> list[Row]:
    """``SessionFile.set_response`` on a 300-answer session against the floor of an atomic write."""
    path = workspace.fresh_big(workspace.root / "save")
    floor = path.with_name(".floor.json")  # hidden, so never listed as a session
    escaped: list[float] = []
    with_folder: list[float] = []
    versions = iter(range(10**6))
    with SessionFile.open(path) as session:
        first = session.responses()[0]

        def ours() -> float:
            text = bench_synth.answer_text(50_000 + next(versions))
            took = timed(lambda: session.set_response(first.item, first.stage, first.role, text))
            # Untimed, as the app's writer does it once typing pauses: a rename left unsynced
            # would be committed by the next fsync on the disk and charged to that write.
            session.sync()
            return took

        def baseline() -> float:
            data = load_tables(path)
            took = timed(lambda: floor_write(floor, data, sync_folder=False))
            fsync_dir(floor.parent)
            escaped.append(timed(lambda: floor_write(floor, data, sync_folder=False, escaped=True)))
            fsync_dir(floor.parent)
            with_folder.append(timed(lambda: floor_write(floor, data, sync_folder=True)))
            return took

        mine, theirs = interleaved(plan.saves, ours, baseline, warm_up=plan.warm_up)
    same_encoding = summarise(escaped).median
    notes = [
        f"the store writes JSON escaped beyond ASCII, which encodes in half the time; the floor "
        f"written that way: {MS.show(same_encoding)}, ratio against that "
        f"{mine.median / same_encoding:.2f}×",
        f"a save does not sync the folder: the app's writer does once no save has come for "
        f"{SETTLE_AFTER:g} s, and on ctrl+s and leaving; the floor with a folder sync: "
        f"{MS.show(summarise(with_folder).median)}",
    ]
    return [judged("save one changed answer, 300 answers", mine, theirs, MS, 1.3, notes=notes)]


# -- opening a session ----------------------------------------------------------------------------

OPEN_EXTRA_MS = 150.0
"""How much longer than reaching the home screen opening the big session may take."""


def open_figure(workspace: Workspace, plan: Plan) -> list[Row]:
    """Start, then open the 300-answer session at its last item; against reaching home."""
    folder = workspace.copy_store(HOME_ROWS, "open-store")
    homes: list[float] = []
    opens: list[float] = []
    rss: list[float] = []
    skip = 1 if plan.warm_up else 0
    for number in range(plan.opens + skip):
        path = workspace.fresh_big(folder)
        args = {"dir": str(folder), "count": HOME_ROWS, "path": str(path)}
        run = spawn(workspace, "open-ours", {**args, "ref": workspace.big.last_ref})
        if number >= skip:
            homes.append(run.since_start("home"))
            opens.append(run.since_start("ready"))
            rss.append(float(run.result["peak_rss_kib"]))
    extra = summarise([o - h for o, h in zip(opens, homes, strict=True)])
    ours, home = summarise(opens), summarise(homes)
    ratio = ours.median / home.median
    return [
        Row(
            "open 300-answer session at last item",
            ours,
            home,
            MS,
            ratio,
            ratio_text=f"{ratio:.2f}× (+{MS.show(extra.median)})",
            target=f"≤ +{OPEN_EXTRA_MS:g} ms",
            verdict="PASS" if extra.median * 1000 <= OPEN_EXTRA_MS else "MISS",
            notes=[
                f"baseline = start to home screen in the same runs; extra p95 {MS.show(extra.p95)}"
                f"; peak memory with it open {MIB.show(summarise(rss).median)}"
            ],
        )
    ]


# -- typing ---------------------------------------------------------------------------------------


def save_delay() -> float:
    """How long supervise waits after the last key before saving an answer."""
    from supervise.app.widgets.prompt_field import SAVE_DELAY

    return float(SAVE_DELAY)


TYPING_ENV = {"TEXTUAL_FPS": "1000"}
"""Let the screen repaint straight after each key rather than at the next 1/60 s tick, so the
wait for a frame after every key measures work, not the frame clock."""


@dataclass
class TypedInto:
    """What supervise's answer area held before typing, for the baseline to copy."""

    text: str = ""
    css: str = ""
    unsaved: int = 0
    """Runs after which the typed text was not in the session file."""


def typing_figure(workspace: Workspace, plan: Plan) -> list[Row]:
    """Typing 500 characters into an answer with autosave on, against a bare TextArea."""
    folder = workspace.root / "typing"
    text = bench_synth.typed_text(plan.typed)
    keys = {"typed": text, "burst": plan.burst, "pause": save_delay() + 0.1}
    # The baseline's TextArea holds the same text, sized by the same rules, as the one supervise
    # showed: ours always runs first, so that is known in time.
    seen = TypedInto()

    def ours() -> float:
        path = workspace.fresh_big(folder)
        args = {**keys, "dir": str(folder), "path": str(path), "ref": workspace.big.last_ref}
        run = spawn(workspace, "type-ours", args, TYPING_ENV)
        seen.text, seen.css = run.result["initial"], run.result["css"]
        seen.unsaved += 0 if run.result["saved"] else 1
        return float(run.result["typing"])

    def baseline() -> float:
        args = {**keys, "initial": seen.text, "css": seen.css}
        return float(spawn(workspace, "type-baseline", args, TYPING_ENV).result["typing"])

    mine, theirs = interleaved(plan.typings, ours, baseline, warm_up=plan.warm_up)
    notes = [
        f"{plan.typed} keys, each waited for until handled and painted (TEXTUAL_FPS=1000), "
        f"in bursts of {plan.burst}; after each burst an untimed {keys['pause']:.2f} s pause "
        "lets the debounced autosave run"
    ]
    if seen.unsaved:
        notes.append(f"the typed text was NOT in the session file after {seen.unsaved} run(s)")
    return [judged("typing 500 characters, autosave on", mine, theirs, MS, 1.15, notes=notes)]


# -- export ---------------------------------------------------------------------------------------


def has_export() -> bool:
    """Whether supervise has an export module or an ``export`` command yet."""
    if importlib.util.find_spec("supervise.export") is not None:
        return True
    command = [sys.executable, "-m", "supervise", "export", "--help"]
    done = subprocess.run(command, capture_output=True, env=child_env(), check=False)
    return done.returncode == 0


def export_figure(workspace: Workspace, plan: Plan) -> list[Row]:
    """Exporting a 300-answer session to HTML: not measured until export exists."""
    if not has_export():
        return [Row("export 300-answer session to HTML", ratio_text="not yet (no export)")]
    return [
        Row(
            "export 300-answer session to HTML",
            ratio_text="export exists: add its figure",
            notes=["supervise now has an export; benchmarks/bench_figures.py has no figure yet"],
        )
    ]


FIGURES: dict[str, Callable[[Workspace, Plan], list[Row]]] = {
    "home": home_figures,
    "list": list_figures,
    "save": save_figure,
    "open": open_figure,
    "typing": typing_figure,
    "export": export_figure,
}
"""Every figure by name, in the order the table shows them."""
