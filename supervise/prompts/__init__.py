"""Reflective prompts generated from competence statements and reflective-model templates."""

from supervise.prompts.generate import (
    POINTS_STAGE,
    ItemPrompts,
    Prompt,
    PromptBook,
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
    "PromptBook",
    "phrase",
    "prompts_for",
    "prompts_for_framework",
    "third_person",
]
