"""Turn a phrase addressed to "you" into one about the practitioner ("they")."""

from __future__ import annotations

import re

from supervise.prompts.phrases import word_set

PRACTITIONER = "the practitioner"
"""How a supervisor prompt names the practitioner where a pronoun would be ambiguous."""

# Plural "they" takes the same verb forms as "you", so swapping pronouns keeps agreement; the only
# real decision is whether a bare "you" is a subject ("they") or an object ("them").
_FIXED = {
    "your": "their",
    "yours": "theirs",
    "yourself": "themselves",
    "yourselves": "themselves",
    "you're": "they're",
    "you've": "they've",
    "you'll": "they'll",
    "you'd": "they'd",
}


_PREPOSITIONS = word_set(
    "to with towards toward about from by of at on in into onto upon between among against like"
    " around without within for near beside behind through"
)
_SUBJECT_AFTER = word_set(
    "and or but that how why when where whether if which who what so because while unless until"
    " once though although whereas"
)
_AUXILIARIES = word_set(
    "can could will would shall should may might must need needs are were have had do did don't"
    " can't cannot won't"
)
_OBJECT_BEFORE = _PREPOSITIONS | word_set(
    "to the a an what how that this these those their his her its our some any something"
    " anything everything nothing and or"
)
_COORDINATORS = word_set("and or")
_OTHERS = re.compile(r"\b(?:they|them|their|theirs|themselves)\b", re.IGNORECASE)
_WORD = re.compile(r"\b(?:you(?:[’']\w+)?|your(?:s|self|selves)?)\b", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([\w’']+)\W*$")
_WORD_AFTER = re.compile(r"^\s*([\w’']+)")
_PUNCTUATION_AFTER = re.compile(r"^\s*(?:$|[.,;:!?)])")


def _match_case(original: str, replacement: str) -> str:
    return replacement[0].upper() + replacement[1:] if original[0].isupper() else replacement


def _neighbours(text: str, start: int, end: int) -> tuple[str, str, bool, bool]:
    """The words either side of ``text[start:end]``, and whether a clause starts or ends there."""
    before_text = text[:start].rstrip()
    before = _WORD_BEFORE.search(before_text)
    previous = before.group(1).lower() if before else ""
    after = _WORD_AFTER.match(text[end:])
    following = after.group(1).lower() if after else ""
    clause_start = not before_text or before_text[-1] in ",;:("
    clause_end = bool(_PUNCTUATION_AFTER.match(text[end:]))
    return previous, following, clause_start, clause_end


def _object_you(text: str, start: int, end: int) -> bool:
    """Whether the bare "you" at ``text[start:end]`` is an object ("them"), not a subject."""
    previous, following, clause_start, clause_end = _neighbours(text, start, end)
    if previous in _PREPOSITIONS and not clause_start:
        return True
    if clause_end:
        return True
    if clause_start or previous in _SUBJECT_AFTER or following in _AUXILIARIES:
        return False
    return following in _OBJECT_BEFORE


def _coordinated(text: str, start: int, end: int) -> bool:
    """Whether the word at ``text[start:end]`` is joined by "and"/"or" to another noun."""
    previous, following, _, clause_end = _neighbours(text, start, end)
    return previous in _COORDINATORS or (following in _COORDINATORS and not clause_end)


def _names_practitioner(lower: str, text: str, start: int, end: int) -> bool:
    """Whether "them"/"themselves" for the object ``lower`` would point at someone else."""
    if lower not in ("yourself", "yourselves", "you"):
        return False
    if lower == "you" and not _object_you(text, start, end):
        return False
    # "feelings towards yourself and organisation", "the information they share with you": as
    # "themselves"/"them" these would read as the customers, so the practitioner is named.
    return _coordinated(text, start, end) or bool(_OTHERS.search(text, 0, start))


def third_person(text: str) -> str:
    """Rewrite second-person words in ``text`` as third person (you -> they/them, your -> their)."""

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        lower = word.lower().replace("’", "'")
        start, end = match.start(), match.end()
        if _names_practitioner(lower, text, start, end):
            return _match_case(word, PRACTITIONER)
        if lower in _FIXED:
            replacement = _FIXED[lower]
            if "’" in word:
                replacement = replacement.replace("'", "’")
        elif lower == "you":
            replacement = "them" if _object_you(text, start, end) else "they"
        else:
            return word
        return _match_case(word, replacement)

    return _WORD.sub(swap, text)
