"""Every user action declared once: its key, its footer label and its command-palette entry."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial

from textual.app import SystemCommand
from textual.binding import Binding
from textual.widget import Widget


@dataclass(frozen=True)
class Command:
    """A user action: the footer, the key bindings and the palette are all built from these."""

    action: str
    """The Textual action name (``next_item`` runs ``action_next_item``)."""
    key: str
    """The key (or comma-separated keys) that run it; "" for a palette-only command."""
    title: str
    """Short label, shown in the footer and the palette."""
    help: str
    """One sentence for the palette: what it does."""
    footer: bool = True
    """Whether the footer shows it."""
    priority: bool = False
    """Whether it wins over a focused widget's own use of the key."""
    palette: str = ""
    """A fuller name for the palette, where the footer's label is too short to search for."""

    def binding(self) -> Binding:
        """The Textual binding for this command."""
        return Binding(
            self.key,
            self.action,
            self.title,
            show=self.footer,
            priority=self.priority,
            tooltip=self.help,
        )


FOCUS_BINDINGS: list[Binding | tuple[str, str] | tuple[str, str, str]] = [
    # Textual moves the focus once the field being left has handled the tab, by which time the
    # keys typed straight after it have already been handed to that field. As priority
    # bindings the focus moves in turn with the keys, so each lands where it was typed.
    Binding("tab", "app.focus_next", "Next field", show=False, priority=True),
    Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True),
]
"""Tab and shift+tab, bound once on the App so that every screen, dialogs included, has them."""


def bindings(commands: Iterable[Command]) -> list[Binding | tuple[str, str] | tuple[str, str, str]]:
    """Bindings for a screen's ``BINDINGS`` built from its commands."""
    return [command.binding() for command in commands if command.key]


def palette_entries(node: Widget, commands: Iterable[Command]) -> Iterator[SystemCommand]:
    """Palette entries for the commands that ``node`` can run right now."""
    for command in commands:
        # "set_confidence(3)" is checked as "set_confidence", as Textual does for bindings.
        if node.check_action(command.action.split("(")[0], ()) is False:
            continue
        key = command.key.split(",")[0]
        yield SystemCommand(
            command.palette or command.title,
            f"{command.help} ({key})" if key else command.help,
            partial(node.run_action, command.action),
        )


REPLACE_IDENTIFIERS = Command(
    "replace_identifiers",
    "ctrl+k",
    "Anonymise",
    "Replace what looks like an identifier in this answer with a placeholder",
    priority=True,
    palette="Replace identifiers with placeholders",
)
"""Every session screen: identifiers in the answer being written become placeholders."""
MARK_PERSON = Command(
    "mark_person",
    "ctrl+e",
    "Person served",
    "Mark a full name (the words selected, or typed) as a person served, to replace it",
    footer=False,
    priority=True,
    palette="Mark a person served",
)
"""Every session screen: names people served, so their names are noticed in answers."""
