"""A drop-down's closed face, drawn like a compact Select until someone uses it."""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import Static


class FilterFace(Static, can_focus=True):
    """Looks like a closed compact Select; asks for the real one when clicked or opened.

    The home screen shows two filters on every start, and building two Selects (each with a
    list of options) cost about a tenth of the start (see benchmarks/). Most starts never touch
    them, so each is built the first time it is used.
    """

    DEFAULT_CSS = """
    FilterFace {
        height: 1;
        color: $foreground 50%;
        background: $surface;
        pointer: pointer;
        &:focus {
            background-tint: $foreground 5%;
        }
    }
    """

    class Wanted(Message):
        """The person opened this filter: its Select should take its place, open."""

        def __init__(self, face: FilterFace) -> None:
            super().__init__()
            self.face = face
            """The face to replace."""

    def __init__(self, prompt: str, *, id: str | None = None) -> None:
        super().__init__(markup=False, id=id)
        self.prompt = prompt
        """What the filter says while nothing is chosen."""

    def render(self) -> str:
        """The prompt, then the down arrow at the right edge, as a compact Select draws them."""
        # A compact Select keeps one cell of padding on the right and two for its arrow.
        width = max(self.size.width - 3, 0)
        return f"{self.prompt[:width]:<{width}} ▼ "

    def on_click(self, event: events.Click) -> None:
        """A click opens the filter."""
        event.stop()
        self.post_message(self.Wanted(self))

    def on_key(self, event: events.Key) -> None:
        """Enter, space or down opens the filter, as on a Select."""
        if event.key in ("enter", "space", "down"):
            event.stop()
            event.prevent_default()
            self.post_message(self.Wanted(self))
