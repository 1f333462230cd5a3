"""Run by test_safety: the real app types into a session until it is killed with SIGKILL.

Prints "TYPED <n>" after every chunk, so the test knows what was typed and when.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from supervise.app.app import SuperviseApp
from supervise.app.screens.walk import WalkScreen
from supervise.content import load_library


async def main(sessions_dir: Path) -> None:
    """Open the only session, go to the walk and type chunks forever."""
    app = SuperviseApp(load_library(include_env=False), sessions_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        if not isinstance(app.screen, WalkScreen):
            await pilot.press("ctrl+n")
            await pilot.pause()
        count = 0
        while True:
            await pilot.press(*f"chunk{count} ")
            count += 1
            print(f"TYPED {count}", flush=True)
            await pilot.pause(0.1)


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
