"""The keys that work on the current screen, on one line; click a key to press it."""

from __future__ import annotations

from textual.content import Content
from textual.events import Click, MouseMove
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Static

PALETTE_WORDS = "All commands"
"""What the command palette's key says: plainer than Textual's "palette"."""

Key = tuple[str, str, str, bool, str]
"""One key in the bar: its name, how it is written, its words, whether it works, what it does."""

Shown = tuple[Key, ...]
"""What the bar shows, in order."""


def _key_content(display: str, description: str, enabled: bool) -> Content:
    """One key as it reads in the bar, dimmed if it does nothing now."""
    words = f"[b $footer-key-foreground]{escape(display)}[/] {escape(description)}"
    return Content.from_markup(words if enabled else f"[dim]{words}[/]")


class KeyBar(Static):
    """Every key the screen shows in the footer, drawn as one widget.

    Textual's Footer is a widget per key, which made it a quarter of the widgets on the walk
    screen and about 20 ms of opening a session (see benchmarks/). Here the keys are one line
    of text: clicking a key or its words presses it, and a key that does nothing now is dimmed.
    It follows the screen's bindings the way the Footer does, and redraws only when the keys
    it shows change.
    """

    GAP = 2
    """Cells between one key and the next."""

    def __init__(self) -> None:
        super().__init__("", id="key-bar")
        self._shown: Shown | None = None
        self._pending = False
        self._spans: list[tuple[int, int, Key]] = []

    def on_mount(self) -> None:
        """Show the keys now, and again whenever the screen's bindings change."""
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._show_if_changed()

    def on_unmount(self) -> None:
        """Stop following the screen's bindings."""
        self.screen.bindings_updated_signal.unsubscribe(self)

    def shown(self) -> Shown:
        """The keys the bar would show for the screen's bindings as they are now."""
        keys: list[Key] = []
        palette: Key | None = None
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            display = self.app.get_key_display(binding)
            entry = (binding.key, display, binding.description, enabled, tooltip or binding.tooltip)
            if binding.key == self.app.COMMAND_PALETTE_BINDING:
                palette = entry
            elif binding.show:
                keys.append(entry)
        if palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            # First, so that a narrow terminal never cuts off the way to every other command.
            key, display, _, enabled, _ = palette
            keys.insert(0, (key, display, PALETTE_WORDS, enabled, "Search every command"))
        return tuple(keys)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        # Textual reports a change on every focus change; look once the burst is over.
        if not self._pending:
            self._pending = True
            self.call_after_refresh(self._show_if_changed)

    def _show_if_changed(self) -> None:
        self._pending = False
        if not self.is_attached:
            return
        shown = self.shown()
        if shown == self._shown:
            return
        self._shown = shown
        pieces: list[Content] = []
        self._spans = []
        column = 0
        for entry in shown:
            _, display, description, enabled, _ = entry
            piece = _key_content(display, description, enabled)
            if enabled:
                self._spans.append((column, column + piece.cell_length, entry))
            pieces.append(piece)
            column += piece.cell_length + self.GAP
        self.update(Content(" " * self.GAP).join(pieces))

    def key_at(self, x: int) -> Key | None:
        """The key drawn at column ``x`` of the bar, if one that works now is there."""
        for start, end, key in self._spans:
            if start <= x < end:
                return key
        return None

    def on_click(self, event: Click) -> None:
        """Press the key that was clicked."""
        key = self.key_at(event.x)
        if key is not None:
            event.stop()
            self.app.simulate_key(key[0])

    def on_mouse_move(self, event: MouseMove) -> None:
        """Say what the key under the pointer does."""
        key = self.key_at(event.x)
        self.tooltip = key[4] if key is not None and key[4] else None
