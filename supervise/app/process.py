"""Process-wide tuning for a real run of the app (a test's app leaves the process alone)."""

from __future__ import annotations

import gc

GC_YOUNG_THRESHOLD = 10_000
"""New objects between young-generation collections (Python's default is 700)."""


def tune_collector() -> None:
    """Collect young objects less often: typing makes many short-lived ones (see benchmarks/)."""
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])


def freeze_long_lived() -> None:
    """Exempt every object alive now from future garbage collections.

    Called once the session list is up. The benchmark found full collections walking the
    long-lived widget tree (a thousand table rows among them) and pausing typing for 80 ms at a
    time. What exists then lives as long as the app does; screens opened later are still
    collected as usual.
    """
    gc.freeze()
