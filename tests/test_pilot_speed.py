"""The one private Textual name the tests set (see tests/pilot_speed.py) is still there."""

from __future__ import annotations

import inspect

from tests.pilot_speed import STEP


def test_pilots_idle_check_still_reads_the_step_the_tests_set() -> None:
    from textual import _wait

    assert _wait.SLEEP_GRANULARITY == STEP
    assert _wait.SLEEP_IDLE == STEP / 20
    # Read when it runs, not bound when defined: else setting the names would change nothing.
    body = inspect.getsource(_wait.wait_for_idle)
    assert "sleep(SLEEP_GRANULARITY)" in body and "< SLEEP_IDLE" in body
