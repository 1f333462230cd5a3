"""Tick boxes and radio buttons whose state shows as a mark, not only as a colour."""

from __future__ import annotations

from typing import Any

from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Checkbox, RadioButton


def _show_mark(button: Checkbox | RadioButton, mark: str) -> None:
    # BUTTON_INNER is the toggle's documented way to choose its character; set on the
    # instance, so each button shows its own state.
    button.BUTTON_INNER = mark if button.value else " "


class MarkedCheckbox(Checkbox):
    """A checkbox showing ✔ when ticked and a blank when not, in any theme.

    Unlike Textual's, its label may wrap over several lines (give it ``text-wrap: wrap``), so
    long sub-points are read whole.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _show_mark(self, "✔")

    def watch_value(self) -> None:
        """Keep the mark in step with the value (Textual's own watcher runs too)."""
        super().watch_value()
        _show_mark(self, "✔")

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many lines as the wrapped label needs."""
        if self.styles.text_wrap != "wrap":
            return 1
        # ToggleButton pins its height to one line; Widget's own measure honours the wrapping.
        return Widget.get_content_height(self, container, viewport, width)


class MarkedRadioButton(RadioButton):
    """A radio button showing ● when chosen and a blank when not, in any theme."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _show_mark(self, "●")

    def watch_value(self) -> None:
        """Keep the mark in step with the value (Textual's own watcher runs too)."""
        super().watch_value()
        _show_mark(self, "●")
