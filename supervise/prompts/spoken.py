"""Say a derived phrase in fewer words, as a person would, and check what it copies."""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DOUBLED = frozenset(
    {"get", "put", "set", "stop", "plan", "admit", "refer", "run", "sit", "commit", "drop", "cut"}
)


def gerund(verb: str) -> str:
    """The -ing form of a base-form verb ("make" -> "making", "get" -> "getting")."""
    lower = verb.lower()
    if lower in ("be", "see", "agree", "flee"):
        return verb + "ing"
    if lower.endswith("ie"):
        return verb[:-2] + "ying"
    if lower.endswith("e") and not lower.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    if lower in _DOUBLED:
        return verb + verb[-1] + "ing"
    return verb + "ing"


# Words ending in "ly" that are not adverbs of manner ("early", "family", "apply").
_NOT_MANNER = _words(
    "only early family likely apply supply reply rely ally daily weekly monthly yearly timely"
    " elderly friendly lonely costly"
)
# "the impact that working with people in crisis can have on you": how it can affect you.
_IMPACT = re.compile(
    r"^(the\s+(?:impact|effects?|toll))\s+that\s+(.+?)\s+(?:(?:can|could|may|might|will|would)"
    r"\s+)?(?:have|has)\s+on\s+(\w+)\b",
    re.IGNORECASE,
)
# "why it is important to use supervision to reflect on ...": using supervision to reflect.
_WHY_IMPORTANT = re.compile(
    r"^why\s+it\s+is\s+(?:important|essential|vital|necessary)\s+to\s+(\w+)(?:\s+and\s+(\w+))?",
    re.IGNORECASE,
)


def without_manner(text: str) -> tuple[str, bool]:
    """A verb phrase without the adverb just after its verb ("talk openly with" -> "talk
    with"), so that what is talked about fits in the handle; whether one was dropped."""
    words = text.split()
    if len(words) > 3 and words[1].lower().endswith("ly") and words[1].lower() not in _NOT_MANNER:
        return " ".join(words[:1] + words[2:]), True
    return text, False


def reworded(piece: str, limit: int) -> str:
    """A noun phrase that says its point in fewer words, where a long form has a short one."""
    piece = _IMPACT.sub(r"how \2 can affect \3", piece)
    why = _WHY_IMPORTANT.match(piece)
    if why and len(piece.split()) > limit:
        verbs = " and ".join(gerund(verb) for verb in why.groups() if verb)
        piece = verbs + piece[why.end() :]
    return piece


RUN_WORDS = 9
"""The most words in a row a prompt may repeat from its statement (ten would read as copied)."""
_WORD = re.compile(r"[\w’'-]+")


def run(phrase: str, statement: str) -> int:
    """The most consecutive words of ``statement`` that ``phrase`` repeats."""
    mine = [w.replace("’", "'") for w in _WORD.findall(phrase.lower())]
    theirs = [w.replace("’", "'") for w in _WORD.findall(statement.lower())]
    best, previous = 0, [0] * (len(theirs) + 1)
    for word in mine:
        current = [0] * (len(theirs) + 1)
        for j, other in enumerate(theirs, start=1):
            if word == other:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best
