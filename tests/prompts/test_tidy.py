"""The grammar passes applied to phrases and filled-in templates."""

from __future__ import annotations

import pytest

from supervise.prompts.tidy import clean_words, finish


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("  the  the cat\n sat ", "the cat sat"),
        ("a list , with gaps ;", "a list, with gaps;"),
        ("You you deal", "you deal"),
        ("them. Them", "them. Them"),
    ],
)
def test_clean_words(text: str, cleaned: str) -> None:
    assert clean_words(text) == cleaned


@pytest.mark.parametrize(
    ("text", "finished"),
    [
        ("what happened?", "What happened?"),
        ("what happened.?", "What happened?"),
        ("what happened??", "What happened?"),
        ("describe it. What happened ?.", "Describe it. What happened?"),
        ("they said so;", "They said so."),
        ("'quoted' start", "'Quoted' start."),
    ],
)
def test_finish_gives_one_capital_and_one_closing_mark(text: str, finished: str) -> None:
    assert finish(text) == finished
