"""Tick boxes and radio buttons whose state shows as a mark, not only as a colour."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Checkbox, RadioButton


class MarkedCheckbox(Checkbox):
    """A checkbox showing ✔ when ticked and a blank when not, in any theme.

    Unlike Textual's, its label may wrap over several lines (give it ``text-wrap: wrap``), so
    long sub-points are read whole.
    """

    def render(self) -> Content:
        """Draw the box with a mark that matches the value."""
        self.BUTTON_INNER = "✔" if self.value else " "
        return super().render()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many lines as the wrapped label needs."""
        if self.styles.text_wrap != "wrap":
            return 1
        # ToggleButton pins its height to one line; Widget's own measure honours the wrapping.
        return Widget.get_content_height(self, container, viewport, width)


class MarkedRadioButton(RadioButton):
    """A radio button showing ● when chosen and a blank when not, in any theme."""

    def render(self) -> Content:
        """Draw the button with a mark that matches the value."""
        self.BUTTON_INNER = "●" if self.value else " "
        return super().render()
