"""A reflection prompt with its answer area, saved a moment after the last key."""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import Label, TextArea

SAVE_DELAY = 0.3
"""Seconds after the last key before an answer is written: short enough that a crash loses at
most this much typing, long enough that a fast typist does not cause a write per key."""

SAVE_AT_LEAST_EVERY = 0.6
"""Seconds of unbroken typing after which the answer is written anyway, so someone who never
pauses still has everything but the last moment on disk."""


class PromptField(Vertical):
    """One prompt and the multi-line answer to it."""

    def __init__(
        self,
        prompt: str,
        text: str,
        on_save: Callable[[str], None],
        *,
        heading: str = "",
        read_only: bool = False,
        classes: str = "",
    ) -> None:
        super().__init__(classes=f"prompt-field {classes}".strip())
        self.prompt = prompt
        """The prompt's words."""
        self.heading = heading
        """A short label shown before the prompt (e.g. the stage, or "Supervisor")."""
        self._initial = text
        self._on_save = on_save
        self._read_only = read_only
        self._saved_text = text
        self._timer: Timer | None = None
        self._dirty_since: float | None = None

    def compose(self) -> ComposeResult:
        """The prompt above its answer area."""
        heading = f"[b]{self.heading}[/b]  " if self.heading else ""
        yield Label(f"{heading}{self.prompt}", classes="prompt", markup=True)
        area = TextArea(
            self._initial,
            soft_wrap=True,
            tab_behavior="focus",
            read_only=self._read_only,
            classes="answer",
        )
        area.border_title = "Answer" if "supervisor" not in self.classes else "Notes"
        yield area

    @property
    def text(self) -> str:
        """The answer as it stands on screen."""
        return self.query_one(TextArea).text

    @property
    def unsaved(self) -> bool:
        """Whether the answer on screen differs from the last one handed to the store."""
        return self.text != self._saved_text

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Restart the save countdown on every change."""
        event.stop()
        if self._read_only:
            return
        now = monotonic()
        if self._dirty_since is None:
            self._dirty_since = now
        if now - self._dirty_since >= SAVE_AT_LEAST_EVERY:
            self.save()
        elif self._timer is None:
            self._timer = self.set_timer(SAVE_DELAY, self.save)
        else:
            self._timer.reset()

    def save(self) -> None:
        """Hand the answer to the store now if it changed."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._dirty_since = None
        if self.unsaved and not self._read_only:
            self._saved_text = self.text
            self._on_save(self._saved_text)
