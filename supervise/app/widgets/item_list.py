"""The side list of a session's items, marking which have answers and which is current."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from supervise.prompts import handles_of

if TYPE_CHECKING:
    from supervise.content import Library

ANSWERED, SKIPPED, OPEN, CURRENT = "✔", "–", "○", "▶"
FLAGGED = "⚑"
"""Beside the mark of an item flagged "bring to supervision"."""
WORDS = 19
"""How many characters of the statement each line shows: enough to recognise it."""


class ItemList(OptionList):
    """One line per item in scope: a mark (✔ answered, – skipped, ○ not yet; ⚑ flagged to bring
    to supervision), its reference and words."""

    def __init__(
        self,
        library: Library,
        refs: Sequence[str],
        *,
        answered: Iterable[str] = (),
        skipped: Iterable[str] = (),
        flagged: Iterable[str] = (),
        current: str = "",
        id: str | None = None,
    ) -> None:
        self.library = library
        """Where item texts come from."""
        self.refs = list(refs)
        """The items in scope, in order."""
        self._answered = set(answered)
        self._skipped = set(skipped)
        self._flagged = set(flagged)
        self._current = current
        # Filled, marked and pointed here rather than once mounted: adding options later lays
        # the screen out again, and each changed line made the list measure every line again.
        options = [Option(self._line(ref), id=ref) for ref in self.refs]
        super().__init__(*options, id=id, markup=False)

    def _line(self, ref: str) -> str:
        mark = ANSWERED if ref in self._answered else SKIPPED if ref in self._skipped else OPEN
        pointer = CURRENT if ref == self._current else " "
        # The handle names what the item is about; the statements' lead-ins all read alike.
        words = handles_of(self.library.item(ref))[0].text if self.library.has_item(ref) else "?"
        if len(words) > WORDS:
            words = words[:WORDS].rsplit(" ", 1)[0] + "…"
        short = ref.split("/", 1)[1]
        flag = FLAGGED if ref in self._flagged else " "
        return f"{pointer}{mark}{flag}{short} {words}"

    def mark(self, answered: set[str], skipped: Iterable[str] | None = None) -> None:
        """Redraw the marks for new sets of answered (and, if given, skipped) items."""
        skipped = self._skipped if skipped is None else set(skipped)
        changed = (answered ^ self._answered) | (skipped ^ self._skipped)
        self._answered, self._skipped = set(answered), skipped
        for ref in changed:
            if ref in self.refs:
                self.replace_option_prompt(ref, self._line(ref))

    def flag(self, ref: str, flagged: bool) -> None:
        """Show or hide the "bring to supervision" flag on ``ref``'s line."""
        if (ref in self._flagged) == flagged:
            return
        self._flagged ^= {ref}
        if ref in self.refs:
            self.replace_option_prompt(ref, self._line(ref))

    def show_current(self, ref: str) -> None:
        """Point at and highlight the current item."""
        previous, self._current = self._current, ref
        if previous != ref:
            for changed in {previous, ref} & set(self.refs):
                self.replace_option_prompt(changed, self._line(changed))
        if ref in self.refs:
            self.highlighted = self.refs.index(ref)
