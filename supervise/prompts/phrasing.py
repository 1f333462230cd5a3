"""Read a competence statement as the phrase that fills a template's slot."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from supervise.content.model import Form, Item, Role, SectionKind
from supervise.prompts.person import third_person
from supervise.prompts.tidy import clean_words

ACTION = "action"
"""The slot for statements of what someone does: a base-form verb phrase ("deal with ...")."""
TOPIC = "topic"
"""The slot for statements of what someone knows: a noun phrase or wh-clause ("how to ...")."""

# Each lead-in is dropped and the rest becomes the phrase. Order matters: the longest wording wins.
_PRACTICE_LEADS = (
    # Performance criteria are written to the practitioner: "you deal with ...".
    re.compile(r"you\s+(?:must\s+|should\s+|will\s+|need\s+to\s+)?", re.IGNORECASE),
    # "\s*" also accepts the source's run-together "Anability to".
    re.compile(r"(?:(?:an|the)\s*)?(?:ability|capacity|capability)\s+to\s+", re.IGNORECASE),
    re.compile(r"(?:being\s+)?able\s+to\s+", re.IGNORECASE),
    re.compile(r"to\s+", re.IGNORECASE),
)
_KNOWING = r"(?:(?:an?|the)\s+)?(?:knowledge|understanding|awareness)"
_KNOWLEDGE_LEADS = (
    re.compile(_KNOWING + r"(?:\s+and\s+(?:knowledge|understanding|awareness))?\s+of\s+", re.I),
)
# "Knowledge that X" needs a noun in front of the clause to read as a topic ("about the fact that").
_KNOWLEDGE_THAT = re.compile(_KNOWING + r"\s+that\s+", re.IGNORECASE)

# What introduces a list of sub-points ("..., and:", "... e.g.:") is not part of the statement.
_TRAILING = re.compile(
    r"(?:\s*,?\s*(?:and/or|and|or|e\.g\.?|i\.e\.?|including|such\s+as|for\s+example|as\s+follows)\s*:"
    r"|\s*,?\s+e\.g\.?"
    r"|(?<!\betc)\s*[.]"
    r"|\s*[:;,])+\s*$",
    re.IGNORECASE,
)
_ARTICLES = frozenset({"The", "A", "An"})


@dataclass(frozen=True)
class Phrasing:
    """How one statement fills a template: its form and the slot phrase for each person."""

    form: Form
    practitioner: str
    """The phrase as written to the practitioner ("you", "your")."""
    supervisor: str
    """The same phrase about the practitioner ("they", "their")."""

    @property
    def slot(self) -> str:
        """The template placeholder name this phrasing fills: "action" or "topic"."""
        return ACTION if self.form is Form.PRACTICE else TOPIC

    def for_role(self, role: Role) -> str:
        """The phrase for a prompt addressed to ``role``."""
        return self.practitioner if role is Role.PRACTITIONER else self.supervisor


def clean_statement(text: str) -> str:
    """``text`` on one line, without the punctuation that leads into its sub-points."""
    return _TRAILING.sub("", clean_words(text))


def _keeps_capital(text: str) -> bool:
    """True when the first word is an acronym or a proper noun, which stay capitalised."""
    words = text.split(maxsplit=2)
    if not words:
        return False
    first = words[0].strip("'‘\"“(")
    if first in _ARTICLES:
        return False
    if any(letter.isupper() for letter in first[1:]) or first == "I":
        return True
    # "Mental Health Act ..." — two capitalised words in a row mark a name, not a sentence start.
    return len(words) > 1 and first[:1].isupper() and words[1][:1].isupper()


def lower_first(text: str) -> str:
    """``text`` with a sentence-initial capital lowered, unless it starts an acronym or a name."""
    if not text or _keeps_capital(text):
        return text
    return text[0].lower() + text[1:]


def _form_and_phrase(statement: str, kind: SectionKind) -> tuple[Form, str]:
    for lead in _PRACTICE_LEADS:
        match = lead.match(statement)
        if match and match.end() < len(statement):
            return Form.PRACTICE, statement[match.end() :]
    for lead in _KNOWLEDGE_LEADS:
        match = lead.match(statement)
        if match and match.end() < len(statement):
            return Form.KNOWLEDGE, statement[match.end() :]
    match = _KNOWLEDGE_THAT.match(statement)
    if match and match.end() < len(statement):
        return Form.KNOWLEDGE, "the fact that " + statement[match.end() :]
    # No telling lead-in: the section says what the statement is ("how to ...", "Recognise ...").
    form = Form.KNOWLEDGE if kind is SectionKind.KNOWLEDGE else Form.PRACTICE
    return form, lower_first(statement)


@cache
def phrase(item: Item) -> Phrasing:
    """The form of ``item`` and its slot phrase for the practitioner and for the supervisor."""
    # Remembered: the item list and the prompts both ask for every item's phrase as a session
    # opens, and the answer never changes for an item.
    form, words = _form_and_phrase(clean_statement(item.text), item.kind)
    return Phrasing(form=form, practitioner=words, supervisor=third_person(words))
