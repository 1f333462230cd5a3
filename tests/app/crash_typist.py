"""Run by test_safety: the real app types into a session until it is killed with SIGKILL.

Prints "TYPED <n>" after every chunk, so the test knows what was typed and when.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from supervise.app.app import SuperviseApp
from supervise.content import load_library
from tests.app.driving import open_walk


async def main(sessions_dir: Path) -> None:
    """Open the only session, go to the walk and type chunks forever."""
    app = SuperviseApp(load_library(include_env=False), sessions_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_walk(pilot, app)
        count = 0
        while True:
            await pilot.press(*f"chunk{count} ")
            count += 1
            print(f"TYPED {count}", flush=True)
            await pilot.pause(0.1)


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
