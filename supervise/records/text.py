"""User text made safe to put in a record: shown as typed, never read as markup or commands."""

from __future__ import annotations

import html
import re

from supervise.visible import visible

# Markdown punctuation that can start markup anywhere in a line (CommonMark lets any ASCII
# punctuation be escaped with a backslash); common viewers add $ (maths), :name: (emoji), @
# (mentions), = (highlight, setext headings) and ~ (strike-through). "(" and "!" only act after
# "]", which is escaped; a colon after a digit (a time) or before a space starts nothing.
_MD_ANYWHERE = re.compile(r"([\\`*_\[\]<>#|~&$@=]|(?<!\d):(?=\S))")
_MD_LINE_START = re.compile(r"^(\d+)([.)])|^([-+])")
"""What starts a list only at the start of a line: "1." "1)" "-" "+"."""


def html_text(text: str) -> str:
    """``text`` for an HTML element (line breaks are kept by the stylesheet's pre-wrap)."""
    return html.escape(visible(text), quote=True)


def md_inline(text: str) -> str:
    """``text`` as one line of Markdown that shows exactly these characters."""
    return _md_line(" ".join(visible(text).split()))


def _md_line(line: str) -> str:
    line = _MD_ANYWHERE.sub(r"\\\1", line.rstrip())
    # A line that would start a list ("1." "-" "+"); "#", ">" and "*" are escaped anywhere.
    line = _MD_LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", line)
    # Leading spaces would make an indented code block: keep them as no-break spaces.
    stripped = line.lstrip(" \t")
    indent = line[: len(line) - len(stripped)].replace("\t", "    ")
    return "\u00a0" * len(indent) + stripped


def md_block(text: str, quote: bool = True) -> list[str]:
    """``text`` as Markdown lines (a block quote if ``quote``): its line breaks kept, nothing
    in it read as markup."""
    lines = [_md_line(line) for line in visible(text).strip("\n").split("\n")]
    out: list[str] = []
    for index, line in enumerate(lines):
        last = index == len(lines) - 1
        # A backslash at the end is CommonMark's hard line break; a blank line ends a paragraph.
        if line and not last and lines[index + 1]:
            line += "\\"
        out.append(("> " + line if line else ">") if quote else line)
    return out
