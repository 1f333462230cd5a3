"""How much a run measures: rounds, timed runs per row, store sizes, what is typed."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Plan:
    """How much to measure in one round of the table (a full run repeats it, interleaved)."""

    rounds: int
    """Times the whole table is measured; each row is judged by the median of its rounds."""
    runs: int
    """Timed runs of ours and of each baseline per row per round."""
    saves: int
    """Saves of one changed answer per round (each takes milliseconds)."""
    list_sizes: tuple[int, int]
    """The small and the large store for the list figures."""
    typed: int
    """Characters typed per typing run."""
    burst: int
    """Characters typed between pauses (each pause lets the debounced autosave run)."""
    warm_up: bool
    """Whether each figure first runs ours and its baselines once, untimed."""


FULL = Plan(
    rounds=3,
    runs=5,
    saves=30,
    list_sizes=(1000, 10000),
    typed=500,
    burst=100,
    warm_up=True,
)
"""The full run: three rounds of five runs, 15 per row (a few minutes on two cores)."""
QUICK = Plan(
    rounds=1,
    runs=5,
    saves=20,
    list_sizes=(1000, 3000),
    typed=60,
    burst=60,
    warm_up=False,
)
"""The CI run: one round of five runs, with less typed (under a minute on two cores)."""
FSYNC_DELAY = 0.2
"""Seconds every fsync is made to wait in the slow-disk typing runs."""
HOME_ROWS = 1000
"""Sessions in the store the start, memory and open figures use."""
