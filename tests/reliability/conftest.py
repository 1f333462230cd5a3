"""The reliability suite drives the app as tests/app does, with the same fixtures."""

from __future__ import annotations

from tests.app.conftest import make_app, make_session, sessions_dir

__all__ = ["make_app", "make_session", "sessions_dir"]
