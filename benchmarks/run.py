"""supervise's performance table: every figure a ratio against a baseline measured in this run.

    python benchmarks/run.py            # the full table (about two minutes on two cores)
    python benchmarks/run.py --quick    # fewer repeats and smaller stores (under a minute)

Synthetic sessions folders are made in a temporary folder with supervise's own store. Start-up,
memory, listing, opening and typing are each measured in a fresh Python process, alternately with
a baseline started the same way on the same machine. A MISS is printed, never fatal: the exit
status is 0 unless the benchmark itself failed (or, with ``--strict``, a target was missed).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import bench_figures
from bench_data import Workspace
from bench_figures import FIGURES, FULL, QUICK, Plan
from bench_stats import Row, render

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
    parser.add_argument("--repeats", type=int, metavar="N", help="runs per figure (overrides)")
    parser.add_argument("--tmp", type=Path, metavar="DIR", help="make the stores under DIR")
    parser.add_argument("--keep", action="store_true", help="keep the stores afterwards")
    parser.add_argument("--strict", action="store_true", help="exit 1 if any target is missed")
    return parser


def choose_plan(quick: bool, repeats: int | None) -> Plan:
    """The plan for this run, with every repeat count replaced by ``repeats`` if given."""
    plan = QUICK if quick else FULL
    if repeats is None:
        return plan
    n = max(1, repeats)
    return dataclasses.replace(plan, starts=n, lists=n, saves=n, opens=n, typings=n)


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _file_system(path: Path) -> str:
    """The type of file system holding ``path`` (Linux only; "unknown" elsewhere)."""
    best, kind = "", "unknown"
    try:
        with open("/proc/mounts", encoding="utf-8") as mounts:
            for line in mounts:
                _, point, fs_type, *_ = line.split()
                if str(path).startswith(point) and len(point) > len(best):
                    best, kind = point, fs_type
    except OSError:
        pass
    return kind


def machine_info(root: Path) -> str:
    """Where these figures were measured."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return "\n".join(
        [
            f"machine: {os.cpu_count()} cores ({usable} usable), {_cpu_model()}, load {load}",
            f"python {platform.python_version()} ({sys.executable}) on {platform.platform()}",
            f"textual {_version('textual')}, tinydb {_version('tinydb')}, "
            f"supervise {_version('supervise')}",
            f"stores in {root} ({_file_system(root)})",
        ]
    )


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


def error_row(name: str, error: BaseException) -> Row:
    """The row shown for a figure whose measurement failed."""
    first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return Row(name, ratio_text="failed", verdict="ERROR", notes=[first])


def measure(workspace: Workspace, plan: Plan, names: Sequence[str]) -> list[Row]:
    """Every named figure's rows; a figure that fails gets an ERROR row and a traceback."""
    rows: list[Row] = []
    for name in names:
        began = time.monotonic()
        try:
            rows.extend(FIGURES[name](workspace, plan))
        except Exception as error:
            traceback.print_exc()
            rows.append(error_row(name, error))
        print(f"  {name}: {time.monotonic() - began:.1f} s", file=sys.stderr, flush=True)
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """Measure, print the table; 0 unless the benchmark failed (or --strict and a MISS)."""
    args = build_parser().parse_args(argv)
    plan = choose_plan(args.quick, args.repeats)
    names = args.only or list(FIGURES)
    began = time.monotonic()
    root = Path(tempfile.mkdtemp(prefix="supervise-bench-", dir=args.tmp))
    try:
        print(machine_info(root), flush=True)
        print(compile_package(), flush=True)
        print(
            f"measuring {', '.join(names)} ({'quick' if args.quick else 'full'} run)…",
            file=sys.stderr,
            flush=True,
        )
        rows = measure(Workspace(root, load_library(include_env=False)), plan, names)
    finally:
        if args.keep:
            print(f"stores kept in {root}", file=sys.stderr)
        else:
            shutil.rmtree(root, ignore_errors=True)
    print()
    print(render(rows))
    print(
        f"\n{len(rows)} rows in {time.monotonic() - began:.1f} s "
        f"({bench_figures.CHILD.name} runs each measured process)"
    )
    if any(row.verdict == "ERROR" for row in rows):
        return 1
    if args.strict and any(row.verdict == "MISS" for row in rows):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
