"""The app's figures: start (cold and warm), memory, opening a session, typing, export.

Each runs ours and its baselines in fresh processes, alternately, and returns this round's rows.
"""

from __future__ import annotations

import statistics
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import bench_synth
from bench_data import Workspace, drop_index, reindex
from bench_export import export_figure
from bench_history import history_figure
from bench_list import list_figures
from bench_plan import FSYNC_DELAY, HOME_ROWS, Plan
from bench_process import alternate, spawn
from bench_save import save_figure
from bench_search import search_figure
from bench_stats import MIB, MS, Round, percentile, ratio_round, timed

# -- start-up and memory --------------------------------------------------------------------------

READY = "process start to the frame after its table of 1,000 sessions answered a key"
"""When a start is over, in the words of the rows' descriptions."""


def start_figure(workspace: Workspace, plan: Plan) -> list[Round]:
    """Cold and warm starts to an interactive home screen with 1,000 sessions, and memory."""
    folder = workspace.copy_store(HOME_ROWS, "start-store")
    ours_args = {"dir": str(folder), "count": HOME_ROWS}
    bare_args = {"rows": workspace.home_rows(HOME_ROWS)}
    rss: dict[str, list[float]] = {"ours": [], "bare": []}

    def start(kind: str, args: dict[str, Any], memory: str = "", cache: str = "") -> float:
        env = {"SUPERVISE_CACHE_DIR": cache} if cache else None
        run = spawn(workspace.root, kind, args, env)
        if memory:
            rss[memory].append(float(run.result["peak_rss_kib"]))
        return run.since_start("ready")

    def cold() -> float:
        drop_index(folder)
        empty = tempfile.mkdtemp(prefix="cold-cache-", dir=workspace.root)
        return start("home-ours", ours_args, cache=empty)

    def warm() -> float:
        reindex(folder)
        return start("home-ours", ours_args, "ours")

    def bare() -> float:
        return start("home-bare", bare_args, "bare")

    # Warm starts find the content cache this start leaves (and the index, made untimed).
    start("home-ours", ours_args)
    colds, bares, warms = alternate(plan.runs, [cold, bare, warm], warm_up=plan.warm_up)
    baseline = "a bare Textual app (Header, DataTable, Footer) given the same rows, " + READY
    return [
        ratio_round(
            "start, cold, 1,000 sessions",
            timed(
                "supervise in a fresh process with no session index and an empty content cache "
                f"(the OS file cache stays warm), {READY}",
                baseline,
            ),
            colds,
            bares,
            limit=1.5,
        ),
        ratio_round(
            "start, warm, 1,000 sessions",
            timed("the same with the index and the content cache earlier starts left", baseline),
            warms,
            bares,
            limit=1.15,
        ),
        ratio_round(
            "peak memory (RSS), home, 1,000 sessions",
            timed("peak RSS of the warm starts at that frame", "the bare app's, the same"),
            rss["ours"],
            rss["bare"],
            unit=MIB,
            limit=1.3,
        ),
    ]


# -- opening a session ----------------------------------------------------------------------------

OPEN_RATIO = 1.25
"""How much longer than the bare app opening the big session may take."""
OPEN_AFTER_HOME = 0.1
"""Seconds opening the big session may take once the home screen is interactive."""


def describe_widgets(widgets: list[list[Any]]) -> str:
    """How many widgets of each kind ``widgets`` holds, in words."""
    counts = Counter(kind for kind, _ in widgets)
    names = {"label": "labels", "area": "text areas", "options": "option lists"}
    return ", ".join(
        f"{counts[kind]} {name if counts[kind] > 1 else name[:-1]}"
        for kind, name in names.items()
        if counts[kind]
    )


def open_figure(workspace: Workspace, plan: Plan) -> list[Round]:
    """Open the 300-answer session at its last item from the home screen, against a bare app."""
    folder = workspace.copy_store(HOME_ROWS, "open-store")
    rows = workspace.home_rows(HOME_ROWS)
    # The baseline shows what supervise showed: ours always runs first, so that is known in time.
    shown: list[list[Any]] = []
    opened: list[str] = []

    def ours() -> float:
        path = workspace.fresh_big(folder)
        opened[:] = [str(path)]
        args = {"dir": str(folder), "count": HOME_ROWS, "path": str(path)}
        run = spawn(workspace.root, "open-ours", {**args, "ref": workspace.big.last_ref})
        shown[:] = run.result["widgets"]
        return float(run.result["ready"] - run.result["home"])

    def bare() -> float:
        args = {"rows": rows, "widgets": shown, "path": opened[0]}
        run = spawn(workspace.root, "open-bare", args)
        return float(run.result["ready"] - run.result["home"])

    mine, theirs = alternate(plan.runs, [ours, bare], warm_up=plan.warm_up)
    ours_timed = (
        "from the home screen (1,000 sessions) answering a key to the first frame of the walk at "
        "the last item with the cursor in an answer"
    )
    return [
        ratio_round(
            "open 300-answer session at its last item",
            timed(
                ours_timed,
                "the bare home app reading and parsing the same session file, then pushing a "
                f"screen of the widgets supervise showed ({describe_widgets(shown)}, the same "
                "text), to its first frame with the cursor in the first text area",
            ),
            mine,
            theirs,
            limit=OPEN_RATIO,
            extra=True,
        ),
        Round(
            "open, time beyond the home screen's start",
            timed(f"{ours_timed} (the median, against a fixed budget)"),
            ours=tuple(mine),
            value=statistics.median(mine),
            shown=MS,
            limit=OPEN_AFTER_HOME,
            notes=(
                "the bare app took "
                f"{statistics.median(theirs) * 1000:.0f} ms (median) for the widgets supervise "
                "showed, in the same round",
            ),
        ),
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


def typing_figure(workspace: Workspace, plan: Plan) -> list[Round]:
    """Typing into an answer with autosave on, against a bare TextArea and on a slowed disk."""
    folder = workspace.root / "typing"
    text = bench_synth.typed_text(plan.typed)
    keys = {"typed": text, "burst": plan.burst, "pause": save_delay() + 0.1}
    seen = TypedInto()
    # Each run's 95th percentile and slowest key, by the delay added to every fsync.
    p95s: dict[float, list[float]] = {0.0: [], FSYNC_DELAY: []}
    slowest: dict[float, list[float]] = {0.0: [], FSYNC_DELAY: []}

    def type_ours(delay: float) -> float:
        path = workspace.fresh_big(folder)
        args = {**keys, "dir": str(folder), "path": str(path), "fsync_delay": delay}
        run = spawn(
            workspace.root, "type-ours", {**args, "ref": workspace.big.last_ref}, TYPING_ENV
        )
        seen.text, seen.css = run.result["initial"], run.result["css"]
        seen.unsaved += 0 if run.result["saved"] else 1
        p95s[delay].append(percentile(run.result["keys"], 0.95))
        slowest[delay].append(max(run.result["keys"]))
        return float(sum(run.result["keys"]))

    def bare() -> float:
        args = {**keys, "initial": seen.text, "css": seen.css}
        return float(sum(spawn(workspace.root, "type-bare", args, TYPING_ENV).result["keys"]))

    sides: list[Callable[[], float]] = [
        lambda: type_ours(0.0),
        bare,
        lambda: type_ours(FSYNC_DELAY),
    ]
    mine, theirs, _ = alternate(plan.runs, sides, warm_up=plan.warm_up)
    typed = (
        f"{plan.typed} keys into the first answer of the open 300-answer session, each timed "
        f"from posting to its repaint (TEXTUAL_FPS=1000), in bursts of {plan.burst} with an "
        f"untimed {keys['pause']:.1f} s pause after each (autosave runs)"
    )
    notes = []
    if seen.unsaved:
        notes.append(f"the typed text was NOT in the session file after {seen.unsaved} run(s)")
    return [
        ratio_round(
            f"typing {plan.typed} characters, autosave on",
            timed(
                f"{typed}, summed",
                "the same keys into a bare app holding one TextArea with the same text and size",
            ),
            mine,
            theirs,
            limit=1.10,
        ),
        ratio_round(
            f"key-to-paint p95, disk slowed (fsync +{FSYNC_DELAY * 1000:g} ms)",
            timed(
                f"each run's 95th percentile of its {plan.typed} key-to-paint times, with every "
                f"fsync in its process {FSYNC_DELAY * 1000:g} ms slower",
                "the same on the normal disk, in the same round",
            ),
            p95s[FSYNC_DELAY][-plan.runs :],
            p95s[0.0][-plan.runs :],
            limit=1.15,
        ),
        ratio_round(
            f"slowest key, disk slowed (fsync +{FSYNC_DELAY * 1000:g} ms)",
            timed(
                "each run's slowest key-to-paint time, every fsync slowed as above (a wait on "
                "the disk that the 95th percentile can hide)",
                "the same on the normal disk, in the same round",
            ),
            slowest[FSYNC_DELAY][-plan.runs :],
            slowest[0.0][-plan.runs :],
        ),
    ]


def crypt_figure(workspace: Workspace, plan: Plan) -> list[Round]:
    """Encryption at rest: start, save and unlock (see bench_crypt)."""
    from bench_crypt import crypt_figure as measure

    return measure(workspace, plan)


FIGURES: dict[str, Callable[[Workspace, Plan], list[Round]]] = {
    "start": start_figure,
    "list": list_figures,
    "save": save_figure,
    "open": open_figure,
    "typing": typing_figure,
    "export": export_figure,
    "search": search_figure,
    "history": history_figure,
    "crypt": crypt_figure,
}
"""Every figure by name, in the order the table shows them."""
