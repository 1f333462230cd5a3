"""A few words that name what a statement is about: its handle, written or derived."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from supervise.content.model import Item, Point
from supervise.prompts.tidy import WH, clean_words

_ONGOING_VERBS = frozenset(
    {
        "keep",
        "maintain",
        "sustain",
        "stay",
        "remain",
        "tolerate",
        "hold",
        "continue",
        "listen",
        "use",
        "show",
        "accept",
        "respect",
        "see",
        "understand",
        "grasp",
    }
)
_INNER_VERBS = frozenset(
    {"reflect", "notice", "recognise", "recognize", "tolerate", "grasp", "remain", "pick", "spot"}
)


# _derived: supervise.prompts.derive is imported where a handle or brief is derived, not with
# this module: its thirty-odd patterns take ~8 ms to compile, and the shipped content, whose
# handles and briefs are written, never needs them (opening a session waits on that import).


_CONDITION = re.compile(r"\s(?:where|if|whenever|unless|should)\s", re.IGNORECASE)


@dataclass(frozen=True)
class Handle:
    """What an item (or one part of it) is about, as a verb phrase or a noun phrase."""

    text: str
    """"deal with challenging behaviour" (a verb phrase, without "to") or "displaced anger"."""
    verb: bool
    """True for something done ("check ..."), False for a thing or a question ("how ...")."""

    @property
    def label(self) -> str:
        """The handle as an author writes it: "to check ..." or "displaced anger"."""
        return f"to {self.text}" if self.verb else self.text

    @property
    def clause(self) -> bool:
        """True for a "how ..."/"why ..." question, which reads after "about" but not as a thing."""
        return self.verb or self.text.lower().startswith(WH)

    @property
    def inner(self) -> bool:
        """True for something done in the head (reflect, notice, recognise): nothing to hear."""
        return self.verb and self.text.split(" ", 1)[0].lower() in _INNER_VERBS

    @property
    def ongoing(self) -> bool:
        """True for something kept up over time (keep, maintain, tolerate): not one moment."""
        return self.verb and self.text.split(" ", 1)[0].lower() in _ONGOING_VERBS

    @property
    def conditional(self) -> bool:
        """True for something done only if a case calls for it ("take action where risk is
        immediate"): a question about the moment told cannot assume it did."""
        return self.verb and _CONDITION.search(self.text) is not None

    @property
    def kept_up(self) -> bool:
        """True for a gerund of something kept up over time ("maintaining a relationship")."""
        first = self.text.split(" ", 1)[0].lower()
        return not self.verb and first.endswith("ing") and first[:-3] in _ONGOING_VERBS

    @property
    def doing(self) -> str:
        """The handle as a gerund phrase ("checking understanding"), which reads after "in",
        "about" or "when" in any tense; a noun handle as it is."""
        if not self.verb:
            return self.text
        from supervise.prompts.spoken import gerund_phrase  # see _derived

        return gerund_phrase(self.text)

    @property
    def topic(self) -> str:
        """The handle as a noun phrase, for "about ...": verb phrases become "how to ..."."""
        return f"how to {self.text}" if self.verb else self.text


def written(text: str) -> Handle:
    """A handle as a framework author writes it: "to ..." for something done, else a noun."""
    words = clean_words(text)
    if words.lower().startswith("to "):
        return Handle(words[3:], verb=True)
    return Handle(words, verb=False)


def read_as_meant(item: Item) -> str:
    """The statement with each marked slip replaced by its intended reading."""
    text = item.text
    for sic in item.sic:
        text = text.replace(sic.printed, sic.reads)
    return text


@cache
def handles_of(item: Item) -> tuple[Handle, ...]:
    """The item's handle, then one per further part (written in the YAML, or derived)."""
    if item.handle:
        return (written(item.handle), *(written(part) for part in item.parts))
    from supervise.prompts.derive import derive  # see _derived

    return tuple(Handle(text, verb) for text, verb in derive(read_as_meant(item), item.kind))


@cache
def short_of(item: Item) -> Handle | None:
    """The item's short handle: written by its framework, else derived where a cut keeps the
    point, else None."""
    if item.short:
        return written(item.short)
    if item.handle:
        return None
    handle = handles_of(item)[0]
    from supervise.prompts.derive import derive_short  # see _derived

    short = derive_short(handle.text, handle.verb)
    return Handle(short, handle.verb) if short else None


_SAFEGUARD = re.compile(r"\b(?:consent|agreement|permission)\b", re.IGNORECASE)
_SHARED_OF = re.compile(r"\bthe\s+\w+\s+(?:or|and)\s+\w+\s+of\s+(?:the\s+)?")
# A first word with no ending of a noun or adjective, followed by what a verb acts on.
_BARE_VERB = re.compile(
    r"^(?!\w+(?:s|ing|ed|ly|al|ful|ive|ous|ent|ant|ion)\s)([a-z]+)\s"
    r"(?=(?:the|a|an|other|how|what|their|any|them|it|whether|when|on|up)\b)"
)


@cache
def brief(point: Point) -> str:
    """A few words for ``point`` in a list ("being rigid" stays, long points are cut)."""
    if point.brief:
        return point.brief
    from supervise.prompts.derive import BRIEF_WORDS, tidy  # see _derived
    from supervise.prompts.phrases import cut
    from supervise.prompts.spoken import gerund

    text = tidy(point.text)
    text = re.sub(r"^(?:for\s+the\s+\w+\s+)?to\s+(\w+)", lambda m: gerund(m.group(1)), text)
    # Points that go on a statement's list of things done ("..., and:" "record the outcomes",
    # "inform other agencies"): said as things done in a list ("recording the outcomes").
    text = _BARE_VERB.sub(lambda m: gerund(m.group(1)) + " ", text)
    # "changes in the strength or content of the street drug supply": changes in the supply.
    text = _SHARED_OF.sub("the ", text) if len(text.split()) > BRIEF_WORDS else text
    short = cut(text, BRIEF_WORDS)
    if _SAFEGUARD.search(text[len(short) :]) and len(text.split()) <= BRIEF_WORDS + 4:
        # "inform other agencies | with the person's consent": the safeguard is the point.
        short = text
    # Only the printed words, and never a made-up ending: where the brief runs to the source's
    # cut, the cut is shown as one; a brief that ends before it is whole as it is.
    reaches_cut = len(short.split()) >= len(text.split())
    return short + "…" if point.truncated and reaches_cut else short
