"""The reliability suite's figures: each part reports one line, printed as it is found (seen
with ``pytest -s``) and again in pytest's closing summary."""

from __future__ import annotations

FIGURES: list[str] = []
"""Every line reported in this run, in order."""


def report(part: str, line: str) -> None:
    """Print one part's figures and keep them for the closing summary."""
    text = f"{part}: {line}"
    FIGURES.append(text)
    print(f"\n[reliability] {text}", flush=True)
