"""Measured processes: start one, time it from start to exit, and read what it reported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CHILD = Path(__file__).resolve().with_name("bench_child.py")
"""The script every measured process but supervise's own command runs."""
CHILD_TIMEOUT = 120.0
"""Seconds before a measured process is taken to have hung."""


class ChildFailed(RuntimeError):
    """A measured process exited with an error."""

    def __init__(self, what: str, code: int, stderr: str) -> None:
        """The error for ``what``, which exited with ``code`` after writing ``stderr``."""
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
    scratch: Path,
    kind: str,
    args: dict[str, Any],
    env: dict[str, str] | None = None,
    *,
    report: bool = True,
) -> ChildRun:
    """Run ``bench_child.py kind`` in a fresh interpreter, its arguments in a file in ``scratch``.

    Without ``report`` the child writes no result file (its output is its stdout).
    """
    args_file = scratch / f"args-{kind}.json"
    args_file.write_text(json.dumps(args), encoding="utf-8")
    result_file = scratch / f"result-{kind}.json" if report else None
    command = [sys.executable, str(CHILD), kind, str(args_file), str(result_file or "-")]
    return run_process(command, kind, result_file, env)


def alternate(
    repeats: int, sides: Sequence[Callable[[], float]], *, warm_up: bool
) -> list[list[float]]:
    """Measure every side in turn (ours, baseline, ours, …), after one untimed run of each if
    ``warm_up``; each side's measurements, in the order of ``sides``."""
    if warm_up:
        for side in sides:
            side()
    measured: list[list[float]] = [[] for _ in sides]
    for _ in range(repeats):
        for side, values in zip(sides, measured, strict=True):
            values.append(side())
    return measured
