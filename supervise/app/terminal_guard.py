"""The last guard between people's words and the terminal: no control character is ever drawn.

Screens show user text through ``visible`` (an escape shows as ␛); this filter catches whatever
reaches the terminal another way, such as an answer in its text area or a name in a form, and
drops it there. The words themselves are kept exactly as typed.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from supervise.visible import UNSAFE

# Control characters take no cells, so dropping them keeps every line its width; a lone
# surrogate takes one, as its stand-in does.
_DROP: dict[int, int | None] = {
    code: None for code in (*range(0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F))
}
_DROP.update({code: None for code in range(0x2066, 0x206A)})
_DROP.update({code: 0xFFFD for code in range(0xD800, 0xE000)})
del _DROP[0x09], _DROP[0x0A]


class NoControlCharacters(LineFilter):
    """Drops control characters from every line drawn (tab and newline never reach a line)."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        """The line's segments, any holding a control character cleaned."""
        if not any(UNSAFE.search(segment.text) for segment in segments):
            return segments
        return [
            Segment(segment.text.translate(_DROP), segment.style, segment.control)
            if segment.control is None and UNSAFE.search(segment.text)
            else segment
            for segment in segments
        ]


GUARD = NoControlCharacters()
"""The one filter every widget of the app draws through (see SuperviseApp.get_line_filters)."""
