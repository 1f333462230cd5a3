"""A button that, when someone types on it, passes the keys on instead of dropping them."""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import Button


class TypeToOpenButton(Button):
    """A button that opens a form; letters typed while it has focus are posted as ``Typed``.

    Tab from a text field often lands on such a button while the person goes on typing what
    the button's form asks for; those keys belong in the form, not nowhere.
    """

    class Typed(Message):
        """Printable text typed while the button had focus."""

        def __init__(self, button: TypeToOpenButton, text: str) -> None:
            super().__init__()
            self.button = button
            """The button typed on."""
            self.text = text
            """What was typed."""

        @property
        def control(self) -> TypeToOpenButton:
            """The button typed on (for ``@on`` selectors)."""
            return self.button

    def on_key(self, event: events.Key) -> None:
        """Pass printable keys on, space too (it is part of the words); enter presses."""
        if event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            self.post_message(self.Typed(self, event.character))
