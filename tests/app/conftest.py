"""Helpers for driving the real app with Pilot against a temporary sessions folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from supervise.app.app import SuperviseApp
from supervise.content import Library
from supervise.store import SessionFile

SCOPE = ("h3-25/pc/5", "h3-25/k/c", "cyp-4.3/k/1")
"""A small scope with a performance criterion, a knowledge item and an item with points."""


@pytest.fixture
def sessions_dir(tmp_path: Path) -> Path:
    """An empty sessions folder for this test."""
    return tmp_path / "sessions"


@pytest.fixture
def make_app(library: Library, sessions_dir: Path) -> Callable[[], SuperviseApp]:
    """Builds a fresh app on the test's sessions folder (call it again to "reopen")."""
    return lambda: SuperviseApp(library, sessions_dir)


@pytest.fixture
def make_session(sessions_dir: Path) -> Callable[..., Path]:
    """Creates a session file through the store, closes it and returns its path."""

    def make(**fields: object) -> Path:
        values: dict[str, object] = {
            "mode": "supervision",
            "practitioner": "Sam",
            "supervisor": "Alex",
            "date": "2026-11-23",
            "scope": SCOPE,
        }
        values.update(fields)
        with SessionFile.create(sessions_dir, **values) as session:  # type: ignore[arg-type]
            return session.path

    return make


def stored(path: Path) -> SessionFile:
    """The session as it is on disk right now (read only: takes no lock)."""
    return SessionFile.open(path, read_only=True)
