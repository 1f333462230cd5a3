"""Prints the fuzz figures at the end of the run (with or without -s)."""

from __future__ import annotations

import pytest

from tests.fuzz.figures import report


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The examples each fuzz test ran, and their outcomes by kind."""
    lines = report()
    if lines:
        terminalreporter.section("fuzz figures")
        for line in lines:
            terminalreporter.write_line(line)
