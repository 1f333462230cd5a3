"""The prompt lint: what every generated prompt must be, and the figures that describe them all."""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from supervise.content import Framework, ReflectiveModel, Role
from supervise.prompts import ItemPrompts, brief, prompts_for_framework

MAX_WORDS = 40
"""No practitioner prompt is longer."""
MAX_RUN = 10
"""No prompt repeats this many words of its statement in a row."""
MAX_OVERLAP = 0.45
"""The most of a supervisor cue's words that its practitioner question may share."""
MIN_OPENINGS = 20
"""Distinct three-word openings per model, at least."""
MAX_OPENING_SHARE = 0.15
"""No three-word opening starts more of a model's practitioner prompts than this."""
MIN_UNIQUE_CUES = 0.60
"""At least this share of supervisor prompts appear for one item only."""

_DETERMINERS = frozenset(
    ["a", "an", "the", "their", "your", "his", "her", "its", "our", "my", "this", "these", "those"]
)
_ABBREVIATIONS = re.compile(r"\b(?:e\.g|i\.e|etc)\b", re.IGNORECASE)
_WORD = re.compile(r"[\w’'-]+")


def words(text: str) -> list[str]:
    """Lowercase words of ``text`` with punctuation stripped (curly apostrophes made straight)."""
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


def longest_run(prompt: str, statement: str) -> int:
    """The most consecutive words of ``statement`` that ``prompt`` repeats."""
    a, b = words(prompt), words(statement)
    best = 0
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0] * (len(b) + 1)
        for j, y in enumerate(b, start=1):
            if x == y:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def overlap(cue: str, question: str) -> float:
    """The share of the cue's distinct words that the question also uses."""
    mine = set(words(cue))
    return len(mine & set(words(question))) / len(mine) if mine else 0.0


@dataclass
class Figures:
    """What the lint measured over one model's prompts."""

    model: str
    practitioner_lengths: list[int] = field(default_factory=list)
    openings: Counter[str] = field(default_factory=Counter)
    overlaps: list[float] = field(default_factory=list)
    cues: Counter[str] = field(default_factory=Counter)
    runs: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """The figures as a few lines for the test output."""
        lengths = self.practitioner_lengths
        common, count = self.openings.most_common(1)[0]
        unique = sum(1 for n in self.cues.values() if n == 1) / len(self.cues.values() or [1])
        unique_share = sum(n for n in self.cues.values() if n == 1) / sum(self.cues.values())
        in_range = sum(15 <= n <= 25 for n in lengths) / len(lengths)
        return (
            f"{self.model}: {len(lengths)} practitioner prompts, words median"
            f" {statistics.median(lengths):g} (min {min(lengths)}, max {max(lengths)}, 15-25:"
            f" {in_range:.0%}); {len(self.openings)} three-word openings, commonest"
            f" {common!r} {count / len(lengths):.0%}; supervisor/practitioner overlap max"
            f" {max(self.overlaps):.0%} (median {statistics.median(self.overlaps):.0%});"
            f" supervisor prompts for one item only {unique_share:.0%} ({unique:.0%} of texts);"
            f" longest statement run {max(self.runs)} words"
        )


def lint(frameworks: Iterable[Framework], model: ReflectiveModel) -> Figures:
    """Check every prompt ``model`` gives for ``frameworks``; return the figures and problems."""
    figures = Figures(model.id)
    for framework in frameworks:
        for item_prompts in prompts_for_framework(framework, model):
            _lint_item(item_prompts, figures)
    lengths = figures.practitioner_lengths
    if len(figures.openings) < MIN_OPENINGS:
        figures.problems.append(f"{model.id}: only {len(figures.openings)} openings")
    for opening, count in figures.openings.items():
        if count / len(lengths) > MAX_OPENING_SHARE:
            figures.problems.append(f"{model.id}: {opening!r} opens {count} prompts")
    unique = sum(n for n in figures.cues.values() if n == 1) / sum(figures.cues.values())
    if unique < MIN_UNIQUE_CUES:
        figures.problems.append(f"{model.id}: only {unique:.0%} of cues are one item's own")
    return figures


def _lint_item(item_prompts: ItemPrompts, figures: Figures) -> None:
    item = item_prompts.item
    said = " ".join(p.text for p in item_prompts.prompts).lower()
    for point in item.points:
        if brief(point).lower() not in said:
            figures.problems.append(f"{item.ref}: sub-point {brief(point)!r} is named nowhere")
    for prompt in item_prompts.prompts:
        where = f"{item.ref} {prompt.stage} {prompt.role.value}: {prompt.text}"
        text = prompt.text
        figures.problems.extend(f"{why} — {where}" for why in problems_of(text))
        run = longest_run(text, item.text)
        figures.runs.append(run)
        if run >= MAX_RUN:
            figures.problems.append(f"repeats {run} statement words — {where}")
        if prompt.role is Role.PRACTITIONER:
            count = len(words(text))
            figures.practitioner_lengths.append(count)
            figures.openings[" ".join(words(text)[:3])] += 1
            if count > MAX_WORDS:
                figures.problems.append(f"{count} words — {where}")
            if text.count("?") > 2:
                figures.problems.append(f"more than two questions — {where}")
        else:
            figures.cues[text] += 1
            question = item_prompts.for_stage(prompt.stage, Role.PRACTITIONER)
            assert question is not None
            share = overlap(text, question.text)
            figures.overlaps.append(share)
            if share > MAX_OVERLAP:
                figures.problems.append(f"shares {share:.0%} with its question — {where}")


def problems_of(text: str) -> list[str]:
    """What is wrong with one prompt's text as a sentence."""
    found = []
    if not text[:1].isupper():
        found.append("no capital start")
    if text[-1:] not in "?." or text[-2:-1] in "?.!;:, ":
        found.append("does not end with one ? or .")
    for sentence in re.split(r"[.?!;:]\s", text):
        listed = words(sentence)
        for a, b in itertools.pairwise(listed):
            if a == b:
                found.append(f"doubled word {a!r}")
            elif a in _DETERMINERS and b in _DETERMINERS:
                found.append(f"doubled determiner {a} {b}")
    if _ABBREVIATIONS.search(text):
        found.append("an abbreviation (e.g., i.e., etc)")
    if "{" in text or "}" in text or "  " in text:
        found.append("template residue")
    return found
