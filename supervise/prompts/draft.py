"""What building one item's prompts remembers from stage to stage, and how a template is filled
for it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from supervise.content.model import Form, Item, People, Role
from supervise.prompts import cues, moments
from supervise.prompts.cues import Lens
from supervise.prompts.handle import Handle
from supervise.prompts.person import third_person
from supervise.prompts.spoken import past_phrase
from supervise.prompts.themes import Knowing, Theme
from supervise.prompts.tidy import finish


def pick(pool: tuple[str, ...], *keys: int) -> str:
    """One of ``pool``, the same for the same keys on every run."""
    return pool[sum(keys) % len(pool)]


def fill(
    template: str, handle: Handle, people: People, role: Role, later: bool = False, **more: str
) -> str:
    """``template`` with its slots filled; in a supervisor's cue the handle and the people are
    about the practitioner ("they", "their"), while the cue's own "you" is the supervisor."""
    act, topic, doing = handle.text, handle.topic, handle.doing
    if later:
        # Once a moment has been told, its person is "the customer", not "a customer".
        act, topic, doing = (_definite(words, people) for words in (act, topic, doing))
        one = _the(people.one)
    else:
        one = people.one
    values = {"one": one, "the_one": _the(people.one), "many": people.many}
    # Said in few stems; worked out only where one asks for it (fill runs for every candidate cue).
    did = past_phrase(act) if "{did}" in template else ""
    if role is Role.SUPERVISOR:
        act, topic, doing = third_person(act), third_person(topic), third_person(doing)
        # "the person you support" is the practitioner's, not the supervisor's.
        values = {key: third_person(value) for key, value in values.items()}
    # Always "about": "what they know why ..." and "what they know how to carry out ..." are
    # not English, while "what they know about why ..." is; "what they know about how to
    # carry out ..." is, but stilted: a doing is known about as "carrying out ...".
    about = f"about {doing if handle.verb else topic}"
    text = template.format(
        act=act, topic=topic, about=about, doing=doing, did=did, **values, **more
    )
    # "As they talk about talking with ...": the telling said once.
    text = _TALK_TWICE.sub(r"describe \1", text)
    if text.count("change") > 1:
        # "goals for change ..., and who could change it": one "change".
        text = text.replace("who could change it", "who could do something about it")
    # "their relationship with the young person ... strain in the relationship": said once.
    text = _RELATIONSHIP_AGAIN.sub(r"\1", text)
    if _LISTENING.search(text):
        # "As they talk about listening without judging, listen for ...": one listen.
        text = text.replace("listen for whether", "notice whether")
    if "{the_one}" in template or "{one}" in template:
        text = _once(text, people)
    return finish(_ASKED_WH.sub(r"\1 ", text))


_TALK_TWICE = re.compile(r"\btalk about (talking|speaking)\b")
_RELATIONSHIP_AGAIN = re.compile(
    r"(\brelationship with\b.*?)\s+in\s+(?:the|their|your)\s+(?:working\s+)?relationship\b"
)
_LISTENING = re.compile(r"\blistening\b.*\blisten for whether\b")
_HEAD_ENDS = frozenset({"or", "and", "you", "they", "who", "their"})


def served(people: People) -> str:
    """The word for one person served, without its article or who they are with: "customer",
    "young person", "person"."""
    head: list[str] = []
    for word in people.one.split()[1:]:
        if word in _HEAD_ENDS:
            break
        head.append(word)
    return " ".join(head)


def _once(text: str, people: People) -> str:
    """``text`` with the person named once: "their relationship with the customer makes it
    easier or harder to help the customer ..." says "help them" the second time."""
    head = served(people)
    if not head:
        return text
    # Not "the customer's" as "their": in a cue, "their use" is heard as the practitioner's.
    said = re.compile(rf"\b(?:a|an|the) {head}\b(?!'s)")
    first = said.search(text)
    if not first:
        return text
    return text[: first.end()] + said.sub("them", text[first.end() :])


_ASKED_WH = re.compile(
    r"\b(asks? (?:you|them)|teach (?:a )?(?:new )?colleague) about (?=(?:how|why|what|when|where"
    r"|whether|which|who)\b)",
    re.IGNORECASE,
)
"""One asks or teaches someone how a thing is done, not "about how" (a thing keeps "about")."""


_PEOPLE_NOUNS = "customer|young person|family|parent|carer|person|client|service user"


def _definite(text: str, people: People) -> str:
    """``text`` with "a customer" (or the framework's own word) made "the customer"."""
    own = [w for w in people.one.split()[1:] if w.isalpha() and w not in ("or", "and", "their")]
    nouns = "|".join([*own, _PEOPLE_NOUNS])
    return re.sub(rf"\ban? ({nouns})\b", r"the \1", text)


def _the(one: str) -> str:
    """ "a customer" as "the customer": the person of a moment already told."""
    for article in ("a ", "an ", "one "):
        if one.startswith(article):
            return "the " + one[len(article) :]
    return one


def names_person(handle: Handle, people: People) -> bool:
    """Whether the handle already speaks of the person the work is with."""
    person = set(people.one.lower().split()) - {"a", "an", "the", "or", "and", "their", "one"}
    return bool(person & set(re.findall(r"\w+", handle.text.lower().replace("'s", ""))))


def opening(stem: str) -> str:
    """The first three words of a stem, as a listener hears them."""
    return " ".join(stem.lower().split()[:3])


def listed(words: list[str]) -> str:
    """``words`` as said in a list: "a or b", "a, b, or c"."""
    if len(words) < 3:
        return " or ".join(words)
    # The last comma keeps "using alone, or poor physical health" two points, not one.
    return ", ".join(words[:-1]) + ", or " + words[-1]


@dataclass
class Draft:
    """What building one item's prompts needs to remember from stage to stage."""

    item: Item
    people: People
    form: Form
    handles: tuple[Handle, ...]
    themes: tuple[Theme, ...]
    parts: list[Handle]
    """Further parts of the statement not yet asked about."""
    lenses: set[cues.Lens]
    """Lenses the item's cues have used: each stage looks through another."""
    cues: set[cues.Cue]
    """Cues the item has used: none is said twice."""
    asked: set[str]
    """What the item's cues have asked (``Cue.asks``): none asks it again in other words."""
    openings: set[str]
    """How the item's questions so far begin: no two begin alike."""
    last: Lens | None = None
    """The kind of the cue just written (see ``cue_choice._kind``)."""
    cue_named: int = 0
    """How many cues have named the item itself so far."""
    cased: bool = False
    """Whether a question or cue has asked for a case yet (see ``CASE``)."""
    sure: bool = False
    """Whether a question has asked how sure of it they are yet (see ``SURE``)."""

    @property
    def knowing(self) -> bool:
        """Whether the item is asked as knowing rather than doing."""
        return self.form is Form.KNOWLEDGE

    @property
    def ongoing(self) -> bool:
        """Whether the item is work kept up over time, asked as it goes on: then no later
        question or cue treats it as one event gone by."""
        first = self.handles[0]
        told_once = moments.noticed(first) or moments.REFLECTING.match(first.text)
        return not self.knowing and first.ongoing and not told_once

    @property
    def reflecting(self) -> bool:
        """Whether the item is reflecting on the practitioner's own values or feelings: its
        questions and cues stay with the practitioner's views, not the person served."""
        first = self.handles[0]
        return first.verb and bool(moments.REFLECTING.match(first.text))

    @property
    def stance(self) -> bool:
        """Whether the item is a way of being with people ("listen without judging", "validate
        their concerns", "work through a strain"), held by no rule, risk or agreed limit: what
        the organisation expects is beside its point."""
        governed = {Theme.RULES, Theme.BOUNDARY, Theme.RISK}.intersection(self.themes)
        return not self.knowing and not governed

    @property
    def known(self) -> Knowing:
        """What a knowing item is knowledge of (facts for anything done)."""
        if not self.knowing:
            return Knowing.FACTS
        if Theme.OWN in self.themes:
            return Knowing.OWN_RESPONSES
        ways = all(point.text.lower().startswith("being ") for point in self.item.points)
        if Theme.WAYS in self.themes or (self.item.points and ways):
            return Knowing.OWN_WAYS
        return Knowing.FACTS

    @property
    def among_staff(self) -> bool:
        """Whether the work is done with a supervisor or colleagues, or for oneself, and the
        statement names no one served: "how did the person you support respond" to a review
        of their own practice, or to seeking advice, misreads it."""
        text = self.item.text
        return bool(_AMONG_STAFF.search(text)) and not _SERVED.search(text)

    @property
    def about_self(self) -> bool:
        """Whether the item is knowing about the practitioner themselves: later stages speak of
        it as "this", and no question treats it as something looked up."""
        return self.known is not Knowing.FACTS


_AMONG_STAFF = re.compile(
    r"\b(?:supervisor|supervision|senior colleagues?|line manager|offered to you"
    r"|your own (?:practice|stress|learning|development|wellbeing|competence))\b",
    re.IGNORECASE,
)
"""Work done with a supervisor or colleagues, or for the practitioner's own sake."""
_SERVED = re.compile(
    r"\b(?:person|people|customers?|clients?|service users?|young (?:person|people)|famil\w+"
    r"|parents?|carers?|child\w*)\b",
    re.IGNORECASE,
)
"""A statement that names someone the work is with."""
CASE = re.compile(
    r"\b(?:real case|which case|recent case|right now|caseload now|piece of work"
    r"|glad you knew|last time this mattered|real difference|helped you in practice"
    r"|own work shown)\b",
    re.IGNORECASE,
)
"""A question or cue that asks for one real piece of work."""
SOURCE = re.compile(r"\b(?:training|guidance|taught you)\b", re.IGNORECASE)
"""A question that asks where what they know or do comes from."""
SURE = re.compile(r"\b(?:confident|confidence|sure|understand well)\b", re.IGNORECASE)
"""A question that asks how sure of it they are."""
EXPECTED = re.compile(r"\bexpects? of (?:you|them)\b|\borganisation expect", re.IGNORECASE)
"""A question or cue that asks what the organisation or service expects of them."""
