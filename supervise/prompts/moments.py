"""How a doing is told in time: one act, something noticed, or work kept up over months.

A stem says "had to", "tried to", "that moment"; some handles want other words there:
nobody "tries to" notice (they have to), what is noticed is told as the time it was so ("a
time when a person was intoxicated"), and what is kept up over time is needed, not tried once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from supervise.prompts.handle import Handle

_HAVING = (
    ("as they tried to {act}", "when they had to {act}"),
    ("try to {act}", "have to {act}"),
    ("set out to {act}", "had to {act}"),
    ("tried to {act}", "had to {act}"),
    ("worked to {act}", "had to {act}"),
    ("trying to {act}", "having to {act}"),
)
_NEEDING = (
    # Not "as they carry on {doing}": "carry on keeping the dialogue going".
    ("for the next time they {act}", "for as the work goes on"),
    # Not "while {doing}": "what did you feel while keeping contact within ..." is stilted.
    ("tried to {act}", "worked to {act}"),
    # Kept up over time has no one moment to think of.
    ("Thinking of that moment,", "Over that piece of work,"),
    ("try to {act}", "work to {act}"),
    ("had to {act}", "needed to {act}"),
    ("have to {act}", "need to {act}"),
    ("having to {act}", "needing to {act}"),
)


def _reworded(template: str, wordings: tuple[tuple[str, str], ...]) -> str:
    """``template`` with each wording replaced in turn (longer ones are listed first)."""
    for said, meant in wordings:
        template = template.replace(said, meant)
    return template


def without_trying(template: str) -> str:
    """One does not try to notice or recognise something: one has to."""
    return _reworded(template, _HAVING)


def over_time(template: str) -> str:
    """What is kept up over time was needed, not tried once ("as you tried to keep ...")."""
    return _reworded(template, _NEEDING)


REFLECTING = re.compile(r"^reflect\s+on\s+(your\s+.+)$", re.IGNORECASE)
"""Reflecting on something of one's own ("your own values and attitudes")."""
_NOTICING = re.compile(
    r"^(?:recognise|recognize|notice|spot)\s+(?!(?:and|or|how|that|to|what|whether)\b)(.+)$",
    re.IGNORECASE,
)
_PRESENT = {"is": "was", "are": "were", "becomes": "became", "seems": "seemed", "has": "had"}


@dataclass(frozen=True)
class Noticed:
    """Something a practitioner noticed, told as the time it was so."""

    seen: str
    """What was seen: "the person was intoxicated", "strain in the relationship"."""
    time: str
    """The time it was so: "a time when a person was intoxicated"."""


def noticed(handle: Handle) -> Noticed | None:
    """ "recognise when a person is intoxicated" or "notice strain ..." as what was seen and
    the time it was so; None where the handle is no such noticing."""
    match = _NOTICING.match(handle.text) if handle.verb else None
    if match is None:
        return None
    words = match.group(1).split()
    if words[0].lower() != "when":
        seen = " ".join(words)
        return Noticed(seen, f"a recent time you noticed {seen}")
    at = next((i for i, word in enumerate(words) if word.lower() in _PRESENT), None)
    if at is None or at == 1:
        return None
    words[at] = _PRESENT[words[at].lower()]
    return Noticed(" ".join(words[1:]), "a time " + " ".join(words))


def as_seen(template: str) -> str:
    """A cue's template for a time something was seen to be so ("when they saw {act}")."""
    template = template.replace("{doing}", "noticing {act}")
    template = template.replace("did to {act}", "did when they saw {act}")
    template = template.replace("having to {act}", "realising {act}")
    template = template.replace("how they {act}", "how they came to see {act}")
    template = template.replace("they draw on when noticing", "they drew on when noticing")
    template = template.replace("expects of them", "expected of them")
    template = template.replace("how clear they are about it", "how clear they were about it")
    template = template.replace("as they {act}", "once they saw {act}")
    for doing in ("had to", "came to", "tried to", "set out to", "worked to"):
        template = template.replace(f"{doing} {{act}}", "saw {act}")
    return template.replace("to {act}", "to see {act}")


ONE_MOMENT = re.compile(
    r"at the time|go back|back then|as it happened|that moment|this time|just before|think back",
    re.IGNORECASE,
)
"""Words that put a question at one moment: they do not fit work kept up over time."""
