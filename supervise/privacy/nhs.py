"""NHS numbers: ten digits whose last is a modulus-11 check digit."""

from __future__ import annotations

import re
from collections.abc import Iterator

NHS_PATTERN = re.compile(r"(?<![\d+])\d{3}([ -]?)\d{3}\1\d{4}(?![\d])")
"""Ten digits, alone or grouped 3-3-4 by spaces or hyphens (the same separator twice)."""


def nhs_check_digit(first_nine: str) -> int | None:
    """The check digit for nine digits, or None where no number can have them (remainder 10)."""
    total = sum(
        int(digit) * weight for digit, weight in zip(first_nine[:9], range(10, 1, -1), strict=True)
    )
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def is_nhs_number(text: str) -> bool:
    """Whether ``text`` (digits with any spacing) is ten digits with a valid check digit."""
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) != 10 or not digits.isascii():
        return False
    return nhs_check_digit(digits[:9]) == int(digits[9])


def nhs_numbers(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each NHS number in ``text`` whose check digit is right."""
    for match in NHS_PATTERN.finditer(text):
        if is_nhs_number(match.group()):
            yield match.span()
