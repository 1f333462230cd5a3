"""The prompt lint over both models, for the shipped content and for frameworks it never saw."""

from __future__ import annotations

import pytest

from supervise.content import Library
from tests.prompts.lint import lint, problems_of

SHIPPED = ("h3-25", "cyp-4.3")
UNSEEN = ("test-styles", "test-unseen")
"""Statements and sub-points only, no handles: long multi-part statements, "e.g." lists and
knowledge worded "An ability to draw on knowledge ..."."""


@pytest.mark.parametrize("frameworks", [SHIPPED, UNSEEN], ids=["shipped", "unseen"])
@pytest.mark.parametrize("model_id", ["driscoll", "gibbs"])
def test_every_prompt_passes_the_lint(
    full_library: Library, frameworks: tuple[str, ...], model_id: str
) -> None:
    figures = lint([full_library.frameworks[f] for f in frameworks], full_library.models[model_id])
    print(f"\n{'/'.join(frameworks)} {figures.summary()}")
    assert figures.problems == []


def test_the_unseen_frameworks_have_no_handles(full_library: Library) -> None:
    for framework_id in UNSEEN:
        items = full_library.frameworks[framework_id].items()
        assert items and all(item.handle is None for item in items)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("think of a customer.", "no capital start"),
        ("Think of a customer", "does not end with one ? or ."),
        ("Think of the the customer.", "doubled word 'the'"),
        ("Consistent with the your role?", "doubled determiner the your"),
        ("Deal with this e.g. reflecting back.", "an abbreviation (e.g., i.e., etc)"),
        ("About {topic}?", "template residue"),
    ],
)
def test_the_lint_can_fail(text: str, problem: str) -> None:
    assert problem in problems_of(text)
