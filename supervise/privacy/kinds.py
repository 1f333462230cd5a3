"""What an identifier found in text is: its kind, where it is, and what replaces it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    """The kinds of identifier noticed, in the order they win when two claim the same text."""

    EMAIL = "e-mail address"
    NHS_NUMBER = "NHS number"
    PHONE = "phone number"
    POSTCODE = "postcode"
    BIRTH_DATE = "date of birth"
    PERSON = "person served"

    @property
    def described(self) -> str:
        """The kind with its article, as a sentence uses it ("an NHS number")."""
        article = "an" if self.value[0] in "aeiouAEIOUN" else "a"
        return f"{article} {self.value}"

    @property
    def placeholder(self) -> str:
        """What replaces an identifier of this kind (people get a letter each instead)."""
        return f"[{self.value}]"


@dataclass(frozen=True)
class Finding:
    """One likely identifier in a text: ``text[start:end]``, and the placeholder for it."""

    kind: Kind
    start: int
    end: int
    text: str
    placeholder: str

    @property
    def shown(self) -> str:
        """The identifier on one line, as a warning quotes it."""
        return " ".join(self.text.split())
