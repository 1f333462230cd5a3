"""The Textual application: the only layer that imports Textual."""

from __future__ import annotations

from pathlib import Path

from supervise.content import LibraryLoader


def run(content: LibraryLoader, sessions_dir: Path) -> int:
    """Run the full-screen app until the user quits; returns the exit code."""
    from supervise.app.app import SuperviseApp

    app = SuperviseApp(content, sessions_dir)
    app.run()
    return app.return_code or 0
