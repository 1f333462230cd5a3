"""Fixtures for prompt tests: the shipped content plus the test framework of statement styles."""

from __future__ import annotations

from pathlib import Path

import pytest

from supervise.content import Library, load_library

FRAMEWORK_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "frameworks"


@pytest.fixture(scope="session")
def full_library() -> Library:
    """Shipped frameworks and models, plus the frameworks in tests/fixtures/frameworks."""
    return load_library([FRAMEWORK_FIXTURES], include_env=False)
