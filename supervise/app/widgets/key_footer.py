"""Textual's footer of keys, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

Shown = tuple[tuple[str, str, bool, str], ...]
"""What the footer shows: each key with its description, whether it is enabled, its tooltip."""


class KeyFooter(Footer):
    """A Footer that rebuilds once per burst of binding changes, and only if its keys differ.

    Textual rebuilds the footer whenever a screen's bindings might have changed: on each focus
    change, screen switch and refresh_bindings, five times while a session opens. Each rebuild
    mounts and styles a widget per key, a large share of opening a session (see benchmarks/),
    and the keys shown are usually the same.
    """

    def __init__(self) -> None:
        # Compact, the style each key starts in: Textual binds a key's style to its footer's
        # after mounting it, so a roomy footer styled every key twice.
        super().__init__(compact=True)
        self._shown: Shown | None = None
        self._pending = False
        # Textual's footer starts empty and fills in once the screen reports its bindings,
        # which lays the screen out and draws it once more; the keys are known already.
        self.set_reactive(Footer._bindings_ready, True)

    def compose(self) -> ComposeResult:
        """One widget per key the screen shows now."""
        self._shown = self.shown()
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Schedule one look at the keys after the next refresh (Textual calls this)."""
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._pending:
            self._pending = True
            self.call_after_refresh(self._rebuild_if_changed)

    def shown(self) -> Shown:
        """The keys the footer would show for the screen's bindings as they are now."""
        return tuple(
            (binding.key, binding.description, enabled, tooltip)
            for _, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show
        )

    async def _rebuild_if_changed(self) -> None:
        self._pending = False
        if not self.is_attached:
            return
        shown = self.shown()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()
