"""Shared helpers for the store tests: a sessions folder and a quick way to make a session."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from supervise.store import SessionFile

SCOPE = ("h3-25/pc/5", "h3-25/k/c", "cyp-4.3/k/1")
"""Three item references, in walk order."""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A sessions folder that does not exist yet (the store creates it)."""
    return tmp_path / "sessions"


@pytest.fixture
def new_session(folder: Path) -> Iterator[Callable[..., SessionFile]]:
    """Creates a supervision session for Sam and Alex; keyword arguments override fields."""
    opened: list[SessionFile] = []

    def make(**fields: Any) -> SessionFile:
        values: dict[str, Any] = {
            "mode": "supervision",
            "practitioner": "Sam Jones",
            "supervisor": "Alex Smith",
            "date": "2026-11-23",
            "scope": SCOPE,
        }
        values.update(fields)
        session = SessionFile.create(folder, **values)
        opened.append(session)
        return session

    yield make
    for session in opened:
        session.close()


def temp_files(folder: Path) -> list[str]:
    """Names of temporary files an atomic write left in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if ".tmp-" in p.name)
