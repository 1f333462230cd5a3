"""Run by test_safety: the real app types into a session, then waits to be sent SIGHUP."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from supervise.app.app import SuperviseApp
from supervise.app.widgets import prompt_field
from supervise.content import load_library
from supervise.store import atomic
from tests.app.driving import open_walk


def _full(path: Path, raw: bytes) -> None:
    raise OSError(28, "No space left on device")


async def main(sessions_dir: Path, disk_full: bool) -> None:
    """Open the only session, type one line and report it; the app saves it only on hang-up
    (with ``disk_full``, the disk refuses it, so the hang-up can only keep a copy)."""
    # Only the hang-up handler can save in time: the usual save timers are pushed far away.
    prompt_field.SAVE_DELAY = prompt_field.SAVE_AT_LEAST_EVERY = 60.0
    app = SuperviseApp(load_library(include_env=False), sessions_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_walk(pilot, app)
        if disk_full:
            atomic.replace_atomic = _full
        await pilot.press(*"typed just before the terminal closed")
        print("TYPED", flush=True)
        for _ in range(600):
            if not app.is_running:
                break
            await asyncio.sleep(0.05)


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), "disk-full" in sys.argv[2:]))
