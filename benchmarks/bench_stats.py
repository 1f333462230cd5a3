"""Medians, 95th percentiles, verdicts and the printed table."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Stats:
    """A sample summarised: its median and 95th percentile, in the sample's unit."""

    median: float
    p95: float
    count: int


def percentile(values: Sequence[float], fraction: float) -> float:
    """The ``fraction`` quantile of ``values``, interpolating between neighbours."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    position = fraction * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summarise(values: Sequence[float]) -> Stats:
    """The median and 95th percentile of ``values``."""
    return Stats(statistics.median(values), percentile(values, 0.95), len(values))


@dataclass(frozen=True)
class Unit:
    """How a figure's values are shown: a scale from the measured unit and a suffix."""

    scale: float
    suffix: str

    def show(self, value: float) -> str:
        """``value`` (in the measured unit) as text, three significant figures or so."""
        scaled = value * self.scale
        digits = 0 if abs(scaled) >= 100 else 1 if abs(scaled) >= 10 else 2
        return f"{scaled:.{digits}f} {self.suffix}"


MS = Unit(1000.0, "ms")
"""Seconds shown as milliseconds."""
MIB = Unit(1 / 1024, "MiB")
"""KiB shown as MiB."""
TIMES = Unit(1.0, "×")
"""A plain ratio."""


@dataclass(frozen=True)
class Row:
    """One line of the table."""

    figure: str
    ours: Stats | None = None
    baseline: Stats | None = None
    unit: Unit = MS
    ratio: float | None = None
    """Ours against the baseline (median over median, unless the figure says otherwise)."""
    ratio_text: str = ""
    """Shown instead of the bare ratio, when the figure needs more words."""
    target: str = ""
    verdict: str = ""
    """PASS, MISS, ERROR, or "" when there is nothing to judge."""
    notes: list[str] = field(default_factory=list)
    """Lines printed under the table."""


def judged(
    figure: str,
    ours: Stats,
    baseline: Stats,
    unit: Unit,
    limit: float,
    notes: Sequence[str] = (),
) -> Row:
    """A row comparing medians, PASS when ours is at most ``limit`` times the baseline."""
    ratio = ours.median / baseline.median
    verdict = "PASS" if ratio <= limit else "MISS"
    return Row(figure, ours, baseline, unit, ratio, "", f"≤ {limit:g}×", verdict, list(notes))


def _pair(stats: Stats | None, unit: Unit) -> str:
    if stats is None:
        return "—"
    return f"{unit.show(stats.median)} / {unit.show(stats.p95)}"


def _cells(row: Row) -> list[str]:
    ratio = row.ratio_text or ("—" if row.ratio is None else f"{row.ratio:.2f}×")
    return [
        row.figure,
        _pair(row.ours, row.unit),
        _pair(row.baseline, row.unit),
        ratio,
        row.target or "—",
        row.verdict or "—",
    ]


HEADINGS = ["figure", "ours (median / p95)", "baseline (median / p95)", "ratio", "target", "result"]
"""The table's column headings."""


def render(rows: Sequence[Row]) -> str:
    """The table as aligned text, then every row's notes, numbered by figure."""
    table = [HEADINGS, *(_cells(row) for row in rows)]
    widths = [max(len(line[column]) for line in table) for column in range(len(HEADINGS))]
    lines = []
    for number, line in enumerate(table):
        lines.append(
            "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        )
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    for row in rows:
        lines.extend(f"  {row.figure}: {note}" for note in row.notes)
    return "\n".join(lines)
