"""Shared fixtures: every test gets its own sessions folder and no stray environment."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from supervise.content import Library, load_library

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep the developer's own settings and sessions out of every test."""
    monkeypatch.delenv("SUPERVISE_CONTENT", raising=False)
    monkeypatch.setenv("SUPERVISE_SESSIONS_DIR", str(tmp_path / "sessions"))
    monkeypatch.setenv("SUPERVISE_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(autouse=True)
def _no_passphrase_kept() -> Iterator[None]:
    """Forget every unlocked folder's keys after each test, as a new process would."""
    yield
    from supervise.store import keys

    keys.forget()


@pytest.fixture(scope="session")
def library() -> Library:
    """The shipped content, loaded once."""
    return load_library(include_env=False)


def pytest_addoption(parser: pytest.Parser) -> None:
    """--long: the reliability suite's longer run (more kills)."""
    parser.addoption(
        "--long", action="store_true", help="run the reliability suite longer (500 kills, not 50)"
    )


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The reliability suite's figures, one line per part, after the test results."""
    from tests.reliability.figures import FIGURES

    if FIGURES:
        terminalreporter.section("reliability figures")
        for line in FIGURES:
            terminalreporter.write_line(line)


def pytest_configure(config: pytest.Config) -> None:
    """Wait for the app to go idle in 5 ms steps rather than Textual's 20 ms (see below)."""
    from tests.pilot_speed import quicker_idle_checks

    quicker_idle_checks()
