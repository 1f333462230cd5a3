"""Pilot's idle check in shorter steps: the one private Textual name the tests touch.

Every ``pilot.press`` and ``pilot.pause()`` waits until the app is idle, judged by sleeping in
steps of ``textual._wait.SLEEP_GRANULARITY`` (20 ms) until a step passes with almost no CPU
used. A key press takes two such waits, so with 20 ms steps most of the suite's time was spent
asleep (pytest ran at ~40% of one core). Textual offers no public setting for it; the names
are checked in ``tests/test_pilot_speed.py`` so that a Textual release that renames them fails
there, not as a slow suite.
"""

from __future__ import annotations

STEP = 1 / 200
"""Seconds per idle check: a quarter of Textual's."""


def quicker_idle_checks() -> None:
    """Make Pilot's idle waits check every ``STEP`` seconds, with the same idle threshold (the
    process used under a twentieth of the step's time)."""
    from textual import _wait

    _wait.SLEEP_GRANULARITY = STEP
    _wait.SLEEP_IDLE = STEP / 20
