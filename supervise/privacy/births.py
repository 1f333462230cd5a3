"""Dates of birth: a full date written next to words that say it is one (born, DOB, aged ...).

A date alone is most often a meeting or a deadline, so it is never flagged without such words
before it (in the same sentence) or straight after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
"""The months by their first three letters, January first."""

_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"

NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-]|\.\d)")
"""Day first, as the UK writes it: 3/4/2012, 03-04-12, 03.04.2012."""
ISO = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
"""2012-04-03."""
DAY_MONTH = re.compile(rf"(?<!\w){_DAY}\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})(?!\d)", re.IGNORECASE)
"""3 April 2012, 3rd of Apr 2012."""
MONTH_DAY = re.compile(rf"(?<!\w){_MONTH}\s+{_DAY},?\s+(\d{{4}})(?!\d)", re.IGNORECASE)
"""April 3, 2012."""

BIRTH_WORDS = re.compile(
    r"(?<!\w)(?:born|birth(?:day|date)?|d\.?o\.?b\.?|date of birth)(?!\w)", re.IGNORECASE
)
"""Words saying a date is someone's birth."""
AGE_WORDS = re.compile(
    r"(?<!\w)(?:aged?|years? old|yrs? old|y/o|turn(?:s|ed)?)(?!\w)", re.IGNORECASE
)
"""Words about someone's age: a date they make sense with is a birth date too."""
SENTENCE_BREAK = re.compile(r"[!?;]|\.\s|\n")
"""Where one sentence ends: context beyond it is about something else."""

BEFORE = 48
"""Characters before a date searched for its context."""
AFTER = 12
"""Characters after a date searched for a label written after it ("12/03/2012 (DOB)")."""
OLDEST = 120
"""Years: a date further back is history, not someone's birth."""


def _year(text: str, today: date) -> int:
    """A year as written; two digits mean the most recent such year not after this one."""
    year = int(text)
    if len(text) == 2:
        year += 2000 if year <= today.year % 100 else 1900
    return year


def _month(text: str) -> int:
    return MONTHS.index(text[:3].lower()) + 1


def _dates(text: str, today: date) -> Iterator[tuple[int, int, date]]:
    """(start, end, date) of every full date written in ``text`` that is a real day."""
    found: list[tuple[int, int, int, int, int]] = []
    for match in NUMERIC.finditer(text):
        day, _, month, year = match.groups()
        found.append((*match.span(), _year(year, today), int(month), int(day)))
    for match in ISO.finditer(text):
        year, month, day = match.groups()
        found.append((*match.span(), int(year), int(month), int(day)))
    for match in DAY_MONTH.finditer(text):
        day, month, year = match.groups()
        found.append((*match.span(), int(year), _month(month), int(day)))
    for match in MONTH_DAY.finditer(text):
        month, day, year = match.groups()
        found.append((*match.span(), int(year), _month(month), int(day)))
    for start, end, year, month, day in found:
        try:
            yield start, end, date(year, month, day)
        except ValueError:
            continue


def _near(pattern: re.Pattern[str], text: str, start: int, end: int) -> bool:
    """Whether ``pattern`` is in the same sentence just before ``start``, or just after ``end``."""
    window = text[max(0, start - BEFORE) : start]
    last = None
    for match in pattern.finditer(window):
        last = match
    if last is not None and not SENTENCE_BREAK.search(window, last.end()):
        return True
    after = text[end : end + AFTER]
    following = pattern.search(after)
    # Only a label straight after the date: "12/03/2012 (DOB)", never the next clause's words.
    return following is not None and not after[: following.start()].strip(" ([,:-")


def age_on(born: date, today: date) -> int:
    """Whole years from ``born`` to ``today`` (negative if it is still to come)."""
    before_birthday = (today.month, today.day) < (born.month, born.day)
    return today.year - born.year - before_birthday


def birth_dates(text: str, today: date) -> Iterator[tuple[int, int]]:
    """(start, end) of each date in ``text`` written as someone's date of birth.

    With birth words (born, DOB, date of birth, birthday) any day up to today counts, a
    newborn's too; with words about age (aged, years old, turned) the date must make someone
    at least a year old, so "aged 14, seen 3/4/2026" leaves the meeting date alone.
    """
    for start, end, day in _dates(text, today):
        age = age_on(day, today)
        if not 0 <= age <= OLDEST or day > today:
            continue
        if _near(BIRTH_WORDS, text, start, end) or (
            age >= 1 and _near(AGE_WORDS, text, start, end)
        ):
            yield start, end
