"""Spreads, verdicts and the printed table: each row measured in rounds, judged by their median."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

P95_FROM = 20
"""The fewest values a 95th percentile is shown for: with fewer it is only the slowest."""


def percentile(values: Sequence[float], fraction: float) -> float:
    """The ``fraction`` quantile of ``values``, interpolating between neighbours."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    position = fraction * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class Spread:
    """A sample summarised: least, median, most, how many, and the 95th percentile if enough."""

    low: float
    median: float
    high: float
    count: int
    p95: float | None


def spread(values: Sequence[float]) -> Spread | None:
    """The spread of ``values``; None if there are none."""
    if not values:
        return None
    p95 = percentile(values, 0.95) if len(values) >= P95_FROM else None
    return Spread(min(values), statistics.median(values), max(values), len(values), p95)


@dataclass(frozen=True)
class Unit:
    """How values are shown: a scale from the measured unit and a suffix."""

    scale: float
    suffix: str

    def show(self, value: float, digits: int | None = None) -> str:
        """``value`` (in the measured unit) as text, three significant figures or so."""
        scaled = value * self.scale
        if digits is None:
            digits = 0 if abs(scaled) >= 100 else 1 if abs(scaled) >= 10 else 2
        return f"{scaled:.{digits}f}{self.suffix}"


MS = Unit(1000.0, " ms")
"""Seconds shown as milliseconds."""
MIB = Unit(1 / 1024, " MiB")
"""KiB shown as MiB."""
TIMES = Unit(1.0, "×")
"""A plain ratio."""


def timed(ours: str, baseline: str = "") -> str:
    """A row's line saying what is timed for ours and for its baseline."""
    return f"ours = {ours}; baseline = {baseline or 'none'}"


@dataclass(frozen=True)
class Round:
    """One row of the table as measured in one round."""

    figure: str
    timed: str = ""
    """What is timed, for ours and for the baseline: one line under the table."""
    unit: Unit = MS
    """The unit of ``ours`` and ``baseline``."""
    ours: tuple[float, ...] = ()
    baseline: tuple[float, ...] = ()
    value: float | None = None
    """What the row is judged by in this round, in ``shown``."""
    shown: Unit = TIMES
    limit: float | None = None
    """PASS when the value is at most this; None when there is nothing to judge."""
    extra: float | None = None
    """Seconds ours took beyond the baseline (medians), printed beside the value."""
    text: str = ""
    """Shown instead of a value, for a row with nothing measured."""
    notes: tuple[str, ...] = ()
    """Measured facts printed under the table."""
    error: str = ""


def ratio_round(
    figure: str,
    timed: str,
    ours: Sequence[float],
    baseline: Sequence[float],
    *,
    unit: Unit = MS,
    limit: float | None = None,
    extra: bool = False,
) -> Round:
    """A round judged by ours' median over the baseline's (and the difference, if ``extra``)."""
    mine, theirs = statistics.median(ours), statistics.median(baseline)
    return Round(
        figure,
        timed,
        unit,
        tuple(ours),
        tuple(baseline),
        value=mine / theirs,
        limit=limit,
        extra=mine - theirs if extra else None,
    )


@dataclass(frozen=True)
class Row:
    """One line of the table: every round of a row put together."""

    figure: str
    timed: str
    unit: Unit
    ours: Spread | None
    baseline: Spread | None
    values: list[float]
    """Each round's value."""
    value: float | None
    """The median of the rounds' values: what the row is judged by."""
    shown: Unit
    limit: float | None
    extra: float | None
    text: str
    verdict: str
    """PASS, MISS, ERROR, or "" when there is nothing to judge."""
    notes: list[str] = field(default_factory=list)


def combine(rounds: Sequence[Round]) -> Row:
    """The row of ``rounds`` (the same row, measured once per round)."""
    first = rounds[0]
    values = [r.value for r in rounds if r.value is not None]
    extras = [r.extra for r in rounds if r.extra is not None]
    value = statistics.median(values) if values else None
    errors = [r.error for r in rounds if r.error]
    if errors:
        verdict = "ERROR"
    elif value is None or first.limit is None:
        verdict = ""
    else:
        verdict = "PASS" if value <= first.limit else "MISS"
    notes = list(dict.fromkeys(note for r in rounds for note in (*r.notes, r.error) if note))
    return Row(
        figure=first.figure,
        timed=first.timed,
        unit=first.unit,
        ours=spread([v for r in rounds for v in r.ours]),
        baseline=spread([v for r in rounds for v in r.baseline]),
        values=values,
        value=value,
        shown=first.shown,
        limit=first.limit,
        extra=statistics.median(extras) if extras else None,
        text="failed" if errors else first.text,
        verdict=verdict,
        notes=notes,
    )


def combine_all(rounds: Sequence[Round]) -> list[Row]:
    """Every row, in the order first measured, from every round of every row."""
    grouped: dict[str, list[Round]] = {}
    for measured in rounds:
        grouped.setdefault(measured.figure, []).append(measured)
    return [combine(group) for group in grouped.values()]


def _spread_cell(stats: Spread | None, unit: Unit) -> str:
    if stats is None:
        return "—"
    return f"{unit.show(stats.low)} / {unit.show(stats.median)} / {unit.show(stats.high)}"


def _p95_cell(row: Row) -> str:
    shown = [s for s in (row.ours, row.baseline) if s is not None and s.p95 is not None]
    if not shown or len(shown) < len([s for s in (row.ours, row.baseline) if s is not None]):
        return "—"
    return " / ".join(row.unit.show(s.p95) for s in shown if s.p95 is not None)


def _value_cell(row: Row) -> str:
    if row.text or row.value is None:
        return row.text or "—"
    signed = "+" if row.shown is MS else ""
    cell = signed + row.shown.show(row.value)
    if len(row.values) > 1:
        # Bare numbers, in the value's unit: the rounds' spread at a glance.
        rounds = (f"{v * row.shown.scale:.{2 if row.shown is TIMES else 0}f}" for v in row.values)
        cell += f" ({', '.join(rounds)})"
    if row.extra is not None:
        cell += f", {row.extra * 1000:+.0f} ms"
    return cell


def _target_cell(row: Row) -> str:
    if row.limit is None:
        return "—"
    if row.shown is MS:
        return f"≤ +{row.limit * 1000:g} ms"
    return f"≤ {row.limit:g}×"


HEADINGS = [
    "figure",
    "ours min / median / max",
    "baseline min / median / max",
    "p95 ours / baseline",
    "result (per round)",
    "target",
    "verdict",
]
"""The table's column headings."""


def _cells(row: Row) -> list[str]:
    return [
        row.figure,
        _spread_cell(row.ours, row.unit),
        _spread_cell(row.baseline, row.unit),
        _p95_cell(row),
        _value_cell(row),
        _target_cell(row),
        row.verdict or "—",
    ]


def render(rows: Sequence[Row]) -> str:
    """The table as aligned text, then what each row timed, then every measured note."""
    table = [HEADINGS, *(_cells(row) for row in rows)]
    widths = [max(len(line[column]) for line in table) for column in range(len(HEADINGS))]
    lines = []
    for number, line in enumerate(table):
        lines.append(
            "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        )
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    lines.append("\nwhat each row times:")
    lines.extend(f"  {row.figure}: {row.timed}" for row in rows if row.timed)
    noted = [f"  {row.figure}: {note}" for row in rows for note in row.notes]
    if noted:
        lines.append("\nmeasured along the way:")
        lines.extend(noted)
    return "\n".join(lines)
