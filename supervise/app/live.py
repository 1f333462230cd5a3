"""How the open session's save state reads on the save line."""

from __future__ import annotations

from supervise.store.door import SaveState, SessionDoor

__all__ = ["SaveState", "SessionDoor", "describe"]


def describe(state: SaveState) -> str:
    """The save line's text, e.g. ``✔ Saved 14:03``.

    A save in flight does not change it, and it names the minute, not the second: saves follow
    every pause in typing, and a line flickering between "Saving…" and "Saved" at that pace
    distracts (each change also redraws the screen between it and the answer being typed; see
    benchmarks/). Quitting still waits for the disk and says so if it fails.
    """
    if state.error:
        return f"⚠ Not saved: {state.error} (kept, and tried again — your text is still here)"
    if state.saved_at is None:
        return "Saving…" if state.pending else "Nothing to save yet"
    return f"✔ Saved {state.saved_at:%H:%M}"
