"""People served: the full names a person marked, found again in any case or spacing."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from string import ascii_uppercase


def tidy_name(name: str) -> str:
    """A name with its spacing made plain ("  Jane   Smith " reads "Jane Smith")."""
    return " ".join(name.split())


def person_letter(index: int) -> str:
    """The letter of the ``index``-th person marked: A to Z, then AA, AB ..."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = ascii_uppercase[rest] + letters
    return letters


def person_placeholder(index: int) -> str:
    """What replaces the ``index``-th person's name: "[person A]"."""
    return f"[person {person_letter(index)}]"


@lru_cache(maxsize=32)
def _pattern(name: str) -> re.Pattern[str] | None:
    words = name.split()
    if not words:
        return None
    # Any run of spaces (a line break too) between the words; never inside a longer word.
    body = r"\s+".join(re.escape(word) for word in words)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def served_names(text: str, served: Sequence[str]) -> Iterator[tuple[int, int, int]]:
    """(start, end, index in ``served``) of each marked name written in ``text``.

    An emptied entry (a name unmarked) keeps its place, so the letters of the others hold.
    """
    for index, name in enumerate(served):
        pattern = _pattern(tidy_name(name))
        if pattern is None:
            continue
        for match in pattern.finditer(text):
            yield match.start(), match.end(), index
