"""Where a run was measured, and every full run kept as JSON for comparing runs."""

from __future__ import annotations

import dataclasses
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from bench_stats import Round, Row

RESULTS = Path(__file__).resolve().with_name("results")
"""The folder full runs are written to (ignored by git)."""


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


def machine_info(root: Path) -> list[str]:
    """Where these figures were measured, a line a fact."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return [
        f"machine: {os.cpu_count()} cores ({usable} usable), {_cpu_model()}, load {load}",
        f"python {platform.python_version()} ({sys.executable}) on {platform.platform()}",
        f"textual {_version('textual')}, tinydb {_version('tinydb')}, "
        f"supervise {_version('supervise')}",
        f"stores in {root} ({_file_system(root)})",
    ]


def git_revision() -> str:
    """The checked-out commit, with ``+changes`` if the work tree differs from it."""
    here = Path(__file__).resolve().parent

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=here, capture_output=True, text=True, check=False)
        return done.stdout.strip() if done.returncode == 0 else ""

    revision = git("rev-parse", "HEAD") or "unknown"
    return revision + ("+changes" if git("status", "--porcelain") else "")


def write_results(
    machine: Sequence[str], rows: Sequence[Row], rounds: Sequence[Round], seconds: float
) -> Path:
    """Write a full run's rows and every round's measurements to a new file in RESULTS."""
    revision = git_revision()
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{stamp}-{revision[:12]}.json"
    record: dict[str, Any] = {
        "revision": revision,
        "when": stamp,
        "seconds": round(seconds, 1),
        "machine": list(machine),
        # Other work on the machine moves the ratios; the load at the end shows how much there was.
        "load_after": list(os.getloadavg()),
        "rows": [dataclasses.asdict(row) for row in rows],
        "rounds": [dataclasses.asdict(measured) for measured in rounds],
    }
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
