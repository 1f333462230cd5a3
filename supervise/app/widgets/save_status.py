"""The save indicator: "✔ Saved 14:03", "Saving…" or what went wrong."""

from __future__ import annotations

from textual.widgets import Static

from supervise.app.live import SaveState


class SaveStatus(Static):
    """Shows the app's current save state; updated by the app on every change."""

    def show(self, state: SaveState) -> None:
        """Display ``state``."""
        # One line at full width whatever it says: no need to lay the screen out again.
        self.update(state.describe(), layout=False)
        self.set_class(state.error is not None, "-error")
        self.set_class(state.pending and state.error is None, "-pending")
