"""Tick boxes and radio buttons whose state shows as a mark, not only as a colour."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox, RadioButton


class MarkedCheckbox(Checkbox):
    """A checkbox showing ✔ when ticked and a blank when not, in any theme."""

    def render(self) -> Content:
        """Draw the box with a mark that matches the value."""
        self.BUTTON_INNER = "✔" if self.value else " "
        return super().render()


class MarkedRadioButton(RadioButton):
    """A radio button showing ● when chosen and a blank when not, in any theme."""

    def render(self) -> Content:
        """Draw the button with a mark that matches the value."""
        self.BUTTON_INNER = "●" if self.value else " "
        return super().render()
