"""Users' text made safe to show: control characters drawn, never obeyed (the one cleaner, used
for the terminal, the app and every exported record)."""

from __future__ import annotations

import re

# C0 controls (but tab and newline) and DEL become their visible Unicode pictures (␛ for
# escape), so a pasted terminal sequence shows as what it is instead of acting on a terminal or
# a viewer.
_PICTURES = {code: 0x2400 + code for code in range(0x20) if code not in (0x09, 0x0A)}
_PICTURES[0x7F] = 0x2421
# C1 controls (U+009B starts a terminal command as ESC [ does), the bidirectional overrides and
# isolates that can make a line read differently from what it holds, and lone surrogates (a
# bad paste the store keeps losslessly, which cannot be shown or written as UTF-8) each become
# the replacement character.
_REPLACED = {code: 0xFFFD for code in (*range(0x80, 0xA0), *range(0x202A, 0x202F))}
_REPLACED.update({code: 0xFFFD for code in range(0x2066, 0x206A)})
_TABLE = {**_PICTURES, **_REPLACED}
_SURROGATES = re.compile("[\ud800-\udfff]")

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""One character that must never reach a terminal as it is (``visible`` changes each)."""

_JSON_ESCAPED = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def visible(text: str) -> str:
    """``text`` with line ends made "\\n" and every control character replaced by a visible
    stand-in (tab and newline kept), so what a person typed or pasted can be printed or drawn
    without moving the cursor, changing colours or ringing the bell."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii() and text.isprintable():
        return text
    return _SURROGATES.sub("\ufffd", text.translate(_TABLE))


def json_visible(text: str) -> str:
    """JSON text (from json.dumps with ensure_ascii=False) with the characters a terminal would
    obey, and lone surrogates, written as \\u escapes: the same data, safe to print."""
    return _JSON_ESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
