"""The save indicator: "✔ Saved 14:03", "Saving…" before the first save, or what went wrong."""

from __future__ import annotations

from textual.widgets import Static

from supervise.app.live import SaveState, describe


class SaveStatus(Static):
    """Shows the app's current save state; told of every change, redrawn only when it reads
    differently."""

    _shown = ""

    def show(self, state: SaveState) -> None:
        """Display ``state``."""
        self.show_text(describe(state))
        self.set_class(state.error is not None, "-error")
        self.set_class(state.saved_at is None and state.pending and not state.error, "-pending")

    def show_text(self, text: str) -> None:
        """Display ``text`` until the next state."""
        if text == self._shown:
            return
        self._shown = text
        # One line at full width whatever it says: no need to lay the screen out again.
        self.update(text, layout=False)
