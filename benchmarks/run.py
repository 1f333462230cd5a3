"""supervise's performance table: every figure a ratio against a baseline measured in this run.

    python benchmarks/run.py            # the full table: three rounds, 15 runs a row
    python benchmarks/run.py --quick    # one round of five runs, smaller stores (under a minute)

Synthetic sessions folders are made in a temporary folder with supervise's own store. Start-up,
memory, listing, opening and typing are each measured in a fresh Python process, alternately with
a baseline started the same way on the same machine. A full run measures the whole table three
times, one round after another, judges each row by the median of its rounds, and keeps the
result as JSON in benchmarks/results/. A MISS is printed, never fatal: the exit status is 0
unless the benchmark itself failed (or, with ``--strict``, a target was missed).
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

from bench_data import Workspace
from bench_figures import FIGURES
from bench_plan import FULL, QUICK, Plan
from bench_record import machine_info, write_results
from bench_stats import Round, combine_all, render

from supervise.content import load_library


def build_parser() -> argparse.ArgumentParser:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a run under a minute (for CI)")
    parser.add_argument(
        "--only",
        action="append",
        choices=list(FIGURES),
        metavar="FIGURE",
        help=f"measure only this figure (repeatable): {', '.join(FIGURES)}",
    )
    parser.add_argument("--runs", type=int, metavar="N", help="timed runs per row per round")
    parser.add_argument("--rounds", type=int, metavar="N", help="rounds of the whole table")
    parser.add_argument("--tmp", type=Path, metavar="DIR", help="make the stores under DIR")
    parser.add_argument("--keep", action="store_true", help="keep the stores afterwards")
    parser.add_argument("--strict", action="store_true", help="exit 1 if any target is missed")
    return parser


def choose_plan(quick: bool, runs: int | None, rounds: int | None) -> Plan:
    """The plan for this run, with the counts given on the command line."""
    plan = QUICK if quick else FULL
    if runs is not None:
        plan = dataclasses.replace(plan, runs=max(1, runs), saves=max(1, runs))
    if rounds is not None:
        plan = dataclasses.replace(plan, rounds=max(1, rounds))
    return plan


def compile_package() -> str:
    """Write supervise's bytecode now, as pip does when it installs a package.

    An editable install has none, and with PYTHONDONTWRITEBYTECODE set (as some shells and
    CI runners set it) every measured process would compile supervise from source while
    Textual's bytecode came with its install: a cost no installed copy pays.
    """
    import compileall

    import supervise

    package = Path(supervise.__file__).parent
    compileall.compile_dir(package, quiet=1)
    return f"bytecode: {package} compiled before measuring, as pip does on install"


def error_round(name: str, error: BaseException) -> Round:
    """The row shown for a figure whose measurement failed."""
    first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return Round(f"{name} (failed)", error=first)


def measure(workspace: Workspace, plan: Plan, names: Sequence[str]) -> list[Round]:
    """Every named figure's rows, round after round; a figure that fails gets an ERROR row."""
    rounds: list[Round] = []
    for number in range(plan.rounds):
        # Only the first round warms up: later rounds follow a whole round of the same work.
        this = plan if number == 0 else dataclasses.replace(plan, warm_up=False)
        for name in names:
            began = time.monotonic()
            try:
                rounds.extend(FIGURES[name](workspace, this))
            except Exception as error:
                traceback.print_exc()
                rounds.append(error_round(name, error))
            took = time.monotonic() - began
            print(f"  round {number + 1}, {name}: {took:.1f} s", file=sys.stderr, flush=True)
    return rounds


def main(argv: Sequence[str] | None = None) -> int:
    """Measure, print the table; 0 unless the benchmark failed (or --strict and a MISS)."""
    args = build_parser().parse_args(argv)
    plan = choose_plan(args.quick, args.runs, args.rounds)
    names = args.only or list(FIGURES)
    began = time.monotonic()
    root = Path(tempfile.mkdtemp(prefix="supervise-bench-", dir=args.tmp))
    try:
        machine = machine_info(root)
        print("\n".join(machine), flush=True)
        print(compile_package(), flush=True)
        print(
            f"measuring {', '.join(names)}: {plan.rounds} round(s) of {plan.runs} runs a row "
            f"({'quick' if args.quick else 'full'} run)…",
            file=sys.stderr,
            flush=True,
        )
        rounds = measure(Workspace(root, load_library(include_env=False)), plan, names)
    finally:
        if args.keep:
            print(f"stores kept in {root}", file=sys.stderr)
        else:
            shutil.rmtree(root, ignore_errors=True)
    rows = combine_all(rounds)
    seconds = time.monotonic() - began
    print()
    print(render(rows))
    print(f"\n{len(rows)} rows in {seconds:.1f} s")
    if not args.quick:
        print(f"kept in {write_results(machine, rows, rounds, seconds)}")
    if any(row.verdict == "ERROR" for row in rows):
        return 1
    if args.strict and any(row.verdict == "MISS" for row in rows):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
