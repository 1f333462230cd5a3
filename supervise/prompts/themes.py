"""What a statement touches that a supervisor listens for: risk, boundaries, strong feelings."""

from __future__ import annotations

import re
from enum import Enum
from functools import cache

from supervise.content.model import Item


class Theme(Enum):
    """A concern a statement raises, each with the red flags a supervisor checks for."""

    RISK = "risk"
    BOUNDARY = "boundary"
    DEPENDENCY = "dependency"
    COLLUSION = "collusion"
    FEELINGS = "feelings"
    RUPTURE = "rupture"
    RULES = "rules"
    DOUBT = "doubt"
    MISTAKE = "mistake"
    OWN = "own responses"
    """Knowing about the practitioner's own responses: asked as noticing, never as looking up."""
    WAYS = "own ways"
    """Knowing about the practitioner's own qualities or habits ("being warm", "being rigid")."""


class Knowing(Enum):
    """What a knowing statement is knowledge of, which decides how it is asked."""

    FACTS = "facts"
    """Something to explain, teach or apply to a case (the law, local services, a method)."""
    OWN_RESPONSES = "own responses"
    """The practitioner's own reactions to the work: noticed in oneself, with support offered."""
    OWN_WAYS = "own ways"
    """The practitioner's own qualities or habits: seen in their work, never looked up."""


_SIGNS: dict[Theme, str] = {
    # Not "reducing harm" (harm reduction is a way of working), "safe practice" or a person
    # who may not be ready "to disclose" their use: none of these is a risk to check at once.
    Theme.RISK: r"risk|(?<!reducing )(?<!reduce )\bharm\b(?! reduction)|safeguard|immediate action"
    r"|could not wait|challenging behaviour|\bsafe\b(?! practice)"
    r"|\bdisclosures?\b|abuse|danger|urgent|self-harm|overdose|violence",
    # Before boundaries: dependency is the more telling of the two where both are touched.
    Theme.DEPENDENCY: r"\bdependen|\bdepend on",  # not "independent"
    Theme.BOUNDARY: r"boundar|limits|role\b|frequency|level and type of contact|how often"
    r"|continuing contact|level of emotional support|enough emotional support|\bending|disengag",
    Theme.COLLUSION: r"collu|side of a family|taking sides|independent perspective",
    Theme.FEELINGS: r"anger|angry|frustrat|\bloss\b|grief|let down|negative feelings|fears?\b"
    r"|distress|emotional support|hostil",
    Theme.RUPTURE: r"strain|rupture|contribution|own part|own mistakes|habits that get in the way"
    r"|reduce the probability",
    Theme.RULES: r"legislat|law\b|policy|policies|procedure|rights|duties|complaints|appeals"
    r"|requirements|judicial|guidance",
    Theme.DOUBT: r"disagree|mistrust|scepticism|sceptical|doubts|defensive",
    Theme.MISTAKE: r"\bmistakes?\b",
    # The limits of their own competence, their own stress: noticed in themselves, not taught.
    Theme.OWN: r"(?:have|has|had)\s+on\s+you\b"
    r"|\byour\s+own\s+(?:responses|reactions|feelings|competence|stress|wellbeing)\b",
    Theme.WAYS: r"\bpractitioner\s+(?:factors|qualities|characteristics|attributes)\b"
    r"|\byour\s+own\s+(?:qualities|habits|manner|style)\b",
}
_PATTERNS = {theme: re.compile(pattern, re.IGNORECASE) for theme, pattern in _SIGNS.items()}

HARD = frozenset({Theme.DEPENDENCY, Theme.COLLUSION, Theme.FEELINGS, Theme.RUPTURE, Theme.MISTAKE})
"""Themes that can be hard to talk about: prompts on them say first that they are common."""


@cache
def themes_of(item: Item) -> tuple[Theme, ...]:
    """The themes ``item`` touches, most pressing first (risk before rules)."""
    words = " ".join([item.text, item.handle or "", *item.parts, *(p.text for p in item.points)])
    return tuple(theme for theme, pattern in _PATTERNS.items() if pattern.search(words))
