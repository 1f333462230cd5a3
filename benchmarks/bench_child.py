"""One measurement in a fresh Python process: ``python bench_child.py KIND ARGS_FILE RESULT_FILE``.

The parent notes ``time.monotonic()`` just before it starts this process; the child writes the
monotonic time at which its figure was reached (the clock is system-wide on Linux and macOS), so
a start-up time runs from process start to the first frame showing what was asked for.

Only ``json``, ``os``, ``sys`` and ``time`` are imported here; the module that makes the named
measurement is imported when named, so a baseline loads only what its own work needs
(tests/benchmarks/test_lean_baselines.py checks it). ``RESULT_FILE`` may be ``-`` (no result);
with ``BENCH_MODULES`` set to a path, the names of every module loaded are written there at exit.
"""

import json
import os
import sys
import time

# Not typing.TYPE_CHECKING: the list floors would load typing (and __future__) for nothing.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeAlias

    Args: TypeAlias = dict[str, Any]
    """A child's arguments, as the parent sent them."""
    Result: TypeAlias = dict[str, Any]
    """What a child reports: times are monotonic seconds, memory is KiB."""

STARTED = time.monotonic()
"""When this process began running Python code (after the interpreter's own start-up)."""

MODULES = {
    "home-ours": "child_ours",
    "home-ours-sealed": "child_ours",
    "open-ours": "child_ours",
    "type-ours": "child_ours",
    "history-ours": "child_ours",
    "home-bare": "child_bare",
    "open-bare": "child_bare",
    "type-bare": "child_bare",
    "list-index-floor": "child_list",
    "list-files-floor": "child_list",
}
"""The module that makes each measurement, by the measurement's name."""
MODULES_ENV = "BENCH_MODULES"
"""Environment variable naming a file for the names of every module this process loaded."""


def measurement(kind: str) -> "Callable[[Args, Result], None]":
    """The function that makes measurement ``kind`` (its module imported only now)."""
    module = __import__(MODULES[kind])
    function: Callable[[Args, Result], None] = module.KINDS[kind]
    return function


def main(argv: list[str]) -> int:
    """Make the measurement named by ``argv[1]`` with the arguments in the file ``argv[2]``."""
    kind, args_file, result_file = argv[1:4]
    with open(args_file, encoding="utf-8") as file:
        args = json.load(file)
    result: Result = {"started": STARTED}
    measurement(kind)(args, result)
    result["finished"] = time.monotonic()
    if result_file != "-":
        with open(result_file, "w", encoding="utf-8") as file:
            json.dump(result, file)
    if os.environ.get(MODULES_ENV):
        with open(os.environ[MODULES_ENV], "w", encoding="utf-8") as file:
            file.write("\n".join(sorted(sys.modules)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
