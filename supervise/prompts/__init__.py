"""Reflective prompts generated from competence statements and reflective-model templates."""

from supervise.prompts.generate import (
    POINTS_STAGE,
    ItemPrompts,
    Prompt,
    prompts_for,
    prompts_for_framework,
)
from supervise.prompts.person import third_person
from supervise.prompts.phrasing import Phrasing, phrase

__all__ = [
    "POINTS_STAGE",
    "ItemPrompts",
    "Phrasing",
    "Prompt",
    "phrase",
    "prompts_for",
    "prompts_for_framework",
    "third_person",
]
