"""Grammar passes: tidy a phrase once, and finish a sentence."""

from __future__ import annotations

import re

WH = ("how ", "why ", "what ", "when ", "where ")
"""How a clause that reads as a question ("how X can ...") begins."""
_CLOSERS = ",.;:?!)"
_ENDING = " .?!;:,"
_STRAY_STOPS = re.compile(r"\.+(?=[.?!])")
_EDGE_PUNCTUATION = "\"'‘’“”()[],.;:?!"


def _core(word: str) -> str:
    return word.strip(_EDGE_PUNCTUATION).lower()


def _repeats(previous: str, word: str) -> bool:
    """True when ``word`` says ``previous`` again ("the the", "you you.")."""
    return previous.isalpha() and previous.lower() == _core(word)


def clean_words(text: str) -> str:
    """Single-spaced ``text`` with no space before punctuation and no word said twice in a row."""
    kept: list[str] = []
    for word in text.split():
        if kept and word[0] in _CLOSERS:
            kept[-1] += word
        elif kept and _repeats(kept[-1], word):
            # Keep the later copy, which carries any punctuation.
            kept[-1] = word
        else:
            kept.append(word)
    return " ".join(kept)


def finish(text: str) -> str:
    """``text`` with a capital first letter and exactly one closing "?" or "."."""
    if ".." in text or ".?" in text or ".!" in text:
        text = _STRAY_STOPS.sub("", text)
    body = text.rstrip(_ENDING)
    # Inner sentences keep their own stops; only the last run of punctuation becomes one mark.
    text = body + ("?" if "?" in text[len(body) :] else ".")
    for index, character in enumerate(text):
        if character.isalpha():
            return text[:index] + character.upper() + text[index + 1 :]
    return text
