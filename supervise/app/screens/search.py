"""Search every session for words, and open one where they were written."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from supervise.app.commands import Command, bindings
from supervise.app.widgets.key_bar import KeyBar
from supervise.store.search import Hit, excerpt, search, segments
from supervise.visible import visible

DEBOUNCE = 0.25
"""Seconds of no typing before the search runs: one search per pause, not one per key."""
SLOW = 0.3
"""Seconds a search runs before the screen says it is searching."""
SHOWN = 500
"""Results listed at most: more than anyone reads, few enough to list at once."""
HIGHLIGHT = "reverse bold"
"""How the words found stand out: reverse video reads without colour, in any theme."""


@dataclass(frozen=True)
class Place:
    """A session to open and where in it."""

    path: Path
    at: str


def hit_label(hit: Hit) -> Text:
    """Two lines for a result: the session and where in it, then the line with the words."""
    label = Text()
    label.append(f"{hit.date}  {visible(hit.people)}", style="bold")
    label.append(f"  {hit.status} · {visible(hit.where)}\n", style="dim")
    line, spans = excerpt(hit.line, hit.spans)
    label.append("  ")
    for piece, match in segments(line, spans):
        label.append(visible(piece), style=HIGHLIGHT if match else "")
    return label


class SearchScreen(Screen[Place | None]):
    """A box for words and the places they were found; choosing one opens it there."""

    COMMAND_LIST: ClassVar[tuple[Command, ...]] = (
        Command("results", "down", "Results", "Move to the results", footer=False),
        Command("cancel", "escape", "Back", "Back to the session list"),
    )
    BINDINGS = bindings(COMMAND_LIST)
    AUTO_FOCUS = "#search-words"

    def __init__(self, sessions_dir: Path, words: str = "") -> None:
        super().__init__()
        self.sessions_dir = sessions_dir
        """The folder searched."""
        self.hits: list[Hit] = []
        """The places found for the words now in the box."""
        self._words = words

    def compose(self) -> ComposeResult:
        """The words box, what was found, and the keys."""
        yield Header()
        with Vertical(id="search"):
            yield Input(
                self._words,
                placeholder="Words to find in every session's answers, notes and actions",
                id="search-words",
                # Coming back to add a word must not replace the words already typed.
                select_on_focus=False,
            )
            yield Static(
                "Type a word or two; Enter or ↓ goes to the results.",
                id="search-status",
                markup=False,
            )
            yield OptionList(id="search-results")
        yield KeyBar()

    def on_mount(self) -> None:
        """Title the screen, and search at once for words given."""
        self.sub_title = "Search"
        if self._words.strip():
            self._run(self._words)

    @on(Input.Changed, "#search-words")
    def _typed(self, event: Input.Changed) -> None:
        self._run(event.value)

    @work(exclusive=True, group="search")
    async def _run(self, words: str) -> None:
        import asyncio

        # Exclusive: a new key cancels this wait, so only the last pause in typing searches.
        await asyncio.sleep(DEBOUNCE)
        if not words.strip():
            self._show([], words)
            return
        # A search that takes a while (the first in a large store builds the word index) says
        # so; a quick one never flashes it.
        slow = self.set_timer(SLOW, self._searching)
        try:
            # One more than is listed, to know whether there are more: a word in every session
            # would otherwise read and hold every place in the store (seconds for 10,000).
            hits = await asyncio.to_thread(search, self.sessions_dir, words, SHOWN + 1)
        finally:
            slow.stop()
        self._show(hits, words)

    def _searching(self) -> None:
        self.query_one("#search-status", Static).update("Searching every session…")

    def _show(self, hits: list[Hit], words: str) -> None:
        self.hits = hits
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        results.add_options(Option(hit_label(hit), id=str(n)) for n, hit in enumerate(hits[:SHOWN]))
        sessions = len({hit.path for hit in hits})
        status = self.query_one("#search-status", Static)
        if not words.strip():
            status.update("Type a word or two; Enter or ↓ goes to the results.")
        elif not hits:
            status.update(f"Nothing found for: {visible(words.strip())}")
        elif len(hits) > SHOWN:
            status.update(
                f"More than {SHOWN} places: the newest {SHOWN} are listed (add a word to narrow "
                "it) — Enter opens the one highlighted."
            )
        else:
            plural = "s" if len(hits) != 1 else ""
            status.update(
                f"{len(hits)} place{plural} in {sessions} session{'s' if sessions != 1 else ''}"
                " — Enter opens the one highlighted."
            )

    @on(Input.Submitted, "#search-words")
    def action_results(self) -> None:
        """Move to the results, the first one highlighted."""
        results = self.query_one("#search-results", OptionList)
        if results.option_count:
            results.highlighted = results.highlighted or 0
            results.focus()

    def on_key(self, event: events.Key) -> None:
        """Typing among the results goes on in the words box: no keystroke lands nowhere."""
        words = self.query_one("#search-words", Input)
        if event.is_printable and event.character and self.focused is not words:
            event.stop()
            words.focus()
            words.insert_text_at_cursor(event.character)

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        hit = self.hits[int(event.option.id or 0)]
        self.dismiss(Place(hit.path, hit.place))

    def action_cancel(self) -> None:
        """Back to the session list."""
        self.dismiss(None)
