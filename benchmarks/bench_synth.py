"""Deterministic synthetic data shared by the benchmark and its child processes (stdlib only).

Everything here is a pure function of an index, so a baseline child can rebuild in memory the very
rows the parent wrote into a sessions folder, without reading the folder.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

FRAGMENTS = (
    "We talked about the visit on Tuesday and what the tenant needed from me.",
    "I kept to the boundary we agreed, though it was hard when she was upset.",
    "Next time I will check the care plan before the call, not after it.",
    "Diolch yn fawr iawn — the Welsh-speaking family asked for letters in Cymraeg.",
    "Pan Kowalski said: „zażółć gęślą jaźń”, laughing, and the tension eased.",
    "The young person drew a 🙂 then a 😟 on the feelings chart 🌧️→🌤️.",
    "His grandmother greeted me with «مرحبا» and we used the interpreter line.",
    "My supervisor asked what I felt in the room; I noticed I was rushing.",
    "I am not yet confident about the referral criteria for floating support.",
    "Ffion’s caseworker (Łukasz) and I agreed who would ring the school.",
    "I wrote it up the same day, with the facts first and my view after.",
    "Émilie wondered whether the complaint was about me or about the service.",
)
"""Sentences of a realistic answer: English, Welsh, Polish, Arabic, French, emoji."""

ANSWER_CHARS = 500
"""About how long one answer is, in characters."""

FIRST_NAMES = ("Sam", "Alex", "Rhian", "Zofia", "Amal", "Gethin", "Łucja", "Noor", "Emyr", "Priya")
"""Pseudonyms for practitioners and supervisors."""
INITIALS = "ABCDEFGHJKLMNPRSTW"
"""Surname initials (people often type initials only)."""
FIRST_DATE = date(2019, 1, 1)
"""The oldest session date the synthetic stores use."""
BIG_DATE = "2026-11-23"
"""The date of the 300-answer session: the newest, so it sorts first."""
BIG_PRACTITIONER = "Sam B."
"""The practitioner of the 300-answer session."""
BIG_SUPERVISOR = "Alex C."
"""The supervisor of the 300-answer session."""


@dataclass(frozen=True)
class Template:
    """The shape of a kind of session: cloned many times to make a large store."""

    mode: str
    status: str
    total: int
    """Items in scope."""
    answered: int
    """Items with answers (every prompt of an answered item is answered)."""


TEMPLATES = (
    Template("supervision", "in progress", 8, 3),
    Template("self-reflection", "in progress", 12, 12),
    Template("supervision", "completed", 6, 6),
    Template("supervision", "signed", 10, 10),
    Template("self-reflection", "signed", 5, 4),
    Template("supervision", "in progress", 5, 0),
)
"""The kinds of session a store is made of, cycled through in order."""


def answer_text(seed: int, length: int = ANSWER_CHARS) -> str:
    """A realistic answer of about ``length`` characters, always the same for one ``seed``."""
    rng = random.Random(seed)
    words: list[str] = []
    size = 0
    while size < length:
        sentence = rng.choice(FRAGMENTS)
        words.append(sentence)
        size += len(sentence) + 1
    return " ".join(words)[:length].rstrip()


def typed_text(length: int) -> str:
    """Exactly ``length`` characters to type: one line, every character printable."""
    text = ""
    seed = 0
    while len(text) < length:
        text += answer_text(10_000 + seed) + " "
        seed += 1
    return text[:length]


def person(index: int, salt: int) -> str:
    """A pseudonym such as ``Zofia K.``."""
    rng = random.Random(index * 7919 + salt)
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(INITIALS)}."


@dataclass(frozen=True)
class SessionSpec:
    """What the list shows for synthetic session number ``index``."""

    index: int
    template: Template
    date: str
    practitioner: str
    supervisor: str

    @property
    def session_id(self) -> str:
        """A unique 8-hex-digit id, like the store's own."""
        return f"{0x10000000 + self.index:08x}"

    @property
    def created(self) -> str:
        """When the session was created (the day itself, a time from the index)."""
        return f"{self.date}T{9 + self.index % 9:02d}:{self.index % 60:02d}:00+00:00"


def spec(index: int) -> SessionSpec:
    """The synthetic session number ``index`` (cycling through TEMPLATES)."""
    template = TEMPLATES[index % len(TEMPLATES)]
    day = FIRST_DATE + timedelta(days=(index * 37) % 2800)
    supervisor = person(index, 2) if template.mode == "supervision" else ""
    return SessionSpec(index, template, day.isoformat(), person(index, 1), supervisor)


def row_cells(
    when: str, practitioner: str, supervisor: str, mode: str, status: str, progress: str
) -> tuple[str, ...]:
    """The six cells the home screen shows for a session, in its words."""
    shown_mode = "Supervision" if mode == "supervision" else "Self-reflection"
    shown_status = "✔ Signed" if status == "signed" else status.capitalize()
    return (when, practitioner, supervisor or "—", shown_mode, shown_status, progress)


def rows(count: int, big_items: int) -> list[tuple[str, ...]]:
    """The home screen's rows for a store of ``count`` sessions, the big session first."""
    progress = f"{big_items}/{big_items} items"
    big = row_cells(
        BIG_DATE, BIG_PRACTITIONER, BIG_SUPERVISOR, "supervision", "in progress", progress
    )
    result = [big]
    for index in range(count - 1):
        item = spec(index)
        progress = f"{item.template.answered}/{item.template.total} items"
        result.append(
            row_cells(
                item.date,
                item.practitioner,
                item.supervisor,
                item.template.mode,
                item.template.status,
                progress,
            )
        )
    return result
