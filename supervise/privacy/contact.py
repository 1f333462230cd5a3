"""Ways to reach a person: UK postcodes, UK phone numbers, e-mail addresses."""

from __future__ import annotations

import re
from collections.abc import Iterator

POSTCODE_PATTERN = re.compile(
    r"(?<![A-Za-z0-9])(?:GIR ?0AA|[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]"
    r"|[A-HK-Y][0-9][ABEHMNPRVWXY]) ?[0-9][ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])",
    re.IGNORECASE,
)
"""A UK postcode: outward code, optional space, inward code (Royal Mail's letter rules)."""

PHONE_PATTERN = re.compile(
    r"(?<![\w+])(?:(?:\+44|0044)[ -]?(?:\(0\)[ -]?)?|\(?0)\d(?:\)?[ -]?\d){7,9}(?!\d)"
)
"""A UK number: +44, 0044 or 0, then digits grouped by spaces, hyphens or a bracketed code."""

EMAIL_PATTERN = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
"""An e-mail address (a full stop ending a sentence is left out)."""

ORDINAL = re.compile(r"1st|2nd|3rd|\dth")
"""An inward code that reads as an ordinal in small letters ("2nd"), not a postcode."""

_UK_FIRST_DIGITS = "123578"
"""How UK numbers start after the 0: geographic (1, 2), non-geographic (3), mobile (7), 08."""


def postcodes(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each UK postcode in ``text``.

    Without a space, only capitals count: "m11ae" in running text is more likely a typo than
    an address; nor is "b1 2nd" (floor) one in small letters.
    """
    for match in POSTCODE_PATTERN.finditer(text):
        found = match.group()
        if found.isupper() or (" " in found and not ORDINAL.fullmatch(found[-3:])):
            yield match.span()


def is_uk_phone(text: str) -> bool:
    """Whether ``text`` reads as a UK landline or mobile number, national or +44."""
    digits = "".join(ch for ch in text if ch.isdigit())
    if not digits.isascii():
        return False
    if text.startswith(("+44", "0044")):
        national = digits[2:] if text.startswith("+") else digits[4:]
        if "(0)" in text:
            national = national[1:]
    elif digits.startswith("0"):
        national = digits[1:]
    else:
        return False
    return len(national) in (9, 10) and national[0] in _UK_FIRST_DIGITS


def phone_numbers(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each UK phone number in ``text``."""
    for match in PHONE_PATTERN.finditer(text):
        if is_uk_phone(match.group()):
            yield match.span()


def emails(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each e-mail address in ``text``."""
    for match in EMAIL_PATTERN.finditer(text):
        yield match.span()
