"""Users' text made safe to show on a terminal: control characters drawn, never obeyed."""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides that can
# make a line read differently from what it holds.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        # Unicode's Control Pictures: ESC shows as ␛, BEL as ␇.
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


def visible(text: str) -> str:
    """``text`` with every control character replaced by a visible stand-in (tab and newline
    kept, carriage return shown as ␍), so what a person typed or pasted can be printed without
    moving the cursor, changing colours or ringing the bell."""
    return _CONTROL.sub(_picture, text)
