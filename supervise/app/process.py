"""Process-wide tuning for a real run of the app (a test's app leaves the process alone)."""

from __future__ import annotations

import gc

GC_YOUNG_THRESHOLD = 10_000
"""New objects between young-generation collections (Python's default is 700)."""
OPENING_HOLD = 1.0
"""Seconds the collector rests while a session's screen is built (see hold_collections)."""


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


def hold_collections() -> None:
    """Stop collecting garbage until ``release_collections``: building a session's screen makes
    tens of thousands of objects that live on, and collecting among them as they are made cost
    the benchmark's opening of a big session about 10 ms (two or three young collections)."""
    gc.disable()


def release_collections() -> None:
    """Collect garbage again, as before ``hold_collections``."""
    gc.enable()
