"""A quiet line under an answer saying what in it looks like an identifier, and the key."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.widget import Widget
from textual.widgets import Static

from supervise.app.commands import REPLACE_IDENTIFIERS

if TYPE_CHECKING:
    from supervise.privacy import Finding

SHOWN = 3
"""Identifiers quoted on the line at most; the rest are counted."""


def hint_text(findings: Sequence[Finding]) -> str:
    """The line for ``findings``: "Looks like an NHS number: 943 476 5919 · ctrl+k to replace"."""
    if not findings:
        return ""
    key = REPLACE_IDENTIFIERS.key
    # The same name written three times is one thing to say.
    said = list(dict.fromkeys((f.kind.described, f.shown) for f in findings))
    if len(said) == 1:
        (kind, shown), *_ = said
        what = "it" if len(findings) == 1 else "them"
        return f"⚠ Looks like {kind}: {shown} · {key} to replace {what}"
    quoted = [f"{kind} ({shown})" for kind, shown in said[:SHOWN]]
    more = len(said) - SHOWN
    if more > 0:
        quoted.append(f"{more} more")
    listed = ", ".join(quoted[:-1]) + " and " + quoted[-1]
    return f"⚠ Looks like {listed} · {key} to replace them"


class IdentifierHint(Static):
    """Hidden until the answer above it holds something that may identify a person served."""

    def __init__(self) -> None:
        # The ".problem" style: warning colour, hidden unless "-shown".
        super().__init__("", classes="problem identifier-hint", markup=False)
        self._shown: tuple[tuple[str, str], ...] = ()

    def show(self, findings: Sequence[Finding]) -> None:
        """Say what ``findings`` are, or hide when there are none (redrawn only on a change)."""
        shown = tuple((f.kind.value, f.shown) for f in findings)
        if shown == self._shown:
            return
        flipped = bool(shown) != bool(self._shown)
        self._shown = shown
        self.update(hint_text(findings))
        self.set_class(bool(findings), "-shown")
        if flipped and self.is_attached:
            # The key that replaces them shows in the key bar only while there is something.
            self.screen.refresh_bindings()

    def on_mount(self) -> None:
        """Added with something to say (see AnswerArea): the key bar should offer the key."""
        if self._shown:
            self.screen.refresh_bindings()

    @property
    def shown(self) -> bool:
        """Whether the line is saying something now."""
        return bool(self._shown)


@runtime_checkable
class KnowsServed(Protocol):
    """A screen that knows the names marked as people served in its session."""

    def served_names(self) -> tuple[str, ...]:
        """The names marked, in order ("" where one was unmarked)."""
        ...


def served_names_of(widget: Widget) -> tuple[str, ...]:
    """The names marked as people served in the session ``widget`` is part of: its own screen's,
    else (in a form over a session screen) those of the screen below; none outside a session."""
    screen = widget.screen
    if isinstance(screen, KnowsServed):
        return screen.served_names()
    below = (s for s in reversed(widget.app.screen_stack) if isinstance(s, KnowsServed))
    return next((s.served_names() for s in below), ())
