"""The Textual application: the only layer that imports Textual."""

from __future__ import annotations

from pathlib import Path

from supervise.content import LibraryLoader


def run(content: LibraryLoader, sessions_dir: Path, *, offer_protection: bool = False) -> int:
    """Run the full-screen app until the user quits; returns the exit code. With
    ``offer_protection`` (a first run) it first offers to protect the folder with a passphrase."""
    from supervise.app.app import SuperviseApp

    app = SuperviseApp(content, sessions_dir, offer_protection=offer_protection)
    app.run()
    return app.return_code or 0
