"""Reflective prompts made from competence statements, for a reflective model's stages."""

from supervise.prompts.generate import (
    POINTS_STAGE,
    POINTS_TITLE,
    ItemPrompts,
    Prompt,
    PromptBook,
    form_of,
    prompts_for,
    prompts_for_framework,
)
from supervise.prompts.handle import Handle, brief, handles_of
from supervise.prompts.person import third_person

__all__ = [
    "POINTS_STAGE",
    "POINTS_TITLE",
    "Handle",
    "ItemPrompts",
    "Prompt",
    "PromptBook",
    "brief",
    "form_of",
    "handles_of",
    "prompts_for",
    "prompts_for_framework",
    "third_person",
]
